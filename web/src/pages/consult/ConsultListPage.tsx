import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../api/auth';
import {
  type ConsultChannel,
  type ConsultQuery,
  type ConsultStatus,
  type ConsultSummary,
  useConsultations,
} from '../../api/consult';
import { HallSelect, useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { ChannelText, ConsultStatusTag, LightTag, useConsultLabel } from './labels';
import { RegisterConsultModal } from './RegisterConsultModal';
import './consult.css';

const STATUSES: (ConsultStatus | 'active')[] = [
  'active',
  'unclaimed',
  'open',
  'promised',
  'coordinating',
  'answered',
  'referred',
];

export function ConsultListPage() {
  const t = useT();
  const can = useCan();
  const label = useConsultLabel();
  const halls = useHallOptions();
  // ?mine=true (the home page's tile) opens one's own open consultations.
  const [params] = useSearchParams();
  const [query, setQuery] = useState<ConsultQuery>(() => ({
    page: 1,
    pageSize: 20,
    status: 'active',
    ...(params.get('mine') === 'true' ? { mine: 'true' as const } : {}),
  }));
  const [registering, setRegistering] = useState(false);
  const list = useConsultations(query);
  const patch = (p: Partial<ConsultQuery>) => setQuery((q) => ({ ...q, ...p, page: p.page ?? 1 }));

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;

  return (
    <Card
      title={t('consult.title')}
      extra={
        can('consult.register') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            {t('consult.register')}
          </Button>
        )
      }
    >
      <div className="ow-toolbar">
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('consult.searchPlaceholder')}
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => patch({ q: v.trim() || undefined })}
        />
        <Select<ConsultStatus | 'active'>
          aria-label={t('consult.filterStatus')}
          placeholder={t('consult.filterStatus')}
          allowClear
          style={{ width: 150 }}
          value={query.status}
          options={STATUSES.map((s) => ({ value: s, label: label('consultStatus', s) }))}
          onChange={(v) => patch({ status: v })}
        />
        <Select<ConsultChannel>
          aria-label={t('consult.filterChannel')}
          placeholder={t('consult.filterChannel')}
          allowClear
          style={{ width: 120 }}
          options={(['visit', 'phone', 'online'] as const).map((c) => ({
            value: c,
            label: label('consultChannel', c),
          }))}
          onChange={(v) => patch({ channel: v })}
        />
        <Checkbox
          checked={query.overdue === 'true'}
          onChange={(e) => patch({ overdue: e.target.checked ? 'true' : undefined })}
        >
          {t('consult.overdueOnly')}
        </Checkbox>
        <Checkbox
          checked={query.mine === 'true'}
          onChange={(e) => patch({ mine: e.target.checked ? 'true' : undefined })}
        >
          {t('consult.mineOnly')}
        </Checkbox>
        {halls.options.length > 1 && (
          <HallSelect
            aria-label={t('common.hall')}
            placeholder={t('common.hall')}
            allowClear
            style={{ width: 220 }}
            onChange={(v) => patch({ hallId: v })}
          />
        )}
      </div>
      <Table<ConsultSummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowClassName={(r) => (r.light === 'red' ? 'ow-row-overdue' : '')}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => patch({ page, pageSize }),
        }}
        columns={[
          {
            title: t('consult.number'),
            dataIndex: 'number',
            width: 210,
            render: (n: string, r) => <Link to={`/consultations/${r.id}`}>{n}</Link>,
          },
          {
            title: t('consult.light'),
            key: 'light',
            width: 170,
            render: (_: unknown, r) => <LightTag light={r.light} dueDate={r.dueDate} provisional={r.dueProvisional} />,
          },
          {
            title: t('consult.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: ConsultStatus) => <ConsultStatusTag status={s} />,
          },
          {
            title: t('consult.channel'),
            dataIndex: 'channel',
            width: 80,
            render: (c: ConsultChannel) => <ChannelText channel={c} />,
          },
          { title: t('consult.personName'), dataIndex: 'personName', width: 100 },
          { title: t('consult.contactPhone'), dataIndex: 'contactPhone', width: 130 },
          {
            title: t('consult.question'),
            dataIndex: 'question',
            render: (q: string) => (
              <Typography.Text ellipsis={{ tooltip: q }} style={{ maxWidth: 320 }}>
                {q}
              </Typography.Text>
            ),
          },
          { title: t('consult.item'), dataIndex: 'itemName', width: 180, render: (n: string | null) => n ?? '—' },
          {
            title: t('consult.firstOwner'),
            dataIndex: 'firstOwnerName',
            width: 90,
            render: (n: string | null) => n ?? '—',
          },
          { title: t('consult.handler'), dataIndex: 'handlerName', width: 90, render: (n: string | null) => n ?? '—' },
          { title: t('consult.registeredDay'), dataIndex: 'registeredDay', width: 110 },
        ]}
        scroll={{ x: 1400 }}
      />
      <RegisterConsultModal open={registering} onClose={() => setRegistering(false)} />
    </Card>
  );
}
