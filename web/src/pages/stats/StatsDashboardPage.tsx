import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useMe } from '../../api/auth';
import { buildUrl } from '../../api/client';
import { type DrillTarget, type Overview, type Volume, useStatsOverview } from '../../api/stats';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { barOption, Chart, lineOption, pieOption } from './charts';
import { DrillDrawer } from './Drill';
import { LiveFloorPanel } from './LiveFloor';
import { num, Panel, pct, rowPick, VolumeTable } from './parts';
import { chinaToday } from '../../lib/china-day';

const top10 = (rows: Volume[], by: (r: Volume) => number) => [...rows].sort((a, b) => by(b) - by(a)).slice(0, 10);

const isEmpty = (o: Overview) =>
  o.totals.received + o.totals.finished + o.totals.tickets + o.totals.ratings + o.totals.complaints === 0;

/** 统计分析 (R16.1): the station head's and supervisors' figures for a hall and a period, each chart with its table. */
export function StatsDashboardPage() {
  const t = useT();
  const { message } = App.useApp();
  const halls = useMe().data?.halls ?? [];
  const [hallId, setHallId] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([chinaToday().startOf('month'), chinaToday().endOf('month')]);
  const hall = hallId ?? halls[0]?.id;
  const query = { hallId: hall, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const q = useStatsOverview(query);
  const o = q.data;
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const pick = (figure: DrillTarget['figure'], label: string, f: Omit<DrillTarget, 'figure' | 'title'> = {}) =>
    setDrill({ figure, title: `${t(`sd.${figure}` as 'sd.received')} · ${label}`, ...f });
  const byDim = (dim: 'item' | 'department' | 'window' | 'person') => (r: Volume) =>
    pick('received', r.name, { dim, key: r.key });

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
                  onPick={(i, k) => pick(k ? 'finished' : 'received', days[i]!, { day: days[i] })}
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
                  onRow={(d) => rowPick(() => pick('received', d.day, { day: d.day }))}
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
                  onPick={(i, k) =>
                    pick(k ? 'finished' : 'received', depts[i]!.name, { dim: 'department', key: depts[i]!.key })
                  }
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
              table={<VolumeTable rows={o.byDepartment} onPick={byDim('department')} />}
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.byItem')}
              chart={
                <Chart
                  label={t('sd.byItem')}
                  onPick={(i, k) =>
                    pick(k ? 'finished' : 'received', items[i]!.name, { dim: 'item', key: items[i]!.key })
                  }
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
              table={<VolumeTable rows={o.byItem} onPick={byDim('item')} />}
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.byWindow')}
              chart={
                windows.length ? (
                  <Chart
                    label={t('sd.byWindow')}
                    onPick={(i) => pick('finished', windows[i]!.name, { dim: 'window', key: windows[i]!.key })}
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
              table={<VolumeTable rows={o.byWindow} onPick={byDim('window')} />}
            />
          </Col>
          <Col span={12}>
            <Panel
              title={t('sd.queue')}
              chart={
                tot.tickets ? (
                  <Chart
                    label={t('sd.queue')}
                    onPick={(i) => pick('tickets', days[i]!, { day: days[i] })}
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
                  onRow={(d) => rowPick(() => pick('tickets', d.day, { day: d.day }))}
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
                    onPick={(i) => {
                      const c = o.complaintsByCategory[i]!;
                      pick('complaints', c.name, { category: c.category });
                    }}
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
                  onRow={(c) => rowPick(() => pick('complaints', c.name, { category: c.category }))}
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
                  onPick={(i) => byDim('person')(top10(o.byPerson, (r) => r.received)[i]!)}
                  option={barOption(
                    top10(o.byPerson, (r) => r.received).map((r) => r.name),
                    [{ name: t('sd.received'), data: top10(o.byPerson, (r) => r.received).map((r) => r.received) }],
                  )}
                  height={260}
                />
              }
              table={<VolumeTable rows={o.byPerson} onPick={byDim('person')} />}
            />
          </Col>
        </Row>
      </>
    );
  }

  return (
    <Card title={t('sd.title')} extra={filters} loading={q.isLoading}>
      <LiveFloorPanel hallId={hall} />
      <Alert
        type="info"
        showIcon
        title={t('sd.definitions')}
        description={t('sd.drillHint')}
        style={{ marginBottom: 16 }}
      />
      {body}
      <DrillDrawer query={query} target={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
