import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Input, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan, useMe } from '../../api/auth';
import { type CaseQuery, type CaseSummary, type Urgency, useCases, useColleagues } from '../../api/cases';
import { buildUrl } from '../../api/client';
import { useWindows } from '../../api/org';
import { HallSelect, useDepartmentOptions, useHallOptions } from '../../components/HallSelect';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { ItemSelect } from '../consult/ItemSelect';
import { CASE_STATES } from './caseStates';
import { DeadlineLight, StateTag, UrgencyTag } from './labels';
import './cases.css';

const LINKED = ['status', 'personId', 'from', 'to'] as const;
/** The filters a link may carry in the address. */
function linkedFilters(params: URLSearchParams): Partial<CaseQuery> {
  const out: Partial<CaseQuery> = {};
  for (const key of LINKED) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

/** 办件查询: every filter the hall asks by; urgent cases first (the server orders them). */
export function CaseListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const halls = useHallOptions();
  const [params] = useSearchParams();
  // A home-page tile opens the list with its filter in the address (status, personId, from, to).
  const [query, setQuery] = useState<CaseQuery>(() => ({ page: 1, pageSize: 20, ...linkedFilters(params) }));
  const hallId = query.hallId ?? me?.halls[0]?.id;
  const departments = useDepartmentOptions(hallId);
  const windows = useWindows(hallId);
  const list = useCases(query);
  const colleagues = useColleagues(query.departmentId ?? null);
  const canExport = can('case.export');
  const patch = (p: Partial<CaseQuery>) => setQuery((q) => ({ ...q, ...p, page: p.page ?? 1 }));
  const hasLights = (list.data?.items ?? []).some((c) => c.light !== undefined);

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;

  const { page: _p, pageSize: _s, ...filters } = query;
  return (
    <Card
      title={t('cs.title')}
      extra={
        <>
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              href={buildUrl('/api/cases/export', { ...filters })}
              style={{ marginRight: 8 }}
            >
              {t('cs.export')}
            </Button>
          )}
          {can('reception.register') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/reception')}>
              {t('menu.reception')}
            </Button>
          )}
        </>
      }
    >
      <div className="ow-toolbar">
        <Input.Search
          aria-label={t('cs.search')}
          placeholder={t('cs.searchPlaceholder')}
          allowClear
          style={{ width: 260 }}
          onSearch={(v) => patch({ q: v.trim() || undefined })}
        />
        <Select
          aria-label={t('cs.filterState')}
          placeholder={t('cs.filterState')}
          mode="multiple"
          allowClear
          maxTagCount={2}
          style={{ minWidth: 200 }}
          value={query.status ? query.status.split(',') : []}
          options={CASE_STATES.map((s) => ({ value: s, label: t.label('caseState', s) }))}
          onChange={(v: string[]) => patch({ status: v.length ? v.join(',') : undefined })}
        />
        <ItemSelect
          aria-label={t('cs.item')}
          placeholder={t('cs.item')}
          hallId={hallId}
          style={{ width: 220 }}
          onChange={(v) => patch({ itemId: v })}
        />
        <Select
          aria-label={t('cs.department')}
          placeholder={t('cs.department')}
          allowClear
          style={{ width: 160 }}
          options={departments.options}
          onChange={(v) => patch({ departmentId: v })}
        />
        <Select
          aria-label={t('rc.window')}
          placeholder={t('rc.window')}
          allowClear
          style={{ width: 140 }}
          options={(windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number}号 ${w.name}` }))}
          onChange={(v) => patch({ windowId: v })}
        />
        <Select<Urgency>
          aria-label={t('rc.urgency')}
          placeholder={t('rc.urgency')}
          allowClear
          style={{ width: 140 }}
          options={(['urgent', 'special', 'regular'] as const).map((u) => ({ value: u, label: t(`rc.urgency.${u}`) }))}
          onChange={(v) => patch({ urgency: v })}
        />
        <DatePicker.RangePicker
          aria-label={t('cs.dateRange')}
          placeholder={[t('cs.from'), t('cs.to')]}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(r) => patch({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
        {query.departmentId && (
          <Select
            aria-label={t('cs.person')}
            placeholder={t('cs.person')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 150 }}
            value={query.personId && query.personId !== me?.id ? query.personId : undefined}
            options={(colleagues.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v) => patch({ personId: v })}
          />
        )}
        <Checkbox
          checked={!!query.personId && query.personId === me?.id}
          onChange={(e) => patch({ personId: e.target.checked ? me?.id : undefined })}
        >
          {t('cs.mine')}
        </Checkbox>
        {halls.options.length > 1 && (
          <HallSelect
            aria-label={t('common.hall')}
            placeholder={t('common.hall')}
            allowClear
            style={{ width: 200 }}
            onChange={(v) => patch({ hallId: v })}
          />
        )}
      </div>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowClassName={(r) => (r.urgency === 'urgent' ? 'cs-row-urgent' : '')}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (n) =>
            list.data?.totalCapped ? t('cs.totalMore', { n: n.toLocaleString() }) : t('cs.total', { n }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        columns={[
          {
            title: t('cs.caseNo'),
            render: (_v, c) => <Link to={`/cases/${c.id}`}>{c.caseNo ?? t('cs.noNumber')}</Link>,
          },
          { title: t('rc.urgency'), width: 120, render: (_v, c) => <UrgencyTag urgency={c.urgency} /> },
          { title: t('cs.item'), dataIndex: 'itemName', ellipsis: true },
          { title: t('cs.applicant'), dataIndex: 'applicantName' },
          { title: t('cs.state'), render: (_v, c) => <StateTag state={c.state} label={c.stateLabel} /> },
          { title: t('cs.receivedAt'), render: (_v, c) => formatTime(c.receivedAt) },
          {
            title: hasLights ? t('cs.deadlineLight') : t('cs.deadline'),
            render: (_v, c) => <DeadlineLight light={c.light} date={c.deadline} provisional={c.deadlineProvisional} />,
          },
        ]}
      />
    </Card>
  );
}
