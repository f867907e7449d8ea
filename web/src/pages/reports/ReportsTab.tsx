import { Alert, Button, Form, Input, List, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Report, type ReportKind, useGenerateReport, useNextSteps, useReports } from '../../api/reports';
import { useModalSubmit } from './useModalSubmit';
import { useT } from '../../i18n';
import { SubmitModal } from './SubmissionsTab';
import { chinaToday } from '../../lib/china-day';
import { formatTime } from '../../components/format';

/** The period just ended of a kind, as the generate dialog's first suggestion. */
function lastPeriod(kind: ReportKind): string {
  const now = chinaToday();
  if (kind === 'monthly') return now.subtract(1, 'month').format('YYYY-MM');
  if (kind === 'yearly') return String(now.year() - 1);
  const q = Math.floor(now.month() / 3); // the current quarter, 0-based: the one before it has ended
  return q === 0 ? `${now.year() - 1}-Q4` : `${now.year()}-Q${q}`;
}

/** 工作报告: the hall's reports per kind with their versions, files, risks, next steps and the generate dialog. */
export function ReportsTab({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const [kind, setKind] = useState<ReportKind | 'all'>('all');
  const list = useReports(hallId, kind === 'all' ? undefined : kind);
  const [generating, setGenerating] = useState(false);
  const [editing, setEditing] = useState<Report>();
  const [submitting, setSubmitting] = useState<Report>();
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as ReportKind | 'all')}
          options={(['all', 'monthly', 'quarterly', 'yearly'] as const).map((k) => ({
            value: k,
            label: t(`rep.kind.${k}`),
          }))}
        />
        <Button type="primary" disabled={!hallId} onClick={() => setGenerating(true)}>
          {t('rep.generate')}
        </Button>
      </Space>
      <Table<Report>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('rep.empty') }}
        expandable={{
          expandedRowRender: (r) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {t('rep.col.period')}：{r.from} ~ {r.to}
              </Typography.Text>
              <Typography.Text strong>{t('rep.col.risks')}</Typography.Text>
              {r.risks.length ? (
                <List size="small" dataSource={r.risks} renderItem={(x) => <List.Item>{x.text}</List.Item>} />
              ) : (
                <Typography.Text type="secondary">{t('rep.risks.none')}</Typography.Text>
              )}
              <Typography.Text strong>{t('rep.nextSteps')}</Typography.Text>
              <Typography.Paragraph>{r.nextSteps || t('rep.nextStepsEmpty')}</Typography.Paragraph>
            </Space>
          ),
        }}
        columns={[
          // The title names the period; its days are in the expanded row.
          { title: t('rep.col.title'), dataIndex: 'title', width: 270 },
          { title: t('rep.col.kind'), width: 64, render: (_, r) => t(`rep.kind.${r.kind}`) },
          { title: t('rep.col.version'), width: 80, render: (_, r) => t('rep.version', { n: r.version }) },
          {
            title: t('rep.col.generated'),
            width: 190,
            render: (_, r) =>
              `${r.origin === 'schedule' ? t('rep.origin.schedule') : r.generatedByName} ${formatTime(r.generatedAt)}`,
          },
          {
            title: t('rep.col.risks'),
            width: 100,
            render: (_, r) =>
              r.risks.length ? <Tag color="red">{t('rep.risks.count', { n: r.risks.length })}</Tag> : <Tag>0</Tag>,
          },
          {
            title: t('rep.col.submissions'),
            width: 100,
            render: (_, r) =>
              r.submissions ? (
                <Tag color="green">{t('rep.submitted', { n: r.submissions })}</Tag>
              ) : (
                <Tag>{t('rep.notSubmitted')}</Tag>
              ),
          },
          {
            title: t('rep.col.actions'),
            width: 300,
            render: (_, r) => (
              <Space size={4} wrap>
                <Button size="small" href={`/api/reports/${r.id}/pdf`}>
                  {t('rep.pdf')}
                </Button>
                <Button size="small" href={`/api/reports/${r.id}/xlsx`}>
                  {t('rep.xlsx')}
                </Button>
                <Button size="small" disabled={r.submissions > 0} onClick={() => setEditing(r)}>
                  {t('rep.editNextSteps')}
                </Button>
                <Button size="small" type="primary" onClick={() => setSubmitting(r)}>
                  {t('rep.submit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {generating && hallId && <GenerateModal hallId={hallId} onClose={() => setGenerating(false)} />}
      {editing && <NextStepsModal report={editing} onClose={() => setEditing(undefined)} />}
      {submitting && <SubmitModal report={submitting} onClose={() => setSubmitting(undefined)} />}
    </>
  );
}

function GenerateModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const t = useT();
  const generate = useGenerateReport();
  const [form] = Form.useForm<{ kind: ReportKind; period: string }>();
  const save = useModalSubmit(
    form,
    (v) => generate.mutateAsync({ hallId, ...v }),
    (r) => t('rep.generate.done', { title: r.title, n: r.version }),
    onClose,
  );
  return (
    <Modal
      open
      title={t('rep.generate.title')}
      onOk={save}
      okText={t('rep.generate')}
      confirmLoading={generate.isPending}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'monthly', period: lastPeriod('monthly') }}
        onValuesChange={(changed) => {
          if (changed.kind) form.setFieldValue('period', lastPeriod(changed.kind));
        }}
      >
        <Form.Item name="kind" label={t('rep.generate.kind')}>
          <Select
            options={(['monthly', 'quarterly', 'yearly'] as const).map((k) => ({
              value: k,
              label: t(`rep.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('rep.generate.period')}
          extra={t('rep.generate.periodHint')}
          rules={[{ required: true, message: t('rep.generate.periodRequired') }]}
        >
          <Input maxLength={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NextStepsModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const t = useT();
  const save = useNextSteps();
  const [form] = Form.useForm<{ text: string }>();
  const ok = useModalSubmit(
    form,
    (v) => save.mutateAsync({ id: report.id, text: v.text ?? '' }),
    (_) => t('rep.nextSteps.done'),
    onClose,
  );
  return (
    <Modal
      open
      width={640}
      title={t('rep.nextSteps.title')}
      onOk={ok}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <Alert type="info" showIcon title={t('rep.nextSteps.hint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ text: report.nextSteps }}>
        <Form.Item name="text" label={t('rep.nextSteps')}>
          <Input.TextArea rows={6} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
