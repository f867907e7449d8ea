import { Badge, Space } from 'antd';
import { usePendingEscalationCount } from '../../api/caseSupport';
import { useT } from '../../i18n';

/** 上报待决 in the menu with the number waiting for the signed-in person's decision. */
export function EscalationMenuLabel() {
  const t = useT();
  const n = usePendingEscalationCount().data?.open ?? 0;
  return (
    <Space size={6}>
      {t('menu.escalations')}
      <Badge count={n} size="small" aria-label={t('esc.pendingCount', { n })} />
    </Space>
  );
}
