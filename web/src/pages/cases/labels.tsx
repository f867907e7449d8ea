import { Tag, Tooltip } from 'antd';
import type { Light } from '../../api/cases';
import { useT } from '../../i18n';

const STATE_COLORS: Record<string, string> = {
  received: 'default',
  awaiting_supplement: 'orange',
  not_accepted: 'default',
  accepted: 'blue',
  in_review: 'geekblue',
  in_process: 'processing',
  awaiting_verification: 'purple',
  in_approval: 'cyan',
  suspended: 'warning',
  returned_for_rework: 'magenta',
  approved: 'green',
  denied: 'volcano',
  completed: 'success',
  awaiting_collection: 'lime',
  delivered: 'green',
  archived: 'default',
  withdrawn: 'default',
  terminated: 'red',
};

/** The server's label in Chinese; the dictionary's in English. */
export function StateTag({ state, label }: { state: string; label: string }) {
  const t = useT();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'}>{t.locale === 'zh-CN' ? label : t.label('caseState', state)}</Tag>
  );
}

/** 紧急 is the green channel: red, and first in every list. */
export function UrgencyTag({ urgency }: { urgency: string }) {
  const t = useT();
  if (urgency === 'regular') return <span className="cs-regular">{t('rc.urgency.regular')}</span>;
  return (
    <Tag color={urgency === 'urgent' ? 'red' : 'gold'}>
      {t(urgency === 'urgent' ? 'rc.urgency.urgent' : 'rc.urgency.special')}
    </Tag>
  );
}

const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };

/** A round lamp with its meaning for screen readers; the promised date beside it. */
export function DeadlineLight({
  light,
  date,
  provisional,
}: {
  light?: Light | null;
  date: string | null;
  provisional?: boolean;
}) {
  const t = useT();
  return (
    <span className="cs-deadline">
      {light && (
        <Tooltip title={t(`cs.light.${light}`)}>
          <span
            className="cs-lamp"
            role="img"
            aria-label={t(`cs.light.${light}`)}
            style={{ background: LIGHT_COLORS[light] }}
          />
        </Tooltip>
      )}
      {date ?? '—'}
      {provisional && (
        <Tag color="warning" style={{ marginLeft: 4 }}>
          {t('cs.provisional')}
        </Tag>
      )}
    </span>
  );
}
