import { Card, Space, Tag } from 'antd';
import { useTrainingStaff } from '../../api/people';
import { useT } from '../../i18n';

/** 人员培训状况: each colleague's pre-post training standing, those not yet passed first. */
export function TrainingStaffCard({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const staff = useTrainingStaff(hallId);
  return (
    <Card title={t('tr.staff')}>
      <Space wrap size={[8, 8]}>
        {/* Those not yet allowed to work a post come first. */}
        {[...(staff.data?.items ?? [])]
          .sort((a, b) => Number(a.prePostPassed) - Number(b.prePostPassed))
          .map((u) => (
            <Tag key={u.id} color={u.prePostPassed ? 'green' : 'red'}>
              {u.displayName}：{t('tr.prePost')}
              {u.prePostPassed ? t('tr.prePostPassed') : t('tr.prePostMissing')}
            </Tag>
          ))}
      </Space>
    </Card>
  );
}
