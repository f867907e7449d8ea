import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Input, List, Popconfirm, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import { type KnowledgeKind, useKnowledge, useKnowledgeEntry, useKnowledgeMutations } from '../../api/knowledge';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { KindTag, useConsultLabel } from '../consult/labels';
import { EntryModal } from './EntryModal';

interface Query {
  q?: string;
  kind?: KnowledgeKind;
  tag?: string;
  page: number;
  pageSize: number;
}

/** 知识库: common questions and policy changes, searched by any Chinese text, with their version trail. */
export function KnowledgePage() {
  const t = useT();
  const can = useCan();
  const label = useConsultLabel();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const list = useKnowledge(query);
  const entry = useKnowledgeEntry(openId ?? undefined);
  const m = useKnowledgeMutations();
  const manage = can('knowledge.manage');
  const patch = (p: Partial<Query>) => setQuery((q) => ({ ...q, ...p, page: p.page ?? 1 }));

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const e = entry.data;

  return (
    <Card
      title={t('knowledge.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('knowledge.create')}
          </Button>
        )
      }
    >
      <div className="ow-toolbar">
        <Input.Search
          aria-label={t('knowledge.search')}
          placeholder={t('knowledge.search')}
          allowClear
          style={{ width: 300 }}
          onSearch={(v) => patch({ q: v.trim() || undefined })}
        />
        <Select<KnowledgeKind>
          aria-label={t('knowledge.filterKind')}
          placeholder={t('knowledge.filterKind')}
          allowClear
          style={{ width: 140 }}
          options={(['faq', 'policy'] as const).map((k) => ({ value: k, label: label('knowledgeKind', k) }))}
          onChange={(v) => patch({ kind: v })}
        />
        {query.tag && (
          <Tag closable onClose={() => patch({ tag: undefined })}>
            {query.tag}
          </Tag>
        )}
      </div>
      <List
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => patch({ page, pageSize }),
        }}
        renderItem={(item) => (
          <List.Item key={item.id}>
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <KindTag kind={item.kind} />
                  <Typography.Link onClick={() => setOpenId(item.id)}>{item.title}</Typography.Link>
                  {item.tags.map((tag) => (
                    <Tag key={tag} style={{ cursor: 'pointer' }} onClick={() => patch({ tag })}>
                      {tag}
                    </Tag>
                  ))}
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                    {item.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('knowledge.updated', { who: item.updatedBy, at: formatTime(item.updatedAt), v: item.version })}
                    {item.items.length > 0 && `　${item.items.map((i) => i.name).join('、')}`}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Drawer
        open={openId !== null}
        size={640}
        title={e?.title}
        onClose={() => setOpenId(null)}
        extra={
          manage &&
          e?.status === 'active' && (
            <Space>
              <Button onClick={() => setEditing('edit')}>{t('common.edit')}</Button>
              <Popconfirm title={t('knowledge.archiveConfirm')} onConfirm={() => m.archive.mutateAsync(e.id)}>
                <Button danger>{t('knowledge.archive')}</Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        {e && (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <KindTag kind={e.kind} />
              {e.status === 'archived' && <Tag>{t('knowledge.archived')}</Tag>}
              {e.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.body}</Typography.Paragraph>
            {e.items.length > 0 && (
              <Typography.Paragraph type="secondary">
                {t('knowledge.items')}：{e.items.map((i) => i.name).join('、')}
              </Typography.Paragraph>
            )}
            <Typography.Title level={5}>{t('knowledge.versions')}</Typography.Title>
            <Timeline
              items={e.versions.map((v) => ({
                key: v.version,
                content: (
                  <div>
                    {t('knowledge.versionLine', { v: v.version, who: v.editedBy, at: formatTime(v.editedAt) })}
                    {v.note && <div>{v.note}</div>}
                    <Typography.Text type="secondary">{v.title}</Typography.Text>
                  </div>
                ),
              }))}
            />
          </>
        )}
      </Drawer>
      <EntryModal
        open={editing !== null}
        entry={editing === 'edit' ? (e ?? null) : null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
