import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useAlerts } from '../../api/supervision';
import { useT } from '../../i18n';

/** The bell in the header with the unread count. */
export function AlertBell() {
  const t = useT();
  const navigate = useNavigate();
  const q = useAlerts();
  const n = q.data?.unread ?? 0;
  return (
    <Badge count={n} size="small" offset={[-6, 6]}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t('alerts.bell', { n })}
        onClick={() => navigate('/alerts')}
      />
    </Badge>
  );
}
