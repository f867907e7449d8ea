import { Alert } from 'antd';
import { Link } from 'react-router';
import { useCan } from '../../api/auth';
import { useCalendarStatus } from '../../api/calendar';
import { useT } from '../../i18n';

/** Reminds calendar managers to load next year's national schedule before deadlines run into it. */
export function CalendarBanner() {
  const t = useT();
  const can = useCan();
  const manage = can('calendar.manage');
  const status = useCalendarStatus(manage);
  const year = status.data?.missingYear;
  if (!manage || !year) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <>
          {t('cal.missingYear', { year })} <Link to="/admin/calendar">{t('cal.goLoad')}</Link>
        </>
      }
    />
  );
}
