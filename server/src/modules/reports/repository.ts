import type { Db } from '../../platform/db/database.ts';
import type {
  HandedDownTaskEventTable,
  HandedDownTaskTable,
  PeriodicReportTable,
  ReportSubmissionTable,
} from '../../platform/db/tables-reports.ts';

export type ReportRow = PeriodicReportTable;
export type SubmissionRow = ReportSubmissionTable;
export type TaskRow = HandedDownTaskTable;
export type TaskEventRow = HandedDownTaskEventTable;

const none = (ids: string[]) => (ids.length ? ids : ['']);

export const insertReport = (db: Db, row: ReportRow) => db.insertInto('periodic_reports').values(row).execute();
export const findReport = (db: Db, id: string) =>
  db.selectFrom('periodic_reports').selectAll().where('id', '=', id).executeTakeFirst();

/** The newest version of a hall's report of a kind and period (null: none yet). */
export async function latestVersion(db: Db, hallId: string, kind: string, period: string) {
  const r = await db
    .selectFrom('periodic_reports')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('hall_id', '=', hallId)
    .where('kind', '=', kind)
    .where('period', '=', period)
    .executeTakeFirst();
  return r?.v === null || r?.v === undefined ? null : Number(r.v);
}

export function listReports(db: Db, f: { hallIds: string[]; kind?: string }) {
  let q = db.selectFrom('periodic_reports').selectAll().where('hall_id', 'in', none(f.hallIds));
  if (f.kind) q = q.where('kind', '=', f.kind);
  return q.orderBy('period_to', 'desc').orderBy('kind').orderBy('version', 'desc').limit(500).execute();
}

export const setNextSteps = (
  db: Db,
  id: string,
  set: { next_steps: string; pdf_sha256: string; xlsx_sha256: string; updated_at: number },
) => db.updateTable('periodic_reports').set(set).where('id', '=', id).executeTakeFirst();

export const insertSubmission = (db: Db, row: SubmissionRow) =>
  db.insertInto('report_submissions').values(row).execute();
export const findSubmission = (db: Db, id: string) =>
  db.selectFrom('report_submissions').selectAll().where('id', '=', id).executeTakeFirst();
export const submissionsOf = (db: Db, f: { hallIds?: string[]; reportIds?: string[] }) => {
  let q = db.selectFrom('report_submissions').selectAll();
  if (f.hallIds) q = q.where('hall_id', 'in', none(f.hallIds));
  if (f.reportIds) q = q.where('report_id', 'in', none(f.reportIds));
  return q.orderBy('sent_day', 'desc').orderBy('created_at', 'desc').limit(2000).execute();
};
export const reportsByIds = (db: Db, ids: string[]) =>
  db.selectFrom('periodic_reports').select(['id', 'title', 'version']).where('id', 'in', none(ids)).execute();

export const insertTask = (db: Db, row: TaskRow) => db.insertInto('handed_down_tasks').values(row).execute();
export const findTask = (db: Db, id: string) =>
  db.selectFrom('handed_down_tasks').selectAll().where('id', '=', id).executeTakeFirst();
export function listTasks(db: Db, f: { hallIds: string[]; ownerId?: string; status?: string; dueBefore?: string }) {
  let q = db.selectFrom('handed_down_tasks').selectAll().where('hall_id', 'in', none(f.hallIds));
  if (f.ownerId) q = q.where('owner_id', '=', f.ownerId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.dueBefore) q = q.where('due_day', '<', f.dueBefore);
  return q.orderBy('status', 'desc').orderBy('due_day').orderBy('created_at').limit(1000).execute();
}
/** An update guarded by the `updated_at` it was read with: the row count says whether this call won. */
export async function updateTaskFrom(db: Db, id: string, updatedAt: number, set: Partial<TaskRow>) {
  const r = await db
    .updateTable('handed_down_tasks')
    .set(set)
    .where('id', '=', id)
    .where('updated_at', '=', updatedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export const insertTaskEvent = (db: Db, row: TaskEventRow) =>
  db.insertInto('handed_down_task_events').values(row).execute();
export const taskEventsOf = (db: Db, taskIds: string[]) =>
  db
    .selectFrom('handed_down_task_events')
    .selectAll()
    .where('task_id', 'in', none(taskIds))
    .orderBy('task_id')
    .orderBy('seq')
    .execute();
export async function nextEventSeq(db: Db, taskId: string) {
  const r = await db
    .selectFrom('handed_down_task_events')
    .select((eb) => eb.fn.max('seq').as('s'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return Number(r?.s ?? 0) + 1;
}
