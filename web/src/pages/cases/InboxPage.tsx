import { Button, Card, Checkbox, Input, Select, Table, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCan, useMe } from '../../api/auth';
import { type InboxItem, type InboxQuery, type Light, useCaseAction, useInbox, useStuckSteps } from '../../api/cases';
import { useDepartmentOptions } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { useTownshipOrigins } from '../../api/township';
import { DeadlineLight, UrgencyTag } from './labels';
import { CoverBanner } from '../staff/CoverBanner';
import { chinaDay } from '../../lib/china-day';
import './cases.css';

/** 待办: my steps, and my department's steps waiting to be claimed; urgent first, then the earliest step deadline. */
export function InboxPage() {
  const t = useT();
  const { data: me } = useMe();
  const can = useCan();
  const departments = useDepartmentOptions(me?.halls[0]?.id);
  const [departmentId, setDepartmentId] = useState<string | undefined>(me?.departments[0]?.id);
  const [unassigned, setUnassigned] = useState(true);
  const [q, setQ] = useState<string | undefined>();
  // A home-page tile opens 我的待办 filtered by the step's light (?light=red).
  const [params, setParams] = useSearchParams();
  const light = (['green', 'yellow', 'red'] as const).find((l) => l === params.get('light')) as Light | undefined;
  // …or by the step's deadline against today (?due=overdue, ?due=today).
  const due = (['overdue', 'today'] as const).find((d) => d === params.get('due'));
  // one's own department first; a supervisor without one starts at the hall's first department
  const first = me?.departments[0]?.id ?? departments.options[0]?.value;
  useEffect(() => {
    if (!departmentId && first) setDepartmentId(first);
  }, [departmentId, first]);
  const deptQuery: InboxQuery = { departmentId, unassigned: unassigned ? 'true' : undefined, q };
  return (
    <Card title={t('bo.inbox')}>
      <CoverBanner />
      <Tabs
        items={[
          {
            key: 'mine',
            label: t('bo.mine'),
            children: (
              <>
                {light && (
                  <Tag
                    closable
                    color={light === 'green' ? 'success' : light === 'yellow' ? 'warning' : 'error'}
                    onClose={() => setParams({})}
                  >
                    {t(`wb.bo.${light}`)}
                  </Tag>
                )}
                {due && (
                  <Tag closable color={due === 'overdue' ? 'error' : 'warning'} onClose={() => setParams({})}>
                    {t(due === 'overdue' ? 'wb.bo.overdue' : 'wb.bo.dueToday')}
                  </Tag>
                )}
                <InboxTable which="mine" query={{ q, light }} due={due} />
              </>
            ),
          },
          {
            key: 'department',
            label: t('bo.department'),
            children: (
              <>
                <div className="ow-toolbar">
                  <Select
                    aria-label={t('cs.department')}
                    placeholder={t('cs.department')}
                    style={{ width: 260 }}
                    value={departmentId}
                    options={departments.options}
                    onChange={setDepartmentId}
                  />
                  <Checkbox checked={unassigned} onChange={(e) => setUnassigned(e.target.checked)}>
                    {t('bo.unclaimedOnly')}
                  </Checkbox>
                  <Input.Search
                    aria-label={t('cs.search')}
                    placeholder={t('cs.searchPlaceholder')}
                    allowClear
                    style={{ width: 240 }}
                    onSearch={(v) => setQ(v.trim() || undefined)}
                  />
                </div>
                <InboxTable which="department" query={deptQuery} enabled={!!departmentId} />
              </>
            ),
          },
          ...(can('case.route') ? [{ key: 'stuck', label: t('bo.stuck'), children: <StuckTable /> }] : []),
        ]}
      />
    </Card>
  );
}

function StuckTable() {
  const t = useT();
  const list = useStuckSteps(true);
  return (
    <Table
      rowKey="stepId"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('cs.caseNo'),
          width: 200,
          render: (_v, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo ?? t('cs.noNumber')}</Link>,
        },
        { title: t('rc.urgency'), render: (_v, r) => <UrgencyTag urgency={r.urgency} /> },
        { title: t('cs.item'), dataIndex: 'itemName', ellipsis: true },
        { title: t('cs.step'), dataIndex: 'stepName' },
        { title: t('bo.waited'), render: (_v, r) => t('cs.limitDays', { n: r.waitedWorkingDays }) },
        {
          title: t('bo.stepDeadline'),
          render: (_v, r) => (
            <DeadlineLight light={r.stepLight} date={r.stepDeadline} provisional={r.stepDeadlineProvisional} />
          ),
        },
      ]}
    />
  );
}

function InboxTable({
  which,
  query,
  enabled = true,
  due,
}: {
  which: 'mine' | 'department';
  query: InboxQuery;
  enabled?: boolean;
  /** Only the steps past their deadline, or due today. */
  due?: 'overdue' | 'today' | undefined;
}) {
  const t = useT();
  const notify = useNotifyError();
  const list = useInbox(which, query, enabled);
  // The server's day comes with the link (?day=), so a tile and its list agree on what today is.
  const [params] = useSearchParams();
  const today = params.get('day') ?? chinaDay();
  const rows = (list.data?.items ?? []).filter(
    (i) => !due || (due === 'overdue' ? i.stepDeadline !== null && i.stepDeadline < today : i.stepDeadline === today),
  );
  const action = useCaseAction(undefined);
  const origins = useTownshipOrigins((list.data?.items ?? []).map((i) => i.caseId));
  return (
    <Table<InboxItem>
      rowKey="stepId"
      size="middle"
      loading={list.isFetching}
      dataSource={rows}
      rowClassName={(r) => (r.urgency === 'urgent' ? 'cs-row-urgent' : '')}
      locale={{ emptyText: t(which === 'mine' ? 'bo.inboxEmpty' : 'bo.departmentInboxEmpty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('cs.caseNo'),
          width: 200,
          render: (_v, r) => (
            <>
              <Link to={`/cases/${r.caseId}`}>{r.caseNo ?? t('cs.noNumber')}</Link>
              {origins.data?.has(r.caseId) && (
                <div>
                  <Tag color="cyan">{t('tw.origin', { station: origins.data.get(r.caseId) ?? '' })}</Tag>
                </div>
              )}
            </>
          ),
        },
        { title: t('rc.urgency'), render: (_v, r) => <UrgencyTag urgency={r.urgency} /> },
        { title: t('cs.item'), dataIndex: 'itemName', ellipsis: true },
        { title: t('cs.applicant'), dataIndex: 'applicantName' },
        { title: t('cs.step'), dataIndex: 'stepName' },
        {
          title: t('cs.assignee'),
          render: (_v, r) => (
            <>
              {r.assignee?.name ?? '—'}
              {r.coverFor && (
                <Tag color="orange" style={{ marginLeft: 4 }}>
                  {t('st.coverFor', { name: r.coverFor })}
                </Tag>
              )}
            </>
          ),
        },
        {
          title: t('bo.stepDeadline'),
          render: (_v, r) => (
            <DeadlineLight light={r.stepLight} date={r.stepDeadline} provisional={r.stepDeadlineProvisional} />
          ),
        },
        {
          title: t('cs.deadline'),
          render: (_v, r) => (
            <DeadlineLight light={r.caseLight} date={r.caseDeadline} provisional={r.caseDeadlineProvisional} />
          ),
        },
        {
          title: '',
          render: (_v, r) =>
            !r.assignee ? (
              <Button
                size="small"
                onClick={() => action.mutateAsync({ id: r.caseId, path: `steps/${r.stepId}/claim` }).catch(notify)}
              >
                {t('bo.claim')}
              </Button>
            ) : (
              <Link to={`/cases/${r.caseId}`}>{t('bo.handle')}</Link>
            ),
        },
      ]}
    />
  );
}
