/**
 * The queries behind the queue's figures, all over queue_tickets: the day's tickets by status (当日汇总), the estimate
 * against the real wait, and the arrivals, instants and sums of a period that the staffing forecast, 统计分析,
 * 工作报告 and 考核 read through queue/service.ts. The queries that run the floor (issuing, calling, sessions,
 * settings) stay in repository.ts.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** Tickets whose estimate can be checked: estimated at issue and called at least once, within days. */
export function estimatedAndCalled(db: Db, f: { hallId: string; from: string; to: string; categoryId?: string }) {
  let q = db
    .selectFrom('queue_tickets')
    .select(['estimated_wait_ms', 'wait_ms'])
    .where('hall_id', '=', f.hallId)
    .where('day', '>=', f.from)
    .where('day', '<=', f.to)
    .where('status', '=', 'done')
    .where('walk_in', '=', 0)
    .where('estimated_wait_ms', 'is not', null)
    .where('wait_ms', 'is not', null);
  if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
  return q.execute();
}

/** How many tickets of a hall's day are in each status. */
export async function statusCounts(db: Db, hallId: string, day: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('queue_tickets')
    .select(['status', (eb) => eb.fn.count<number>('id').as('n')])
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** Each ticket's arrival, category and service span on the days from–to, for the staffing forecast (stats). */
export const arrivalsBetween = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('queue_tickets')
    .select(['category_id', 'arrived_at', 'serving_started_at', 'finished_at'])
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

/** 统计分析: the tickets of these halls issued on the days [from, to], with the instants the waiting and service times come from. */
export const ticketTimesBetween = (db: Db, hallIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('queue_tickets')
    .select(['day', 'arrived_at', 'first_called_at', 'serving_started_at', 'finished_at'])
    .select(['id', 'number', 'status', 'window_id'])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

/**
 * 统计分析: the sums behind the waiting and service means of these halls' tickets issued on the days [from, to],
 * per issue day or per calling window (a ticket never called has no window and is left out of that grouping).
 */
export const ticketSumsBetween = (
  db: Db,
  hallIds: readonly string[],
  from: string,
  to: string,
  by: 'day' | 'window_id',
) =>
  db
    .selectFrom('queue_tickets')
    .select([
      `${by} as key`,
      sql<number | string>`count(*)`.as('tickets'),
      sql<number | string>`count(first_called_at)`.as('called'),
      sql<number | string | null>`sum(first_called_at - arrived_at)`.as('wait_ms'),
      sql<number | string>`count(case when finished_at is not null then serving_started_at end)`.as('served'),
      sql<number | string | null>`sum(finished_at - serving_started_at)`.as('service_ms'),
    ])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(by)
    .execute();

/** 考核: the tickets of a hall served to the end on the days [from, to], with the window and the member of staff. */
export const servedBetween = (db: Db, hallId: string, from: string, to: string) =>
  servedOf(db, hallId, from, to).select(['id', 'number', 'day', 'window_id', 'served_by']).execute();

const servedOf = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('queue_tickets')
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('finished_at', 'is not', null)
    .where('serving_started_at', 'is not', null);

/** 考核 card lists: the same tickets counted per member of staff and window. */
export const servedTotals = (db: Db, hallId: string, from: string, to: string) =>
  servedOf(db, hallId, from, to)
    .select(['served_by', 'window_id', sql<number>`count(*)`.as('n')])
    .groupBy(['served_by', 'window_id'])
    .execute();
