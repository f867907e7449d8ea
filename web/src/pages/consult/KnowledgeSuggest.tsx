import { Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useKnowledgeSuggestions } from '../../api/knowledge';
import { useT } from '../../i18n';
import { KindTag } from './labels';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** Knowledge-base entries that fit the question as it is typed; one click puts an entry's text into the answer. */
export function KnowledgeSuggest(props: {
  hallId?: string;
  text: string;
  itemId?: string | null;
  onInsert?: (body: string) => void;
}) {
  const t = useT();
  // The clerk may also search the knowledge base with words of their own.
  const [own, setOwn] = useState('');
  const text = useDebounced(own.trim() || (props.text ?? ''), 350);
  const found = useKnowledgeSuggestions({ hallId: props.hallId, text, itemId: props.itemId });
  const items = text.trim().length >= 2 ? (found.data?.items ?? []) : [];
  return (
    <Card size="small" title={t('consult.knowledge')} aria-label={t('consult.knowledge')}>
      <Input
        allowClear
        size="small"
        aria-label={t('knowledge.search')}
        placeholder={t('knowledge.search')}
        value={own}
        onChange={(e) => setOwn(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {text.trim().length < 2 ? (
        <Typography.Text type="secondary">{t('consult.knowledgeHint')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.noSuggestions')} />
      ) : (
        <List
          size="small"
          loading={found.isFetching}
          dataSource={items}
          renderItem={(e) => (
            <List.Item
              actions={
                props.onInsert
                  ? [
                      <Button
                        key="insert"
                        size="small"
                        onClick={() => props.onInsert?.(e.body)}
                        aria-label={`${t('consult.insert')}：${e.title}`}
                      >
                        {t('consult.insert')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space size={4}>
                    <KindTag kind={e.kind} />
                    {e.title}
                  </Space>
                }
                description={
                  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
                    {e.body}
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
