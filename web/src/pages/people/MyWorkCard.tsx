import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type ConductRecord, useAcknowledge, useFinishTask, useMyTraining, useMyWork } from '../../api/people';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { TasksTable } from './MeetingsPage';

/** 我的待办 on the home page: one's meeting follow-ups (overdue in red) and records waiting for acknowledgement. */
export function MyWorkCard() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const work = useMyWork();
  const training = useMyTraining();
  const finish = useFinishTask();
  const [acking, setAcking] = useState<ConductRecord | null>(null);
  const status = training.data?.status;
  const tasks = work.data?.tasks ?? [];
  const acks = work.data?.pendingAcknowledgements ?? [];
  return (
    <Card title={t('my.title')} data-testid="my-work">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {status && !status.prePostPassed && <Alert type="warning" showIcon title={t('my.untrained')} />}
        {status && (
          <Typography.Text type="secondary">
            {t('my.training')}：
            {t('my.trainingLine', {
              prePost: status.prePostPassed ? t('my.yes') : t('my.no'),
              secret: status.confidentialityPassed ? t('my.yes') : t('my.no'),
              hours: status.hoursThisYear,
            })}
          </Typography.Text>
        )}
        {acks.length > 0 && (
          <Table<ConductRecord>
            rowKey="id"
            size="small"
            title={() => t('my.acks')}
            pagination={false}
            dataSource={acks}
            columns={[
              { title: t('cd.occurredOn'), dataIndex: 'occurredOn', width: 110 },
              {
                title: t('cd.kind'),
                width: 80,
                render: (_, r) => (
                  <Tag color={r.kind === 'reward' ? 'green' : 'volcano'}>{t(`cd.kind.${r.kind}` as MessageKey)}</Tag>
                ),
              },
              { title: t('cd.measure'), dataIndex: 'measureLabel', width: 110 },
              { title: t('cd.facts'), dataIndex: 'facts', ellipsis: true },
              {
                title: t('pp.actions'),
                width: 110,
                render: (_, r) => (
                  <Button type="link" onClick={() => setAcking(r)}>
                    {t('my.acknowledge')}
                  </Button>
                ),
              },
            ]}
          />
        )}
        <Typography.Text strong>{t('my.tasks')}</Typography.Text>
        <TasksTable
          tasks={tasks}
          action={(task) =>
            task.status === 'open' && (
              <Button
                type="link"
                onClick={() =>
                  finish.mutateAsync({ id: task.id, note: '' }).then(() => message.success(t('my.finished')), notify)
                }
              >
                {t('my.finish')}
              </Button>
            )
          }
        />
      </Space>
      {acking && <AckModal record={acking} onClose={() => setAcking(null)} />}
    </Card>
  );
}

function AckModal({ record, onClose }: { record: ConductRecord; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const ack = useAcknowledge();
  const [form] = Form.useForm<{ note: string }>();
  const save = async () => {
    const { note } = await form.validateFields();
    try {
      await ack.mutateAsync({ id: record.id, note: note ?? '' });
      message.success(t('my.acknowledged'));
      onClose();
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Modal
      open
      title={t('my.acknowledge')}
      onOk={save}
      okText={t('my.acknowledge')}
      confirmLoading={ack.isPending}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          {record.occurredOn} {t(`cd.kind.${record.kind}` as MessageKey)}（{record.measureLabel}）：{record.facts}
        </Typography.Paragraph>
        <Alert type="info" showIcon title={t('my.ackHint')} />
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('cd.ackNote')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
