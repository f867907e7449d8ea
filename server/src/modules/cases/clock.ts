/**
 * The case's promised-completion deadline (R6.1). The one place it is computed, so the time-limit work can
 * add suspensions and approved extensions here without touching acceptance.
 */
import type { Light, Pause, PausedDeadline, WorkingCalendar } from '../../domain/calendar/index.ts';
import { chinaDay } from '../../platform/clock.ts';

export interface CaseClockInput {
  /** The day of acceptance; counting starts the day after (rule 2 in domain/calendar/clock.ts). */
  acceptedDay: string;
  promisedDays: number;
  /** Approved extensions, in working days. */
  extraDays?: number;
  /** Suspensions of the clock (暂停计时). */
  pauses?: readonly Pause[];
}

export interface CaseDeadline {
  /** Null only while a suspension is open (the clock is stopped). */
  deadline: string | null;
  /** A day examined lies in a year whose national schedule is not yet published. */
  provisional: boolean;
}

export function caseDeadline(calendar: WorkingCalendar, c: CaseClockInput): CaseDeadline {
  return calendar.deadlineWithPauses(c.acceptedDay, c.promisedDays, c.pauses ?? [], c.extraDays ?? 0);
}

/**
 * A step's own deadline: limitDays working days from its activation day, with the case's suspensions that
 * fall after that day (a pause that began earlier counts from the activation day on).
 */
export function stepClockOf(
  calendar: WorkingCalendar,
  s: { activated_at: number | null | undefined; limit_days: number },
  pauses: readonly Pause[],
): PausedDeadline | null {
  if (s.activated_at === null || s.activated_at === undefined) return null;
  const start = chinaDay(Number(s.activated_at));
  const relevant = pauses
    .filter((p) => p.to === null || p.to > start)
    .map((p) => ({ from: p.from < start ? start : p.from, to: p.to }));
  return calendar.deadlineWithPauses(start, s.limit_days, relevant, 0);
}

/** The step deadline alone (see stepClockOf). */
export function stepDeadlineOf(
  calendar: WorkingCalendar,
  s: { activated_at: number | null | undefined; limit_days: number },
  pauses: readonly Pause[],
): string | null {
  return stepClockOf(calendar, s, pauses)?.deadline ?? null;
}

/** The step's clock as stored on its row: the deadline beside its provisional flag (待定). */
export function stepDeadlineColumns(
  calendar: WorkingCalendar,
  s: { activated_at: number | null | undefined; limit_days: number },
  pauses: readonly Pause[],
) {
  const d = stepClockOf(calendar, s, pauses);
  return { deadline: d?.deadline ?? null, deadline_provisional: d?.provisional ? 1 : 0 };
}

export const pausesFrom = (rows: readonly { from_day: string; to_day: string | null }[]): Pause[] =>
  rows.map((p) => ({ from: p.from_day, to: p.to_day }));

/** Green, yellow or red on `today`; none without a deadline (not accepted, or stopped by a suspension). */
export function lightOf(
  calendar: WorkingCalendar,
  today: string,
  deadline: string | null | undefined,
  warningDays: number,
): Light | null {
  return deadline ? calendar.lightFor(today, deadline, warningDays) : null;
}
