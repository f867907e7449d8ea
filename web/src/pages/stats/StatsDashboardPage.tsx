import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useMe } from '../../api/auth';
import { buildUrl } from '../../api/client';
import { type Overview, type Volume, useStatsOverview } from '../../api/stats';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { barOption, Chart, lineOption, pieOption } from './charts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 10) / 10));
const top10 = (rows: Volume[], by: (r: Volume) => number) => [...rows].sort((a, b) => by(b) - by(a)).slice(0, 10);

/** A chart with its table beneath, switched by 图表 / 表格. */
function Panel({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const t = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('sd.chart') },
            { value: 'table', label: t('sd.table') },
          ]}
        />
      }
    >
      {view === 'chart' ? chart : table}
    </Card>
  );
}

function VolumeTable({ rows }: { rows: Volume[] }) {
  const t = useT();
  return (
    <Table<Volume>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('sd.name'), dataIndex: 'name', ellipsis: true },
        { title: t('sd.received'), dataIndex: 'received', align: 'right', width: 80 },
        { title: t('sd.finished'), dataIndex: 'finished', align: 'right', width: 80 },
        { title: t('sd.onTime'), dataIndex: 'onTime', align: 'right', width: 80 },
        { title: t('sd.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', width: 100, render: pct },
      ]}
    />
  );
}

const isEmpty = (o: Overview) =>
  o.totals.received + o.totals.finished + o.totals.tickets + o.totals.ratings + o.totals.complaints === 0;

/** 统计分析 (R16.1): the station head's and supervisors' figures for a hall and a period, each chart with its table. */
export function StatsDashboardPage() {
  const t = useT();
  const { message } = App.useApp();
  const halls = useMe().data?.halls ?? [];
  const [hallId, setHallId] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const hall = hallId ?? halls[0]?.id;
  const query = { hallId: hall, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const q = useStatsOverview(query);
  const o = q.data;

  const filters = (
    <Space wrap>
      <span>{t('sd.hall')}</span>
      <Select
        aria-label={t('sd.hall')}
        style={{ minWidth: 200 }}
        value={hall}
        onChange={setHallId}
        options={halls.map((h) => ({ value: h.id, label: h.name }))}
      />
      <span>{t('sd.period')}</span>
      <DatePicker.RangePicker
        aria-label={t('sd.period')}
        value={range}
        allowClear={false}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
      />
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        href={buildUrl('/api/stats/overview/export', query)}
        onClick={() => message.success(t('sd.exporting'))}
      >
        {t('sd.export')}
      </Button>
    </Space>
  );

  let body: ReactNode = null;
  if (q.error && !o) body = <QueryError error={q.error} onRetry={() => q.refetch()} />;
  else if (o && isEmpty(o)) body = <Empty style={{ padding: 48 }} description={t('sd.empty')} />;
  else if (o) {
    const tot = o.totals;
    const days = o.casesByDay.map((d) => d.day);
    const depts = top10(o.byDepartment, (r) => r.received + r.finished);
    const items = top10(o.byItem, (r) => r.received + r.finished);
    const windows = o.byWindow.filter((w) => w.finished > 0);
    const dayColumns = { title: t('sd.day'), dataIndex: 'day', width: 110 };
    body = (
      <>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {[
            [t('sd.received'), tot.received],
            [t('sd.finished'), tot.finished],
            [t('sd.onTimeRate'), pct(tot.onTimeRate)],
            [t('sd.tickets'), tot.tickets],
            [t('sd.meanWait'), num(tot.meanWaitMinutes)],
            [t('sd.meanService'), num(tot.meanServiceMinutes)],
            [t('sd.goodRate'), pct(tot.goodRate)],
            [t('sd.complaints'), tot.complaints],
          ].map(([title, value]) => (
            <Col key={String(title)} span={3}>
              <Card size="small">
                <Statistic title={title} value={value as string | number} />
              </Card>
            </Col>
          ))}
        </Row>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Panel
              title={t('sd.daily')}
              chart={
                <Chart
                  label={t('sd.daily')}
                  option={lineOption(days, [
                    { name: t('sd.received'), data: o.casesByDay.map((d) => d.received) },
                    { name: t('sd.finished'), data: o.casesByDay.map((d) => d.finished) },
                  ])}
                />
              }
              table={
                <Table
                  size="small"
                  rowKey="day"
                  dataSource={o.casesByDay}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    dayColumns,
                    { title: t('sd.received'), dataIndex: 'received', align: 'right' },
                    { title: t('sd.finished'), dataIndex: 'finished', align: 'right' },
                  ]}
                />
              }
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.byDepartment')}
              chart={
                <Chart
                  label={t('sd.byDepartment')}
                  option={barOption(
                    depts.map((r) => r.name),
                    [
                      { name: t('sd.received'), data: depts.map((r) => r.received) },
                      { name: t('sd.finished'), data: depts.map((r) => r.finished) },
                    ],
                    { horizontal: true },
                  )}
                />
              }
              table={<VolumeTable rows={o.byDepartment} />}
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.byItem')}
              chart={
                <Chart
                  label={t('sd.byItem')}
                  option={barOption(
                    items.map((r) => r.name),
                    [
                      { name: t('sd.received'), data: items.map((r) => r.received) },
                      { name: t('sd.finished'), data: items.map((r) => r.finished) },
                    ],
                    { horizontal: true },
                  )}
                />
              }
              table={<VolumeTable rows={o.byItem} />}
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.byWindow')}
              chart={
                windows.length ? (
                  <Chart
                    label={t('sd.byWindow')}
                    option={barOption(
                      windows.map((r) => r.name),
                      [
                        {
                          name: t('sd.onTimeRate'),
                          data: windows.map((r) =>
                            r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10,
                          ),
                        },
                      ],
                      { percent: true },
                    )}
                  />
                ) : (
                  <Empty description={t('sd.noData')} />
                )
              }
              table={<VolumeTable rows={o.byWindow} />}
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.queue')}
              chart={
                tot.tickets ? (
                  <Chart
                    label={t('sd.queue')}
                    option={lineOption(days, [
                      { name: t('sd.meanWait'), data: o.ticketsByDay.map((d) => d.meanWaitMinutes) },
                      { name: t('sd.meanService'), data: o.ticketsByDay.map((d) => d.meanServiceMinutes) },
                    ])}
                  />
                ) : (
                  <Empty description={t('sd.noData')} />
                )
              }
              table={
                <Table
                  size="small"
                  rowKey="day"
                  dataSource={o.ticketsByDay}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    dayColumns,
                    { title: t('sd.tickets'), dataIndex: 'tickets', align: 'right' },
                    { title: t('sd.meanWait'), dataIndex: 'meanWaitMinutes', align: 'right', render: num },
                    { title: t('sd.meanService'), dataIndex: 'meanServiceMinutes', align: 'right', render: num },
                  ]}
                />
              }
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.satisfaction')}
              chart={
                tot.ratings ? (
                  <Chart
                    label={t('sd.satisfaction')}
                    option={pieOption(
                      o.satisfaction.filter((s) => s.total).map((s) => ({ name: s.name, value: s.total })),
                    )}
                  />
                ) : (
                  <Empty description={t('sd.noData')} />
                )
              }
              table={
                <Table
                  size="small"
                  rowKey="level"
                  dataSource={o.satisfaction}
                  pagination={false}
                  columns={[
                    { title: t('sd.level'), dataIndex: 'name' },
                    { title: t('sd.onSite'), dataIndex: 'onSite', align: 'right' },
                    { title: t('sd.online'), dataIndex: 'online', align: 'right' },
                    { title: t('sd.total'), dataIndex: 'total', align: 'right' },
                  ]}
                />
              }
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.complaintsByCategory')}
              chart={
                o.complaintsByCategory.length ? (
                  <Chart
                    label={t('sd.complaintsByCategory')}
                    option={barOption(
                      o.complaintsByCategory.map((c) => c.name),
                      [{ name: t('sd.count'), data: o.complaintsByCategory.map((c) => c.count) }],
                    )}
                  />
                ) : (
                  <Empty description={t('sd.noData')} />
                )
              }
              table={
                <Table
                  size="small"
                  rowKey="category"
                  dataSource={o.complaintsByCategory}
                  pagination={false}
                  columns={[
                    { title: t('sd.category'), dataIndex: 'name' },
                    { title: t('sd.count'), dataIndex: 'count', align: 'right' },
                  ]}
                />
              }
            />
          </Col>
          <Col span={24}>
            <Panel
              title={t('sd.byPerson')}
              chart={
                <Chart
                  label={t('sd.byPerson')}
                  option={barOption(
                    top10(o.byPerson, (r) => r.received).map((r) => r.name),
                    [{ name: t('sd.received'), data: top10(o.byPerson, (r) => r.received).map((r) => r.received) }],
                  )}
                  height={260}
                />
              }
              table={<VolumeTable rows={o.byPerson} />}
            />
          </Col>
        </Row>
      </>
    );
  }

  return (
    <Card title={t('sd.title')} extra={filters} loading={q.isLoading}>
      <Alert type="info" showIcon title={t('sd.definitions')} style={{ marginBottom: 16 }} />
      {body}
    </Card>
  );
}
