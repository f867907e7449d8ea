import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/auth';
import { useItems } from '../../api/catalog';
import { type WindowInput, useSaveWindow, useWindows } from '../../api/org';
import type { ServiceWindow } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { HallSelect, useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { WindowFormFields } from './WindowFormFields';
import { useHallHours } from './hours/api';
import { HoursModal } from './hours/HoursModal';

type Editing = { win?: ServiceWindow } | null;

export function WindowsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [params, setParams] = useSearchParams();
  const halls = useHallOptions();
  const hallId = params.get('hallId') ?? halls.options[0]?.value;
  const windows = useWindows(hallId);
  const items = useItems({ hallId, page: 1, pageSize: 500 }, !!hallId && can('catalog.read'));
  const save = useSaveWindow();
  const [editing, setEditing] = useState<Editing>(null);
  const canManage = can('org.manage');
  // 办公时间 are kept by whoever keeps the hall floor (window supervisor, station head, system administrator).
  const canHours = can('queue.manage');
  const hours = useHallHours(hallId);
  const [hoursOf, setHoursOf] = useState<{ windowId: string | null; title: string } | null>(null);
  const hoursText = (windowId: string) =>
    hours.data?.windows.find((w) => w.windowId === windowId)?.description || t('hours.notSet');
  const weekOf = (windowId: string | null) =>
    windowId
      ? (hours.data?.windows.find((w) => w.windowId === windowId)?.weeklyHours ?? null)
      : (hours.data?.hall.weeklyHours ?? null);

  useEffect(() => {
    if (!params.get('hallId') && hallId) setParams({ hallId }, { replace: true });
  }, [hallId, params, setParams]);

  const itemOptions = useMemo(
    () => (items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` })),
    [items.data],
  );
  const itemName = useMemo(() => new Map(itemOptions.map((o) => [o.value, o.label])), [itemOptions]);

  if (windows.error) return <QueryError error={windows.error} onRetry={() => windows.refetch()} />;

  const onSubmit = async (values: WindowInput) => {
    const id = editing?.win?.id;
    const itemIds = values.itemIds ?? [];
    await (id
      ? save.mutateAsync({ id, values: { name: values.name, kind: values.kind, status: values.status, itemIds } })
      : save.mutateAsync({
          values: { hallId: values.hallId, number: values.number, name: values.name, kind: values.kind, itemIds },
        }));
    message.success(t('common.saved'));
    setEditing(null);
  };

  const toggle = (w: ServiceWindow) =>
    save
      .mutateAsync({ id: w.id, values: { status: w.status === 'active' ? 'inactive' : 'active' } })
      .then(() => message.success(t('common.saved')), notifyError);

  return (
    <Card
      title={t('menu.windows')}
      extra={
        <Space>
          {canHours && (
            <Button onClick={() => setHoursOf({ windowId: null, title: t('hours.hallTitle') })} disabled={!hallId}>
              {t('hours.hallButton')}
            </Button>
          )}
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={!hallId}>
              {t('window.create')}
            </Button>
          )}
        </Space>
      }
    >
      <div className="ow-toolbar">
        <HallSelect
          aria-label={t('common.hall')}
          style={{ width: 240 }}
          value={hallId}
          onChange={(v) => setParams(v ? { hallId: v } : {})}
        />
      </div>
      {hours.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="hall-hours"
          title={
            <>
              {hours.data.hall.description && (
                <div>
                  {t('hours.hallButton')}：{hours.data.hall.description}
                </div>
              )}
              <div>
                {hours.data.closesToday && hours.data.closingSource
                  ? t('hours.closesToday', {
                      time: hours.data.closesToday,
                      source: t(`hours.source.${hours.data.closingSource}`),
                    })
                  : t('hours.closesMidnight')}
              </div>
            </>
          }
        />
      )}
      <Table<ServiceWindow>
        rowKey="id"
        loading={windows.isLoading}
        dataSource={[...(windows.data?.items ?? [])].sort((a, b) => a.number - b.number)}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('window.number'), dataIndex: 'number', width: 90 },
          { title: t('window.name'), dataIndex: 'name' },
          { title: t('window.kind'), dataIndex: 'kind', width: 120, render: (k: string) => t.label('windowKind', k) },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t.label('windowStatus', s)}</Tag>,
          },
          {
            title: t('window.items'),
            dataIndex: 'itemIds',
            render: (ids: string[]) => (
              <Tooltip title={ids.map((id) => itemName.get(id) ?? id).join('；')}>
                <span>{t('window.itemsCount', { n: ids.length })}</span>
              </Tooltip>
            ),
          },
          { title: t('hours.column'), key: 'hours', render: (_: unknown, w: ServiceWindow) => hoursText(w.id) },
          ...(canManage || canHours
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, w: ServiceWindow) => (
                    <Space size={0}>
                      {canHours && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() =>
                            setHoursOf({
                              windowId: w.id,
                              title: t('hours.windowTitle', { name: `${w.number} ${w.name}` }),
                            })
                          }
                        >
                          {t('hours.edit')}
                        </Button>
                      )}
                      {canManage && (
                        <Button type="link" size="small" onClick={() => setEditing({ win: w })}>
                          {t('common.edit')}
                        </Button>
                      )}
                      {canManage && (
                        <Popconfirm title={t('common.confirm')} onConfirm={() => toggle(w)}>
                          <Button type="link" size="small" danger={w.status === 'active'}>
                            {w.status === 'active' ? t('window.disable') : t('window.enable')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<WindowInput>
        name="window"
        width={640}
        open={editing !== null}
        title={editing?.win ? t('window.edit') : t('window.create')}
        initialValues={editing?.win ?? { hallId, kind: 'general', itemIds: [] }}
        onCancel={() => setEditing(null)}
        onSubmit={onSubmit}
      >
        <WindowFormFields
          editing={!!editing?.win}
          itemOptions={itemOptions}
          itemsLoading={items.isLoading}
          itemsUnavailable={!can('catalog.read') || !!items.error}
        />
      </FormModal>
      {hoursOf && hallId && (
        <HoursModal
          hallId={hallId}
          windowId={hoursOf.windowId}
          title={hoursOf.title}
          week={weekOf(hoursOf.windowId)}
          onClose={() => setHoursOf(null)}
          onSaved={() => {
            message.success(t('common.saved'));
            setHoursOf(null);
          }}
        />
      )}
    </Card>
  );
}
