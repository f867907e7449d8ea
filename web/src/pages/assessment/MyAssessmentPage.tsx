import { Card, Empty, Space, Table, Tag } from 'antd';
import { type CardLine, useMyCards } from '../../api/assessment';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { gradeColor } from './CardDrawer';

/** 我的考核: one's own signed scorecards (the latest version of each), with every indicator. */
export function MyAssessmentPage() {
  const t = useT();
  const mine = useMyCards();
  if (mine.error && !mine.data) return <QueryError error={mine.error} onRetry={() => mine.refetch()} />;
  const items = mine.data?.items ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {!mine.isLoading && !items.length && (
        <Card title={t('asm.mine.title')}>
          <Empty description={t('asm.mine.empty')} />
        </Card>
      )}
      {items.map((c) => (
        <Card
          key={`${c.period}`}
          title={`${t('asm.mine.title')} · ${c.period}`}
          extra={
            <Space>
              {t('asm.total')} <b>{c.total ?? '—'}</b>
              {c.grade && <Tag color={gradeColor[c.grade]}>{c.gradeName}</Tag>}
              <Tag color="green">{t('asm.signedV', { v: c.version })}</Tag>
            </Space>
          }
        >
          {c.remarks && (
            <p>
              {t('asm.remarks')}：{c.remarks}
            </p>
          )}
          {c.lines.length > 0 && (
            <Table<CardLine>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={c.lines}
              columns={[
                { title: t('asm.dimension'), dataIndex: 'dimensionName', width: 80 },
                { title: t('asm.indicator'), dataIndex: 'name' },
                {
                  title: t('asm.actual'),
                  width: 120,
                  render: (_, l) => (l.actual === null ? t('asm.noData') : `${l.actual}${l.unit}`),
                },
                {
                  title: t('asm.target'),
                  width: 120,
                  render: (_, l) => `${l.direction === 'lower' ? '≤' : '≥'} ${l.target}${l.unit}`,
                },
                { title: t('asm.score'), width: 80, render: (_, l) => l.score ?? '—' },
                { title: t('asm.weight'), dataIndex: 'weight', width: 70 },
              ]}
            />
          )}
        </Card>
      ))}
    </Space>
  );
}
