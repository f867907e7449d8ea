import { App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Objection, type ObjectionOutcome, useAnswerObjection, useObjections } from '../../api/complaints';
import { applyFieldError } from '../../api/formErrors';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { lightColor } from './ComplaintsPage';

/** 异议复核: the superior's list of objections to re-examine, each answered once in writing. */
export function ObjectionsPage() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [status, setStatus] = useState<'open' | 'answered'>('open');
  const list = useObjections(status);
  const answer = useAnswerObjection();
  const [current, setCurrent] = useState<Objection | null>(null);
  const [form] = Form.useForm<{ outcome: ObjectionOutcome; answer: string }>();
  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const save = async () => {
    const v = await form.validateFields();
    try {
      await answer.mutateAsync({ id: current!.id, ...v });
      message.success(t('ob.answered'));
      setCurrent(null);
      form.resetFields();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Card
      title={t('ob.title')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'answered')}
          options={[
            { value: 'open', label: t('ob.status.open') },
            { value: 'answered', label: t('ob.status.answered') },
          ]}
        />
      }
    >
      <Table<Objection>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('cp.due'),
            render: (_, r) => <Tag color={lightColor[r.light]}>{r.dueDay}</Tag>,
          },
          { title: t('cp.caseNo'), render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> },
          { title: t('ob.decisionKind'), render: (_, r) => t(`ob.kind.${r.decisionKind}` as MessageKey) },
          { title: t('ob.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('ob.recordedBy'), dataIndex: 'recordedBy' },
          {
            title: t('ob.answer'),
            render: (_, r) =>
              r.status === 'open' ? (
                <Button type="link" onClick={() => setCurrent(r)}>
                  {t('ob.answer')}
                </Button>
              ) : (
                <Space>
                  {t(`ob.outcome.${r.outcome}` as MessageKey)}
                  <a href={`/api/objections/${r.id}/answer.pdf`} target="_blank" rel="noreferrer">
                    {t('ob.pdf')}
                  </a>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!current}
        title={t('ob.answer')}
        onOk={save}
        okText={t('ob.answer')}
        confirmLoading={answer.isPending}
        onCancel={() => setCurrent(null)}
        destroyOnHidden
      >
        <p>{current?.reason}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="outcome" label={t('ob.outcome')} rules={[{ required: true }]}>
            <Select
              options={(['upheld', 'rejected'] as const).map((o) => ({
                value: o,
                label: t(`ob.outcome.${o}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="answer" label={t('ob.answerText')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
