import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Table } from 'antd';
import { buildUrl } from '../../api/client';
import { type Bucket, useComplaintAnalysis } from '../../api/complaints';
import { QueryError } from '../../components/Results';
import { type MessageKey, useT } from '../../i18n';

const dims = ['category', 'cause', 'item', 'department', 'window', 'staff', 'month'] as const;
const keyOf = {
  category: 'byCategory',
  cause: 'byCause',
  item: 'byItem',
  department: 'byDepartment',
  window: 'byWindow',
  staff: 'byStaff',
  month: 'byMonth',
} as const;

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** 投诉举报分析 (R9.4): where complaints come from and what was done about them. */
export function ComplaintAnalysisPage() {
  const t = useT();
  const q = useComplaintAnalysis({});
  if (q.error && !q.data) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const a = q.data;
  return (
    <Card
      title={t('cp.analysis')}
      loading={q.isLoading}
      extra={
        // One sheet per table below, with the overview first.
        <Button icon={<DownloadOutlined />} href={buildUrl('/api/complaints/analysis/export', {})}>
          {t('cp.export')} Excel
        </Button>
      }
    >
      {a && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}>
              <Statistic title={t('cp.total')} value={a.total} />
            </Col>
            <Col span={8}>
              <Statistic title={t('cp.onTimeRate')} value={pct(a.onTimeRate)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('cp.satisfiedRate')} value={pct(a.satisfiedRate)} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            {dims.map((d) => (
              <Col key={d} xs={24} lg={12}>
                <Card size="small" title={t(`cp.by.${d}` as MessageKey)}>
                  <Table<Bucket>
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={a[keyOf[d]]}
                    columns={[
                      { title: t(`cp.by.${d}` as MessageKey), dataIndex: 'label' },
                      { title: t('cp.count'), dataIndex: 'count', width: 80 },
                      { title: t('cp.reports'), dataIndex: 'reports', width: 80 },
                      { title: t('cp.overdue'), dataIndex: 'overdue', width: 80 },
                    ]}
                  />
                </Card>
              </Col>
            ))}
            <Col span={24}>
              <Card size="small" title={t('cp.rectifications')}>
                <Table
                  size="small"
                  rowKey="number"
                  pagination={false}
                  dataSource={a.rectifications}
                  columns={[
                    { title: t('cp.number'), dataIndex: 'number', width: 160 },
                    { title: t('cp.cause'), dataIndex: 'cause', width: 200 },
                    { title: t('cp.rectification'), dataIndex: 'rectification' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
