import type { Db } from '../../platform/db/database.ts';
import type { ApplicantEventTable, ApplicantTable } from '../../platform/db/tables-cases.ts';

export type ApplicantRow = ApplicantTable;

export const findApplicant = (db: Db, id: string) =>
  db.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirst();

/** By the blind index of the document number (one per key while a rotation is under way). */
export const findByDocument = (db: Db, hallId: string, docIndexes: string[]) =>
  db
    .selectFrom('applicants')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('doc_number_index', 'in', docIndexes)
    .executeTakeFirst();

export const applicantsByIds = (db: Db, ids: string[]) =>
  db
    .selectFrom('applicants')
    .selectAll()
    .where('id', 'in', ids.length ? ids : [''])
    .execute();

export const insertApplicant = (db: Db, row: ApplicantRow) => db.insertInto('applicants').values(row).execute();

export const updateApplicant = (db: Db, id: string, patch: Partial<ApplicantRow>) =>
  db.updateTable('applicants').set(patch).where('id', '=', id).execute();

export const insertApplicantEvent = (db: Db, row: ApplicantEventTable) =>
  db.insertInto('applicant_events').values(row).execute();

export const applicantEvents = (db: Db, applicantId: string) =>
  db.selectFrom('applicant_events').selectAll().where('applicant_id', '=', applicantId).orderBy('at').execute();

export interface ApplicantFilter {
  hallIds: string[];
  kind?: string;
  /** A name fragment; or a whole document number / credit code / phone number, found by its blind indexes. */
  q?: string;
  docIndexes?: string[];
  phoneIndexes?: string[];
  limit: number;
  offset: number;
}

export async function findApplicants(db: Db, f: ApplicantFilter) {
  let q = db.selectFrom('applicants').where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) {
    const text = f.q;
    const docs = f.docIndexes?.length ? f.docIndexes : [''];
    const phones = f.phoneIndexes?.length ? f.phoneIndexes : [''];
    // Sealed files show no name, so a name fragment does not find them; a whole number still does.
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb('sealed_at', 'is', null),
          eb.or([eb('name', 'like', `%${text}%`), eb('contact_name', 'like', `%${text}%`)]),
        ]),
        eb('doc_number_index', 'in', docs),
        eb('phone_index', 'in', phones),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
