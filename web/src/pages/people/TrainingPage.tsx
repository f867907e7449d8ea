import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldError } from '../../api/formErrors';
import {
  type IndividualPlan,
  type ResultRow,
  type TrainingPlan,
  type TrainingSession,
  useAddSession,
  useCompleteIndividualPlan,
  useCreateIndividualPlan,
  useCreatePlan,
  useIndividualPlans,
  useRecordResults,
  useTrainingPlans,
  useTrainingStaff,
} from '../../api/people';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { dayText, useHallChoice, useOpenRows, useStaffOptions } from './common';
import { chinaToday } from '../../lib/china-day';

const KINDS = ['internal', 'external', 'online', 'case_study'] as const;
const SUBJECTS = ['pre_post', 'confidentiality', 'system_use', 'business', 'other'] as const;

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
              <SessionsTable plan={p} onResults={(session) => setResultsFor({ plan: p, session })} />
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
      <StaffCard hallId={hallId} />
      <IndividualPlansCard hallId={hallId} />
      {newPlan && hallId && <PlanModal hallId={hallId} year={year} onClose={() => setNewPlan(false)} />}
      {sessionFor && <SessionModal plan={sessionFor} onClose={() => setSessionFor(null)} />}
      {resultsFor && hallId && (
        <ResultsModal
          hallId={hallId}
          plan={resultsFor.plan}
          session={resultsFor.session}
          onClose={() => setResultsFor(null)}
        />
      )}
    </Space>
  );
}

function SessionsTable({ plan, onResults }: { plan: TrainingPlan; onResults: (s: TrainingSession) => void }) {
  const t = useT();
  if (!plan.sessions.length) return <Alert type="info" showIcon title={t('tr.noSessions')} />;
  return (
    <Table<TrainingSession>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={plan.sessions}
      columns={[
        { title: t('tr.day'), dataIndex: 'day', width: 120 },
        { title: t('tr.hours'), dataIndex: 'hours', width: 70 },
        { title: t('tr.place'), dataIndex: 'place', ellipsis: true },
        { title: t('tr.trainer'), dataIndex: 'trainer', width: 120 },
        {
          title: t('tr.attendance'),
          render: (_, s) => (
            <Space wrap size={4}>
              {t('tr.attendanceN', {
                a: s.records.filter((r) => r.attended).length,
                p: s.records.filter((r) => r.passed).length,
              })}
              {s.records.length <= 6 &&
                s.records.map((r) => (
                  <Tag key={r.id} color={r.passed ? 'green' : r.attended ? 'red' : 'default'}>
                    {r.userName} {r.score ?? ''}
                  </Tag>
                ))}
            </Space>
          ),
        },
        {
          title: t('pp.actions'),
          width: 160,
          render: (_, s) => (
            <Button type="link" onClick={() => onResults(s)}>
              {t('tr.recordResults')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function PlanModal({ hallId, year, onClose }: { hallId: string; year: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const create = useCreatePlan();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, hallId, year });
      message.success(t('tr.planCreated'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      title={t('tr.newPlan')}
      onOk={save}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'internal', subject: 'pre_post', passScore: 60 }}>
        <Form.Item name="title" label={t('tr.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="kind" label={t('tr.kind')}>
            <Select style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="subject" label={t('tr.subject')}>
            <Select style={{ width: 160 }} options={SUBJECTS.map((k) => ({ value: k, label: t(`pp.subject.${k}`) }))} />
          </Form.Item>
          <Form.Item name="passScore" label={t('tr.passScore')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('tr.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SessionModal({ plan, onClose }: { plan: TrainingPlan; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const add = useAddSession();
  const [form] = Form.useForm<{ day: Dayjs; hours: number; place: string; trainer: string }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({
        planId: plan.id,
        ...v,
        day: dayText(v.day),
        place: v.place ?? '',
        trainer: v.trainer ?? '',
      });
      message.success(t('tr.sessionAdded'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      title={`${t('tr.addSession')}：${plan.title}`}
      onOk={save}
      confirmLoading={add.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ day: chinaToday(), hours: 4 }}>
        <Space size={16}>
          <Form.Item name="day" label={t('tr.day')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={t('tr.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={24} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('tr.place')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="trainer" label={t('tr.trainer')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 签到与成绩: every colleague of the hall, with what is already recorded for this session. */
function ResultsModal({
  hallId,
  plan,
  session,
  onClose,
}: {
  hallId: string;
  plan: TrainingPlan;
  session: TrainingSession;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const staff = useTrainingStaff(hallId);
  const record = useRecordResults();
  const [rows, setRows] = useState<Record<string, ResultRow>>(() =>
    Object.fromEntries(
      session.records.map((r) => [
        r.userId,
        { userId: r.userId, attended: r.attended, score: r.score, certificateNo: r.certificateNo ?? '' },
      ]),
    ),
  );
  const rowOf = (userId: string): ResultRow =>
    rows[userId] ?? { userId, attended: false, score: null, certificateNo: '' };
  const change = (userId: string, patch: Partial<ResultRow>) =>
    setRows((r) => ({ ...r, [userId]: { ...rowOf(userId), ...patch } }));
  const save = async () => {
    const results = Object.values(rows).map((r) => (r.attended ? r : { ...r, score: null, certificateNo: '' }));
    if (!results.length) return onClose();
    try {
      await record.mutateAsync({ sessionId: session.id, results });
      message.success(t('tr.resultsSaved'));
      onClose();
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Modal
      open
      width={860}
      title={`${t('tr.recordResults')}：${plan.title}（${session.day}）`}
      onOk={save}
      okText={t('pp.save')}
      confirmLoading={record.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('tr.resultsHint')} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        size="small"
        loading={staff.isLoading}
        dataSource={staff.data?.items}
        pagination={false}
        scroll={{ y: 420 }}
        columns={[
          { title: t('pp.person'), dataIndex: 'displayName', width: 140 },
          {
            title: t('tr.attended'),
            width: 80,
            render: (_, u) => (
              <Checkbox
                aria-label={`${u.displayName} ${t('tr.attended')}`}
                checked={rowOf(u.id).attended}
                onChange={(e) => change(u.id, { attended: e.target.checked })}
              />
            ),
          },
          {
            title: `${t('tr.score')}（${t('tr.passScore')} ${plan.passScore}）`,
            width: 180,
            render: (_, u) => (
              <InputNumber
                aria-label={`${u.displayName} ${t('tr.score')}`}
                min={0}
                max={100}
                disabled={!rowOf(u.id).attended}
                value={rowOf(u.id).score}
                onChange={(v) => change(u.id, { score: v ?? null })}
              />
            ),
          },
          {
            title: t('tr.certificate'),
            render: (_, u) => (
              <Input
                aria-label={`${u.displayName} ${t('tr.certificate')}`}
                maxLength={60}
                disabled={!rowOf(u.id).attended}
                value={rowOf(u.id).certificateNo}
                onChange={(e) => change(u.id, { certificateNo: e.target.value })}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

function StaffCard({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const staff = useTrainingStaff(hallId);
  return (
    <Card title={t('tr.staff')}>
      <Space wrap size={[8, 8]}>
        {/* Those not yet allowed to work a post come first. */}
        {[...(staff.data?.items ?? [])]
          .sort((a, b) => Number(a.prePostPassed) - Number(b.prePostPassed))
          .map((u) => (
            <Tag key={u.id} color={u.prePostPassed ? 'green' : 'red'}>
              {u.displayName}：{t('tr.prePost')}
              {u.prePostPassed ? t('tr.prePostPassed') : t('tr.prePostMissing')}
            </Tag>
          ))}
      </Space>
    </Card>
  );
}

function IndividualPlansCard({ hallId }: { hallId: string | undefined }) {
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
      {creating && hallId && <IndividualModal hallId={hallId} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function IndividualModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const create = useCreateIndividualPlan();
  const staff = useStaffOptions(hallId);
  const [form] = Form.useForm<{ userId: string; goal: string; topics: string; dueDay: Dayjs }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, topics: v.topics ?? '', dueDay: dayText(v.dueDay) });
      message.success(t('tr.individualCreated'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal open title={t('tr.newIndividual')} onOk={save} confirmLoading={create.isPending} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ dueDay: chinaToday().add(1, 'month') }}>
        <Form.Item name="userId" label={t('pp.person')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={staff} />
        </Form.Item>
        <Form.Item name="goal" label={t('tr.goal')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="topics" label={t('tr.topics')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="dueDay" label={t('tr.dueDay')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
