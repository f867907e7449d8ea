import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan, useMe } from '../../api/auth';
import {
  type Complaint,
  type ComplaintState,
  complaintCategories,
  complaintChannels,
  type RegisterComplaint,
  useAssignees,
  useComplaints,
  useRegisterComplaint,
} from '../../api/complaints';
import { buildUrl } from '../../api/client';
import { applyFieldError } from '../../api/formErrors';
import { useWindows } from '../../api/org';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { TimeLimitsButton } from './TimeLimitsDialog';

export const lightColor = { green: 'green', yellow: 'gold', red: 'red', none: 'default' } as const;

/** 投诉举报台账: every complaint and report of the hall with its clock, and the register dialog. */
export function ComplaintsPage() {
  const t = useT();
  const can = useCan();
  const [state, setState] = useState<ComplaintState | 'all'>('all');
  const list = useComplaints(state === 'all' ? {} : { state });
  const [open, setOpen] = useState(false);
  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card
      title={t('cp.desk')}
      extra={
        <Space wrap>
          <Segmented
            value={state}
            onChange={(v) => setState(v as ComplaintState | 'all')}
            options={[
              { value: 'all', label: t('cp.all') },
              ...(['open', 'handling', 'replied', 'closed'] as const).map((s) => ({
                value: s,
                label: t(`cp.state.${s}` as MessageKey),
              })),
            ]}
          />
          <Button href={buildUrl('/api/complaints/export', state === 'all' ? {} : { state })}>{t('cp.export')}</Button>
          {can('complaint.supervise') && <TimeLimitsButton />}
          {can('complaint.handle') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('cp.register')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Complaint>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('cp.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/complaints/${r.id}`}>{n}</Link>,
          },
          {
            title: t('cp.kind'),
            render: (_, r) => (
              <Space size={4}>
                <Tag color={r.kind === 'report' ? 'purple' : 'blue'}>{t(`cp.kind.${r.kind}` as MessageKey)}</Tag>
                {r.restricted && <Tag color="red">{t('cp.restricted')}</Tag>}
              </Space>
            ),
          },
          { title: t('cp.channel'), render: (_, r) => t(`cp.channel.${r.channel}` as MessageKey) },
          { title: t('cp.category'), render: (_, r) => t(`cp.category.${r.category}` as MessageKey) },
          { title: t('cp.name'), dataIndex: 'complainant' },
          { title: t('cp.matter'), dataIndex: 'matter', ellipsis: true },
          { title: t('cp.state'), render: (_, r) => t(`cp.state.${r.state}` as MessageKey) },
          {
            title: t('cp.due'),
            render: (_, r) => <Tag color={lightColor[r.light]}>{r.dueDay}</Tag>,
          },
          { title: t('cp.responsible'), dataIndex: 'responsibleName' },
        ]}
      />
      <RegisterDialog open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

function RegisterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const { data: me } = useMe();
  const notify = useNotifyError();
  const register = useRegisterComplaint();
  const [form] = Form.useForm<RegisterComplaint>();
  const kind = Form.useWatch('kind', form);
  const channel = Form.useWatch('channel', form);
  const anonymous = Form.useWatch('anonymous', form);
  const simple = Form.useWatch('simple', form);
  const hallId = Form.useWatch('hallId', form) ?? me?.halls[0]?.id;
  const windows = useWindows(hallId);
  const staff = useAssignees(hallId);
  const save = async () => {
    const v = await form.validateFields();
    try {
      const done = await register.mutateAsync({ ...v, hallId: v.hallId ?? me?.halls[0]?.id ?? '' });
      message.success(t('cp.registered', { number: done.number, code: done.lookupCode }));
      modal.info({ title: t('cp.registered', { number: done.number, code: done.lookupCode }) });
      form.resetFields();
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open={open}
      title={t('cp.register')}
      onOk={save}
      okText={t('cp.register')}
      confirmLoading={register.isPending}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'complaint', channel: 'phone', category: 'attitude' }}>
        {(me?.halls.length ?? 0) > 1 && (
          <Form.Item name="hallId" label={t('cp.hall')} rules={[{ required: true }]}>
            <Select options={me?.halls.map((h) => ({ value: h.id, label: h.name }))} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="kind" label={t('cp.kind')}>
            <Segmented
              options={(['complaint', 'report'] as const).map((k) => ({
                value: k,
                label: t(`cp.kind.${k}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('cp.channel')}>
            <Select
              style={{ width: 140 }}
              options={complaintChannels.map((c) => ({ value: c, label: t(`cp.channel.${c}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t('cp.category')}>
            <Select
              style={{ width: 140 }}
              options={complaintCategories.map((c) => ({ value: c, label: t(`cp.category.${c}` as MessageKey) }))}
            />
          </Form.Item>
          {(channel === 'hotline' || channel === 'superior') && (
            <Form.Item name="workOrderNo" label={t('cp.workOrderNo')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={40} />
            </Form.Item>
          )}
        </Space>
        {kind === 'report' && (
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox>{t('cp.anonymous')}</Checkbox>
          </Form.Item>
        )}
        {!(kind === 'report' && anonymous) && (
          <Space wrap>
            <Form.Item name="name" label={t('cp.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="phone" label={t('cp.phone')}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="email" label={t('cp.email')}>
              <Input maxLength={120} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="matter" label={t('cp.matter')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="caseNo" label={t('cp.caseNo')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="windowId" label={t('cp.window')}>
            <Select
              allowClear
              style={{ width: 140 }}
              options={windows.data?.items.map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
            />
          </Form.Item>
          <Form.Item name="staffUserId" label={t('cp.staff')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 160 }}
              options={staff.data?.items.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="simple" valuePropName="checked">
          <Checkbox>{t('cp.simple')}</Checkbox>
        </Form.Item>
        {simple && (
          <Form.Item name="reply" label={t('cp.onSpotReply')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {kind === 'report' && <Alert type="info" showIcon message={t('cp.public.anonHint')} />}
      </Form>
    </Modal>
  );
}
