import { Tag } from 'antd';
import type { ConsultChannel, ConsultStatus, Light } from '../../api/consult';
import type { KnowledgeKind } from '../../api/knowledge';
import { type MessageKey, useT } from '../../i18n';

const STATUS_COLORS: Record<ConsultStatus, string> = {
  unclaimed: 'magenta',
  open: 'blue',
  promised: 'gold',
  coordinating: 'purple',
  answered: 'green',
  referred: 'cyan',
};
const LIGHT_COLORS: Record<Exclude<Light, null>, string> = { green: 'green', yellow: 'gold', red: 'red' };

/** Labels of the codes of this area: `label('consultStatus', 'open')` reads 'consultStatus.open'. */
export function useConsultLabel() {
  const t = useT();
  return (
    group: 'consultStatus' | 'consultChannel' | 'consultAction' | 'toldVia' | 'knowledgeKind' | 'consultLight',
    code: string,
  ) => {
    const key = `${group}.${code}` as MessageKey;
    const text = t(key);
    return text === key ? code : text;
  };
}

export function ConsultStatusTag({ status }: { status: ConsultStatus }) {
  const label = useConsultLabel();
  return <Tag color={STATUS_COLORS[status]}>{label('consultStatus', status)}</Tag>;
}

export function ChannelText({ channel }: { channel: ConsultChannel }) {
  const label = useConsultLabel();
  return <>{label('consultChannel', channel)}</>;
}

/** The reply-deadline light: green, yellow on the last working day, red after it. */
export function LightTag({
  light,
  dueDate,
  provisional,
}: {
  light: Light;
  dueDate: string | null;
  provisional?: boolean;
}) {
  const label = useConsultLabel();
  const t = useT();
  const flag = provisional && dueDate ? <Tag color="warning">{t('cs.provisional')}</Tag> : null;
  if (!light)
    return (
      <>
        {dueDate ?? '—'}
        {flag}
      </>
    );
  return (
    <>
      <Tag color={LIGHT_COLORS[light]} aria-label={`${label('consultLight', light)} ${dueDate ?? ''}`}>
        {dueDate} {label('consultLight', light)}
      </Tag>
      {flag}
    </>
  );
}

export function KindTag({ kind }: { kind: KnowledgeKind }) {
  const label = useConsultLabel();
  return <Tag color={kind === 'policy' ? 'volcano' : 'blue'}>{label('knowledgeKind', kind)}</Tag>;
}
