import { Card, Input, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useGuideList, usePublicHalls } from '../../api/publicGuide';
import { CATEGORIES, type Category, type GuideSummary } from '../../api/types';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { useGuideHall } from './PublicLayout';

const HALL_KEY = 'ow.guide.hall';

export function GuideListPage() {
  const t = useT();
  const { setHall } = useGuideHall();
  const [params, setParams] = useSearchParams();
  const halls = usePublicHalls();
  const [q, setQ] = useState(params.get('q') ?? '');
  const category = (params.get('category') as Category | null) ?? undefined;
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(HALL_KEY) : null;
  const hallList = halls.data?.items ?? [];
  // no hall chosen yet → all halls; a single-hall installation shows its own hall
  const hallId =
    params.get('hallId') ??
    (hallList.some((h) => h.id === stored)
      ? (stored ?? undefined)
      : hallList.length === 1
        ? hallList[0]?.id
        : undefined);
  const list = useGuideList({ hallId, q: params.get('q') || undefined, category });
  const hallName = (id: string) => hallList.find((h) => h.id === id)?.name ?? '';

  useEffect(() => {
    setHall(hallList.find((h) => h.id === hallId) ?? null);
  }, [hallList, hallId, setHall]);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  if (halls.error) return <QueryError error={halls.error} onRetry={() => halls.refetch()} />;

  return (
    <Card title={t('guide.title')}>
      <div className="ow-toolbar">
        {hallList.length > 1 && (
          <Select
            aria-label={t('guide.hallSelect')}
            placeholder={t('guide.allHalls')}
            allowClear
            style={{ width: 240 }}
            value={hallId}
            options={hallList.map((h) => ({ value: h.id, label: h.name }))}
            onChange={(v?: string) => {
              if (v) localStorage.setItem(HALL_KEY, v);
              else localStorage.removeItem(HALL_KEY);
              update({ hallId: v });
            }}
          />
        )}
        <Input.Search
          aria-label={t('guide.searchPlaceholder')}
          placeholder={t('guide.searchPlaceholder')}
          allowClear
          style={{ width: 280 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
        />
        <Select<Category>
          aria-label={t('catalog.category')}
          placeholder={t('catalog.category')}
          allowClear
          style={{ width: 200 }}
          value={category}
          options={CATEGORIES.map((c) => ({ value: c, label: t.label('category', c) }))}
          onChange={(v) => update({ category: v })}
        />
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<GuideSummary>
          rowKey="id"
          loading={list.isFetching || halls.isLoading}
          dataSource={list.data?.items}
          locale={{ emptyText: t('guide.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            {
              title: t('guide.itemName'),
              dataIndex: 'name',
              render: (name: string, r) => <Link to={`/guide/${r.id}`}>{name}</Link>,
            },
            { title: t('guide.itemCode'), dataIndex: 'code', width: 150, responsive: ['md'] },
            ...(hallId || hallList.length < 2
              ? []
              : [
                  {
                    title: t('common.hall'),
                    dataIndex: 'hallId',
                    width: 200,
                    responsive: ['md' as const],
                    render: (id: string) => hallName(id),
                  },
                ]),
            {
              title: t('catalog.category'),
              dataIndex: 'category',
              width: 160,
              responsive: ['md'],
              render: (c: string) => <Tag>{t.label('category', c)}</Tag>,
            },
            {
              title: t('catalog.kind'),
              dataIndex: 'kind',
              width: 100,
              responsive: ['md'],
              render: (k: string) => t.label('kind', k),
            },
            {
              title: t('guide.timeLimit'),
              key: 'time',
              width: 140,
              render: (_, r) => (
                <div>
                  <div>
                    {r.promisedDays === 0 ? t('guide.instantDone') : t('guide.promisedDays', { n: r.promisedDays })}
                  </div>
                  {r.legalDays > 0 && (
                    <div style={{ color: '#888', fontSize: 12 }}>{t('guide.legalDays', { n: r.legalDays })}</div>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
