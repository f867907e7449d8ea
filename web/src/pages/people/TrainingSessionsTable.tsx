import { Alert, Button, Space, Table, Tag } from 'antd';
import type { TrainingPlan, TrainingSession } from '../../api/people';
import { useT } from '../../i18n';

/** A plan's sessions: day, hours, place, trainer, and who attended and passed. */
export function TrainingSessionsTable({
  plan,
  onResults,
}: {
  plan: TrainingPlan;
  onResults: (s: TrainingSession) => void;
}) {
  const t = useT();
  if (!plan.sessions.length) return <Alert type="info" showIcon title={t('tr.noSessions')} />;
  return (
    <Table<TrainingSession>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={plan.sessions}
      columns={[
        { title: t('tr.day'), dataIndex: 'day', width: 120 },
        { title: t('tr.hours'), dataIndex: 'hours', width: 70 },
        { title: t('tr.place'), dataIndex: 'place', ellipsis: true },
        { title: t('tr.trainer'), dataIndex: 'trainer', width: 120 },
        {
          title: t('tr.attendance'),
          render: (_, s) => (
            <Space wrap size={4}>
              {t('tr.attendanceN', {
                a: s.records.filter((r) => r.attended).length,
                p: s.records.filter((r) => r.passed).length,
              })}
              {s.records.length <= 6 &&
                s.records.map((r) => (
                  <Tag key={r.id} color={r.passed ? 'green' : r.attended ? 'red' : 'default'}>
                    {r.userName} {r.score ?? ''}
                  </Tag>
                ))}
            </Space>
          ),
        },
        {
          title: t('pp.actions'),
          width: 160,
          render: (_, s) => (
            <Button type="link" onClick={() => onResults(s)}>
              {t('tr.recordResults')}
            </Button>
          ),
        },
      ]}
    />
  );
}
