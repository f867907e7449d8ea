import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import {
  type Equipment,
  type EquipmentKind,
  equipmentKinds,
  useAddEquipment,
  useEquipment,
  useEquipmentDetail,
  useFixFault,
  useRecordMaintenance,
  useReportFault,
  useUpdateEquipment,
} from '../../api/equipment';
import { applyFieldError } from '../../api/formErrors';
import { useWindows } from '../../api/org';
import { formatTime } from '../../components/format';
import { useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const statusColor = { normal: 'green', faulty: 'red', retired: 'default' } as const;

/** 设备台账: the hall's devices by window, fault reports and repairs, maintenance plans and records. */
export function EquipmentPage() {
  const t = useT();
  const can = useCan();
  const halls = useHallOptions();
  const hallId = halls.options[0]?.value;
  const windows = useWindows(hallId);
  const [windowId, setWindowId] = useState<string>();
  const [kind, setKind] = useState<EquipmentKind>();
  const list = useEquipment({ hallId, windowId, kind });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Equipment | null>(null);
  const [reporting, setReporting] = useState<Equipment | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const windowOptions = (windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number}号窗口 ${w.name}` }));
  const kindOptions = equipmentKinds.map((k) => ({ value: k, label: t(`eq.kind.${k}` as MessageKey) }));
  return (
    <Card
      title={t('eq.title')}
      extra={
        <Space>
          <Select
            allowClear
            placeholder={t('eq.allWindows')}
            style={{ width: 200 }}
            value={windowId}
            onChange={setWindowId}
            options={windowOptions}
          />
          <Select
            allowClear
            placeholder={t('eq.kind')}
            style={{ width: 140 }}
            value={kind}
            onChange={setKind}
            options={kindOptions}
          />
          {can('equipment.manage') && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('eq.add')}
            </Button>
          )}
        </Space>
      }
    >
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Equipment>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('eq.assetNo'), dataIndex: 'assetNo', width: 120 },
          { title: t('eq.kind'), dataIndex: 'kindLabel', width: 120 },
          { title: t('eq.name'), dataIndex: 'name', ellipsis: true },
          {
            title: t('eq.window'),
            dataIndex: 'windowName',
            width: 110,
            render: (v: string | null) => v ?? t('eq.noWindow'),
          },
          { title: t('eq.location'), dataIndex: 'location', width: 130, ellipsis: true },
          {
            title: t('eq.status'),
            dataIndex: 'statusLabel',
            width: 110,
            render: (v: string, r) => (
              <Space size={4}>
                <Tag color={statusColor[r.status]}>{v}</Tag>
                {r.openFaults > 0 && <Tag color="red">{r.openFaults}</Tag>}
              </Space>
            ),
          },
          {
            title: t('eq.maintenance'),
            dataIndex: 'nextMaintenanceDay',
            width: 270,
            render: (v: string | null, r) =>
              v ? (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  {`${r.maintenanceEveryDays ? `${t('eq.every', { n: r.maintenanceEveryDays })}，` : ''}${t('eq.next')} ${v}`}
                  {r.maintenanceDue && <Tag color="orange">{t('eq.maintenanceDue')}</Tag>}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            key: 'act',
            width: 220,
            render: (_: unknown, r) => (
              <Space size={4}>
                {can('equipment.manage') && r.status !== 'retired' && (
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('eq.edit')}
                  </Button>
                )}
                {can('equipment.report') && r.status !== 'retired' && (
                  <Button size="small" danger onClick={() => setReporting(r)}>
                    {t('eq.report')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setOpen(r.id)}>
                  {t('eq.detail')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {hallId && (
        <AddModal
          open={adding}
          hallId={hallId}
          windowOptions={windowOptions}
          kindOptions={kindOptions}
          onClose={() => setAdding(false)}
        />
      )}
      <EditModal
        equipment={editing}
        windowOptions={windowOptions}
        kindOptions={kindOptions}
        onClose={() => setEditing(null)}
      />
      <ReportModal equipment={reporting} onClose={() => setReporting(null)} />
      <DetailDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

type Options = { value: string; label: string }[];

function AddModal({
  open,
  hallId,
  windowOptions,
  kindOptions,
  onClose,
}: {
  open: boolean;
  hallId: string;
  windowOptions: Options;
  kindOptions: Options;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const add = useAddEquipment();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={t('eq.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'kiosk', location: '' }}
        onFinish={async (v: {
          kind: EquipmentKind;
          name: string;
          assetNo: string;
          windowId?: string;
          location?: string;
          maintenanceEveryDays?: number;
          nextMaintenanceDay?: Dayjs;
        }) => {
          try {
            await add.mutateAsync({
              hallId,
              kind: v.kind,
              name: v.name,
              assetNo: v.assetNo,
              windowId: v.windowId ?? null,
              location: v.location ?? '',
              maintenanceEveryDays: v.maintenanceEveryDays ?? null,
              nextMaintenanceDay: v.nextMaintenanceDay ? v.nextMaintenanceDay.format('YYYY-MM-DD') : null,
            });
            message.success(t('eq.added'));
            onClose();
          } catch (e) {
            if (!applyFieldError(form, e)) notify(e);
          }
        }}
      >
        <Form.Item name="kind" label={t('eq.kind')}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="name" label={t('eq.name')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="assetNo" label={t('eq.assetNo')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="windowId" label={t('eq.window')}>
          <Select allowClear placeholder={t('eq.noWindow')} options={windowOptions} />
        </Form.Item>
        <Form.Item name="location" label={t('eq.location')}>
          <Input maxLength={60} />
        </Form.Item>
        <Space>
          <Form.Item name="maintenanceEveryDays" label={t('eq.everyDays')}>
            <InputNumber min={1} max={3650} />
          </Form.Item>
          <Form.Item name="nextMaintenanceDay" label={t('eq.next')}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 编辑设备: the register's fields and the maintenance plan (interval, next day); 报废 takes it out of service. */
function EditModal({
  equipment,
  windowOptions,
  kindOptions,
  onClose,
}: {
  equipment: Equipment | null;
  windowOptions: Options;
  kindOptions: Options;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const update = useUpdateEquipment();
  const [form] = Form.useForm();
  if (!equipment) return null;
  return (
    <Modal
      open
      title={t('eq.editTitle', { name: `${equipment.kindLabel} ${equipment.assetNo}` })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('eq.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: equipment.kind,
          name: equipment.name,
          assetNo: equipment.assetNo,
          windowId: equipment.windowId ?? undefined,
          location: equipment.location,
          maintenanceEveryDays: equipment.maintenanceEveryDays ?? undefined,
          nextMaintenanceDay: equipment.nextMaintenanceDay ? dayjs(equipment.nextMaintenanceDay) : undefined,
          retired: false,
        }}
        onFinish={async (v: {
          kind: EquipmentKind;
          name: string;
          assetNo: string;
          windowId?: string;
          location?: string;
          maintenanceEveryDays?: number | null;
          nextMaintenanceDay?: Dayjs | null;
          retired?: boolean;
        }) => {
          try {
            await update.mutateAsync({
              id: equipment.id,
              kind: v.kind,
              name: v.name,
              assetNo: v.assetNo,
              windowId: v.windowId ?? null,
              location: v.location ?? '',
              maintenanceEveryDays: v.maintenanceEveryDays ?? null,
              nextMaintenanceDay: v.nextMaintenanceDay ? v.nextMaintenanceDay.format('YYYY-MM-DD') : null,
              ...(v.retired ? { retired: true } : {}),
            });
            message.success(v.retired ? t('eq.retiredDone') : t('eq.saved'));
            onClose();
          } catch (e) {
            if (!applyFieldError(form, e)) notify(e);
          }
        }}
      >
        <Form.Item name="kind" label={t('eq.kind')}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="name" label={t('eq.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="assetNo" label={t('eq.assetNo')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="windowId" label={t('eq.window')}>
          <Select allowClear placeholder={t('eq.noWindow')} options={windowOptions} />
        </Form.Item>
        <Form.Item name="location" label={t('eq.location')}>
          <Input maxLength={60} />
        </Form.Item>
        <Space>
          <Form.Item name="maintenanceEveryDays" label={t('eq.everyDays')}>
            <InputNumber min={1} max={3650} />
          </Form.Item>
          <Form.Item name="nextMaintenanceDay" label={t('eq.next')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="retired" valuePropName="checked" extra={t('eq.retireHelp')}>
          <Checkbox>{t('eq.retire')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportModal({ equipment, onClose }: { equipment: Equipment | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const report = useReportFault();
  const [form] = Form.useForm<{ description: string }>();
  return (
    <Modal
      open={!!equipment}
      title={t('eq.reportTitle', { name: equipment ? `${equipment.kindLabel} ${equipment.assetNo}` : '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={report.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!equipment) return;
          try {
            await report.mutateAsync({ id: equipment.id, description: v.description });
            message.success(t('eq.reported'));
            onClose();
          } catch (e) {
            if (!applyFieldError(form, e)) notify(e);
          }
        }}
      >
        <Form.Item name="description" label={t('eq.description')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const q = useEquipmentDetail(id);
  const fix = useFixFault();
  const maintain = useRecordMaintenance();
  const [form] = Form.useForm<{ day: Dayjs; note: string }>();
  const d = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={760} title={d ? `${d.equipment.kindLabel} ${d.equipment.assetNo}` : ''}>
      {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('eq.faults')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.faults}
              columns={[
                { title: t('eq.description'), dataIndex: 'description' },
                {
                  title: t('eq.report'),
                  dataIndex: 'reportedBy',
                  width: 170,
                  render: (v: string, r) => `${v} ${formatTime(r.reportedAt)}`,
                },
                {
                  title: t('eq.resolution'),
                  dataIndex: 'resolution',
                  render: (v: string | null, r) =>
                    r.status === 'fixed' ? (
                      `${v}（${r.fixedBy}）`
                    ) : can('equipment.manage') ? (
                      <Input.Search
                        size="small"
                        enterButton={t('eq.fix')}
                        placeholder={t('eq.resolution')}
                        onSearch={async (resolution) => {
                          try {
                            await fix.mutateAsync({ faultId: r.id, resolution });
                            message.success(t('eq.fixed'));
                          } catch (e) {
                            notify(e);
                          }
                        }}
                      />
                    ) : (
                      <Tag color="red">{t('eq.openFaults')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('eq.records')}>
            {can('equipment.manage') && (
              <Form
                form={form}
                layout="inline"
                style={{ marginBottom: 12 }}
                onFinish={async (v) => {
                  if (!id) return;
                  try {
                    await maintain.mutateAsync({ id, day: v.day.format('YYYY-MM-DD'), note: v.note });
                    message.success(t('eq.maintained'));
                    form.resetFields();
                  } catch (e) {
                    if (!applyFieldError(form, e)) notify(e);
                  }
                }}
              >
                <Form.Item name="day" label={t('eq.maintainDay')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="note" label={t('eq.maintainNote')} rules={[{ required: true }]}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Button htmlType="submit">{t('eq.maintain')}</Button>
              </Form>
            )}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.maintenance}
              columns={[
                { title: t('eq.maintainDay'), dataIndex: 'day', width: 120 },
                { title: t('eq.maintainNote'), dataIndex: 'note' },
                { title: t('ar.by'), dataIndex: 'by', width: 100 },
              ]}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
