import { Alert } from 'antd';
import { useCan } from '../../api/auth';
import { useMyCover } from '../../api/staff';
import { useT } from '../../i18n';

/** AB岗 on the inbox: whom I act for now (B代A), or who acts for me while I am away. */
export function CoverBanner() {
  const t = useT();
  const can = useCan();
  const cover = useMyCover(can('staff.self'));
  const c = cover.data;
  if (!c) return null;
  return (
    <>
      {c.actingFor.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('st.coverBanner', { names: c.actingFor.map((x) => x.name).join('、') })}
        />
      )}
      {c.actedBy && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('st.coveredBanner', { reason: c.actedBy.reason, name: c.actedBy.name })}
        />
      )}
    </>
  );
}
