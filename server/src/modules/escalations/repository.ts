import type { Db } from '../../platform/db/database.ts';
import type { CaseEscalationTable } from '../../platform/db/tables-case-support.ts';

export type EscalationRow = CaseEscalationTable;

export const insertEscalation = (db: Db, row: EscalationRow) => db.insertInto('case_escalations').values(row).execute();

export const findEscalation = (db: Db, id: string) =>
  db.selectFrom('case_escalations').selectAll().where('id', '=', id).executeTakeFirst();

/** In order raised; a referral made in the same instant as its escalation sorts after it (level descending). */
export const escalationsOfCase = (db: Db, caseId: string) =>
  db
    .selectFrom('case_escalations')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('raised_at')
    .orderBy('level', 'desc')
    .orderBy('id')
    .execute();

export const openEscalationOfCase = (db: Db, caseId: string) =>
  db
    .selectFrom('case_escalations')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** Decides an escalation only if it is still open: the row count says whether this decision was the first. */
export async function decideFrom(
  db: Db,
  id: string,
  patch: Pick<EscalationRow, 'decision' | 'note' | 'decided_by' | 'decided_by_name' | 'decided_at'>,
) {
  const res = await db
    .updateTable('case_escalations')
    .set({ ...patch, status: 'decided' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Open escalations of the halls, oldest first. */
export function openEscalations(db: Db, hallIds: string[], levels: string[]) {
  return db
    .selectFrom('case_escalations')
    .selectAll()
    .where('hall_id', 'in', hallIds.length ? hallIds : [''])
    .where('level', 'in', levels.length ? levels : [''])
    .where('status', '=', 'open')
    .orderBy('raised_at')
    .orderBy('id')
    .execute();
}
