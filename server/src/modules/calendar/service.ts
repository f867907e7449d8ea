import { InvalidDayError, parseDay, WorkingCalendar, yearOf } from '../../domain/calendar/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { findHall } from '../org/service.ts';
import { assertHallAccess } from '../org/service.ts';
import * as repo from './repository.ts';

/** A day the caller typed, checked; the error names the field. */
function dayField(value: string, field: string): string {
  try {
    return parseDay(value, field);
  } catch (e) {
    if (e instanceof InvalidDayError) throw invalid(field, e.zh, e.en);
    throw e;
  }
}

/**
 * Calendars already built, by hall, with the calendar revision they were built at. Every acceptance and clock
 * needs the hall's calendar; building it means reading all its days and years, so it is rebuilt only when the
 * revision (one row, changed by every calendar write in the same transaction, on any node) has changed.
 */
const built = new Map<string, { revision: string; calendar: WorkingCalendar }>();

/** The hall's working calendar: its own days over the national schedule (built in or loaded by an administrator). */
export async function calendarOf(db: Db, hallId: string | null): Promise<WorkingCalendar> {
  const revision = await repo.calendarRevision(db);
  const key = hallId ?? '';
  const hit = built.get(key);
  if (hit && revision !== null && hit.revision === revision) return hit.calendar;
  const [days, years] = await Promise.all([
    hallId ? repo.hallDays(db, hallId) : Promise.resolve([]),
    repo.officialYears(db),
  ]);
  const calendar = new WorkingCalendar({
    overrides: days.map((d) => ({ date: d.date, kind: d.kind as 'closed' | 'working', note: d.note })),
    adminYears: years.map((y) => ({
      year: y.year,
      holidays: JSON.parse(y.holidays) as string[],
      workdays: JSON.parse(y.workdays) as string[],
    })),
  });
  if (revision !== null) built.set(key, { revision, calendar });
  return calendar;
}

export async function deadlineFor(ctx: AppContext, q: { from: string; days: number; hallId?: string }) {
  const from = dayField(q.from, 'from');
  if (q.hallId && !(await findHall(ctx.db, q.hallId))) throw invalid('hallId', '服务大厅不存在', 'No such hall');
  const calendar = await calendarOf(ctx.db, q.hallId ?? null);
  return calendar.addWorkingDays(from, q.days);
}

export async function monthView(ctx: AppContext, actor: Actor, q: { month: string; hallId: string }) {
  assertHallAccess(actor, q.hallId);
  const first = dayField(`${q.month}-01`, 'month');
  const calendar = await calendarOf(ctx.db, q.hallId);
  const days = [];
  for (let d = first; d.startsWith(q.month); d = nextDay(d)) days.push(calendar.describeDay(d));
  return { month: q.month, published: calendar.isPublishedYear(yearOf(first)), days };
}

const nextDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

export async function calendarStatus(ctx: AppContext) {
  const today = chinaDay(ctx.clock.now());
  const calendar = await calendarOf(ctx.db, null);
  const years = await repo.officialYears(ctx.db);
  return { today, missingYear: calendar.scheduleWarning(today), loadedYears: years.map((y) => y.year) };
}

async function assertHall(ctx: AppContext, actor: Actor, hallId: string) {
  if (!(await findHall(ctx.db, hallId)) || !actor.hallIds.includes(hallId)) throw notFound('服务大厅', 'Hall');
}

/** Sets (or replaces) the hall's own days; all are checked first so an import is all or nothing. */
export async function setHallDays(
  ctx: AppContext,
  actor: Actor,
  hallId: string,
  days: { date: string; kind: 'closed' | 'working'; note: string }[],
) {
  await assertHall(ctx, actor, hallId);
  const checked = days.map((d, i) => ({ ...d, date: dayField(d.date, days.length === 1 ? 'date' : `days.${i}.date`) }));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertHallDays(
      trx,
      checked.map((d) => ({
        hall_id: hallId,
        date: d.date,
        kind: d.kind,
        note: d.note,
        updated_at: now,
        updated_by: actor.username,
      })),
    );
    await appendAudit(trx, byActor(actor, now, 'calendar.hall_days.set', 'hall', hallId, { days: checked }));
  });
  return { imported: checked.length };
}

export async function removeHallDay(ctx: AppContext, actor: Actor, hallId: string, date: string) {
  await assertHall(ctx, actor, hallId);
  const day = dayField(date, 'date');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const res = await repo.deleteHallDay(trx, hallId, day);
    if (Number(res.numDeletedRows) === 0) throw notFound('自定日期', 'Hall day');
    await appendAudit(trx, byActor(actor, now, 'calendar.hall_days.remove', 'hall', hallId, { date: day }));
  });
}

export async function loadOfficialYear(
  ctx: AppContext,
  actor: Actor,
  year: number,
  input: { holidays: string[]; workdays: string[] },
) {
  const check = (list: string[], field: string) =>
    list.map((d, i) => {
      const day = dayField(d, `${field}.${i}`);
      if (yearOf(day) !== year) throw invalid(`${field}.${i}`, `${day} 不属于 ${year} 年`, `${day} is not in ${year}`);
      return day;
    });
  const holidays = [...new Set(check(input.holidays, 'holidays'))].sort();
  const workdays = [...new Set(check(input.workdays, 'workdays'))].sort();
  const clash = holidays.find((d) => workdays.includes(d));
  if (clash)
    throw invalid('workdays', `${clash} 同时被列为放假日和补班日`, `${clash} is both a holiday and a working day`);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertOfficialYear(trx, {
      year,
      holidays: JSON.stringify(holidays),
      workdays: JSON.stringify(workdays),
      loaded_at: now,
      loaded_by: actor.username,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'calendar.year.load', 'official_year', String(year), { holidays, workdays }),
    );
  });
  return { year, holidays, workdays, loadedAt: now, loadedBy: actor.username };
}

export async function listOfficialYears(ctx: AppContext) {
  return (await repo.officialYears(ctx.db)).map((y) => ({
    year: y.year,
    holidays: JSON.parse(y.holidays) as string[],
    workdays: JSON.parse(y.workdays) as string[],
    loadedAt: Number(y.loaded_at),
    loadedBy: y.loaded_by,
  }));
}
