import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { CaseSupportBoard } from '../../api/caseSupport';
import { formatTime } from '../../components/format';
import { type MessageKey, useT } from '../../i18n';

const caseLink = (r: { caseId: string; caseNo: string | null }) => (
  <Link to={`/cases/${r.caseId}`}>{r.caseNo ?? r.caseId.slice(-6)}</Link>
);

/** The 电子监察 board's sections for open escalations, expert consultations due or late, and lapsed deferred materials. */
export function BoardSections({ b }: { b: Partial<CaseSupportBoard> | undefined }) {
  const t = useT();
  return (
    <>
      <Card title={t('sup.escalations')} size="small">
        <Table
          size="small"
          rowKey="id"
          dataSource={b?.escalations}
          pagination={false}
          locale={{ emptyText: t('sup.none') }}
          data-testid="sup-escalations"
          columns={[
            { title: t('sup.caseNo'), render: (_, r) => caseLink(r) },
            { title: t('sup.item'), dataIndex: 'itemName' },
            { title: t('sup.reason'), dataIndex: 'reason' },
            { title: t('sup.raisedBy'), dataIndex: 'raisedBy' },
            { title: t('esc.raisedAt'), dataIndex: 'raisedAt', render: (v: number) => formatTime(v) },
            { title: t('esc.level'), dataIndex: 'level', render: (l: string) => t(`esc.level.${l}` as MessageKey) },
          ]}
        />
      </Card>
      <Card title={t('sup.experts')} size="small">
        <Table
          size="small"
          rowKey="id"
          dataSource={b?.experts}
          pagination={false}
          locale={{ emptyText: t('sup.none') }}
          data-testid="sup-experts"
          columns={[
            {
              title: t('sup.light'),
              dataIndex: 'light',
              width: 90,
              render: (l: string | null) => (
                <Tag color={l === 'red' ? 'red' : 'gold'}>{t(l === 'red' ? 'exp.overdue' : 'exp.dueSoon')}</Tag>
              ),
            },
            { title: t('sup.caseNo'), render: (_, r) => caseLink(r) },
            { title: t('sup.item'), dataIndex: 'itemName' },
            { title: t('sup.step'), dataIndex: 'stepName' },
            { title: t('sup.expert'), render: (_, r) => `${r.expertName}（${r.organisation}）` },
            {
              title: t('sup.deadline'),
              dataIndex: 'dueDay',
              render: (d: string, r) => <span style={{ color: r.light === 'red' ? '#cf1322' : undefined }}>{d}</span>,
            },
          ]}
        />
      </Card>
      <Card title={t('sup.deferred')} size="small">
        <Table
          size="small"
          rowKey="caseId"
          dataSource={b?.deferred}
          pagination={false}
          locale={{ emptyText: t('sup.none') }}
          data-testid="sup-deferred"
          columns={[
            { title: t('sup.light'), width: 90, render: () => <Tag color="red">{t('sup.red')}</Tag> },
            { title: t('sup.caseNo'), render: (_, r) => caseLink(r) },
            { title: t('sup.item'), dataIndex: 'itemName' },
            { title: t('sup.materials'), render: (_, r) => r.materials.join('、') },
            { title: t('sup.promiseDay'), dataIndex: 'dueDay' },
          ]}
        />
      </Card>
    </>
  );
}
