/**
 * The dashboard's drill-down: a drawer listing the records behind the figure clicked (a bar, a point or a table
 * row) — the cases with number, item, state and dates; for waits, the day's tickets; for complaints, the
 * complaints — as GET /api/stats/overview/records returns them, as many as the figure counts.
 */
import { Drawer, Table } from 'antd';
import { type Drill, type DrillTarget, type OverviewQuery, useStatsDrill } from '../../api/stats';
import { QueryError } from '../../components/Results';
import { type MessageKey, useT } from '../../i18n';
import { hallTime } from '../../lib/china-day';

const dash = (v: string | null) => v ?? '—';

export function DrillDrawer({
  query,
  target,
  onClose,
}: {
  query: OverviewQuery;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const t = useT();
  const q = useStatsDrill(query, target);
  const d = q.data;
  const page = { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false };
  let body = null;
  if (q.error) body = <QueryError error={q.error} onRetry={() => q.refetch()} />;
  else if (d && target?.figure === 'tickets')
    body = (
      <Table<Drill['tickets'][number]>
        size="small"
        rowKey="id"
        dataSource={d.tickets}
        pagination={page}
        columns={[
          { title: t('sd.ticketNo'), dataIndex: 'number', width: 90 },
          { title: t('sd.day'), dataIndex: 'day', width: 110 },
          { title: t('sd.arrivedAt'), dataIndex: 'arrivedAt', render: (v: number) => hallTime(v, 'HH:mm') },
          {
            title: t('sd.ticketStatus'),
            dataIndex: 'status',
            render: (v: string) => t(`ticketStatus.${v}` as MessageKey),
          },
          { title: t('sd.meanWait'), dataIndex: 'waitMinutes', align: 'right', render: (v) => v ?? '—' },
          { title: t('sd.meanService'), dataIndex: 'serviceMinutes', align: 'right', render: (v) => v ?? '—' },
        ]}
      />
    );
  else if (d && target?.figure === 'complaints')
    body = (
      <Table<Drill['complaints'][number]>
        size="small"
        rowKey="id"
        dataSource={d.complaints}
        pagination={page}
        columns={[
          { title: t('sd.complaintNo'), dataIndex: 'number', width: 130 },
          { title: t('sd.kind'), dataIndex: 'kind', render: (v: string) => t(`cp.kind.${v}` as MessageKey) },
          { title: t('sd.category'), dataIndex: 'categoryName' },
          { title: t('sd.state'), dataIndex: 'state', render: (v: string) => t(`cp.state.${v}` as MessageKey) },
          { title: t('sd.receivedDay'), dataIndex: 'receivedDay', width: 110 },
          { title: t('sd.dueDay'), dataIndex: 'dueDay', width: 110 },
          { title: t('sd.caseNo'), dataIndex: 'caseNo', render: dash },
        ]}
      />
    );
  else if (d) {
    const finished = target?.figure === 'finished' || target?.figure === 'onTime';
    body = (
      <Table<Drill['cases'][number]>
        size="small"
        rowKey="id"
        dataSource={d.cases}
        pagination={page}
        columns={[
          { title: t('sd.caseNo'), dataIndex: 'caseNo', width: 190, render: dash },
          { title: t('sd.itemName'), dataIndex: 'itemName', ellipsis: true },
          ...(finished
            ? [
                { title: t('sd.deadline'), dataIndex: 'deadline', width: 110, render: dash },
                { title: t('sd.completedDay'), dataIndex: 'completedDay', width: 110, render: dash },
                {
                  title: t('sd.inTime'),
                  dataIndex: 'onTime',
                  width: 70,
                  render: (v: boolean | null) => (v ? t('sd.yes') : t('sd.no')),
                },
              ]
            : [
                {
                  title: t('sd.state'),
                  dataIndex: 'state',
                  width: 110,
                  render: (v: string | null) => (v ? t.label('caseState', v) : '—'),
                },
                { title: t('sd.receivedDay'), dataIndex: 'receivedDay', width: 110, render: dash },
                { title: t('sd.acceptedDay'), dataIndex: 'acceptedDay', width: 110, render: dash },
              ]),
        ]}
      />
    );
  }
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={900}
      title={target ? t('sd.drillTitle', { title: target.title, total: d?.total ?? '…' }) : ''}
      loading={q.isLoading}
    >
      {body}
    </Drawer>
  );
}
