/**
 * 统计分析 counts of the case core, grouped in the database: a year of a big hall is hundreds of thousands of cases,
 * and the dashboard, the on-time page and the scheduled 工作报告 need only their counts per day, item, department,
 * window and person, not the rows. The definitions are those of the row-wise reads in board-repository.ts
 * (`acceptedBetween`, `completions`), and the statistics tests recompute every count from the raw rows.
 */
import { sql } from 'kysely';
import { monthSlices } from '../../domain/stats/index.ts';
import { chinaDayStart } from '../../platform/clock.ts';
import type { Db, Dialect } from '../../platform/db/database.ts';
import { chinaDayOfMs } from '../../platform/db/sql-days.ts';
import { finishedStepsOf, firstCompletions, reviewDecisionsOf } from './board-repository.ts';

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
 * A long period is counted a month at a time, and between months other requests get their turn: on SQLite a query
 * holds the process while it runs, and a year of a big hall takes seconds (each count is additive over the months).
 */
const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

function mergeCounts(parts: Count[][]): Count[] {
  const out = new Map<string, Count>();
  for (const c of parts.flat()) {
    const had = out.get(c.key);
    if (had) had.count += c.count;
    else out.set(c.key, { ...c });
  }
  return [...out.values()];
}

function mergeFinished(parts: FinishedCount[][]): FinishedCount[] {
  const out = new Map<string, FinishedCount>();
  for (const c of parts.flat()) {
    const had = out.get(c.key);
    if (had) {
      had.finished += c.finished;
      had.onTime += c.onTime;
    } else out.set(c.key, { ...c });
  }
  return [...out.values()];
}

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
  const parts: ReceivedCounts[] = [];
  for (const slice of monthSlices(fromDay, toDay)) {
    parts.push(await receivedInSlice(db, hallIds, slice.from, slice.to));
    await letOthersIn();
  }
  return {
    byDay: mergeCounts(parts.map((p) => p.byDay)),
    byItem: mergeCounts(parts.map((p) => p.byItem)),
    byDepartment: mergeCounts(parts.map((p) => p.byDepartment)),
    byWindow: mergeCounts(parts.map((p) => p.byWindow)),
    byPerson: mergeCounts(parts.map((p) => p.byPerson)),
  };
}

async function receivedInSlice(
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
  /** The hall of an item (an item belongs to one hall), for naming it among many halls. */
  hallId?: string;
}

export interface FinishedCounts {
  /** Per China day of the completion. */
  byDay: FinishedCount[];
  byItem: FinishedCount[];
  /** Only when asked for (it joins the steps). */
  byDepartment: FinishedCount[];
  byWindow: FinishedCount[];
  /** The first owner (首问负责人), else the receiving clerk. */
  byPerson: FinishedCount[];
  byHall: FinishedCount[];
}

type Cell = {
  day: string;
  hall: string;
  item: string;
  itemName: string;
  window: string | null;
  person: string;
  personName: string | null;
};

/**
 * Cases whose first completion lies in [fromMs, toMs), counted per China day of completion, item, window, person
 * and (with `withDepartments`) department, with how many of them were on time: completed on or before the stored
 * deadline day (a case without a deadline is late), as domain/supervision `isOnTime` says. The period's completions
 * are read once, grouped by (day, item, window, person) — a month of a big hall is a few thousand such cells — and
 * the cells are summed per dimension here; departments need the steps, a second read.
 */
export async function finishedCounts(
  db: Db,
  dialect: Dialect,
  hallIds: readonly string[],
  fromDay: string,
  toDay: string,
  withDepartments: boolean,
): Promise<FinishedCounts> {
  const parts: FinishedCounts[] = [];
  for (const slice of monthSlices(fromDay, toDay)) {
    const fromMs = chinaDayStart(slice.from);
    const toMs = chinaDayStart(slice.to) + 86_400_000;
    parts.push(await finishedInSlice(db, dialect, hallIds, fromMs, toMs, withDepartments));
    await letOthersIn();
  }
  return {
    byDay: mergeFinished(parts.map((p) => p.byDay)),
    byItem: mergeFinished(parts.map((p) => p.byItem)),
    byDepartment: mergeFinished(parts.map((p) => p.byDepartment)),
    byWindow: mergeFinished(parts.map((p) => p.byWindow)),
    byPerson: mergeFinished(parts.map((p) => p.byPerson)),
    byHall: mergeFinished(parts.map((p) => p.byHall)),
  };
}

async function finishedInSlice(
  db: Db,
  dialect: Dialect,
  hallIds: readonly string[],
  fromMs: number,
  toMs: number,
  withDepartments: boolean,
): Promise<FinishedCounts> {
  const day = chinaDayOfMs(dialect, sql.ref('c.completed_at'));
  const finished = firstCompletions(db, hallIds, fromMs, toMs)
    .select(['c.id', 'c.hall_id', 'c.item_id', 'c.item_name', 'c.window_id'])
    .select([
      sql<string>`coalesce(c.first_owner_id, c.received_by)`.as('person_id'),
      sql<string>`coalesce(c.first_owner_name, c.received_by_name)`.as('person_name'),
      day.as('day'),
      sql<number>`case when c.deadline is not null and c.deadline >= ${day} then 1 else 0 end`.as('on_time'),
    ])
    .as('f');
  const [cells, departments] = await Promise.all([
    db
      .selectFrom(finished)
      .select(['f.day', 'f.hall_id', 'f.item_id', 'f.window_id', 'f.person_id'])
      .select([
        sql<string>`max(f.item_name)`.as('item_name'),
        sql<string | null>`max(f.person_name)`.as('person_name'),
        count.as('n'),
        sql<number | string>`sum(f.on_time)`.as('t'),
      ])
      .groupBy(['f.day', 'f.hall_id', 'f.item_id', 'f.window_id', 'f.person_id'])
      .execute(),
    withDepartments
      ? db
          .selectFrom(finished)
          .innerJoin('case_steps as s', 's.case_id', 'f.id')
          .select([
            's.department_id as key',
            sql<number | string>`count(distinct f.id)`.as('n'),
            sql<number | string>`count(distinct case when f.on_time = 1 then f.id end)`.as('t'),
          ])
          .where('s.department_id', 'is not', null)
          .groupBy('s.department_id')
          .execute()
      : Promise.resolve([]),
  ]);
  const sum = (keyOf: (c: Cell) => string | null, nameOf: (c: Cell) => string | null = () => null) => {
    const out = new Map<string, FinishedCount>();
    for (const r of cells) {
      const cell: Cell = {
        day: r.day,
        hall: r.hall_id,
        item: r.item_id,
        itemName: r.item_name,
        window: r.window_id,
        person: r.person_id,
        personName: r.person_name,
      };
      const key = keyOf(cell);
      if (key === null) continue;
      const g = out.get(key) ?? { key, name: nameOf(cell), finished: 0, onTime: 0, hallId: cell.hall };
      g.finished += Number(r.n);
      g.onTime += Number(r.t ?? 0);
      out.set(key, g);
    }
    return [...out.values()];
  };
  return {
    byDay: sum((c) => c.day),
    byItem: sum(
      (c) => c.item,
      (c) => c.itemName,
    ),
    byDepartment: departments
      .filter((r) => r.key !== null)
      .map((r) => ({ key: r.key!, name: null, finished: Number(r.n), onTime: Number(r.t ?? 0) })),
    byWindow: sum((c) => c.window),
    byPerson: sum(
      (c) => c.person,
      (c) => c.personName,
    ),
    byHall: sum((c) => c.hall),
  };
}

/*
 * 考核 card lists: the case core's records of a hall and period counted per person and window, the same records the
 * card's drill-down lists one by one (board-repository.ts); a list of a month's cards needs only these counts.
 */

/** Cases accepted on the days [fromDay, toDay], per receiving clerk and window. */
export const receivedTotals = (db: Db, hallId: string, fromDay: string, toDay: string) =>
  db
    .selectFrom('cases')
    .select(['received_by', 'window_id', count.as('n')])
    .where('hall_id', '=', hallId)
    .where('accepted_day', '>=', fromDay)
    .where('accepted_day', '<=', toDay)
    .groupBy(['received_by', 'window_id'])
    .execute();

/**
 * First completions in [fromMs, toMs), per person (first owner, else the receiving clerk), window, acceptance day,
 * China day of completion and on time or not: the handling time in working days is worked out per (acceptance day,
 * completion day) on the hall's calendar in code.
 */
export const finishedTotals = (db: Db, dialect: Dialect, hallId: string, fromMs: number, toMs: number) => {
  const day = chinaDayOfMs(dialect, sql.ref('c.completed_at'));
  const finished = firstCompletions(db, [hallId], fromMs, toMs)
    .select(['c.window_id', 'c.accepted_day'])
    .select([
      sql<string>`coalesce(c.first_owner_id, c.received_by)`.as('person_id'),
      day.as('day'),
      sql<number>`case when c.deadline is not null and c.deadline >= ${day} then 1 else 0 end`.as('on_time'),
    ])
    .as('f');
  return db
    .selectFrom(finished)
    .select(['f.person_id', 'f.window_id', 'f.accepted_day', 'f.day', 'f.on_time', count.as('n')])
    .groupBy(['f.person_id', 'f.window_id', 'f.accepted_day', 'f.day', 'f.on_time'])
    .execute();
};

/** Review decisions in [fromMs, toMs), per person of the case (first owner, else the receiving clerk), window, action. */
export const reviewTotals = (db: Db, hallId: string, fromMs: number, toMs: number) =>
  reviewDecisionsOf(db, hallId, fromMs, toMs)
    .select([
      sql<string>`coalesce(c.first_owner_id, c.received_by)`.as('person_id'),
      'c.window_id',
      'e.action',
      count.as('n'),
    ])
    .groupBy([sql`coalesce(c.first_owner_id, c.received_by)`, 'c.window_id', 'e.action'])
    .execute();

/** Back-office steps finished on the days [fromDay, toDay], per person who finished them. */
export const finishedStepTotals = (db: Db, hallId: string, fromDay: string, toDay: string) =>
  finishedStepsOf(db, hallId, fromDay, toDay)
    .select(['s.assignee_id', count.as('n')])
    .groupBy('s.assignee_id')
    .execute();
