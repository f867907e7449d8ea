/**
 * The case and step clocks (R6.2–R6.5), computed from the case's own events only: its acceptance day and
 * promised days, its suspensions and its approved extensions, on the hall's WorkingCalendar. The stored
 * deadline is what these rules said with the calendar of its time; recompute() re-derives it.
 */
import type { Pause, WorkingCalendar } from '../../domain/calendar/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/clock.ts';
import { calendarOf } from '../calendar/service.ts';
import { caseDeadline, pausesFrom, stepDeadlineColumns } from './clock.ts';
import * as repo from './records-repository.ts';
import type { CaseRow } from './repository.ts';
import * as cases from './repository.ts';

export { lightOf, pausesFrom, stepDeadlineColumns, stepDeadlineOf } from './clock.ts';

/** The case deadline from its events; extra_days holds the sum of approved extensions. */
export function deadlineOf(calendar: WorkingCalendar, c: CaseRow, pauses: readonly Pause[]) {
  if (!c.accepted_day) return { deadline: null, provisional: false };
  return caseDeadline(calendar, {
    acceptedDay: c.accepted_day,
    promisedDays: c.promised_days,
    pauses,
    extraDays: c.extra_days ?? 0,
  });
}

/** Stores the case deadline and every step deadline again, inside the caller's transaction. */
export async function refreshDeadlines(trx: Db, calendar: WorkingCalendar, c: CaseRow) {
  const pauses = pausesFrom(await repo.pausesOf(trx, c.id));
  const d = deadlineOf(calendar, c, pauses);
  await repo.setCaseDeadline(trx, c.id, d.deadline, d.provisional ? 1 : 0);
  for (const s of await cases.stepsOf(trx, c.id)) {
    if (s.status === 'pending') continue;
    await repo.setStepDeadline(trx, s.id, stepDeadlineColumns(calendar, s, pauses));
  }
  return d;
}

/**
 * Ends the case's open suspension today, inside the caller's transaction, and stores the clock it leaves. For a
 * case that leaves 暂停计时 other than by resuming (withdrawal): an open pause on a closed case would keep its
 * deadline stopped and count the stop without end. Null when no pause is open.
 */
export async function endOpenPause(trx: Db, c: CaseRow, now: number) {
  const open = await repo.openPause(trx, c.id);
  if (!open) return null;
  const toDay = chinaDay(now);
  await repo.closePause(trx, open.id, toDay, now);
  const d = await refreshDeadlines(trx, await calendarOf(trx, c.hall_id), c);
  return { id: open.id, kind: open.kind, fromDay: open.from_day, toDay, deadline: d.deadline };
}
