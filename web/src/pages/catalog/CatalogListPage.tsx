import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../api/auth';
import { type ItemQuery, useItems } from '../../api/catalog';
import { CATEGORIES, type Category, type ItemStatus, type ItemSummary } from '../../api/types';
import { formatTime } from '../../components/format';
import { HallSelect, useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { ItemStatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n';

export function CatalogListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const halls = useHallOptions();
  const [query, setQuery] = useState<ItemQuery>({ page: 1, pageSize: 20 });
  const items = useItems(query);
  const patch = (p: Partial<ItemQuery>) => setQuery((q) => ({ ...q, ...p, page: p.page ?? 1 }));

  if (items.error && !items.data) return <QueryError error={items.error} onRetry={() => items.refetch()} />;

  return (
    <Card
      title={t('catalog.title')}
      extra={
        can('catalog.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/catalog/new')}>
            {t('catalog.create')}
          </Button>
        )
      }
    >
      <div className="ow-toolbar">
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('catalog.searchPlaceholder')}
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => patch({ q: v.trim() || undefined })}
        />
        <Select<Category>
          aria-label={t('catalog.category')}
          placeholder={t('catalog.category')}
          allowClear
          style={{ width: 180 }}
          options={CATEGORIES.map((c) => ({ value: c, label: t.label('category', c) }))}
          onChange={(v) => patch({ category: v })}
        />
        <Select<ItemStatus>
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          allowClear
          style={{ width: 120 }}
          options={(['draft', 'published', 'retired'] as const).map((s) => ({
            value: s,
            label: t.label('itemStatus', s),
          }))}
          onChange={(v) => patch({ status: v })}
        />
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
      <Table<ItemSummary>
        rowKey="id"
        loading={items.isFetching}
        dataSource={items.data?.items}
        onRow={(r) => ({ onClick: () => navigate(`/catalog/${r.id}`), style: { cursor: 'pointer' } })}
        scroll={{ x: 1000 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: items.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page: pageSize !== q.pageSize ? 1 : page, pageSize })),
        }}
        columns={[
          { title: t('catalog.code'), dataIndex: 'code', width: 160 },
          {
            title: t('catalog.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Link to={`/catalog/${r.id}`} onClick={(e) => e.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          {
            title: t('catalog.category'),
            dataIndex: 'category',
            width: 150,
            render: (c: string) => t.label('category', c),
          },
          { title: t('catalog.kind'), dataIndex: 'kind', width: 90, render: (k: string) => t.label('kind', k) },
          {
            title: t('catalog.promised'),
            dataIndex: 'promisedDays',
            width: 120,
            render: (n: number) => t('common.workingDays', { n }),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: ItemStatus) => <ItemStatusTag status={s} />,
          },
          {
            title: t('catalog.version'),
            key: 'version',
            width: 170,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.publishedVersion && (
                  <Tag color="green">{t('catalog.versionPublished', { v: r.publishedVersion })}</Tag>
                )}
                {r.draftVersion && <Tag color="gold">{t('catalog.versionDraft', { v: r.draftVersion })}</Tag>}
              </Space>
            ),
          },
          { title: t('catalog.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: number) => formatTime(v) },
        ]}
      />
    </Card>
  );
}
