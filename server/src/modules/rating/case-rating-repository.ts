import type { Db } from '../../platform/db/database.ts';
import type {
  CaseRatingAppealTable,
  CaseRatingEvidenceTable,
  CaseRatingInvitationTable,
  CaseRatingSuggestionTable,
  CaseRatingTable,
  CaseRatingTaskEventTable,
  CaseRatingTaskTable,
} from '../../platform/db/tables-ratings.ts';

export type InvitationRow = CaseRatingInvitationTable;
export type CaseRatingRow = CaseRatingTable;
export type TaskRow = CaseRatingTaskTable;

export const insertInvitation = (db: Db, row: CaseRatingInvitationTable) =>
  db
    .insertInto('case_rating_invitations')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();

export const invitationOfCase = (db: Db, caseId: string) =>
  db.selectFrom('case_rating_invitations').selectAll().where('case_id', '=', caseId).executeTakeFirst();

export const invitationByToken = (db: Db, hash: string) =>
  db
    .selectFrom('case_rating_invitations')
    .selectAll()
    .where((eb) => eb.or([eb('token_hash', '=', hash), eb('rerate_token_hash', '=', hash)]))
    .executeTakeFirst();

export const invitationsOf = (db: Db, caseIds: string[]) =>
  caseIds.length
    ? db.selectFrom('case_rating_invitations').selectAll().where('case_id', 'in', caseIds).execute()
    : Promise.resolve([]);

export const setRerateToken = (db: Db, caseId: string, hash: string) =>
  db.updateTable('case_rating_invitations').set({ rerate_token_hash: hash }).where('case_id', '=', caseId).execute();

export const insertCaseRating = (db: Db, row: CaseRatingTable) => db.insertInto('case_ratings').values(row).execute();

export const ratingsOfCase = (db: Db, caseId: string) =>
  db.selectFrom('case_ratings').selectAll().where('case_id', '=', caseId).orderBy('round').execute();

export const findCaseRating = (db: Db, id: string) =>
  db.selectFrom('case_ratings').selectAll().where('id', '=', id).executeTakeFirst();

export const caseRatingsByIds = (db: Db, ids: string[]) =>
  ids.length ? db.selectFrom('case_ratings').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

export const excludeRating = (db: Db, id: string) =>
  db.updateTable('case_ratings').set({ excluded: 1 }).where('id', '=', id).execute();

export function caseRatingsIn(db: Db, f: { hallIds: string[]; staffUserId?: string }) {
  let q = db
    .selectFrom('case_ratings')
    .selectAll()
    .where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.staffUserId) q = q.where('staff_user_id', '=', f.staffUserId);
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

export const insertTask = (db: Db, row: CaseRatingTaskTable) =>
  db.insertInto('case_rating_tasks').values(row).execute();

export const findTask = (db: Db, id: string) =>
  db.selectFrom('case_rating_tasks').selectAll().where('id', '=', id).executeTakeFirst();

export const taskOfCase = (db: Db, caseId: string) =>
  db.selectFrom('case_rating_tasks').selectAll().where('case_id', '=', caseId).executeTakeFirst();

/** Moves a task only from the stage it was read in: a concurrent move makes this update nothing. */
export async function updateTaskFrom(db: Db, id: string, stage: string, updatedAt: number, patch: Partial<TaskRow>) {
  const r = await db
    .updateTable('case_rating_tasks')
    .set(patch)
    .where('id', '=', id)
    .where('stage', '=', stage)
    .where('updated_at', '=', updatedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function tasksIn(db: Db, f: { hallIds: string[]; stage?: string; ids?: string[] }) {
  let q = db
    .selectFrom('case_rating_tasks')
    .selectAll()
    .where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.stage === 'open') q = q.where('stage', '!=', 'closed');
  else if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : ['']);
  return q.orderBy('due_day').orderBy('created_at').limit(500).execute();
}

export async function insertTaskEvent(db: Db, row: Omit<CaseRatingTaskEventTable, 'seq'>) {
  const last = await db
    .selectFrom('case_rating_task_events')
    .select((eb) => eb.fn.max<number>('seq').as('seq'))
    .where('task_id', '=', row.task_id)
    .executeTakeFirst();
  await db
    .insertInto('case_rating_task_events')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export const eventsOfTasks = (db: Db, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('case_rating_task_events')
        .selectAll()
        .where('task_id', 'in', ids)
        .orderBy('task_id')
        .orderBy('seq')
        .execute()
    : Promise.resolve([]);

export const insertEvidence = (db: Db, row: CaseRatingEvidenceTable) =>
  db
    .insertInto('case_rating_evidence')
    .values(row)
    .onConflict((oc) => oc.columns(['task_id', 'sha256']).doNothing())
    .executeTakeFirst();

export const evidenceOfTasks = (db: Db, ids: string[]) =>
  ids.length
    ? db.selectFrom('case_rating_evidence').selectAll().where('task_id', 'in', ids).orderBy('at').execute()
    : Promise.resolve([]);

export const findEvidence = (db: Db, taskId: string, id: string) =>
  db
    .selectFrom('case_rating_evidence')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertAppeal = (db: Db, row: CaseRatingAppealTable) =>
  db.insertInto('case_rating_appeals').values(row).execute();

export const findAppeal = (db: Db, id: string) =>
  db.selectFrom('case_rating_appeals').selectAll().where('id', '=', id).executeTakeFirst();

export const appealsOfRatings = (db: Db, ratingIds: string[]) =>
  ratingIds.length
    ? db.selectFrom('case_rating_appeals').selectAll().where('rating_id', 'in', ratingIds).execute()
    : Promise.resolve([]);

export async function decideAppealFrom(db: Db, id: string, patch: Partial<CaseRatingAppealTable>) {
  const r = await db
    .updateTable('case_rating_appeals')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function appealsIn(db: Db, f: { hallIds: string[]; status?: string }) {
  let q = db
    .selectFrom('case_rating_appeals')
    .selectAll()
    .where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('created_at').limit(500).execute();
}

export const insertSuggestion = (db: Db, row: CaseRatingSuggestionTable) =>
  db.insertInto('case_rating_suggestions').values(row).execute();

export const findSuggestion = (db: Db, id: string) =>
  db.selectFrom('case_rating_suggestions').selectAll().where('id', '=', id).executeTakeFirst();

export const updateSuggestion = (db: Db, id: string, patch: Partial<CaseRatingSuggestionTable>) =>
  db.updateTable('case_rating_suggestions').set(patch).where('id', '=', id).execute();

export function suggestionsIn(db: Db, f: { hallIds: string[]; status?: string }) {
  let q = db
    .selectFrom('case_rating_suggestions')
    .selectAll()
    .where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.status === 'unanswered') q = q.where('status', '!=', 'answered');
  else if (f.status) q = q.where('status', '=', f.status);
  // Oldest first: the list is read by age.
  return q.orderBy('created_at').limit(500).execute();
}
