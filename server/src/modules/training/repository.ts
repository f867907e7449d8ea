import type { Db } from '../../platform/db/database.ts';
import type {
  IndividualTrainingPlanTable,
  TrainingPlanTable,
  TrainingRecordTable,
  TrainingSessionTable,
} from '../../platform/db/tables-people.ts';

export type PlanRow = TrainingPlanTable;
export type SessionRow = TrainingSessionTable;
export type RecordRow = TrainingRecordTable;
export type IndividualPlanRow = IndividualTrainingPlanTable;

const none = (ids: string[]) => (ids.length ? ids : ['']);

export const insertPlan = (db: Db, row: PlanRow) => db.insertInto('training_plans').values(row).execute();
export const findPlan = (db: Db, id: string) =>
  db.selectFrom('training_plans').selectAll().where('id', '=', id).executeTakeFirst();

export async function listPlans(db: Db, f: { hallIds: string[]; year?: number; limit: number; offset: number }) {
  let q = db.selectFrom('training_plans').where('hall_id', 'in', none(f.hallIds));
  if (f.year) q = q.where('year', '=', f.year);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('year', 'desc').orderBy('created_at', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const insertSession = (db: Db, row: SessionRow) => db.insertInto('training_sessions').values(row).execute();
export const findSession = (db: Db, id: string) =>
  db.selectFrom('training_sessions').selectAll().where('id', '=', id).executeTakeFirst();
export const sessionsOfPlans = (db: Db, planIds: string[]) =>
  db
    .selectFrom('training_sessions')
    .selectAll()
    .where('plan_id', 'in', none(planIds))
    .orderBy('day')
    .orderBy('id')
    .execute();

export const recordsOfSessions = (db: Db, sessionIds: string[]) =>
  db.selectFrom('training_records').selectAll().where('session_id', 'in', none(sessionIds)).execute();

export const findRecord = (db: Db, sessionId: string, userId: string) =>
  db
    .selectFrom('training_records')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const insertRecord = (db: Db, row: RecordRow) => db.insertInto('training_records').values(row).execute();
export const updateRecord = (db: Db, id: string, patch: Partial<RecordRow>) =>
  db.updateTable('training_records').set(patch).where('id', '=', id).execute();

/** Every training record of some people, newest first (their own page and the staff file). */
export const recordsOfUsers = (db: Db, userIds: string[]) =>
  db
    .selectFrom('training_records as r')
    .leftJoin('training_plans as p', 'p.id', 'r.plan_id')
    .leftJoin('training_sessions as s', 's.id', 'r.session_id')
    .selectAll('r')
    .select(['p.title as plan_title', 'p.kind as plan_kind', 's.place as session_place', 's.trainer as trainer'])
    .where('r.user_id', 'in', none(userIds))
    .orderBy('r.day', 'desc')
    .orderBy('r.id', 'desc')
    .execute();

/** The subjects a person has passed (the post check). */
export const passedSubjects = (db: Db, userId: string) =>
  db
    .selectFrom('training_records')
    .select('subject')
    .distinct()
    .where('user_id', '=', userId)
    .where('passed', '=', 1)
    .execute();

export const insertIndividualPlan = (db: Db, row: IndividualPlanRow) =>
  db.insertInto('individual_training_plans').values(row).execute();
export const findIndividualPlan = (db: Db, id: string) =>
  db.selectFrom('individual_training_plans').selectAll().where('id', '=', id).executeTakeFirst();

export async function listIndividualPlans(db: Db, f: { hallIds: string[]; userId?: string; status?: string }) {
  let q = db.selectFrom('individual_training_plans').selectAll().where('hall_id', 'in', none(f.hallIds));
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('status', 'desc').orderBy('due_day').orderBy('id').limit(500).execute();
}

export const individualPlansOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('individual_training_plans')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('due_day')
    .orderBy('id')
    .execute();

/** Closes an open individual plan; the row count says whether this call closed it. */
export async function closeIndividualPlan(db: Db, id: string, at: number, note: string) {
  const r = await db
    .updateTable('individual_training_plans')
    .set({ status: 'done', done_at: at, done_note: note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** 考核: the training attended on the days [from, to] by these people (any hall's course counts for the person). */
export const attendedBetween = (db: Db, userIds: string[], from: string, to: string) =>
  db
    .selectFrom('training_records')
    .select(['id', 'user_id', 'subject', 'day', 'minutes'])
    .where('user_id', 'in', none(userIds))
    .where('attended', '=', 1)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
