/** 县乡联办: the record of a county case received at a township station, owned by the case core like every case table. */
import type { Db } from '../../platform/db/database.ts';
import type { CaseTownshipReceptionTable } from '../../platform/db/tables-township.ts';

export type TownshipRow = CaseTownshipReceptionTable;

export const insertTownshipReception = (db: Db, row: TownshipRow) =>
  db.insertInto('case_township_receptions').values(row).execute();

export const findTownshipReception = (db: Db, caseId: string) =>
  db.selectFrom('case_township_receptions').selectAll().where('case_id', '=', caseId).executeTakeFirst();

export const findTownshipReceptionByNo = (db: Db, caseNo: string) =>
  db.selectFrom('case_township_receptions').selectAll().where('case_no', '=', caseNo).executeTakeFirst();

export const receptionsOfCases = (db: Db, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([] as TownshipRow[])
    : db.selectFrom('case_township_receptions').selectAll().where('case_id', 'in', caseIds).execute();

export const receptionsOfStations = (db: Db, stationHallIds: string[], limit: number, offset: number) =>
  stationHallIds.length === 0
    ? Promise.resolve([] as TownshipRow[])
    : db
        .selectFrom('case_township_receptions')
        .selectAll()
        .where('station_hall_id', 'in', stationHallIds)
        .orderBy('received_at', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();

export async function countOfStations(db: Db, stationHallIds: string[]): Promise<number> {
  if (stationHallIds.length === 0) return 0;
  const r = await db
    .selectFrom('case_township_receptions')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('station_hall_id', 'in', stationHallIds)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The hand-over is recorded once: the update is guarded by the row still having none. */
export async function recordHandOver(
  db: Db,
  caseId: string,
  patch: Pick<TownshipRow, 'handed_over_at' | 'handed_over_hall_id' | 'handed_over_by_name'>,
): Promise<boolean> {
  const r = await db
    .updateTable('case_township_receptions')
    .set(patch)
    .where('case_id', '=', caseId)
    .where('handed_over_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** 县乡联办: where the applicant of a case received at a township station chose to receive the result. */
export const townshipPickupOf = (db: Db, caseId: string) =>
  db
    .selectFrom('case_township_receptions')
    .select(['station_hall_id', 'pickup'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
