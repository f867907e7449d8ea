import { Button, Card, Form, Input, Modal, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { type FollowUp, useCallBack, useFollowUps } from '../../api/queue';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const lightColor = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** The feedback officer's inbox of bad on-site reviews to call back within one working day (差评回访). */
export function FollowUpsPage() {
  const t = useT();
  const notify = useNotifyError();
  const [status, setStatus] = useState<'open' | 'called_back'>('open');
  const list = useFollowUps(status);
  const callBack = useCallBack();
  const [current, setCurrent] = useState<FollowUp | null>(null);
  const [form] = Form.useForm<{ note: string }>();

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const save = async () => {
    const { note } = await form.validateFields();
    try {
      await callBack.mutateAsync({ id: current!.id, note });
      setCurrent(null);
      form.resetFields();
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Card
      title={t('followUp.title')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'called_back')}
          options={[
            { value: 'open', label: t('followUp.openOnly') },
            { value: 'called_back', label: t('followUp.done') },
          ]}
        />
      }
    >
      <Table<FollowUp>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          {
            title: t('followUp.due'),
            dataIndex: 'dueDay',
            render: (d: string, r) => <Tag color={r.status === 'open' ? lightColor[r.light] : 'default'}>{d}</Tag>,
          },
          { title: t('followUp.level'), render: (_, r) => t(`ratingLevel.${r.rating.level}` as MessageKey) },
          {
            title: t('followUp.reasons'),
            render: (_, r) => [...r.rating.reasons, r.rating.comment].filter(Boolean).join('；'),
          },
          { title: t('followUp.ticket'), dataIndex: 'ticketNumber' },
          { title: t('followUp.window'), dataIndex: 'windowNumber' },
          { title: t('followUp.staff'), dataIndex: 'staffName' },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.status === 'open' ? (
                <Button type="link" onClick={() => setCurrent(r)}>
                  {t('followUp.callBack')}
                </Button>
              ) : (
                `${t('followUp.calledBack', { name: r.calledBackBy ?? '' })}：${r.note}`
              ),
          },
        ]}
      />
      <Modal
        open={!!current}
        title={t('followUp.callBack')}
        onOk={save}
        confirmLoading={callBack.isPending}
        onCancel={() => setCurrent(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('followUp.note')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
