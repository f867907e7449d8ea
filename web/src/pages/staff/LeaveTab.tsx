import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import {
  type Leave,
  type LeaveKind,
  useCancelLeave,
  useColleagues,
  useConfirmLeave,
  useDecideLeave,
  useLeaves,
  useRequestLeave,
} from '../../api/staff';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const kinds: LeaveKind[] = ['annual', 'sick', 'personal', 'trip', 'training'];
const statusColor = { requested: 'gold', confirmed: 'blue', approved: 'green', rejected: 'red', cancelled: 'default' };

/** 请假: request naming the B person; B confirms; the supervisor or station head (by authority level) decides. */
export function LeaveTab({ hallId }: { hallId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { data: me } = useMe();
  const leaves = useLeaves(hallId);
  const people = useColleagues(hallId);
  const request = useRequestLeave();
  const confirm = useConfirmLeave();
  const decide = useDecideLeave();
  const cancel = useCancelLeave();
  const [deciding, setDeciding] = useState<{ leave: Leave; approve: boolean } | null>(null);
  const [note, setNote] = useState('');
  const [form] = Form.useForm();
  const myId = me?.id;
  const roles = me?.roles ?? [];
  const mayDecide = (l: Leave) =>
    l.userId !== myId &&
    l.status === 'confirmed' &&
    (roles.includes('station_head') || (l.approverRole === 'supervisor' && roles.includes('supervisor')));
  if (leaves.error) return <QueryError error={leaves.error} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'annual' }}
        onFinish={(v) =>
          request.mutate(
            {
              hallId,
              kind: v.kind,
              fromDay: v.period[0].format('YYYY-MM-DD'),
              toDay: v.period[1].format('YYYY-MM-DD'),
              reason: v.reason,
              contact: v.contact,
              bUserId: v.bUserId,
            },
            {
              onSuccess: () => {
                message.success(t('st.leaveRequested'));
                form.resetFields(['period', 'reason']);
              },
              onError: (e) => applyFieldError(form, e, { fromDay: 'period', toDay: 'period' }) || notify(e),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('st.leaveKind')}>
          <Select style={{ width: 100 }} options={kinds.map((k) => ({ value: k, label: t(`st.leaveKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('st.period')} rules={[{ required: true, message: t('st.required') }]}>
          <DatePicker.RangePicker style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="bUserId" label={t('st.bPerson')} rules={[{ required: true, message: t('st.required') }]}>
          <Select
            style={{ width: 120 }}
            showSearch
            optionFilterProp="label"
            options={(people.data?.items ?? []).map((p) => ({ value: p.userId, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('st.reason')} rules={[{ required: true, message: t('st.required') }]}>
          <Input style={{ width: 150 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="contact" label={t('st.contact')} rules={[{ required: true, message: t('st.required') }]}>
          <Input style={{ width: 160 }} maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={request.isPending}>
          {t('st.requestLeave')}
        </Button>
      </Form>
      <Table<Leave>
        size="small"
        rowKey="id"
        loading={leaves.isLoading}
        dataSource={leaves.data?.items ?? []}
        tableLayout="fixed"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: t('st.applicant'), dataIndex: 'userName', width: 80 },
          { title: t('st.leaveKind'), width: 80, render: (_, l) => t(`st.leaveKind.${l.kind}`) },
          { title: t('st.period'), width: 170, render: (_, l) => `${l.fromDay} ~ ${l.toDay}` },
          { title: t('st.days'), dataIndex: 'workingDays', width: 70 },
          { title: t('st.reason'), dataIndex: 'reason', width: 90, ellipsis: true },
          { title: t('st.bPerson'), dataIndex: 'bUserName', width: 80 },
          { title: t('st.contact'), dataIndex: 'contact', width: 120, ellipsis: true },
          { title: t('st.approver'), width: 70, render: (_, l) => t(`st.approver.${l.approverRole}` as MessageKey) },
          {
            title: t('st.status'),
            width: 100,
            render: (_, l) => <Tag color={statusColor[l.status]}>{t(`st.leaveStatus.${l.status}`)}</Tag>,
          },
          { title: t('st.note'), dataIndex: 'decisionNote', width: 130, ellipsis: true },
          {
            title: t('st.actions'),
            width: 150,
            render: (_, l) => (
              <Space size={4}>
                {l.bUserId === myId && l.status === 'requested' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() =>
                      confirm.mutate(l.id, { onSuccess: () => message.success(t('st.confirmed')), onError: notify })
                    }
                  >
                    {t('st.confirm')}
                  </Button>
                )}
                {mayDecide(l) && (
                  <>
                    <Button size="small" type="primary" onClick={() => setDeciding({ leave: l, approve: true })}>
                      {t('st.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ leave: l, approve: false })}>
                      {t('st.reject')}
                    </Button>
                  </>
                )}
                {l.userId === myId && ['requested', 'confirmed', 'approved'].includes(l.status) && (
                  <Button
                    size="small"
                    onClick={() =>
                      cancel.mutate(l.id, { onSuccess: () => message.success(t('st.cancel')), onError: notify })
                    }
                  >
                    {t('st.cancel')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!deciding}
        title={deciding ? `${t(deciding.approve ? 'st.approve' : 'st.reject')} · ${deciding.leave.userName}` : ''}
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() =>
          deciding &&
          decide.mutate(
            { id: deciding.leave.id, approve: deciding.approve, note },
            {
              onSuccess: () => {
                message.success(t('st.decided'));
                setDeciding(null);
                setNote('');
              },
              onError: notify,
            },
          )
        }
      >
        <Input.TextArea placeholder={t('st.note')} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      </Modal>
    </Space>
  );
}
