import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { PrereviewBoardEntry } from '../../api/prereview';
import { useT } from '../../i18n';

const color = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** The supervision board's 网上预审 section: online applications near or past their pre-review limit. */
export function PrereviewBoardSection({ rows }: { rows: PrereviewBoardEntry[] | undefined }) {
  const t = useT();
  return (
    <Card title={t('pr.boardTitle')} size="small">
      <Table<PrereviewBoardEntry>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('pr.boardEmpty') }}
        columns={[
          { title: t('pr.number'), dataIndex: 'number', render: (v: string) => <Link to="/prereviews">{v}</Link> },
          { title: t('pr.item'), dataIndex: 'itemName' },
          { title: t('pr.applicant'), dataIndex: 'applicantName' },
          { title: t('pr.state'), dataIndex: 'round', render: (n: number) => t('pr.round', { n }) },
          {
            title: t('pr.dueDay'),
            dataIndex: 'dueDay',
            render: (d: string, r) => <Tag color={color[r.light]}>{d}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
