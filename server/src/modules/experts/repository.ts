import type { Db } from '../../platform/db/database.ts';
import type { ExpertConsultationTable } from '../../platform/db/tables-case-support.ts';

export type ConsultationRow = ExpertConsultationTable;

export const insertConsultation = (db: Db, row: ConsultationRow) =>
  db.insertInto('expert_consultations').values(row).execute();

export const findConsultation = (db: Db, id: string) =>
  db.selectFrom('expert_consultations').selectAll().where('id', '=', id).executeTakeFirst();

export const consultationsOfCase = (db: Db, caseId: string) =>
  db
    .selectFrom('expert_consultations')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();

/** Records the opinion only if none is recorded yet: the row count says whether this one was first. */
export async function answerFrom(
  db: Db,
  id: string,
  patch: Pick<ConsultationRow, 'opinion' | 'opinion_by_name' | 'opinion_at' | 'opinion_day'>,
) {
  const res = await db
    .updateTable('expert_consultations')
    .set({ ...patch, status: 'answered' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Open consultations of the halls, earliest due first. */
export function openConsultations(db: Db, hallIds: string[], expertUserId?: string) {
  let q = db
    .selectFrom('expert_consultations')
    .selectAll()
    .where('hall_id', 'in', hallIds.length ? hallIds : [''])
    .where('status', '=', 'open');
  if (expertUserId) q = q.where('expert_user_id', '=', expertUserId);
  return q.orderBy('due_day').orderBy('id').execute();
}

/** Active staff accounts of a hall, who may be called in as internal experts. */
export function hallStaff(db: Db, hallId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_halls as h', 'h.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'u.username'])
    .where('h.hall_id', '=', hallId)
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();
}
