import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { OverdueRectification } from '../../api/inspections';

/** The supervision board's section: rectification notices past their due working day. */
export function OverdueRectificationsSection({ rows }: { rows: OverdueRectification[] | undefined }) {
  if (!rows?.length) return null;
  return (
    <Card title={<Link to="/rectifications">逾期未办结的整改通知</Link>} size="small">
      <Table<OverdueRectification>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '责任人', dataIndex: 'responsibleName', width: 100 },
          { title: '办件编号', dataIndex: 'caseNo', width: 200, render: (v: string | null) => v ?? '服务规范' },
          { title: '问题', dataIndex: 'finding', ellipsis: true },
          { title: '整改期限', dataIndex: 'dueDay', width: 120, render: (d: string) => <Tag color="red">{d}</Tag> },
          { title: '状态', dataIndex: 'status', width: 100 },
        ]}
      />
    </Card>
  );
}
