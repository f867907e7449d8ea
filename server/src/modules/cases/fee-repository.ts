/** 收费 and 补录: the fee ledger of a case and the paper receipt of a back-entered case, owned by the case core. */
import type { Db } from '../../platform/db/database.ts';
import type { CaseBackEntryTable, CaseFeeEntryTable } from '../../platform/db/tables-emergency.ts';

export type FeeEntryRow = CaseFeeEntryTable;
export type BackEntryRow = CaseBackEntryTable;

export const insertFeeEntry = (db: Db, row: FeeEntryRow) => db.insertInto('case_fee_entries').values(row).execute();

export const feeEntriesOf = (db: Db, caseId: string) =>
  db.selectFrom('case_fee_entries').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();

export const findFeeEntry = (db: Db, id: string) =>
  db.selectFrom('case_fee_entries').selectAll().where('id', '=', id).executeTakeFirst();

/** Settles a waiting refund once: the update is guarded by status = 'requested'. */
export async function decideRefund(
  db: Db,
  id: string,
  patch: Pick<FeeEntryRow, 'status' | 'day' | 'decided_at' | 'decided_by_name'>,
): Promise<boolean> {
  const r = await db
    .updateTable('case_fee_entries')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const feeEntriesOfDay = (db: Db, hallId: string, day: string) =>
  db
    .selectFrom('case_fee_entries')
    .innerJoin('cases', 'cases.id', 'case_fee_entries.case_id')
    .selectAll('case_fee_entries')
    .select(['cases.case_no', 'cases.item_name'])
    .where('case_fee_entries.hall_id', '=', hallId)
    .where('case_fee_entries.day', '=', day)
    .orderBy('case_fee_entries.at')
    .execute();

export const refundsWaiting = (db: Db, hallIds: string[]) =>
  hallIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_fee_entries')
        .innerJoin('cases', 'cases.id', 'case_fee_entries.case_id')
        .selectAll('case_fee_entries')
        .select(['cases.case_no', 'cases.item_name'])
        .where('case_fee_entries.hall_id', 'in', hallIds)
        .where('case_fee_entries.status', '=', 'requested')
        .orderBy('case_fee_entries.at')
        .limit(200)
        .execute();

export const insertBackEntry = (db: Db, row: BackEntryRow) => db.insertInto('case_back_entries').values(row).execute();

export const findBackEntry = (db: Db, caseId: string) =>
  db.selectFrom('case_back_entries').selectAll().where('case_id', '=', caseId).executeTakeFirst();

export const findBackEntryByPaperNo = (db: Db, hallId: string, paperReceiptNo: string) =>
  db
    .selectFrom('case_back_entries')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('paper_receipt_no', '=', paperReceiptNo)
    .executeTakeFirst();
