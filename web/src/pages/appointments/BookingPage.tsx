import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Result, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type Appointment,
  type BookingInput,
  bookOnline,
  cancelBooking,
  changeBooking,
  lookupBooking,
  useBookableItems,
  useBookingDays,
} from '../../api/appointments';
import { applyFieldError } from '../../api/formErrors';
import { usePublicHalls } from '../../api/publicGuide';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { useGuideHall } from '../guide/PublicLayout';
import { SlotPicker } from './SlotPicker';
import './appointments.css';

type Identity = Pick<BookingInput, 'name' | 'idNumber' | 'phone'>;

/** The booking's facts, personal numbers masked. */
export function BookingFacts({ a }: { a: Appointment }) {
  const t = useT();
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('appt.hall')}>{a.hallName}</Descriptions.Item>
      <Descriptions.Item label={t('appt.item')}>{a.itemName}</Descriptions.Item>
      <Descriptions.Item label={t('appt.when')}>
        {a.day} {a.slot}-{a.slotEnd}
      </Descriptions.Item>
      <Descriptions.Item label={t('appt.name')}>{a.name}</Descriptions.Item>
      <Descriptions.Item label={t('appt.idNumber')}>{a.idNumber}</Descriptions.Item>
      <Descriptions.Item label={t('appt.phone')}>{a.phone}</Descriptions.Item>
      <Descriptions.Item label={t('apptAdmin.status')}>
        <Tag color={a.status === 'booked' ? 'blue' : a.status === 'checked_in' ? 'green' : 'default'}>
          {t(`appt.status.${a.status}` as MessageKey)}
        </Tag>
        {a.ticketNumber && <Tag>{a.ticketNumber}</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 网上预约: item → day → slot → identity → code; and lookup, cancel, change by code. Mobile first (390 px). */
export function BookingPage() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [params, setParams] = useSearchParams();
  const halls = usePublicHalls();
  const { setHall } = useGuideHall();
  const hallId = params.get('hall') ?? halls.data?.items[0]?.id;
  const hall = halls.data?.items.find((h) => h.id === hallId) ?? null;
  useEffect(() => setHall(hall), [hall, setHall]);
  const items = useBookableItems(hallId);
  const [itemId, setItemId] = useState<string>();
  const days = useBookingDays(hallId, itemId);
  const [day, setDay] = useState<string>();
  const [slot, setSlot] = useState<string>();
  const [form] = Form.useForm<Identity>();
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<Appointment | null>(null);

  const submit = async (v: Identity) => {
    if (!hallId || !itemId || !day || !slot) return;
    setBusy(true);
    try {
      const a = await bookOnline(hallId, { itemId, day, slot, ...v });
      setBooked(a);
      message.success(t('appt.booked'));
      void days.refetch();
    } catch (e) {
      applyFieldError(form, e);
      notify(e);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setBooked(null);
    setSlot(undefined);
    form.resetFields();
  };

  return (
    <div className="ow-appt">
      <Typography.Title level={3}>{t('appt.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('appt.hint')}</Typography.Paragraph>
      {booked ? (
        <Card>
          <Result
            status="success"
            title={t('appt.booked')}
            subTitle={t('appt.codeHint', { n: days.data?.graceMinutes ?? 0 })}
            style={{ padding: '8px 0' }}
          />
          <div className="ow-appt-label" style={{ textAlign: 'center' }}>
            {t('appt.code')}
          </div>
          <div className="ow-appt-code" data-testid="booking-code">
            {booked.code}
          </div>
          <BookingFacts a={booked} />
          <Button block style={{ marginTop: 16 }} onClick={restart}>
            {t('appt.newBooking')}
          </Button>
        </Card>
      ) : (
        <Card>
          <Form layout="vertical" form={form} onFinish={submit} requiredMark={false}>
            <Form.Item label={t('appt.hall')}>
              <Select
                aria-label={t('appt.hall')}
                value={hallId}
                options={(halls.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
                onChange={(id: string) => {
                  setParams({ hall: id });
                  setItemId(undefined);
                  setDay(undefined);
                  setSlot(undefined);
                }}
              />
            </Form.Item>
            <Form.Item label={t('appt.item')}>
              <Select
                aria-label={t('appt.item')}
                showSearch
                optionFilterProp="label"
                placeholder={t('appt.itemPlaceholder')}
                notFoundContent={t('appt.noItems')}
                value={itemId}
                options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
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
            {slot && (
              <>
                <div className="ow-appt-label">{t('appt.identity')}</div>
                <Form.Item name="name" label={t('appt.name')} rules={[{ required: true, message: t('appt.name') }]}>
                  <Input autoComplete="name" maxLength={50} />
                </Form.Item>
                <Form.Item
                  name="idNumber"
                  label={t('appt.idNumber')}
                  rules={[{ required: true, message: t('appt.idNumber') }]}
                >
                  <Input maxLength={18} inputMode="text" />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label={t('appt.phone')}
                  extra={t('appt.phoneHint')}
                  rules={[{ required: true, message: t('appt.phone') }]}
                >
                  <Input inputMode="tel" autoComplete="tel" maxLength={13} />
                </Form.Item>
                <Button type="primary" htmlType="submit" block size="large" loading={busy}>
                  {t('appt.submit')}
                </Button>
              </>
            )}
          </Form>
        </Card>
      )}
      <ManageByCode />
    </div>
  );
}

/** Look up a booking by its code; cancel it, or change it to another day and slot. */
function ManageByCode() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Appointment | null>(null);
  const [changing, setChanging] = useState(false);
  const [day, setDay] = useState<string>();
  const [slot, setSlot] = useState<string>();
  const days = useBookingDays(
    changing ? found?.hallId : undefined,
    changing ? (found?.itemId ?? undefined) : undefined,
  );
  const run = async (f: () => Promise<Appointment>, ok?: (a: Appointment) => string) => {
    try {
      const a = await f();
      setFound(a);
      if (ok) message.success(ok(a));
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Card title={t('appt.manage')}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('appt.codeInput')}
          placeholder={t('appt.codeInput')}
          value={code}
          maxLength={10}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          onPressEnter={() => code && run(() => lookupBooking(code))}
        />
        <Button type="primary" disabled={!code} onClick={() => run(() => lookupBooking(code))}>
          {t('appt.lookup')}
        </Button>
      </Space.Compact>
      {found && (
        <div style={{ marginTop: 16 }}>
          <BookingFacts a={found} />
          {found.status === 'booked' && (
            <Space wrap style={{ marginTop: 12 }}>
              <Popconfirm
                title={t('appt.cancelConfirm')}
                onConfirm={() =>
                  run(
                    () => cancelBooking(found.code),
                    () => t('appt.cancelled'),
                  )
                }
              >
                <Button danger>{t('appt.cancel')}</Button>
              </Popconfirm>
              <Button onClick={() => setChanging(!changing)}>{t('appt.change')}</Button>
            </Space>
          )}
          {changing && found.status === 'booked' && (
            <>
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
              <Button
                type="primary"
                block
                style={{ marginTop: 12 }}
                disabled={!day || !slot}
                onClick={() =>
                  run(
                    () => changeBooking(found.code, { day: day!, slot: slot! }),
                    (a) => t('appt.changed', { day: a.day, slot: a.slot }),
                  ).then(() => setChanging(false))
                }
              >
                {t('appt.changeTo')} {day} {slot}
              </Button>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
