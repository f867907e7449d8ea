/**
 * 统计分析 counts of the case core, grouped in the database: a year of a big hall is hundreds of thousands of cases,
 * and the dashboard, the on-time page and the scheduled 工作报告 need only their counts per day, item, department,
 * window and person, not the rows. The definitions are those of the row-wise reads in board-repository.ts
 * (`acceptedBetween`, `completions`), and the statistics tests recompute every count from the raw rows.
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import { chinaDayOfMs } from '../../platform/db/sql-days.ts';
import { firstCompletions } from './board-repository.ts';

const none = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);
const count = sql<number | string>`count(*)`;

export interface Count {
  key: string;
  /** The name stored on the case (item or person); null where the dimension is named elsewhere. */
  name: string | null;
  count: number;
}

export interface ReceivedCounts {
  byDay: Count[];
  byItem: Count[];
  byDepartment: Count[];
  byWindow: Count[];
  byPerson: Count[];
}

const counts = (rows: { key: string | null; name?: string | null; n: number | string }[]): Count[] =>
  rows.filter((r) => r.key !== null).map((r) => ({ key: r.key!, name: r.name ?? null, count: Number(r.n) }));

/**
 * Cases accepted (受理) on the days [fromDay, toDay] by their stored accepted day, counted per day, item, window
 * (the receiving window), person (the receiving clerk) and department (every department with a step of the case;
 * a case in two departments counts in both).
 */
export async function receivedCounts(
  db: Db,
  hallIds: readonly string[],
  fromDay: string,
  toDay: string,
): Promise<ReceivedCounts> {
  const accepted = () =>
    db
      .selectFrom('cases')
      .where('hall_id', 'in', none(hallIds))
      .where('accepted_day', '>=', fromDay)
      .where('accepted_day', '<=', toDay);
  const [byDay, byItem, byWindow, byPerson, byDepartment] = await Promise.all([
    accepted()
      .select(['accepted_day as key', count.as('n')])
      .groupBy('accepted_day')
      .execute(),
    accepted()
      .select(['item_id as key', sql<string>`max(item_name)`.as('name'), count.as('n')])
      .groupBy('item_id')
      .execute(),
    accepted()
      .select(['window_id as key', count.as('n')])
      .groupBy('window_id')
      .execute(),
    accepted()
      .select(['received_by as key', sql<string>`max(received_by_name)`.as('name'), count.as('n')])
      .groupBy('received_by')
      .execute(),
    db
      .selectFrom('case_steps as s')
      .innerJoin('cases as c', 'c.id', 's.case_id')
      .select(['s.department_id as key', sql<number | string>`count(distinct s.case_id)`.as('n')])
      .where('c.hall_id', 'in', none(hallIds))
      .where('c.accepted_day', '>=', fromDay)
      .where('c.accepted_day', '<=', toDay)
      .where('s.department_id', 'is not', null)
      .groupBy('s.department_id')
      .execute(),
  ]);
  return {
    byDay: counts(byDay),
    byItem: counts(byItem),
    byDepartment: counts(byDepartment),
    byWindow: counts(byWindow),
    byPerson: counts(byPerson),
  };
}

export interface FinishedCount {
  key: string;
  name: string | null;
  finished: number;
  onTime: number;
}

export interface FinishedCounts {
  /** Per China day of the completion. */
  byDay: FinishedCount[];
  byItem: FinishedCount[];
  byDepartment: FinishedCount[];
  byWindow: FinishedCount[];
  /** The first owner (首问负责人), else the receiving clerk. */
  byPerson: FinishedCount[];
}

/**
 * Cases whose first completion lies in [fromMs, toMs), counted per China day of completion, item, department,
 * window and person, with how many of them were on time: completed on or before the stored deadline day (a case
 * without a deadline is late), as domain/supervision `isOnTime` says.
 */
export async function finishedCounts(
  db: Db,
  dialect: Dialect,
  hallIds: readonly string[],
  fromMs: number,
  toMs: number,
): Promise<FinishedCounts> {
  const day = chinaDayOfMs(dialect, sql.ref('e.at'));
  const finished = firstCompletions(db, hallIds, fromMs, toMs)
    .select(['c.id', 'c.item_id', 'c.item_name', 'c.window_id'])
    .select([
      sql<string>`coalesce(c.first_owner_id, c.received_by)`.as('person_id'),
      sql<string>`coalesce(c.first_owner_name, c.received_by_name)`.as('person_name'),
      day.as('day'),
      sql<number>`case when c.deadline is not null and c.deadline >= ${day} then 1 else 0 end`.as('on_time'),
    ])
    .as('f');
  const onTime = sql<number | string>`sum(f.on_time)`;
  const [byDay, byItem, byWindow, byPerson, byDepartment] = await Promise.all([
    db
      .selectFrom(finished)
      .select(['f.day as key', count.as('n'), onTime.as('t')])
      .groupBy('f.day')
      .execute(),
    db
      .selectFrom(finished)
      .select(['f.item_id as key', sql<string>`max(f.item_name)`.as('name'), count.as('n'), onTime.as('t')])
      .groupBy('f.item_id')
      .execute(),
    db
      .selectFrom(finished)
      .select(['f.window_id as key', count.as('n'), onTime.as('t')])
      .groupBy('f.window_id')
      .execute(),
    db
      .selectFrom(finished)
      .select(['f.person_id as key', sql<string>`max(f.person_name)`.as('name'), count.as('n'), onTime.as('t')])
      .groupBy('f.person_id')
      .execute(),
    db
      .selectFrom(finished)
      .innerJoin('case_steps as s', 's.case_id', 'f.id')
      .select([
        's.department_id as key',
        sql<number | string>`count(distinct f.id)`.as('n'),
        sql<number | string>`count(distinct case when f.on_time = 1 then f.id end)`.as('t'),
      ])
      .where('s.department_id', 'is not', null)
      .groupBy('s.department_id')
      .execute(),
  ]);
  const figures = (
    rows: { key: string | null; name?: string | null; n: number | string; t: number | string | null }[],
  ) =>
    rows
      .filter((r) => r.key !== null)
      .map((r) => ({ key: r.key!, name: r.name ?? null, finished: Number(r.n), onTime: Number(r.t ?? 0) }));
  return {
    byDay: figures(byDay),
    byItem: figures(byItem),
    byDepartment: figures(byDepartment),
    byWindow: figures(byWindow),
    byPerson: figures(byPerson),
  };
}
