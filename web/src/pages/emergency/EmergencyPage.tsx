import { Card, Tabs } from 'antd';
import { useT } from '../../i18n';
import { CrowdingTab } from './CrowdingTab';
import { Drills } from './Drills';
import { Incidents } from './Incidents';
import { Plans } from './Plans';

/** 应急管理: incidents, contingency plans, drills and the crowding alarm of the hall. */
export function EmergencyPage() {
  const t = useT();
  return (
    <Card title={t('em.title')}>
      <Tabs
        items={[
          { key: 'incidents', label: t('em.incidents'), children: <Incidents /> },
          { key: 'plans', label: t('em.plans'), children: <Plans /> },
          { key: 'drills', label: t('em.drills'), children: <Drills /> },
          { key: 'crowding', label: t('em.crowding'), children: <CrowdingTab /> },
        ]}
      />
    </Card>
  );
}
