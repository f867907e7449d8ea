import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  type ComplaintAction,
  noteKinds,
  satisfactionLevels,
  useAssignees,
  useComplaint,
  useComplaintAction,
} from '../../api/complaints';
import { applyFieldError } from '../../api/formErrors';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { lightColor } from './ComplaintsPage';

type Dialog = Exclude<ComplaintAction, never>;
const paths: Record<Dialog, 'assign' | 'notes' | 'reply' | 'satisfaction' | 'reopen'> = {
  assign: 'assign',
  note: 'notes',
  reply: 'reply',
  rate: 'satisfaction',
  reopen: 'reopen',
};
const labels: Record<Dialog, MessageKey> = {
  assign: 'cp.assign',
  note: 'cp.note',
  reply: 'cp.reply',
  rate: 'cp.rate',
  reopen: 'cp.reopen',
};
const done: Record<Dialog, MessageKey> = {
  assign: 'cp.assigned',
  note: 'cp.noted',
  reply: 'cp.replied',
  rate: 'cp.rated',
  reopen: 'cp.reopened',
};

/** One complaint with its handling steps and the actions open from its state. */
export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const q = useComplaint(id);
  const act = useComplaintAction(id);
  const assignees = useAssignees(q.data?.hallId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm();
  if (q.error && !q.data) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const c = q.data;
  if (!c) return <Card loading />;
  const save = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    try {
      await act.mutateAsync({ path: paths[dialog], body: v });
      message.success(t(done[dialog]));
      setDialog(null);
      form.resetFields();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${t(`cp.kind.${c.kind}` as MessageKey)} ${c.number}`}
        extra={
          <Space wrap>
            {c.actions.map((a) => (
              <Button key={a} type={a === 'reply' ? 'primary' : 'default'} onClick={() => setDialog(a)}>
                {t(labels[a])}
              </Button>
            ))}
            {c.reply && (
              <Button href={`/api/complaints/${c.id}/reply.pdf`} target="_blank">
                {t('cp.replyPdf')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
          <Descriptions.Item label={t('cp.state')}>
            {t(`cp.state.${c.state}` as MessageKey)} {c.round > 1 && <Tag>{t('cp.round', { round: c.round })}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.due')}>
            <Tag color={lightColor[c.light]}>{c.dueDay}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.received')}>{c.receivedDay}</Descriptions.Item>
          <Descriptions.Item label={t('cp.channel')}>
            {t(`cp.channel.${c.channel}` as MessageKey)} {c.workOrderNo ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.category')}>{t(`cp.category.${c.category}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('cp.name')}>
            {c.complainant} {c.contact ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.caseNo')}>
            {[c.caseNo, c.itemName].filter(Boolean).join(' ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.staff')}>
            {[c.windowNumber && `${c.windowNumber}号窗口`, c.staffName].filter(Boolean).join(' ')}
            {c.restricted && <Tag color="red">{t('cp.restricted')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.responsible')}>
            {c.responsibleName ?? ''} {c.cause ? `（${c.cause}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.matter')} span={3}>
            {c.matter}
          </Descriptions.Item>
          {c.reply && (
            <Descriptions.Item label={t('cp.replyText')} span={3}>
              {c.reply}
            </Descriptions.Item>
          )}
          {c.rectification && (
            <Descriptions.Item label={t('cp.rectification')} span={3}>
              {c.rectification}
            </Descriptions.Item>
          )}
          {c.satisfaction && (
            <Descriptions.Item label={t('cp.satisfaction')}>
              {t(`cp.sat.${c.satisfaction}` as MessageKey)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('cp.steps')}>
        <Timeline
          items={c.steps.map((s) => ({
            children: (
              <div>
                <strong>{t(`cp.step.${s.action}` as MessageKey)}</strong>
                {s.noteKind && <Tag style={{ marginLeft: 8 }}>{t(`cp.noteKind.${s.noteKind}` as MessageKey)}</Tag>}
                <span style={{ marginLeft: 8, color: '#888' }}>
                  {s.userName} {new Date(s.at).toLocaleString('zh-CN')}
                </span>
                <div>{s.text}</div>
              </div>
            ),
          }))}
        />
      </Card>
      <Modal
        open={!!dialog}
        title={dialog ? t(labels[dialog]) : ''}
        onOk={save}
        okText={dialog ? t(labels[dialog]) : ''}
        confirmLoading={act.isPending}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'assign' && (
            <>
              <Form.Item name="cause" label={t('cp.cause')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="responsibleId" label={t('cp.responsible')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={assignees.data?.items.map((a) => ({ value: a.id, label: a.name }))}
                />
              </Form.Item>
            </>
          )}
          {dialog === 'note' && (
            <>
              <Form.Item name="kind" label={t('cp.noteKind')} rules={[{ required: true }]} initialValue="investigation">
                <Select options={noteKinds.map((k) => ({ value: k, label: t(`cp.noteKind.${k}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item name="text" label={t('cp.noteText')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {dialog === 'reply' && (
            <>
              <Form.Item name="reply" label={t('cp.replyText')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={5} maxLength={4000} />
              </Form.Item>
              <Form.Item name="rectification" label={t('cp.rectification')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {dialog === 'rate' && (
            <Form.Item name="satisfaction" label={t('cp.satisfaction')} rules={[{ required: true }]}>
              <Select options={satisfactionLevels.map((s) => ({ value: s, label: t(`cp.sat.${s}` as MessageKey) }))} />
            </Form.Item>
          )}
          {dialog === 'reopen' && (
            <Form.Item name="reason" label={t('cp.reopenReason')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
