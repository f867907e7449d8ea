import type { Db } from '../../platform/db/database.ts';
import type { ConductRecordTable, MeetingTable, MeetingTaskTable } from '../../platform/db/tables-people.ts';

export type ConductRow = ConductRecordTable;
export type MeetingRow = MeetingTable;
export type TaskRow = MeetingTaskTable;

const none = (ids: string[]) => (ids.length ? ids : ['']);

export const insertConduct = (db: Db, row: ConductRow) => db.insertInto('conduct_records').values(row).execute();
export const findConduct = (db: Db, id: string) =>
  db.selectFrom('conduct_records').selectAll().where('id', '=', id).executeTakeFirst();

export interface ConductFilter {
  hallIds: string[];
  userId?: string;
  kind?: string;
  status?: string;
  limit: number;
  offset: number;
}

export async function listConduct(db: Db, f: ConductFilter) {
  let q = db.selectFrom('conduct_records').where('hall_id', 'in', none(f.hallIds));
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const conductOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('conduct_records')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Records the person's acknowledgement once: the row count says whether this call was the one. */
export async function acknowledge(db: Db, id: string, userId: string, at: number, note: string) {
  const r = await db
    .updateTable('conduct_records')
    .set({ status: 'acknowledged', acknowledged_at: at, ack_note: note })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending_ack')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertMeeting = (db: Db, row: MeetingRow) => db.insertInto('meetings').values(row).execute();
export const findMeeting = (db: Db, id: string) =>
  db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
export const insertAttendees = (db: Db, meetingId: string, userIds: string[]) =>
  userIds.length
    ? db
        .insertInto('meeting_attendees')
        .values(userIds.map((user_id) => ({ meeting_id: meetingId, user_id })))
        .execute()
    : Promise.resolve([]);

export async function listMeetings(db: Db, f: { hallIds: string[]; limit: number; offset: number }) {
  const q = db.selectFrom('meetings').where('hall_id', 'in', none(f.hallIds));
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('held_on', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const attendeesOf = (db: Db, meetingIds: string[]) =>
  db.selectFrom('meeting_attendees').selectAll().where('meeting_id', 'in', none(meetingIds)).execute();

export const tasksOfMeetings = (db: Db, meetingIds: string[]) =>
  db
    .selectFrom('meeting_tasks')
    .selectAll()
    .where('meeting_id', 'in', none(meetingIds))
    .orderBy('due_day')
    .orderBy('id')
    .execute();

export const insertTasks = (db: Db, rows: TaskRow[]) =>
  rows.length ? db.insertInto('meeting_tasks').values(rows).execute() : Promise.resolve([]);
export const findTask = (db: Db, id: string) =>
  db.selectFrom('meeting_tasks').selectAll().where('id', '=', id).executeTakeFirst();

/** A person's follow-up tasks with their meeting's title and day: open ones first, earliest due first. */
export function tasksOfOwner(db: Db, ownerId: string, includeDone: boolean) {
  let q = db
    .selectFrom('meeting_tasks as t')
    .innerJoin('meetings as m', 'm.id', 't.meeting_id')
    .selectAll('t')
    .select(['m.title as meeting_title', 'm.held_on as meeting_day'])
    .where('t.owner_id', '=', ownerId);
  if (!includeDone) q = q.where('t.status', '=', 'open');
  return q.orderBy('t.status', 'desc').orderBy('t.due_day').orderBy('t.id').limit(200).execute();
}

export async function finishTask(db: Db, id: string, at: number, note: string) {
  const r = await db
    .updateTable('meeting_tasks')
    .set({ status: 'done', done_at: at, done_note: note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** 考核: the sanctions (处分) of a hall that occurred on the days [from, to]. */
export const sanctionsBetween = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('conduct_records')
    .select(['id', 'user_id', 'category', 'measure', 'occurred_on'])
    .where('hall_id', '=', hallId)
    .where('kind', '=', 'sanction')
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .execute();
