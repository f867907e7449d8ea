import { Button, Empty, Skeleton } from 'antd';
import type { BookingDays } from '../../api/appointments';
import { useT } from '../../i18n';

const weekdayIndex = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Days as wrapping buttons, then the chosen day's slots with the places left; works at 390 px. */
export function SlotPicker(props: {
  data: BookingDays | undefined;
  loading: boolean;
  day: string | undefined;
  slot: string | undefined;
  onDay: (day: string) => void;
  onSlot: (slot: string) => void;
}) {
  const t = useT();
  if (props.loading) return <Skeleton active />;
  if (!props.data) return null;
  const days = props.data.days.filter((d) => d.slots.some((s) => s.open));
  const chosen = props.data.days.find((d) => d.day === props.day);
  const weekdays = t('appt.weekdays').split(',');
  return (
    <div className="ow-appt-picker">
      <div className="ow-appt-label">{t('appt.day')}</div>
      <fieldset className="ow-appt-days" aria-label={t('appt.day')}>
        {days.map((d, i) => {
          const left = d.slots.filter((s) => s.open).reduce((n, s) => n + s.left, 0);
          return (
            <Button
              key={d.day}
              type={props.day === d.day ? 'primary' : 'default'}
              aria-pressed={props.day === d.day}
              className="ow-appt-day"
              disabled={left === 0}
              onClick={() => props.onDay(d.day)}
            >
              <span>{d.day.slice(5)}</span>
              <span className="ow-appt-sub">
                {i === 0 && d.day === props.data!.days[0]!.day
                  ? t('appt.today')
                  : t('appt.weekday', { w: weekdays[weekdayIndex(d.day)] ?? '' })}
              </span>
            </Button>
          );
        })}
      </fieldset>
      {chosen && (
        <>
          <div className="ow-appt-label">{t('appt.slot')}</div>
          {chosen.slots.filter((s) => s.open).length === 0 ? (
            <Empty description={t('appt.noSlots')} />
          ) : (
            <fieldset className="ow-appt-slots" aria-label={t('appt.slot')}>
              {chosen.slots
                .filter((s) => s.open)
                .map((s) => (
                  <Button
                    key={s.from}
                    type={props.slot === s.from ? 'primary' : 'default'}
                    aria-pressed={props.slot === s.from}
                    className="ow-appt-slot"
                    disabled={s.left === 0}
                    onClick={() => props.onSlot(s.from)}
                  >
                    <span>
                      {s.from}-{s.to}
                    </span>
                    <span className="ow-appt-sub">{s.left === 0 ? t('appt.full') : t('appt.left', { n: s.left })}</span>
                  </Button>
                ))}
            </fieldset>
          )}
        </>
      )}
    </div>
  );
}
