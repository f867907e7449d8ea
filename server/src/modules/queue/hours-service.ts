/**
 * 办公时间: the timetables by weekday of a hall and its windows. The hall's says when the day's queue closes (for
 * a hall without one, its latest window's); the end-of-day sweep expires what still waits then.
 */
import { closingOf, describeHours, hoursProblem, normaliseHours, type WeeklyHours } from '../../domain/queue/hours.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { assertHallAccess, setHallOpeningHours } from '../org/service.ts';
import * as repo from './repository.ts';
import { weeklyHoursSchema } from './schema.ts';

const parseWeekly = (text: string): WeeklyHours => weeklyHoursSchema.parse(JSON.parse(text));

/** Refuses a timetable that does not hold, on the field that is wrong; returns it Monday first, closed days left out. */
export function checkedHours(week: WeeklyHours, prefix = 'weeklyHours'): WeeklyHours {
  const problem = hoursProblem(week, prefix);
  if (problem) throw invalid(problem.field, problem.zh, problem.en);
  return normaliseHours(week);
}

export interface Timetables {
  hall: WeeklyHours | null;
  windows: Map<string, WeeklyHours>;
}

export async function timetablesOf(db: Db, hallIds: string[]): Promise<Map<string, Timetables>> {
  const out = new Map<string, Timetables>(hallIds.map((id) => [id, { hall: null, windows: new Map() }]));
  for (const r of await repo.openingHoursInHalls(db, hallIds)) {
    const t = out.get(r.hall_id);
    if (!t) continue;
    // A timetable saved without sessions is a cleared one: the windows (or the defaults) decide again.
    const week = parseWeekly(r.weekly);
    if (week.length === 0) continue;
    if (r.owner_type === 'hall') t.hall = week;
    else t.windows.set(r.owner_id, week);
  }
  return out;
}

/** Refuses a new ticket once the hall's queue has closed for the day: it could no longer be called. */
export async function assertQueueOpen(db: Db, hallId: string, day: string, now: number): Promise<void> {
  const { closing } = closingFor((await timetablesOf(db, [hallId])).get(hallId), day);
  if (closing !== null && now >= closing) {
    throw new AppError(
      409,
      'QUEUE_CLOSED',
      `今日取号已结束（${clockTime(closing)} 停止叫号），请在办公时间内前来取号`,
      `No more tickets today: the queue closed at ${clockTime(closing)}`,
      'hallId',
    );
  }
}

/** When the hall's queue closes on `day`, and whose timetable says so. */
export function closingFor(
  t: Timetables | undefined,
  day: string,
): { closing: number | null; source: 'hall' | 'windows' | null } {
  if (t?.hall) return { closing: closingOf([t.hall], day), source: 'hall' };
  const windows = [...(t?.windows.values() ?? [])];
  return windows.length ? { closing: closingOf(windows, day), source: 'windows' } : { closing: null, source: null };
}

/** HH:MM, Beijing time. */
export const clockTime = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);

export async function hallHours(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const t = (await timetablesOf(ctx.db, [hallId])).get(hallId);
  const windows = await repo.windowsOfHall(ctx.db, hallId);
  const { closing, source } = closingFor(t, chinaDay(ctx.clock.now()));
  const view = (w: WeeklyHours | null | undefined) => ({
    weeklyHours: w ?? null,
    description: w ? describeHours(w) : '',
  });
  return {
    hallId,
    hall: view(t?.hall),
    windows: windows.map((w) => ({ windowId: w.id, number: w.number, name: w.name, ...view(t?.windows.get(w.id)) })),
    closingSource: source,
    closesToday: closing === null ? null : clockTime(closing),
  };
}

export async function saveHallHours(ctx: AppContext, actor: Actor, hallId: string, input: WeeklyHours) {
  assertHallAccess(actor, hallId);
  const week = checkedHours(input);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveOpeningHours(trx, {
      owner_id: hallId,
      owner_type: 'hall',
      hall_id: hallId,
      weekly: JSON.stringify(week),
      updated_at: now,
    });
    // The hall's 办公时间 as the public guide prints it follows the timetable; clearing the timetable leaves it.
    if (week.length > 0) await setHallOpeningHours(trx, hallId, describeHours(week));
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.hall.hours', 'hall', hallId, { weeklyHours: week, text: describeHours(week) }),
    );
  });
  return hallHours(ctx, actor, hallId);
}

/**
 * A window's timetable inside the caller's transaction: stored (or cleared with null), and the text shown for
 * it unless the caller gives its own. Returns the text to store.
 */
export async function saveWindowHours(
  trx: Db,
  window: { id: string; hall_id: string },
  week: WeeklyHours | null,
  now: number,
) {
  if (week === null || week.length === 0) {
    await repo.deleteOpeningHours(trx, window.id);
    return '';
  }
  await repo.saveOpeningHours(trx, {
    owner_id: window.id,
    owner_type: 'window',
    hall_id: window.hall_id,
    weekly: JSON.stringify(week),
    updated_at: now,
  });
  return describeHours(week);
}
