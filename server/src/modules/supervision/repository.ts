import type { Db } from '../../platform/db/database.ts';
import type { AlertTable } from '../../platform/db/tables-supervision.ts';

const none = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

export const departments = (db: Db, hallIds: readonly string[]) =>
  db.selectFrom('departments').select(['id', 'name', 'hall_id']).where('hall_id', 'in', none(hallIds)).execute();

export const windows = (db: Db, hallIds: readonly string[]) =>
  db.selectFrom('windows').select(['id', 'number', 'name']).where('hall_id', 'in', none(hallIds)).execute();

export const users = (db: Db, ids: readonly string[]) =>
  db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', none(ids)).execute();

/** Active staff of each department (user_departments). */
export const departmentStaff = (db: Db, departmentIds: readonly string[]) =>
  db
    .selectFrom('user_departments as ud')
    .innerJoin('users as u', 'u.id', 'ud.user_id')
    .select(['ud.department_id', 'ud.user_id'])
    .where('ud.department_id', 'in', none(departmentIds))
    .where('u.status', '=', 'active')
    .execute();

/** Active users of the hall holding a role. */
export const hallUsersWithRole = (db: Db, hallId: string, role: string) =>
  db
    .selectFrom('user_halls as uh')
    .innerJoin('user_roles as ur', 'ur.user_id', 'uh.user_id')
    .innerJoin('users as u', 'u.id', 'uh.user_id')
    .select('uh.user_id')
    .where('uh.hall_id', '=', hallId)
    .where('ur.role', '=', role)
    .where('u.status', '=', 'active')
    .execute();

/** Open bad-review call-back tasks (差评回访) with what the board shows of them. */
export const openFollowUps = (db: Db, hallIds: readonly string[]) =>
  db
    .selectFrom('rating_follow_ups as f')
    .innerJoin('ratings as r', 'r.id', 'f.rating_id')
    .leftJoin('windows as w', 'w.id', 'r.window_id')
    .leftJoin('users as u', 'u.id', 'r.staff_user_id')
    .select([
      'f.id',
      'f.hall_id',
      'f.due_day',
      'f.created_at',
      'r.level',
      'r.comment',
      'w.number as window_number',
      'u.display_name as staff_name',
    ])
    .where('f.hall_id', 'in', none(hallIds))
    .where('f.status', '=', 'open')
    .orderBy('f.due_day')
    .execute();

export const insertAlerts = async (db: Db, rows: AlertTable[]): Promise<number> => {
  let added = 0;
  for (const row of rows) {
    const r = await db
      .insertInto('alerts')
      .values(row)
      .onConflict((oc) => oc.columns(['target_key', 'level', 'recipient_id']).doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
};

export const alertsOf = (db: Db, recipientId: string, limit: number) =>
  db
    .selectFrom('alerts')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    // Unread first (read_at null sorts as 0), newest first within each.
    .orderBy((eb) => eb.fn.coalesce('read_at', eb.lit(0)))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const unreadCount = async (db: Db, recipientId: string) =>
  Number(
    (
      await db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findAlert = (db: Db, id: string) =>
  db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();

export const markRead = (db: Db, id: string, at: number) =>
  db.updateTable('alerts').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
