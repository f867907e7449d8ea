import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type PendingEscalation, usePendingEscalations } from '../../api/caseSupport';
import { QueryError } from '../../components/Results';
import { formatTime } from '../../components/format';
import { type MessageKey, useT } from '../../i18n';
import { DecideModal } from './EscalationPanel';

/** 上报待决: what was put to the signed-in supervisor (or station head), oldest first, decided from here. */
export function PendingEscalationsPage() {
  const t = useT();
  const q = usePendingEscalations();
  const [deciding, setDeciding] = useState<PendingEscalation | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const n = q.data?.total ?? 0;
  return (
    <Card
      title={t('esc.pendingTitle')}
      extra={<Typography.Text type="secondary">{t('esc.pendingCount', { n })}</Typography.Text>}
    >
      <Table<PendingEscalation>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={false}
        locale={{ emptyText: t('esc.pendingNone') }}
        data-testid="pending-escalations"
        columns={[
          {
            title: t('esc.case'),
            render: (_v, e) => <Link to={`/cases/${e.caseId}`}>{e.caseNo ?? e.caseId.slice(-6)}</Link>,
          },
          { title: t('esc.item'), dataIndex: 'itemName' },
          { title: t('esc.caseState'), dataIndex: 'caseState', render: (s: string) => t.label('caseState', s) },
          { title: t('esc.reason'), dataIndex: 'reason' },
          { title: t('esc.raisedBy'), dataIndex: 'raisedBy' },
          { title: t('esc.raisedAt'), dataIndex: 'raisedAt', render: (v: number) => formatTime(v) },
          {
            title: t('esc.level'),
            dataIndex: 'level',
            render: (l: string) => <Tag>{t(`esc.level.${l}` as MessageKey)}</Tag>,
          },
          {
            title: '',
            render: (_v, e) => (
              <Button size="small" type="primary" onClick={() => setDeciding(e)}>
                {t('esc.decide')}
              </Button>
            ),
          },
        ]}
      />
      <DecideModal caseId={deciding?.caseId} escalation={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
