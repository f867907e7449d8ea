import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AuditQuery, useAudit, useVerifyAudit } from '../../api/audit';
import { useCan } from '../../api/auth';
import type { AuditOutcome, AuditRecord } from '../../api/types';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { AuditCheckResult } from './AuditCheckResult';
import { AuditDetail } from './AuditDetail';

interface FilterValues {
  username?: string;
  action?: string;
  outcome?: AuditOutcome;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: 'green', failure: 'orange', denied: 'red' };

export function AuditPage() {
  const t = useT();
  const can = useCan();
  const notifyError = useNotifyError();
  const [filters, setFilters] = useState<Omit<AuditQuery, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const audit = useAudit({ ...filters, page, pageSize });
  const verify = useVerifyAudit();

  const onSearch = (v: FilterValues) => {
    setFilters({
      username: v.username?.trim() || undefined,
      action: v.action?.trim() || undefined,
      outcome: v.outcome,
      from: v.range?.[0]?.startOf('day').valueOf(),
      to: v.range?.[1]?.endOf('day').valueOf(),
    });
    setPage(1);
  };

  if (audit.error && !audit.data) return <QueryError error={audit.error} onRetry={() => audit.refetch()} />;
  const result = verify.data;

  return (
    <Card
      title={t('audit.title')}
      extra={
        can('audit.verify') && (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate(undefined, { onError: notifyError })}
          >
            {t('audit.verify')}
          </Button>
        )
      }
    >
      {result && <AuditCheckResult result={result} onClose={() => verify.reset()} />}
      <Form<FilterValues>
        layout="inline"
        name="audit-filter"
        onFinish={onSearch}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('audit.username')} name="username">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('audit.action')} name="action">
          <Input allowClear placeholder={t('audit.actionPlaceholder')} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item label={t('audit.outcome')} name="outcome">
          <Select
            allowClear
            style={{ width: 110 }}
            options={(['success', 'failure', 'denied'] as const).map((o) => ({
              value: o,
              label: t.label('outcome', o),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('audit.dateRange')} name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button htmlType="reset" onClick={() => onSearch({})}>
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        loading={audit.isFetching}
        dataSource={audit.data?.items}
        expandable={{ expandedRowRender: (r) => <AuditDetail record={r} /> }}
        pagination={{
          current: page,
          pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
          { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: number) => formatTime(v) },
          { title: t('audit.username'), dataIndex: 'username', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <code>{v}</code> },
          {
            title: t('audit.target'),
            key: 'target',
            render: (_, r) => (r.targetType ? `${r.targetType}${r.targetId ? ` / ${r.targetId}` : ''}` : '—'),
          },
          {
            title: t('audit.outcome'),
            dataIndex: 'outcome',
            width: 90,
            render: (o: AuditOutcome) => <Tag color={OUTCOME_COLORS[o]}>{t.label('outcome', o)}</Tag>,
          },
          { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
