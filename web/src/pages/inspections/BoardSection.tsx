import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { OverdueRectification } from '../../api/inspections';
import { useT } from '../../i18n';
import { statusFromName } from './labels';

/** The supervision board's section: rectification notices past their due working day. */
export function OverdueRectificationsSection({ rows }: { rows: OverdueRectification[] | undefined }) {
  const t = useT();
  if (!rows?.length) return null;
  return (
    <Card title={<Link to="/rectifications">{t('ins.board.title')}</Link>} size="small">
      <Table<OverdueRectification>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('ins.rect.responsible'), dataIndex: 'responsibleName', width: 100 },
          {
            title: t('ins.rect.caseNo'),
            dataIndex: 'caseNo',
            width: 200,
            render: (v: string | null) => v ?? t('ins.board.normsCase'),
          },
          { title: t('ins.rect.finding'), dataIndex: 'finding', ellipsis: true },
          {
            title: t('ins.rect.due'),
            dataIndex: 'dueDay',
            width: 120,
            render: (d: string) => <Tag color="red">{d}</Tag>,
          },
          {
            title: t('ins.rect.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: string) => statusFromName(t, s),
          },
        ]}
      />
    </Card>
  );
}
