import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import { type Equipment, type EquipmentKind, equipmentKinds, useEquipment } from '../../api/equipment';
import { useWindows } from '../../api/org';
import { useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { type MessageKey, useT } from '../../i18n';
import { AddEquipmentModal } from './AddEquipmentModal';
import { EditEquipmentModal } from './EditEquipmentModal';
import { EquipmentDetailDrawer } from './EquipmentDetailDrawer';
import { ReportFaultModal } from './ReportFaultModal';

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
        <AddEquipmentModal
          open={adding}
          hallId={hallId}
          windowOptions={windowOptions}
          kindOptions={kindOptions}
          onClose={() => setAdding(false)}
        />
      )}
      <EditEquipmentModal
        equipment={editing}
        windowOptions={windowOptions}
        kindOptions={kindOptions}
        onClose={() => setEditing(null)}
      />
      <ReportFaultModal equipment={reporting} onClose={() => setReporting(null)} />
      <EquipmentDetailDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
