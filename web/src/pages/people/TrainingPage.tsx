import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type TrainingPlan, type TrainingSession, useTrainingPlans } from '../../api/people';
import { QueryError } from '../../components/Results';
import { type MessageKey, useT } from '../../i18n';
import { useHallChoice, useOpenRows } from './common';
import { chinaToday } from '../../lib/china-day';
import { TrainingIndividualPlansCard } from './TrainingIndividualPlansCard';
import { TrainingPlanModal } from './TrainingPlanModal';
import { TrainingResultsModal } from './TrainingResultsModal';
import { TrainingSessionModal } from './TrainingSessionModal';
import { TrainingSessionsTable } from './TrainingSessionsTable';
import { TrainingStaffCard } from './TrainingStaffCard';

/** 培训: plans with their sessions, attendance and scores; the staff's standing; individual training plans. */
export function TrainingPage() {
  const t = useT();
  const { hallId, picker } = useHallChoice();
  const [year, setYear] = useState(() => chinaToday().year());
  const [page, setPage] = useState(1);
  const plans = useTrainingPlans(hallId, year, page);
  const openRows = useOpenRows((plans.data?.items ?? []).map((p) => p.id));
  const [newPlan, setNewPlan] = useState(false);
  const [sessionFor, setSessionFor] = useState<TrainingPlan | null>(null);
  const [resultsFor, setResultsFor] = useState<{ plan: TrainingPlan; session: TrainingSession } | null>(null);

  if (plans.error && !plans.data) return <QueryError error={plans.error} onRetry={() => plans.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('tr.plans')}
        extra={
          <Space>
            {picker}
            {t('pp.year')}
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              options={[year - 1, chinaToday().year(), chinaToday().year() + 1]
                .filter((y, i, a) => a.indexOf(y) === i)
                .map((y) => ({ value: y, label: String(y) }))}
            />
            <Button type="primary" onClick={() => setNewPlan(true)}>
              {t('tr.newPlan')}
            </Button>
          </Space>
        }
      >
        <Table<TrainingPlan>
          rowKey="id"
          loading={plans.isFetching}
          dataSource={plans.data?.items}
          pagination={{ current: page, pageSize: 10, total: plans.data?.total ?? 0, onChange: setPage }}
          expandable={{
            ...openRows,
            expandedRowRender: (p) => (
              <TrainingSessionsTable plan={p} onResults={(session) => setResultsFor({ plan: p, session })} />
            ),
          }}
          columns={[
            { title: t('tr.title'), dataIndex: 'title', ellipsis: true },
            { title: t('tr.kind'), width: 110, render: (_, p) => t(`pp.kind.${p.kind}` as MessageKey) },
            {
              title: t('tr.subject'),
              width: 130,
              render: (_, p) => (
                <Tag color={p.subject === 'pre_post' ? 'blue' : 'default'}>
                  {t(`pp.subject.${p.subject}` as MessageKey)}
                </Tag>
              ),
            },
            { title: t('tr.passScore'), dataIndex: 'passScore', width: 90 },
            { title: t('tr.sessions'), width: 90, render: (_, p) => t('tr.sessionsN', { n: p.sessions.length }) },
            {
              title: t('pp.actions'),
              width: 120,
              render: (_, p) => (
                <Button type="link" onClick={() => setSessionFor(p)}>
                  {t('tr.addSession')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <TrainingStaffCard hallId={hallId} />
      <TrainingIndividualPlansCard hallId={hallId} />
      {newPlan && hallId && <TrainingPlanModal hallId={hallId} year={year} onClose={() => setNewPlan(false)} />}
      {sessionFor && <TrainingSessionModal plan={sessionFor} onClose={() => setSessionFor(null)} />}
      {resultsFor && hallId && (
        <TrainingResultsModal
          hallId={hallId}
          plan={resultsFor.plan}
          session={resultsFor.session}
          onClose={() => setResultsFor(null)}
        />
      )}
    </Space>
  );
}
