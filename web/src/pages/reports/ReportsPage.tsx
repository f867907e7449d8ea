import { Card, Tabs } from 'antd';
import { useCan } from '../../api/auth';
import { useT } from '../../i18n';
import { useHallChoice } from '../people/common';
import { ReportsTab } from './ReportsTab';
import { SubmissionsTab } from './SubmissionsTab';
import { TasksTab } from './TasksTab';

/** 工作报告 (station head, supervisor): the reports, what was sent upward, and the tasks handed down. */
export function ReportsPage() {
  const t = useT();
  const { hallId, picker } = useHallChoice();
  const can = useCan();
  return (
    <Card title={t('rep.title')} extra={picker}>
      <Tabs
        items={[
          { key: 'reports', label: t('rep.tab.reports'), children: <ReportsTab hallId={hallId} /> },
          { key: 'submissions', label: t('rep.tab.submissions'), children: <SubmissionsTab hallId={hallId} /> },
          {
            key: 'tasks',
            label: t('rep.tab.tasks'),
            children: <TasksTab hallId={hallId} manager={can('report.manage')} />,
          },
        ]}
      />
    </Card>
  );
}

/** 上级交办事项（我的）: the owner's own tasks, for everyone who may be handed one. */
export function MyTasksPage() {
  const t = useT();
  return (
    <Card title={t('rep.task.myTitle')}>
      <TasksTab hallId={undefined} manager={false} />
    </Card>
  );
}
