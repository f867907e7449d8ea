import { Alert } from 'antd';
import { useTownshipOrigin } from '../../api/township';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';

/** 乡镇收件 on the case page: the station that received the case and where its result goes. */
export function TownshipOrigin({ caseId }: { caseId: string }) {
  const t = useT();
  const origin = useTownshipOrigin(caseId);
  const o = origin.data?.township;
  if (!o) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('tw.origin', { station: o.stationName })}
      description={
        t('tw.originDetail', {
          by: o.receivedBy,
          at: formatTime(o.receivedAt),
          station: o.stationName,
          pickup: o.mailingAddress ? `${o.pickupLabel}（${o.mailingAddress}）` : o.pickupLabel,
        }) + (o.handedOver ? t('tw.originHanded', { hall: o.handedOver.hallName, by: o.handedOver.by }) : '')
      }
    />
  );
}
