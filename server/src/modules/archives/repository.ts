/** The only SQL of the archive: scheme, files, their trail, loans and disposals. */
import type { Expression, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  ArchiveCategoryTable,
  ArchiveDisposalTable,
  ArchiveEventTable,
  ArchiveFileTable,
  ArchiveLoanTable,
} from '../../platform/db/tables-archives.ts';

export type FileRow = Selectable<ArchiveFileTable>;
export type LoanRow = Selectable<ArchiveLoanTable>;
export type DisposalRow = Selectable<ArchiveDisposalTable>;
export type CategoryRow = Selectable<ArchiveCategoryTable>;

export const categoriesOf = (db: Db, hallId: string) =>
  db.selectFrom('archive_categories').selectAll().where('hall_id', '=', hallId).orderBy('code').execute();

export async function upsertCategory(db: Db, row: ArchiveCategoryTable) {
  await db
    .insertInto('archive_categories')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['hall_id', 'code']).doUpdateSet({
        name: row.name,
        outcome: row.outcome,
        item_id: row.item_id,
        paper_years: row.paper_years,
        electronic_years: row.electronic_years,
        confidentiality: row.confidentiality,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export const insertFile = (db: Db, row: ArchiveFileTable) => db.insertInto('archive_files').values(row).execute();
export const findFile = (db: Db, id: string) =>
  db.selectFrom('archive_files').selectAll().where('id', '=', id).executeTakeFirst();
export const fileOfCase = (db: Db, caseId: string) =>
  db.selectFrom('archive_files').selectAll().where('case_id', '=', caseId).executeTakeFirst();
/** The file of the case whose id `caseId` names: a correlated query for the case core's list of cases without one. */
export const fileOfCaseId = (db: Db) => (caseId: Expression<string>) =>
  db.selectFrom('archive_files').select('archive_files.id').where('archive_files.case_id', '=', caseId);

export interface FileFilter {
  hallIds: string[];
  archiveNo?: string;
  caseNo?: string;
  applicant?: string;
  applicantId?: string;
  item?: string;
  year?: number;
  status?: string;
  limit: number;
  offset: number;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchFiles(db: Db, f: FileFilter) {
  let q = db.selectFrom('archive_files').where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['-']);
  if (f.archiveNo) q = q.where('archive_no', 'like', like(f.archiveNo));
  if (f.caseNo) q = q.where('case_no', 'like', like(f.caseNo));
  if (f.applicant) q = q.where('applicant_name', 'like', like(f.applicant));
  if (f.applicantId) q = q.where('applicant_id', '=', f.applicantId);
  if (f.item) q = q.where('item_name', 'like', like(f.item));
  if (f.year) q = q.where('year', '=', f.year);
  if (f.status) q = q.where('status', '=', f.status);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('filed_at', 'desc').orderBy('archive_no', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function updateFileFrom(db: Db, id: string, from: string[], patch: Partial<ArchiveFileTable>) {
  const r = await db
    .updateTable('archive_files')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const filesPastRetention = (db: Db, hallIds: string[], today: string) =>
  db
    .selectFrom('archive_files')
    .selectAll()
    .where('hall_id', 'in', hallIds.length ? hallIds : ['-'])
    .where('paper_until', '<', today)
    .where('status', '=', 'held')
    .orderBy('paper_until')
    .limit(500)
    .execute();

export const filesByIds = (db: Db, ids: string[]) =>
  ids.length ? db.selectFrom('archive_files').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

export const insertEvent = (db: Db, row: ArchiveEventTable) => db.insertInto('archive_events').values(row).execute();
export const eventsOf = (db: Db, fileId: string) =>
  db.selectFrom('archive_events').selectAll().where('file_id', '=', fileId).orderBy('at').orderBy('id').execute();

export const insertLoan = (db: Db, row: ArchiveLoanTable) => db.insertInto('archive_loans').values(row).execute();
export const findLoan = (db: Db, id: string) =>
  db.selectFrom('archive_loans').selectAll().where('id', '=', id).executeTakeFirst();
export const loanByToken = (db: Db, token: string) =>
  db.selectFrom('archive_loans').selectAll().where('view_token', '=', token).executeTakeFirst();
export async function updateLoanFrom(db: Db, id: string, from: string, patch: Partial<ArchiveLoanTable>) {
  const r = await db
    .updateTable('archive_loans')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export const bumpReminders = (db: Db, id: string) =>
  db
    .updateTable('archive_loans')
    .set((eb) => ({ reminders: eb('reminders', '+', 1) }))
    .where('id', '=', id)
    .execute();

export async function loans(
  db: Db,
  f: {
    hallIds: string[];
    status?: string;
    fileId?: string;
    borrowerId?: string;
    dueBefore?: string;
    limit: number;
    offset: number;
  },
) {
  let q = db
    .selectFrom('archive_loans as l')
    .innerJoin('archive_files as f', 'f.id', 'l.file_id')
    .where('l.hall_id', 'in', f.hallIds.length ? f.hallIds : ['-']);
  if (f.status) q = q.where('l.status', '=', f.status);
  if (f.fileId) q = q.where('l.file_id', '=', f.fileId);
  if (f.borrowerId) q = q.where('l.borrower_id', '=', f.borrowerId);
  if (f.dueBefore) q = q.where('l.status', '=', 'lent').where('l.due_day', '<', f.dueBefore);
  const [rows, count] = await Promise.all([
    q
      .selectAll('l')
      .select(['f.archive_no', 'f.case_no', 'f.item_name', 'f.confidentiality'])
      .orderBy('l.requested_at', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
export type LoanListRow = Awaited<ReturnType<typeof loans>>['rows'][number];

export const insertDisposal = (db: Db, row: ArchiveDisposalTable) =>
  db.insertInto('archive_disposals').values(row).execute();
export const findDisposal = (db: Db, id: string) =>
  db.selectFrom('archive_disposals').selectAll().where('id', '=', id).executeTakeFirst();
export async function updateDisposalFrom(db: Db, id: string, from: string, patch: Partial<ArchiveDisposalTable>) {
  const r = await db
    .updateTable('archive_disposals')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export const disposals = (db: Db, hallIds: string[]) =>
  db
    .selectFrom('archive_disposals')
    .selectAll()
    .where('hall_id', 'in', hallIds.length ? hallIds : ['-'])
    .orderBy('proposed_at', 'desc')
    .limit(200)
    .execute();
