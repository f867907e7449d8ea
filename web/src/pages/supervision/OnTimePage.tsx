import { Alert, Button, Card, DatePicker, Modal, Segmented, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { type CaseRef, type Dimension, type Figure, useOnTime, useOnTimeCases } from '../../api/supervision';
import { QueryError } from '../../components/Results';
import { type MessageKey, useT } from '../../i18n';
import { chinaToday } from '../../lib/china-day';

const DIMENSIONS = ['hall', 'item', 'department', 'window', 'person'] as const;
/** A city's items over hundreds of halls are thousands of lines: shown a page at a time. */
const PAGE = 50;

const percent = (f: Figure) => (f.rate === null ? '—' : `${(f.rate * 100).toFixed(1)}%`);

/** 按时办结率 per hall, item, department, window or person over a period, each figure opening the cases behind it. */
export function OnTimePage() {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([chinaToday().startOf('month'), chinaToday()]);
  // An account over several halls (a city's supervisor) starts from one line per hall.
  const manyHalls = (useMe().data?.halls.length ?? 0) > 1;
  const [chosen, setBy] = useState<Dimension | null>(null);
  const by: Dimension = chosen ?? (manyHalls ? 'hall' : 'item');
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const q = useOnTime({ ...period, by });
  const [drill, setDrill] = useState<{ key?: string; name: string } | null>(null);
  const cases = useOnTimeCases(drill ? { ...period, by, key: drill.key } : null);
  if (q.error && !q.data) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const rows = q.data ? [...q.data.groups, { key: '', name: t('ontime.overall'), ...q.data.overall }] : [];
  const caseColumns = [
    {
      title: t('sup.caseNo'),
      render: (_: unknown, r: CaseRef) => <Link to={`/cases/${r.caseId}`}>{r.caseNo ?? r.caseId.slice(-6)}</Link>,
    },
    { title: t('sup.item'), dataIndex: 'itemName' },
    { title: t('sup.deadline'), dataIndex: 'deadline' },
    { title: t('ontime.completedDay'), dataIndex: 'completedDay' },
    {
      title: t('sup.light'),
      dataIndex: 'onTime',
      render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? t('ontime.onTime') : t('ontime.late')}</Tag>,
    },
  ];
  return (
    <Card title={t('ontime.title')}>
      <Alert type="info" showIcon title={t('ontime.formula')} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('ontime.period')}</span>
        <DatePicker.RangePicker
          aria-label={t('ontime.period')}
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <span>{t('ontime.by')}</span>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as Dimension)}
          options={(manyHalls ? DIMENSIONS : DIMENSIONS.filter((d) => d !== 'hall')).map((d) => ({
            value: d,
            label: t(`ontime.by.${d}` as MessageKey),
          }))}
        />
      </Space>
      <Table
        size="small"
        rowKey={(r) => r.key || 'overall'}
        loading={q.isFetching}
        dataSource={rows}
        pagination={rows.length > PAGE ? { pageSize: PAGE, showSizeChanger: false } : false}
        columns={[
          { title: t('sup.name'), dataIndex: 'name' },
          { title: t('ontime.onTime'), dataIndex: 'onTime' },
          { title: t('ontime.finished'), dataIndex: 'finished' },
          {
            title: t('ontime.rate'),
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => setDrill({ key: r.key || undefined, name: r.name })}>
                {percent(r)}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!drill}
        width={860}
        footer={null}
        onCancel={() => setDrill(null)}
        title={t('ontime.casesOf', { name: drill?.name ?? '' })}
      >
        {cases.data && (
          <Tabs
            items={[
              {
                key: 'on',
                label: `${t('ontime.onTimeList')} ${cases.data.onTimeCases.length}`,
                children: (
                  <Table
                    size="small"
                    rowKey="caseId"
                    dataSource={cases.data.onTimeCases}
                    columns={caseColumns}
                    pagination={{ pageSize: 20 }}
                  />
                ),
              },
              {
                key: 'all',
                label: `${t('ontime.finishedList')} ${cases.data.finishedCases.length}`,
                children: (
                  <Table
                    size="small"
                    rowKey="caseId"
                    dataSource={cases.data.finishedCases}
                    columns={caseColumns}
                    pagination={{ pageSize: 20 }}
                  />
                ),
              },
            ]}
          />
        )}
      </Modal>
    </Card>
  );
}
