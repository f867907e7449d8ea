import type { Db } from '../../platform/db/database.ts';
import type { AlertTable } from '../../platform/db/tables-supervision.ts';

const none = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

/** Cases in the given states (the clock running or suspended, not finished) with a stored deadline. */
export const runningCases = (db: Db, hallIds: readonly string[], states: readonly string[]) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'hall_id',
      'case_no',
      'item_id',
      'item_name',
      'state',
      'window_id',
      'first_owner_id',
      'first_owner_name',
      'received_by',
      'received_by_name',
      'warning_days',
      'deadline',
      'urgency',
    ])
    .where('hall_id', 'in', none(hallIds))
    .where('state', 'in', none(states))
    .where('deadline', 'is not', null)
    .execute();

/** The active steps of those cases. */
export const activeSteps = (db: Db, caseIds: readonly string[]) =>
  db
    .selectFrom('case_steps')
    .select([
      'id',
      'case_id',
      'name',
      'department_id',
      'limit_days',
      'activated_at',
      'assignee_id',
      'assignee_name',
      'claimed_at',
      'deadline',
    ])
    .where('case_id', 'in', none(caseIds))
    .where('status', '=', 'active')
    .execute();

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

export const allHallIds = async (db: Db) => (await db.selectFrom('halls').select('id').execute()).map((h) => h.id);

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

/**
 * Cases whose first completion event (to_state 'completed') lies in [fromMs, toMs): the completion is read from
 * the trail, so it holds whatever columns the case row carries. The period's completion events come from the
 * partial index case_events_completed; a case with an earlier completion event is left out, so each case counts
 * once, in the period of its first completion (as min(at) would, without grouping every trail of the hall).
 */
export const completions = (db: Db, hallIds: readonly string[], fromMs: number, toMs: number) =>
  db
    .selectFrom('case_events as e')
    // A cross join with the join condition in WHERE is the same join; SQLite also takes it as "events first", so it
    // starts from the period's completions instead of walking every case of the hall.
    .crossJoin('cases as c')
    .whereRef('c.id', '=', 'e.case_id')
    .select([
      'c.id',
      'c.hall_id',
      'c.case_no',
      'c.item_id',
      'c.item_name',
      'c.window_id',
      'c.first_owner_id',
      'c.first_owner_name',
      'c.received_by',
      'c.received_by_name',
      'c.deadline',
      'e.at as completed_at',
    ])
    .where('e.to_state', '=', 'completed')
    .where('e.at', '>=', fromMs)
    .where('e.at', '<', toMs)
    .where('c.hall_id', 'in', none(hallIds))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_events as p')
            .select('p.id')
            .whereRef('p.case_id', '=', 'e.case_id')
            .where('p.to_state', '=', 'completed')
            .whereRef('p.seq', '<', 'e.seq'),
        ),
      ),
    )
    .execute();

/** Bound values per statement stay well inside both databases' limits (a month of a big hall is tens of thousands). */
const IN_CHUNK = 5000;

/** Departments of each case's steps. */
export async function caseDepartments(db: Db, caseIds: readonly string[]) {
  const out: { case_id: string; department_id: string | null }[] = [];
  for (let i = 0; i < Math.max(1, caseIds.length); i += IN_CHUNK) {
    out.push(
      ...(await db
        .selectFrom('case_steps')
        .select(['case_id', 'department_id'])
        .where('case_id', 'in', none(caseIds.slice(i, i + IN_CHUNK)))
        .where('department_id', 'is not', null)
        .execute()),
    );
  }
  return out;
}

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
