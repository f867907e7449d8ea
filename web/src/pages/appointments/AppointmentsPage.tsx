import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  type Appointment,
  type AppointmentQuery,
  type AppointmentSettings,
  type BookingInput,
  useAppointmentAdmin,
  useAppointmentSettings,
  useAppointments,
  useBookableItems,
  useBookingDays,
  useCapacity,
  useNoShows,
} from '../../api/appointments';
import { useCan, useMe } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import { HallSelect } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { SlotPicker } from './SlotPicker';
import './appointments.css';
import { formatTime } from '../../components/format';

const STATUSES = ['booked', 'checked_in', 'no_show', 'cancelled'] as const;
const statusColor: Record<string, string> = {
  booked: 'blue',
  checked_in: 'green',
  no_show: 'red',
  cancelled: 'default',
};
const dateTime = (ms: number) => formatTime(ms);

/** 预约管理: the day's bookings, booking for a caller by phone, the no-show list, capacity and rules. */
export function AppointmentsPage() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const [hallId, setHallId] = useState<string | undefined>(me?.halls[0]?.id);
  useEffect(() => {
    if (!hallId && me?.halls[0]) setHallId(me.halls[0].id);
  }, [hallId, me]);
  const manage = can('appointment.manage');
  const tabs = [
    { key: 'day', label: t('apptAdmin.day'), children: hallId && <DayBookings hallId={hallId} /> },
    { key: 'phone', label: t('apptAdmin.phoneBooking'), children: hallId && <PhoneBooking hallId={hallId} /> },
    ...(manage
      ? [
          { key: 'no-shows', label: t('apptAdmin.noShows'), children: hallId && <NoShows hallId={hallId} /> },
          { key: 'settings', label: t('apptAdmin.settings'), children: hallId && <Settings hallId={hallId} /> },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('apptAdmin.title')}
        </Typography.Title>
        <HallSelect aria-label={t('appt.hall')} style={{ minWidth: 240 }} value={hallId} onChange={setHallId} />
      </Space>
      <Tabs items={tabs} destroyOnHidden />
    </Space>
  );
}

function DayBookings({ hallId }: { hallId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [day, setDay] = useState<string>();
  const [status, setStatus] = useState<AppointmentQuery['status']>();
  const [page, setPage] = useState(1);
  const list = useAppointments({ hallId, day, status, page, pageSize: 20 });
  const { cancel } = useAppointmentAdmin();
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          aria-label={t('appt.day')}
          placeholder={t('appt.today')}
          value={day ? dayjs(day) : null}
          onChange={(d) => {
            setDay(d ? d.format('YYYY-MM-DD') : undefined);
            setPage(1);
          }}
        />
        <Select
          aria-label={t('apptAdmin.status')}
          style={{ width: 160 }}
          allowClear
          placeholder={t('apptAdmin.all')}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`appt.status.${s}` as MessageKey) }))}
        />
      </Space>
      <Table<Appointment>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('appt.slot'), width: 120, render: (_, a) => `${a.slot}-${a.slotEnd}` },
          { title: t('appt.item'), dataIndex: 'itemName', ellipsis: true },
          {
            title: t('apptAdmin.person'),
            width: 260,
            render: (_, a) => (
              <span>
                {a.name} · {a.idNumber}
                <br />
                <Typography.Text type="secondary">{a.phone}</Typography.Text>
              </span>
            ),
          },
          { title: t('appt.code'), dataIndex: 'code', width: 110 },
          {
            title: t('apptAdmin.channel'),
            width: 80,
            render: (_, a) => t(`appt.channel.${a.channel}` as MessageKey),
          },
          {
            title: t('apptAdmin.status'),
            width: 170,
            render: (_, a) => (
              <Space size={4} wrap>
                <Tag color={statusColor[a.status]}>{t(`appt.status.${a.status}` as MessageKey)}</Tag>
                {a.late && <Tag color="orange">{t('appt.late')}</Tag>}
                {a.ticketNumber && <Tag>{a.ticketNumber}</Tag>}
              </Space>
            ),
          },
          {
            title: t('apptAdmin.actions'),
            width: 110,
            render: (_, a) =>
              a.status === 'booked' && (
                <Popconfirm
                  title={t('appt.cancelConfirm')}
                  onConfirm={() =>
                    cancel.mutateAsync(a.id).then(() => message.success(t('apptAdmin.cancelled')), notify)
                  }
                >
                  <Button size="small" danger>
                    {t('appt.cancel')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}

type Identity = Pick<BookingInput, 'name' | 'idNumber' | 'phone'>;

function PhoneBooking({ hallId }: { hallId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const items = useBookableItems(hallId);
  const [itemId, setItemId] = useState<string>();
  const days = useBookingDays(hallId, itemId);
  const [day, setDay] = useState<string>();
  const [slot, setSlot] = useState<string>();
  const [form] = Form.useForm<Identity>();
  const { bookByPhone } = useAppointmentAdmin();
  const submit = async (v: Identity) => {
    if (!itemId || !day || !slot) return;
    try {
      const a = await bookByPhone.mutateAsync({ hallId, itemId, day, slot, ...v });
      message.success(t('apptAdmin.booked', { code: a.code }), 8);
      form.resetFields();
      setSlot(undefined);
      void days.refetch();
    } catch (e) {
      applyFieldError(form, e);
      notify(e);
    }
  };
  return (
    <Card style={{ maxWidth: 760 }}>
      <Form layout="vertical" form={form} onFinish={submit}>
        <Form.Item label={t('appt.item')}>
          <Select
            aria-label={t('appt.item')}
            showSearch
            optionFilterProp="label"
            placeholder={t('appt.itemPlaceholder')}
            notFoundContent={t('appt.noItems')}
            value={itemId}
            options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.categoryName}）` }))}
            onChange={(id: string) => {
              setItemId(id);
              setDay(undefined);
              setSlot(undefined);
            }}
          />
        </Form.Item>
        {itemId && (
          <SlotPicker
            data={days.data}
            loading={days.isLoading}
            day={day}
            slot={slot}
            onDay={(d) => {
              setDay(d);
              setSlot(undefined);
            }}
            onSlot={setSlot}
          />
        )}
        <Space wrap align="start" style={{ marginTop: 16 }}>
          <Form.Item name="name" label={t('appt.name')} rules={[{ required: true, message: t('appt.name') }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('appt.idNumber')}
            rules={[{ required: true, message: t('appt.idNumber') }]}
          >
            <Input style={{ width: 240 }} maxLength={18} />
          </Form.Item>
          <Form.Item name="phone" label={t('appt.phone')} rules={[{ required: true, message: t('appt.phone') }]}>
            <Input style={{ width: 180 }} maxLength={13} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" disabled={!slot} loading={bookByPhone.isPending}>
          {t('appt.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function NoShows({ hallId }: { hallId: string }) {
  const t = useT();
  const list = useNoShows(hallId, true);
  return (
    <Card>
      <Table
        rowKey={(r) => `${r.idNumber}-${r.lastAt}`}
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('appt.name'), dataIndex: 'name', width: 120 },
          { title: t('appt.idNumber'), dataIndex: 'idNumber', width: 220 },
          { title: t('appt.phone'), dataIndex: 'phone', width: 160 },
          { title: t('apptAdmin.noShowCount'), dataIndex: 'noShows', width: 100 },
          { title: t('apptAdmin.lastNoShow'), width: 170, render: (_, r) => dateTime(r.lastAt) },
          {
            title: t('apptAdmin.blockedUntil'),
            render: (_, r) =>
              r.blockedUntil ? (
                <Tag color="red">{dateTime(r.blockedUntil)}</Tag>
              ) : (
                <Tag>{t('apptAdmin.notBlocked')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

function Settings({ hallId }: { hallId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const capacity = useCapacity(hallId);
  const settings = useAppointmentSettings(hallId);
  const { saveCapacity, saveSettings } = useAppointmentAdmin();
  const [places, setPlaces] = useState<Record<string, number>>({});
  const [form] = Form.useForm<AppointmentSettings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  useEffect(() => {
    setPlaces(Object.fromEntries((capacity.data?.items ?? []).map((c) => [c.categoryId, c.capacity])));
  }, [capacity.data]);
  const values = Form.useWatch([], form) ?? settings.data;
  const fields: (keyof AppointmentSettings)[] = [
    'slotMinutes',
    'daysAhead',
    'graceMinutes',
    'noShowLimit',
    'noShowDays',
    'blockDays',
  ];
  return (
    <Space align="start" wrap size="large">
      <Card title={t('apptAdmin.capacity')} style={{ width: 520 }}>
        <Table
          rowKey="categoryId"
          size="small"
          pagination={false}
          loading={capacity.isLoading}
          dataSource={capacity.data?.items ?? []}
          columns={[
            { title: t('apptAdmin.category'), render: (_, c) => `${c.prefix} · ${c.name}` },
            {
              title: t('apptAdmin.capacity'),
              width: 140,
              render: (_, c) => (
                <InputNumber
                  aria-label={`${c.prefix} ${t('apptAdmin.capacity')}`}
                  min={0}
                  max={500}
                  value={places[c.categoryId] ?? 0}
                  onChange={(v) => setPlaces((p) => ({ ...p, [c.categoryId]: Number(v ?? 0) }))}
                />
              ),
            },
          ]}
        />
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          loading={saveCapacity.isPending}
          onClick={() =>
            saveCapacity
              .mutateAsync({
                hallId,
                items: Object.entries(places).map(([categoryId, n]) => ({ categoryId, capacity: n })),
              })
              .then(() => message.success(t('apptAdmin.capacitySaved')), notify)
          }
        >
          {t('apptAdmin.saveCapacity')}
        </Button>
      </Card>
      <Card title={t('apptAdmin.settings')} style={{ width: 560 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            saveSettings.mutateAsync({ hallId, settings: v }).then(
              () => message.success(t('apptAdmin.settingsSaved')),
              (e) => {
                applyFieldError(form, e);
                notify(e);
              },
            )
          }
        >
          <Space wrap>
            {fields.map((f) => (
              <Form.Item key={f} name={f} label={t(`apptAdmin.${f}` as MessageKey)} rules={[{ required: true }]}>
                <InputNumber min={0} style={{ width: 150 }} />
              </Form.Item>
            ))}
          </Space>
          {values && (
            <Typography.Paragraph type="secondary">
              {t('apptAdmin.rule', {
                n: values.noShowLimit,
                days: values.noShowDays,
                block: values.blockDays,
                grace: values.graceMinutes,
              })}
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" loading={saveSettings.isPending}>
            {t('apptAdmin.saveSettings')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
