/**
 * The queue's figures: the day's tickets by outcome (当日汇总) and how far the printed estimates were from the real
 * waits (settings-routes.ts); a period's arrivals, instants and sums for the staffing forecast, 统计分析 and 工作报告,
 * which other modules read through queue/service.ts. The queries are in figures-repository.ts.
 */
import { meanAbsoluteError } from '../../domain/queue/index.ts';
import type { TicketSums } from '../../domain/stats/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import { assertHallAccess } from '../org/service.ts';
import * as repo from './figures-repository.ts';

/** How far the estimates printed on tickets were from the real waits, over finished tickets of a period. */
export async function estimateAccuracy(
  ctx: AppContext,
  actor: Actor,
  f: { hallId: string; from: string; to: string; categoryId?: string },
) {
  assertHallAccess(actor, f.hallId);
  if (f.from > f.to) throw invalid('to', '结束日期不能早于开始日期', 'The end is before the start');
  const rows = await repo.estimatedAndCalled(ctx.db, f);
  const pairs = rows.map((r) => ({ estimatedMs: Number(r.estimated_wait_ms), actualMs: Number(r.wait_ms) }));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
  return {
    from: f.from,
    to: f.to,
    tickets: pairs.length,
    meanAbsoluteErrorMinutes: minutes(meanAbsoluteError(pairs)),
    meanEstimatedMinutes: minutes(mean(pairs.map((p) => p.estimatedMs))),
    meanActualMinutes: minutes(mean(pairs.map((p) => p.actualMs))),
  };
}

/**
 * The day's tickets by outcome (R16.1 waiting and service): 办结 done; 未办结 the expired (never called before the
 * hall closed), the no-shows and whatever still waits or is at a window; cancelled ones count in neither.
 */
export async function daySummary(ctx: AppContext, actor: Actor, q: { hallId: string; day?: string | undefined }) {
  assertHallAccess(actor, q.hallId);
  const day = q.day ?? chinaDay(ctx.clock.now());
  const n = await repo.statusCounts(ctx.db, q.hallId, day);
  const of = (s: string) => n.get(s) ?? 0;
  const waiting = of('waiting');
  const inService = of('called') + of('serving');
  return {
    day,
    issued: [...n.values()].reduce((a, b) => a + b, 0),
    waiting,
    inService,
    done: of('done'),
    noShow: of('no_show'),
    expired: of('expired'),
    cancelled: of('cancelled'),
    unfinished: of('expired') + of('no_show') + waiting + inService,
  };
}

/** The staffing forecast (stats) reads each ticket's arrival and service span on the days from–to. */
export async function arrivalsBetween(db: Db, hallId: string, from: string, to: string) {
  return (await repo.arrivalsBetween(db, hallId, from, to)).map((t) => ({
    categoryId: t.category_id,
    arrivedAt: Number(t.arrived_at),
    serviceMs:
      t.serving_started_at !== null && t.finished_at !== null
        ? Number(t.finished_at) - Number(t.serving_started_at)
        : null,
  }));
}

/** 统计分析: the waiting and service sums of the tickets issued on the days [from, to], per issue day or window. */
export async function ticketSumsBetween(
  db: Db,
  hallIds: readonly string[],
  from: string,
  to: string,
  by: 'day' | 'window',
): Promise<Map<string, TicketSums>> {
  const rows = await repo.ticketSumsBetween(db, hallIds, from, to, by === 'day' ? 'day' : 'window_id');
  return new Map(
    rows
      .filter((r) => r.key !== null)
      .map((r) => [
        r.key as string,
        {
          tickets: Number(r.tickets),
          called: Number(r.called),
          waitMs: Number(r.wait_ms ?? 0),
          served: Number(r.served),
          serviceMs: Number(r.service_ms ?? 0),
        },
      ]),
  );
}

/** 统计分析: the tickets issued on the days [from, to] with their arrival, first call, service start and finish. */
export async function ticketTimesBetween(db: Db, hallIds: readonly string[], from: string, to: string) {
  return (await repo.ticketTimesBetween(db, hallIds, from, to)).map((t) => ({
    id: t.id,
    number: t.number,
    status: t.status,
    day: t.day,
    // The window that called it (工作报告 compares each window's wait with the hall's target).
    windowId: t.window_id,
    arrivedAt: Number(t.arrived_at),
    calledAt: t.first_called_at === null ? null : Number(t.first_called_at),
    servingStartedAt: t.serving_started_at === null ? null : Number(t.serving_started_at),
    finishedAt: t.finished_at === null ? null : Number(t.finished_at),
  }));
}
