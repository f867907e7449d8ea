import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Segmented, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CardKey, type CardRow, type CardState, type SubjectKind, useCards } from '../../api/assessment';
import { useCan } from '../../api/auth';
import { buildUrl } from '../../api/client';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { useHallChoice } from '../people/common';
import { AnnualTab } from './AnnualTab';
import { CardDrawer, gradeColor } from './CardDrawer';
import { IndicatorsTab } from './IndicatorsTab';
import { chinaToday } from '../../lib/china-day';

const quarterOf = (d: dayjs.Dayjs) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;

/** 考核 for the supervisor and the station head: the period's scorecards, the annual review, the indicators. */
export function AssessmentPage() {
  const t = useT();
  const can = useCan();
  // The workbench's 待签发 / 待审核 tiles open this page on their hall, month and state.
  const [params] = useSearchParams();
  const { hallId, picker } = useHallChoice(params.get('hallId') ?? undefined);
  return (
    <Card title={t('asm.title')} extra={picker}>
      <Tabs
        items={[
          { key: 'cards', label: t('asm.tab.cards'), children: <CardsTab hallId={hallId} params={params} /> },
          { key: 'annual', label: t('asm.tab.annual'), children: <AnnualTab hallId={hallId} /> },
          ...(can('assessment.sign')
            ? [{ key: 'indicators', label: t('asm.tab.indicators'), children: <IndicatorsTab hallId={hallId} /> }]
            : []),
        ]}
      />
    </Card>
  );
}

const states = ['unreviewed', 'reviewed', 'signed'] as const;
const stateColour: Record<CardState, string | undefined> = { unreviewed: undefined, reviewed: 'gold', signed: 'green' };

function CardsTab({ hallId, params }: { hallId: string | undefined; params: URLSearchParams }) {
  const t = useT();
  const [span, setSpan] = useState<'month' | 'quarter'>('month');
  const linked = params.get('period');
  const [day, setDay] = useState(() =>
    linked && /^\d{4}-\d{2}$/.test(linked) ? dayjs(`${linked}-01`) : chinaToday().subtract(1, 'month'),
  );
  const [kind, setKind] = useState<SubjectKind>('person');
  const [state, setState] = useState<CardState | 'all'>(() => {
    const s = params.get('state');
    return states.find((x) => x === s) ?? 'all';
  });
  const [open, setOpen] = useState<CardKey | null>(null);
  const period = span === 'month' ? day.format('YYYY-MM') : quarterOf(day);
  const cards = useCards(hallId, period, kind, state === 'all' ? undefined : state);
  if (cards.error && !cards.data) return <QueryError error={cards.error} onRetry={() => cards.refetch()} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={span}
          onChange={(v) => setSpan(v as 'month' | 'quarter')}
          options={[
            { value: 'month', label: t('asm.monthly') },
            { value: 'quarter', label: t('asm.quarterly') },
          ]}
        />
        <DatePicker
          aria-label={t('asm.period')}
          picker={span}
          allowClear={false}
          value={day}
          onChange={(d) => d && setDay(d)}
        />
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as SubjectKind)}
          options={(['person', 'window', 'department'] as const).map((k) => ({ value: k, label: t(`asm.kind.${k}`) }))}
        />
        <Segmented
          aria-label={t('asm.status')}
          value={state}
          onChange={(v) => setState(v as CardState | 'all')}
          options={(['all', ...states] as const).map((k) => ({ value: k, label: t(`asm.state.${k}`) }))}
        />
        <Button
          icon={<DownloadOutlined />}
          disabled={!hallId}
          href={buildUrl('/api/assessment/cards/export', { hallId, period, kind })}
        >
          {t('asm.export')}
        </Button>
      </Space>
      <Table<CardRow>
        rowKey="subjectId"
        size="small"
        loading={cards.isFetching}
        dataSource={cards.data?.items}
        locale={{ emptyText: t(state === 'all' ? 'asm.empty' : 'asm.emptyState') }}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('asm.subject'), dataIndex: 'subjectName' },
          { title: t('asm.indicatorTotal'), width: 110, render: (_, r) => r.indicatorTotal ?? '—' },
          { title: t('asm.spotScore'), width: 110, render: (_, r) => r.spotScore ?? '—' },
          { title: t('asm.total'), width: 90, render: (_, r) => <b>{r.total ?? '—'}</b> },
          {
            title: t('asm.grade'),
            width: 90,
            render: (_, r) => (r.grade ? <Tag color={gradeColor[r.grade]}>{r.gradeName}</Tag> : '—'),
          },
          {
            title: t('asm.status'),
            width: 140,
            render: (_, r) => (
              <Tag color={stateColour[r.state]}>
                {r.version > 0 ? t('asm.signedV', { v: r.version }) : t(`asm.state.${r.state}`)}
              </Tag>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                onClick={() => hallId && setOpen({ hallId, period, kind, subjectId: r.subjectId })}
              >
                {t('asm.open')}
              </Button>
            ),
          },
        ]}
      />
      <CardDrawer cardKey={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
