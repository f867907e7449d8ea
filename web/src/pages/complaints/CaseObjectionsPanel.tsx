import { App, Button, Card, Form, Input, List, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import { type ObjectionKind, useCaseObjections, useRecordObjection } from '../../api/complaints';
import { applyFieldError } from '../../api/formErrors';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

/** 异议 on the case page: what the applicant objected to, the superior's answer, and recording a new one. */
export function CaseObjectionsPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const q = useCaseObjections(caseId);
  const record = useRecordObjection(caseId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ decisionKind: ObjectionKind; reason: string }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const r = await record.mutateAsync(v);
      const last = r.items[r.items.length - 1];
      message.success(t('ob.recorded', { due: last?.dueDay ?? '' }));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Card
      size="small"
      title={t('ob.title')}
      extra={
        can('reception.register') && (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('ob.record')}
          </Button>
        )
      }
    >
      <List
        size="small"
        locale={{ emptyText: t('ob.none') }}
        dataSource={q.data?.items ?? []}
        renderItem={(o) => (
          <List.Item>
            <div>
              <Tag>{t(`ob.kind.${o.decisionKind}` as MessageKey)}</Tag>
              <Tag color={o.status === 'open' ? 'gold' : 'green'}>{t(`ob.status.${o.status}` as MessageKey)}</Tag>
              {o.reason}（{t('cp.due')} {o.dueDay}）
              {o.answer && (
                <div>
                  {t(`ob.outcome.${o.outcome}` as MessageKey)}：{o.answer}{' '}
                  <a href={`/api/objections/${o.id}/answer.pdf`} target="_blank" rel="noreferrer">
                    {t('ob.pdf')}
                  </a>
                </div>
              )}
            </div>
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('ob.record')}
        onOk={save}
        okText={t('ob.record')}
        confirmLoading={record.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ decisionKind: 'review' }}>
          <Form.Item name="decisionKind" label={t('ob.decisionKind')} rules={[{ required: true }]}>
            <Select
              options={(['review', 'refusal', 'one_time_notice'] as const).map((k) => ({
                value: k,
                label: t(`ob.kind.${k}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('ob.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
