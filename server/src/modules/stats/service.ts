/**
 * 人员配置预测 (R19.11): the Erlang C answer for given figures, and next week's windows needed per hour from the
 * last weeks' tickets (through queue/service.ts) set against the roster (through staff/service.ts). The arithmetic
 * is pure, in domain/stats.
 */
import { addDays, dayOfWeek } from '../../domain/calendar/days.ts';
import {
  type ForecastDay,
  forecastWeek,
  MAX_WINDOWS,
  type StaffingQuestion,
  trafficErlangs,
  windowsNeeded,
} from '../../domain/stats/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { readStaffingTarget, staffingTargetKey, writeStaffingTarget } from '../../platform/settings.ts';
import { calendarOf } from '../calendar/service.ts';
import { assertHallAccess } from '../org/service.ts';
import { arrivalsBetween, categoriesOfHall } from '../queue/service.ts';
import { mondayOf, roster } from '../staff/service.ts';
import type { StaffingTarget } from './schema.ts';

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** The smallest number of windows reaching the target and the figures there. */
export function erlangC(q: StaffingQuestion) {
  if (trafficErlangs(q.arrivalsPerHour, q.serviceMinutes) >= MAX_WINDOWS - 1)
    throw invalid(
      'arrivalsPerHour',
      `到达量与办理时长所需窗口超过 ${MAX_WINDOWS} 个，无法测算`,
      `This load needs more than ${MAX_WINDOWS} windows`,
    );
  const a = windowsNeeded(q);
  return {
    windows: a.windows,
    serviceLevel: round(a.serviceLevel, 6),
    probabilityOfWaiting: round(a.probabilityOfWaiting, 6),
    averageWaitSeconds: round(a.averageWaitSeconds, 2),
  };
}

export async function staffingTarget(ctx: AppContext, actor: Actor, hallId: string): Promise<StaffingTarget> {
  assertHallAccess(actor, hallId);
  return readStaffingTarget(ctx.db, hallId);
}

export async function saveStaffingTarget(
  ctx: AppContext,
  actor: Actor,
  input: StaffingTarget & { hallId: string },
): Promise<StaffingTarget> {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const after = {
    targetWaitSeconds: input.targetWaitSeconds,
    targetServiceLevel: input.targetServiceLevel,
    weeks: input.weeks,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readStaffingTarget(trx, input.hallId);
    await writeStaffingTarget(trx, input.hallId, after, now);
    await appendAudit(
      trx,
      byActor(actor, now, 'stats.staffing.target', 'settings', staffingTargetKey(input.hallId), {
        hallId: input.hallId,
        before,
        after,
      }),
    );
  });
  return staffingTarget(ctx, actor, input.hallId);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Windows needed per hour of `week`, forecast from the `weeks` full weeks before the current one (or before `week`
 * when it lies in the past), beside the windows rostered in that hour.
 */
export async function staffingForecast(ctx: AppContext, actor: Actor, hallId: string, week: string) {
  assertHallAccess(actor, hallId);
  if (mondayOf(week) !== week) throw invalid('week', '请选择一周的周一', 'A week starts on a Monday');
  const target = await readStaffingTarget(ctx.db, hallId);
  const thisWeek = mondayOf(chinaDay(ctx.clock.now()));
  const anchor = week < thisWeek ? week : thisWeek;
  const fromDay = addDays(anchor, -7 * target.weeks);
  const toDay = addDays(anchor, -1);
  const [tickets, plan, categories, cal] = await Promise.all([
    arrivalsBetween(ctx.db, hallId, fromDay, toDay),
    roster(ctx, actor, hallId, week),
    categoriesOfHall(ctx.db, hallId),
    calendarOf(ctx.db, hallId),
  ]);
  // A weekday's mean is over the days of it the hall was open: a holiday week does not thin the forecast.
  const openDays: Record<number, number> = {};
  for (let d = fromDay; d <= toDay; d = addDays(d, 1))
    if (cal.isWorkingDay(d)) openDays[dayOfWeek(d)] = (openDays[dayOfWeek(d)] ?? 0) + 1;
  const days: ForecastDay[] = plan.days.map((d) => {
    const open = d.sessions.map((s) => ({ from: minutesOf(s.from), to: minutesOf(s.to) }));
    const rostered = Array.from({ length: 24 }, (_, hour) => {
      const windows = new Set(
        plan.slots
          .filter((x) => x.day === d.day)
          .filter((x) => {
            const span = d.sessions.find((s) => s.session === x.session);
            return span && minutesOf(span.from) < (hour + 1) * 60 && minutesOf(span.to) > hour * 60;
          })
          .map((x) => x.windowId),
      );
      return windows.size;
    });
    return { day: d.day, working: d.working, open, rostered };
  });
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const cells = forecastWeek(tickets, days, target, openDays).map((c) => ({
    ...c,
    byCategory: c.byCategory.map((b) => ({ ...b, name: names.get(b.categoryId) ?? '已停用号段' })),
  }));
  return {
    hallId,
    week,
    fromDay,
    toDay,
    tickets: tickets.length,
    target,
    days: days.map((d) => ({ day: d.day, working: d.working })),
    hours: [...new Set(cells.map((c) => c.hour))],
    cells,
    shortHours: cells.filter((c) => c.short).length,
  };
}

/** 统计分析's overview, for the modules that report the same figures (工作报告). */
export { overview } from './overview-service.ts';
