import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { buildUrl } from '../../api/client';
import { type Indicator, type QualityReport, useQualityReport } from '../../api/inspections';
import { QueryError } from '../../components/Results';
import { useHallChoice } from '../people/common';

/** 质量评估报告: the month's quality indicators with formula and target, and the findings per person. */
export function QualityReportPage() {
  const { hallId, picker } = useHallChoice();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const report = useQualityReport(hallId, month);
  if (report.error && !report.data) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`质量评估报告 ${month}`}
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
              导出 Excel
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
            { title: '指标', dataIndex: 'name', width: 160 },
            { title: '计算公式', dataIndex: 'formula' },
            { title: '目标值', width: 90, render: (_, i) => `${i.target}%` },
            { title: '分子/分母', width: 110, render: (_, i) => `${i.numerator}/${i.denominator}` },
            { title: '本月值', width: 100, render: (_, i) => (i.value === null ? '无数据' : `${i.value}%`) },
            {
              title: '评价',
              width: 90,
              render: (_, i) =>
                i.met === null ? <Tag>—</Tag> : i.met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>,
            },
          ]}
        />
      </Card>
      <Card title="人员检查情况">
        <Table<QualityReport['people'][number]>
          rowKey="subjectId"
          size="small"
          dataSource={report.data?.people}
          pagination={false}
          locale={{ emptyText: '本月尚无检查记录' }}
          columns={[
            { title: '人员', dataIndex: 'subjectName' },
            { title: '检查次数', dataIndex: 'checked', width: 110 },
            { title: '发现问题', dataIndex: 'findings', width: 110 },
            { title: '未办结整改', dataIndex: 'openRectifications', width: 120 },
          ]}
        />
      </Card>
    </Space>
  );
}
