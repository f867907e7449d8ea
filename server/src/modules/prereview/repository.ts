import type { Db } from '../../platform/db/database.ts';
import type {
  PrereviewApplicationTable,
  PrereviewEventTable,
  PrereviewUploadTable,
} from '../../platform/db/tables-prereview.ts';

export type ApplicationRow = PrereviewApplicationTable;
export type UploadRow = PrereviewUploadTable;
export type EventRow = PrereviewEventTable;

export const findApplication = (db: Db, id: string) =>
  db.selectFrom('prereview_applications').selectAll().where('id', '=', id).executeTakeFirst();

export const findByNumber = (db: Db, number: string) =>
  db.selectFrom('prereview_applications').selectAll().where('number', '=', number).executeTakeFirst();

export const insertApplication = (db: Db, row: ApplicationRow) =>
  db.insertInto('prereview_applications').values(row).execute();

/** Updates only from the expected state: false when another request moved it first. */
export async function updateFrom(db: Db, id: string, from: string, patch: Partial<ApplicationRow>) {
  const r = await db
    .updateTable('prereview_applications')
    .set(patch)
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many numbers the prefix (YS-<hall>-<day>-) already has: the next number's sequence. */
export async function countWithPrefix(db: Db, prefix: string): Promise<number> {
  const r = await db
    .selectFrom('prereview_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listApplications(
  db: Db,
  f: { hallIds: string[]; states: string[]; q?: string; limit: number; offset: number },
) {
  if (f.hallIds.length === 0 || f.states.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('prereview_applications').where('hall_id', 'in', f.hallIds).where('state', 'in', f.states);
  if (f.q) {
    const like = `%${f.q}%`;
    base = base.where((eb) =>
      eb.or([eb('number', 'like', like), eb('applicant_name', 'like', like), eb('item_name', 'like', like)]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      // Due first (the clock), then the oldest; applications off the clock by their last change.
      .orderBy('due_day', 'asc')
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The applications waiting for their pre-review in the halls, for the supervision board. */
export const waitingIn = (db: Db, hallIds: string[]) =>
  hallIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('prereview_applications')
        .selectAll()
        .where('hall_id', 'in', hallIds)
        .where('state', '=', 'submitted')
        .orderBy('due_day')
        .orderBy('id')
        .execute();

export const insertUpload = (db: Db, row: UploadRow) => db.insertInto('prereview_uploads').values(row).execute();

export const findUpload = (db: Db, id: string) =>
  db.selectFrom('prereview_uploads').selectAll().where('id', '=', id).executeTakeFirst();

/** The files the application holds now (removed ones are kept on the record but not counted). */
export const uploadsOf = (db: Db, applicationId: string) =>
  db
    .selectFrom('prereview_uploads')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();

export const removeUpload = (db: Db, id: string, at: number) =>
  db.updateTable('prereview_uploads').set({ removed_at: at }).where('id', '=', id).execute();

export async function insertEvent(db: Db, row: Omit<EventRow, 'seq'>) {
  const last = await db
    .selectFrom('prereview_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('application_id', '=', row.application_id)
    .executeTakeFirst();
  await db
    .insertInto('prereview_events')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export const eventsOf = (db: Db, applicationId: string) =>
  db.selectFrom('prereview_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
