import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { buildUrl } from '../../api/client';
import { type Indicator, type QualityReport, useQualityReport } from '../../api/inspections';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { useHallChoice } from '../people/common';
import { indicatorFormula, indicatorName } from './labels';
import { chinaToday } from '../../lib/china-day';

/** 质量评估报告: the month's quality indicators with formula and target, and the findings per person. */
export function QualityReportPage() {
  const t = useT();
  const { hallId, picker } = useHallChoice();
  const [month, setMonth] = useState(() => chinaToday().format('YYYY-MM'));
  const report = useQualityReport(hallId, month);
  if (report.error && !report.data) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('ins.quality.title', { month })}
        extra={
          <Space>
            {picker}
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            />
            <Button
              icon={<DownloadOutlined />}
              disabled={!hallId}
              href={buildUrl('/api/inspections/report/export', { hallId, month })}
            >
              {t('ins.quality.export')}
            </Button>
          </Space>
        }
      >
        <Table<Indicator>
          rowKey="key"
          loading={report.isFetching}
          dataSource={report.data?.indicators}
          pagination={false}
          columns={[
            { title: t('ins.quality.indicator'), width: 160, render: (_, i) => indicatorName(t, i) },
            { title: t('ins.quality.formula'), render: (_, i) => indicatorFormula(t, i) },
            { title: t('ins.quality.target'), width: 90, render: (_, i) => `${i.target}%` },
            { title: t('ins.quality.ratio'), width: 110, render: (_, i) => `${i.numerator}/${i.denominator}` },
            {
              title: t('ins.quality.value'),
              width: 100,
              render: (_, i) => (i.value === null ? t('ins.quality.noData') : `${i.value}%`),
            },
            {
              title: t('ins.quality.verdict'),
              width: 90,
              render: (_, i) =>
                i.met === null ? (
                  <Tag>—</Tag>
                ) : i.met ? (
                  <Tag color="green">{t('ins.quality.met')}</Tag>
                ) : (
                  <Tag color="red">{t('ins.quality.notMet')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('ins.people.title')}>
        <Table<QualityReport['people'][number]>
          rowKey="subjectId"
          size="small"
          dataSource={report.data?.people}
          pagination={false}
          locale={{ emptyText: t('ins.people.empty') }}
          columns={[
            { title: t('ins.people.name'), dataIndex: 'subjectName' },
            { title: t('ins.people.checked'), dataIndex: 'checked', width: 110 },
            { title: t('ins.people.findings'), dataIndex: 'findings', width: 110 },
            { title: t('ins.people.open'), dataIndex: 'openRectifications', width: 120 },
          ]}
        />
      </Card>
    </Space>
  );
}
