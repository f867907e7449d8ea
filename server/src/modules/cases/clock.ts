/**
 * The case's promised-completion deadline (R6.1). The one place it is computed, so the time-limit work can
 * add suspensions and approved extensions here without touching acceptance.
 */
import type { Pause, WorkingCalendar } from '../../domain/calendar/index.ts';

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
