import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ComplaintStepTable, ComplaintTable, ObjectionTable } from '../../platform/db/tables-complaints.ts';

export type ComplaintRow = ComplaintTable;
export type ObjectionRow = ObjectionTable;

export const insertComplaint = (db: Db, row: ComplaintTable) => db.insertInto('complaints').values(row).execute();

export const findComplaint = (db: Db, id: string) =>
  db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();

export const findComplaintByNumber = (db: Db, number: string) =>
  db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirst();

/** An update guarded by the state it was read in; 0 rows means someone else moved it first. */
export async function updateComplaintFrom(db: Db, id: string, state: string, patch: Partial<ComplaintTable>) {
  const r = await db
    .updateTable('complaints')
    .set(patch)
    .where('id', '=', id)
    .where('state', '=', state)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const countComplaintsOfYear = async (db: Db, prefix: string) =>
  Number(
    (
      await db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('number', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Appends a step after the complaint's last one (the unique (complaint, seq) index refuses a lost race). */
export async function insertStep(db: Db, row: Omit<ComplaintStepTable, 'seq'>) {
  const last = await db
    .selectFrom('complaint_steps')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('complaint_id', '=', row.complaint_id)
    .executeTakeFirst();
  await db
    .insertInto('complaint_steps')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export const stepsOf = (db: Db, complaintId: string) =>
  db.selectFrom('complaint_steps').selectAll().where('complaint_id', '=', complaintId).orderBy('seq').execute();

export function listComplaints(
  db: Db,
  f: { hallIds: string[]; state?: string; kind?: string; caseIds?: string[]; restricted: boolean },
) {
  let q = db
    .selectFrom('complaints')
    .selectAll()
    .where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.caseIds) q = q.where('case_id', 'in', f.caseIds.length ? f.caseIds : ['']);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.kind) q = q.where('kind', '=', f.kind);
  // Reports about staff stay out of the lists of those who do not supervise.
  if (!f.restricted) q = q.where((eb) => eb.or([eb('kind', '=', 'complaint'), eb('staff_user_id', 'is', null)]));
  return q.orderBy('due_day').orderBy('created_at').limit(500).execute();
}

/** Still being handled: the progress-notice sweep reads these. */
export const openComplaints = (db: Db) =>
  db
    .selectFrom('complaints')
    .selectAll()
    .where('state', 'in', ['open', 'handling'])
    .whereRef('progress_noticed_round', '<', 'round')
    .limit(2000)
    .execute();

export const complaintsForAnalysis = (db: Db, hallIds: string[], from?: string, to?: string) => {
  let q = db
    .selectFrom('complaints')
    .selectAll()
    .where('hall_id', 'in', hallIds.length ? hallIds : ['']);
  if (from) q = q.where('month', '>=', from);
  if (to) q = q.where('month', '<=', to);
  return q.limit(20000).execute();
};

export const typeDays = (db: Db, hallId: string) =>
  db.selectFrom('complaint_type_days').selectAll().where('hall_id', '=', hallId).execute();

export async function saveTypeDays(db: Db, hallId: string, category: string, days: number, now: number) {
  await db
    .insertInto('complaint_type_days')
    .values({ hall_id: hallId, category, days, updated_at: now })
    .onConflict((oc) => oc.columns(['hall_id', 'category']).doUpdateSet({ days, updated_at: now }))
    .execute();
}

export const insertObjection = (db: Db, row: ObjectionTable) => db.insertInto('objections').values(row).execute();

export const findObjection = (db: Db, id: string) =>
  db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst();

export const objectionsOfCase = (db: Db, caseId: string) =>
  db.selectFrom('objections').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const openObjectionOfCase = (db: Db, caseId: string, kind: string) =>
  db
    .selectFrom('objections')
    .select('id')
    .where('case_id', '=', caseId)
    .where('decision_kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();

export function listObjections(db: Db, f: { hallIds: string[]; status?: string }) {
  let q = db
    .selectFrom('objections')
    .selectAll()
    .where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('status', 'desc').orderBy('due_day').orderBy('created_at').limit(500).execute();
}

export async function answerObjection(db: Db, id: string, patch: Partial<ObjectionTable>) {
  const r = await db
    .updateTable('objections')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** 统计分析: the category of each complaint or report of these halls received on the days [from, to]. */
export const categoriesReceivedBetween = (db: Db, hallIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('complaints')
    .select(['category'])
    // For the statistics drill-down's list of the complaints behind a figure.
    .select(['id', 'number', 'kind', 'state', 'received_day', 'due_day', 'case_no'])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('received_day', '>=', from)
    .where('received_day', '<=', to)
    .execute();

/** 统计分析: how many complaints and reports of each category these halls received on the days [from, to]. */
export const categoryCountsBetween = (db: Db, hallIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('complaints')
    .select(['category', sql<number | string>`count(*)`.as('n')])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('received_day', '>=', from)
    .where('received_day', '<=', to)
    .groupBy('category')
    .execute();

/**
 * 考核: complaints received on the days [from, to] that were upheld — investigated and replied with a rectification
 * (整改措施); a report (举报) or a complaint replied without one is not counted against anyone.
 */
export const upheldComplaintsBetween = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('complaints')
    .select(['id', 'number', 'received_day', 'category', 'staff_user_id', 'window_id', 'department_id'])
    .where('hall_id', '=', hallId)
    .where('kind', '=', 'complaint')
    .where('received_day', '>=', from)
    .where('received_day', '<=', to)
    .where('state', 'in', ['replied', 'closed'])
    .where('rectification', 'is not', null)
    .where('rectification', '<>', '')
    .execute();
