import type { Db } from '../../platform/db/database.ts';
import type {
  ConsultationDepartmentTable,
  ConsultationEventTable,
  ConsultationNoticeTable,
  ConsultationTable,
} from '../../platform/db/tables-consult.ts';

export type ConsultationRow = ConsultationTable;

export const findConsultation = (db: Db, id: string) =>
  db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();

export const findByNumber = (db: Db, number: string) =>
  db.selectFrom('consultations').selectAll().where('number', '=', number).executeTakeFirst();

export const insertConsultation = (db: Db, row: ConsultationRow) =>
  db.insertInto('consultations').values(row).execute();

export const updateConsultation = (db: Db, id: string, patch: Partial<ConsultationRow>) =>
  db.updateTable('consultations').set(patch).where('id', '=', id).execute();

/** How many the hall registered on a day: the next number's sequence. */
export async function countOnDay(db: Db, hallId: string, day: string): Promise<number> {
  const r = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hall_id', '=', hallId)
    .where('registered_day', '=', day)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const insertEvent = (db: Db, row: ConsultationEventTable) =>
  db.insertInto('consultation_events').values(row).execute();

export const eventsOf = (db: Db, id: string) =>
  db
    .selectFrom('consultation_events')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();

export const insertDepartmentRow = (db: Db, row: ConsultationDepartmentTable) =>
  db.insertInto('consultation_departments').values(row).execute();

export const departmentRowsOf = (db: Db, id: string) =>
  db
    .selectFrom('consultation_departments')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();

export const updateDepartmentRow = (db: Db, rowId: string, patch: Partial<ConsultationDepartmentTable>) =>
  db.updateTable('consultation_departments').set(patch).where('id', '=', rowId).execute();

export const insertNotice = (db: Db, row: ConsultationNoticeTable) =>
  db.insertInto('consultation_notices').values(row).execute();

export const noticesOf = (db: Db, id: string) =>
  db
    .selectFrom('consultation_notices')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();

export const findNotice = (db: Db, consultationId: string, noticeId: string) =>
  db
    .selectFrom('consultation_notices')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where('id', '=', noticeId)
    .executeTakeFirst();

export const findItemRef = (db: Db, id: string) =>
  db
    .selectFrom('service_items')
    .select(['id', 'hall_id', 'name', 'status', 'published_version'])
    .where('id', '=', id)
    .executeTakeFirst();

export const itemNames = async (db: Db, ids: string[]) => {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('service_items').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
};

export interface ConsultationFilter {
  hallIds: string[];
  statuses?: readonly string[];
  channel?: string;
  /** Open ones whose reply date has passed. */
  overdueBefore?: string;
  mineUserId?: string;
  /** AB岗: also those of the people the caller acts for now (B sees A's). */
  coverUserIds?: string[];
  q?: string;
  limit: number;
  offset: number;
  /** The blind indexes of a whole phone number typed as q. */
  phoneIndexes?: string[];
}

export async function listConsultations(db: Db, f: ConsultationFilter) {
  let q = db.selectFrom('consultations').where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.statuses) q = q.where('status', 'in', f.statuses.length ? [...f.statuses] : ['']);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.overdueBefore) q = q.where('due_date', 'is not', null).where('due_date', '<', f.overdueBefore);
  if (f.mineUserId) {
    const mine = [f.mineUserId, ...(f.coverUserIds ?? [])];
    q = q.where((eb) => eb.or([eb('first_owner_id', 'in', mine), eb('handler_id', 'in', mine)]));
  }
  if (f.q) {
    const like = `%${f.q}%`;
    const phones = f.phoneIndexes?.length ? f.phoneIndexes : [''];
    q = q.where((eb) =>
      eb.or([
        eb('number', 'like', like),
        eb('person_name', 'like', like),
        eb('question', 'like', like),
        eb('contact_phone_index', 'in', phones),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Active staff of a hall with their roles; the service keeps those who may handle consultations. */
export async function staffOfHall(db: Db, hallId: string) {
  const users = await db
    .selectFrom('users')
    .innerJoin('user_halls', 'user_halls.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.status'])
    .where('user_halls.hall_id', '=', hallId)
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
  if (users.length === 0) return [];
  const roles = await db
    .selectFrom('user_roles')
    .selectAll()
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .execute();
  return users.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
  }));
}

/** Consultations of a contact phone (its blind index), newest first: the enterprise's own file (一企一档). */
export const consultationsOfPhone = (db: Db, hallIds: string[], phoneIndex: string) =>
  db
    .selectFrom('consultations')
    .select(['id', 'number', 'question', 'status', 'created_at'])
    .where('hall_id', 'in', hallIds.length ? hallIds : ['-'])
    .where('contact_phone_index', '=', phoneIndex)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();

/** 考核: the consultations of a hall answered at [fromMs, toMs), by whom. */
export const answeredBetween = (db: Db, hallId: string, fromMs: number, toMs: number) =>
  db
    .selectFrom('consultations')
    .select(['id', 'number', 'answered_by', 'answered_at'])
    .where('hall_id', '=', hallId)
    .where('answered_at', '>=', fromMs)
    .where('answered_at', '<', toMs)
    .execute();
