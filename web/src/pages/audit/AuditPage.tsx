import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AuditQuery, auditExportUrl, useAudit, useAuditChoices, useVerifyAudit } from '../../api/audit';
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
  /** An area (`case`) narrows to its actions; a named action (`case.register`) to that one. */
  area?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
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
  const choices = useAuditChoices();
  const [form] = Form.useForm<FilterValues>();
  const area = Form.useWatch('area', form);
  const areaActions = choices.data?.areas.find((a) => a.area === area)?.actions ?? [];

  const onSearch = (v: FilterValues) => {
    setFilters({
      username: v.username || undefined,
      action: v.action || (v.area ? `${v.area}.` : undefined),
      targetType: v.targetType || undefined,
      targetId: v.targetId?.trim() || undefined,
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
        <Space>
          <Tooltip title={t('audit.exportNote')}>
            <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} download>
              {t('audit.export')}
            </Button>
          </Tooltip>
          {can('audit.verify') && (
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate(undefined, { onError: notifyError })}
            >
              {t('audit.verify')}
            </Button>
          )}
        </Space>
      }
    >
      {result && <AuditCheckResult result={result} onClose={() => verify.reset()} />}
      <Form<FilterValues>
        form={form}
        layout="inline"
        name="audit-filter"
        onFinish={onSearch}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('audit.person')} name="username">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.personPlaceholder')}
            style={{ width: 180 }}
            options={choices.data?.people.map((p) => ({
              value: p.username,
              label: `${p.displayName}（${p.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('audit.area')} name="area">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.areaPlaceholder')}
            style={{ width: 140 }}
            onChange={() => form.setFieldValue('action', undefined)}
            options={choices.data?.areas.map((a) => ({ value: a.area, label: a.areaLabel }))}
          />
        </Form.Item>
        <Form.Item label={t('audit.action')} name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.actionPick')}
            disabled={!area}
            style={{ width: 200 }}
            options={areaActions.map((a) => ({ value: a.code, label: a.label }))}
          />
        </Form.Item>
        <Form.Item label={t('audit.targetType')} name="targetType">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 140 }}
            options={choices.data?.targets.map((x) => ({ value: x.code, label: x.label }))}
          />
        </Form.Item>
        <Form.Item label={t('audit.targetId')} name="targetId">
          <Input allowClear style={{ width: 150 }} />
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
          {
            title: t('audit.username'),
            key: 'who',
            width: 150,
            // The server's own actions (start-up, sweeps, the demo load) have no account behind them; a failed
            // sign-in under an unknown name keeps the name that was typed.
            render: (_, r) =>
              r.username && !(r.userId === null && r.username === 'system') ? (
                <Tooltip title={r.username}>{r.displayName ?? r.username}</Tooltip>
              ) : (
                <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
              ),
          },
          {
            title: t('audit.action'),
            key: 'action',
            render: (_, r) => (
              <Tooltip title={r.action}>
                <span>{r.actionLabel}</span>
              </Tooltip>
            ),
          },
          {
            title: t('audit.target'),
            key: 'target',
            render: (_, r) =>
              r.targetType ? `${r.targetLabel ?? r.targetType}${r.targetId ? ` / ${r.targetId}` : ''}` : '—',
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
