import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { BoardRatingTask } from '../../api/caseRatings';
import { type MessageKey, useT } from '../../i18n';

const color = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** The supervision board's 差评整改 section: each open stage of the loop with its clock. */
export function CaseRatingBoardSection({ rows }: { rows: BoardRatingTask[] | undefined }) {
  const t = useT();
  return (
    <Card title={t('cr.boardTitle')} size="small">
      <Table<BoardRatingTask>
        size="small"
        rowKey="taskId"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('cr.boardEmpty') }}
        columns={[
          {
            title: t('cr.caseNo'),
            dataIndex: 'caseNo',
            render: (v: string) => <Link to="/rating/case-tasks">{v}</Link>,
          },
          { title: t('cr.item'), dataIndex: 'itemName' },
          { title: t('cr.staff'), dataIndex: 'staffName' },
          { title: t('cr.rating'), render: (_, r) => t(`ratingLevel.${r.level}` as MessageKey) },
          { title: t('cr.stage'), render: (_, r) => t(`cr.stage.${r.stage}` as MessageKey) },
          {
            title: t('cr.due'),
            render: (_, r) => (r.dueDay ? <Tag color={color[r.light]}>{r.dueDay}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}
