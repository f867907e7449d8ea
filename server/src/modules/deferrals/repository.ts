import type { Db } from '../../platform/db/database.ts';
import type { DeferredArrivalTable } from '../../platform/db/tables-case-support.ts';

export type ArrivalRow = DeferredArrivalTable;

/** What the deferral rules read of a case row (written by 容缺受理 at acceptance); read-only here. */
export const deferralOfCase = (db: Db, caseId: string) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'hall_id',
      'state',
      'case_no',
      'item_name',
      'item_id',
      'item_version',
      'deferred_items',
      'deferred_deadline',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
export type DeferralCase = NonNullable<Awaited<ReturnType<typeof deferralOfCase>>>;

export const arrivalsOf = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('deferred_arrivals')
    .selectAll()
    .where('case_id', 'in', caseIds.length ? caseIds : [''])
    .orderBy('arrived_at')
    .execute();

export const insertArrival = (db: Db, row: ArrivalRow) => db.insertInto('deferred_arrivals').values(row).execute();

/** Open deferred cases of the halls whose promised day is before `today` (candidates for the board). */
export const lapsedDeferrals = (db: Db, hallIds: string[], today: string, openStates: readonly string[]) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'hall_id',
      'state',
      'case_no',
      'item_name',
      'item_id',
      'item_version',
      'deferred_items',
      'deferred_deadline',
    ])
    .where('hall_id', 'in', hallIds.length ? hallIds : [''])
    .where('deferred_items', 'is not', null)
    .where('deferred_deadline', '<', today)
    .where('state', 'in', [...openStates])
    .orderBy('deferred_deadline')
    .orderBy('id')
    .execute();
