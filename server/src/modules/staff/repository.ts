/** The staff module's tables: files, AB pairs, rosters, attendance and leave. */
import type { Db } from '../../platform/db/database.ts';
import type {
  StaffAbPairTable,
  StaffAttendanceTable,
  StaffLeaveTable,
  StaffProfileTable,
  StaffRosterTable,
} from '../../platform/db/tables-staff.ts';

const none = (xs: readonly string[]) => (xs.length ? xs : ['']);

export const profilesOf = (db: Db, userIds: readonly string[]) =>
  db.selectFrom('staff_profiles').selectAll().where('user_id', 'in', none(userIds)).execute();

export async function upsertProfile(db: Db, row: StaffProfileTable) {
  const found = await db
    .selectFrom('staff_profiles')
    .select('user_id')
    .where('user_id', '=', row.user_id)
    .executeTakeFirst();
  if (found) {
    const { user_id, ...patch } = row;
    await db.updateTable('staff_profiles').set(patch).where('user_id', '=', user_id).execute();
  } else await db.insertInto('staff_profiles').values(row).execute();
}

export const staffNoTaken = (db: Db, staffNo: string, userId: string) =>
  db
    .selectFrom('staff_profiles')
    .select('user_id')
    .where('staff_no', '=', staffNo)
    .where('user_id', '!=', userId)
    .executeTakeFirst();

export const pairsInHalls = (db: Db, hallIds: readonly string[]) =>
  db.selectFrom('staff_ab_pairs').selectAll().where('hall_id', 'in', none(hallIds)).orderBy('created_at').execute();

/** Every pair naming one of these people as A or B (the cover of a person needs B's own absence too). */
export const pairsOfPeople = (db: Db, userIds: readonly string[]) =>
  db
    .selectFrom('staff_ab_pairs')
    .selectAll()
    .where((eb) => eb.or([eb('a_user_id', 'in', none(userIds)), eb('b_user_id', 'in', none(userIds))]))
    .orderBy('created_at')
    .execute();

export const insertPair = (db: Db, row: StaffAbPairTable) => db.insertInto('staff_ab_pairs').values(row).execute();
export const findPair = (db: Db, id: string) =>
  db.selectFrom('staff_ab_pairs').selectAll().where('id', '=', id).executeTakeFirst();
export const deletePair = (db: Db, id: string) => db.deleteFrom('staff_ab_pairs').where('id', '=', id).execute();

export const rosterBetween = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('staff_roster')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('session')
    .execute();

export const rosterOfPeople = (db: Db, userIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('staff_roster')
    .selectAll()
    .where('user_id', 'in', none(userIds))
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

export async function replaceRoster(db: Db, hallId: string, from: string, to: string, rows: StaffRosterTable[]) {
  await db
    .deleteFrom('staff_roster')
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  if (rows.length) await db.insertInto('staff_roster').values(rows).execute();
}

export const insertClock = (db: Db, row: StaffAttendanceTable) =>
  db.insertInto('staff_attendance').values(row).execute();

export const clocksOf = (db: Db, userIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('staff_attendance')
    .selectAll()
    .where('user_id', 'in', none(userIds))
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('at')
    .execute();

export const clocksInHall = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('staff_attendance')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('at', 'desc')
    .limit(500)
    .execute();

export const insertLeave = (db: Db, row: StaffLeaveTable) => db.insertInto('staff_leaves').values(row).execute();
export const findLeave = (db: Db, id: string) =>
  db.selectFrom('staff_leaves').selectAll().where('id', '=', id).executeTakeFirst();

/** Moves a leave on only from the status it was read in; false when someone else moved it first. */
export async function updateLeaveFrom(db: Db, id: string, from: string, patch: Partial<StaffLeaveTable>) {
  const r = await db
    .updateTable('staff_leaves')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const leavesInHalls = (db: Db, hallIds: readonly string[], status?: string) => {
  let q = db.selectFrom('staff_leaves').selectAll().where('hall_id', 'in', none(hallIds));
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').limit(200).execute();
};

/** Approved leave of these people touching the day range. */
export const approvedLeaves = (db: Db, userIds: readonly string[] | null, from: string, to: string) => {
  let q = db
    .selectFrom('staff_leaves')
    .selectAll()
    .where('status', '=', 'approved')
    .where('from_day', '<=', to)
    .where('to_day', '>=', from);
  if (userIds) q = q.where('user_id', 'in', none(userIds));
  return q.execute();
};

export type LeaveRow = StaffLeaveTable;
export type PairRow = StaffAbPairTable;
export type RosterRow = StaffRosterTable;
export type ClockRow = StaffAttendanceTable;
