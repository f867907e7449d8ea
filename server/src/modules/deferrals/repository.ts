import type { Db } from '../../platform/db/database.ts';
import type { DeferredArrivalTable } from '../../platform/db/tables-case-support.ts';

export type ArrivalRow = DeferredArrivalTable;

export const arrivalsOf = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('deferred_arrivals')
    .selectAll()
    .where('case_id', 'in', caseIds.length ? caseIds : [''])
    .orderBy('arrived_at')
    .execute();

export const insertArrival = (db: Db, row: ArrivalRow) => db.insertInto('deferred_arrivals').values(row).execute();
