import { App, Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { type IndividualPlan, useCompleteIndividualPlan, useIndividualPlans } from '../../api/people';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { TrainingIndividualModal } from './TrainingIndividualModal';

/** 个人培训计划: the hall's individual training plans; an open one can be marked done. */
export function TrainingIndividualPlansCard({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const list = useIndividualPlans(hallId);
  const done = useCompleteIndividualPlan();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('tr.individual')}
      extra={
        <Button onClick={() => setCreating(true)} disabled={!hallId}>
          {t('tr.newIndividual')}
        </Button>
      }
    >
      <Table<IndividualPlan>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('pp.person'), dataIndex: 'userName', width: 120 },
          { title: t('tr.goal'), dataIndex: 'goal', ellipsis: true },
          { title: t('tr.topics'), dataIndex: 'topics', ellipsis: true },
          {
            title: t('tr.dueDay'),
            width: 140,
            render: (_, p) => <Tag color={p.overdue ? 'red' : 'default'}>{p.dueDay}</Tag>,
          },
          { title: t('tr.source'), width: 100, render: (_, p) => t(`tr.source.${p.source}` as MessageKey) },
          {
            title: t('tr.status'),
            width: 160,
            render: (_, p) =>
              p.status === 'open' ? (
                <Button
                  type="link"
                  onClick={() =>
                    done.mutateAsync({ id: p.id, note: '' }).then(() => message.success(t('tr.markedDone')), notify)
                  }
                >
                  {t('tr.markDone')}
                </Button>
              ) : (
                <Tag color="green">{t('tr.status.done')}</Tag>
              ),
          },
        ]}
      />
      {creating && hallId && <TrainingIndividualModal hallId={hallId} onClose={() => setCreating(false)} />}
    </Card>
  );
}
