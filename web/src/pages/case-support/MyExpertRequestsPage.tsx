import { Alert, App, Button, Card, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type MyExpertRequest, useMyExpertRequests, useRecordMyOpinion } from '../../api/expertDesk';
import { FormModal } from '../../components/FormModal';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';

const lightColor = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** 专家意见待办: the requests that name the signed-in colleague as internal expert; the opinion is recorded here. */
export function MyExpertRequestsPage() {
  const t = useT();
  const { message } = App.useApp();
  const q = useMyExpertRequests();
  const record = useRecordMyOpinion();
  const [answering, setAnswering] = useState<MyExpertRequest | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Card title={t('expertDesk.title')}>
      <Alert type="info" showIcon title={t('expertDesk.hint')} style={{ marginBottom: 16 }} />
      <Table<MyExpertRequest>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={false}
        locale={{ emptyText: t('expertDesk.none') }}
        data-testid="my-expert-requests"
        columns={[
          {
            title: t('expertDesk.case'),
            render: (_v, x) => <Link to={`/cases/${x.caseId}`}>{x.caseNo ?? x.caseId.slice(-6)}</Link>,
          },
          { title: t('esc.item'), dataIndex: 'itemName' },
          { title: t('expertDesk.step'), dataIndex: 'stepName' },
          { title: t('expertDesk.question'), dataIndex: 'question' },
          { title: t('expertDesk.requestedBy'), dataIndex: 'requestedBy' },
          {
            title: t('expertDesk.due'),
            render: (_v, x) => (
              <Tag color={x.light ? lightColor[x.light] : 'default'}>
                {x.dueDay}
                {x.dueProvisional ? '（待定）' : ''}
              </Tag>
            ),
          },
          {
            title: '',
            render: (_v, x) =>
              x.mayAnswer ? (
                <Button size="small" type="primary" onClick={() => setAnswering(x)}>
                  {t('expertDesk.record')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<{ opinion: string }>
        name="my-expert-opinion"
        open={answering !== null}
        title={`${t('expertDesk.record')}：${answering?.caseNo ?? ''} ${answering?.stepName ?? ''}`}
        onCancel={() => setAnswering(null)}
        okText={t('expertDesk.record')}
        onSubmit={async ({ opinion }) => {
          if (!answering) return;
          await record.mutateAsync({ id: answering.id, opinion });
          message.success(t('expertDesk.recorded'));
          setAnswering(null);
        }}
      >
        <p>{answering?.question}</p>
        <Form.Item label={t('expertDesk.opinion')} name="opinion" rules={[{ required: true }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
