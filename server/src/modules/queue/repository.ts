import type { Db } from '../../platform/db/database.ts';
import type {
  QueueCategoryTable,
  QueueHallSettingsTable,
  QueueTicketEventTable,
  QueueTicketTable,
  QueueWindowSessionTable,
  QueueOpeningHoursTable,
  QueueWindowSettingsTable,
} from '../../platform/db/tables-queue.ts';

export type CategoryRow = QueueCategoryTable;
export type TicketRow = QueueTicketTable;
export type SessionRow = QueueWindowSessionTable;

const none = [''];
const anyOf = (ids: string[]) => (ids.length ? ids : none);

export const hallSettings = (db: Db, hallId: string) =>
  db.selectFrom('queue_hall_settings').selectAll().where('hall_id', '=', hallId).executeTakeFirst();

export async function saveHallSettings(db: Db, row: QueueHallSettingsTable): Promise<void> {
  await db
    .insertInto('queue_hall_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('hall_id').doUpdateSet({
        recall_limit: row.recall_limit,
        priority_weights: row.priority_weights,
        appointment_early_minutes: row.appointment_early_minutes,
        rating_window_minutes: row.rating_window_minutes,
        kiosk_idle_seconds: row.kiosk_idle_seconds,
        display_notices: row.display_notices,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export const categoriesOf = (db: Db, hallId: string) =>
  db
    .selectFrom('queue_categories')
    .selectAll()
    .where('hall_id', '=', hallId)
    .orderBy('sort_order')
    .orderBy('prefix')
    .execute();

export const findCategory = (db: Db, id: string) =>
  db.selectFrom('queue_categories').selectAll().where('id', '=', id).executeTakeFirst();

export const insertCategory = (db: Db, row: CategoryRow) => db.insertInto('queue_categories').values(row).execute();

export const updateCategory = (db: Db, id: string, patch: Partial<CategoryRow>) =>
  db.updateTable('queue_categories').set(patch).where('id', '=', id).execute();

/** The next daily number of a prefix; the counter row's lock serialises concurrent kiosks on PostgreSQL. */
export async function nextSeq(db: Db, hallId: string, day: string, prefix: string): Promise<number> {
  await db
    .insertInto('queue_counters')
    .values({ hall_id: hallId, day, prefix, last_seq: 0 })
    .onConflict((oc) => oc.columns(['hall_id', 'day', 'prefix']).doNothing())
    .execute();
  const row = await db
    .updateTable('queue_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .where('prefix', '=', prefix)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export const insertTicket = (db: Db, row: TicketRow) => db.insertInto('queue_tickets').values(row).execute();

export const findTicket = (db: Db, id: string) =>
  db.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirst();

/** Applies a change only while the ticket is still in the state it was read in; false when someone was faster. */
export async function updateTicketIf(
  db: Db,
  id: string,
  expected: Partial<Pick<TicketRow, 'status' | 'window_id'>>,
  patch: Partial<TicketRow>,
): Promise<boolean> {
  let q = db.updateTable('queue_tickets').set(patch).where('id', '=', id);
  if (expected.status !== undefined) q = q.where('status', '=', expected.status);
  if (expected.window_id !== undefined)
    q = expected.window_id === null ? q.where('window_id', 'is', null) : q.where('window_id', '=', expected.window_id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Claims a waiting ticket for a window: a conditional UPDATE that succeeds for exactly one caller on both
 * databases (PostgreSQL re-checks the WHERE after waiting for a concurrent writer's row lock).
 */
export async function claimTicket(db: Db, candidate: TicketRow, patch: Partial<TicketRow>): Promise<boolean> {
  let q = db
    .updateTable('queue_tickets')
    .set(patch)
    .where('id', '=', candidate.id)
    .where('status', '=', 'waiting')
    .where('category_id', '=', candidate.category_id);
  q =
    candidate.target_window_id === null
      ? q.where('target_window_id', 'is', null)
      : q.where('target_window_id', '=', candidate.target_window_id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Today's waiting tickets a window may call: of its categories, or transferred to it by name. */
export const waitingFor = (db: Db, hallId: string, day: string, windowId: string, categoryIds: string[]) =>
  db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('target_window_id', '=', windowId),
        eb.and([eb('target_window_id', 'is', null), eb('category_id', 'in', anyOf(categoryIds))]),
      ]),
    )
    .execute();

/** Today's queue of a hall; a ticket left waiting when the hall closed is not called the next day. */
export const waitingInHall = (db: Db, hallId: string, day: string) =>
  db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .execute();

/** The ticket a window has called or is serving. */
export const currentOf = (db: Db, windowIds: string[]) =>
  db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('window_id', 'in', anyOf(windowIds))
    .where('status', 'in', ['called', 'serving'])
    .execute();

export function listTickets(db: Db, f: { hallId: string; day?: string; status?: string }) {
  let q = db.selectFrom('queue_tickets').selectAll().where('hall_id', '=', f.hallId);
  if (f.day) q = q.where('day', '=', f.day);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

/** Service times of the latest finished services of categories, newest first. */
export const recentServiceTimes = (db: Db, categoryId: string, limit = 30) =>
  db
    .selectFrom('queue_tickets')
    .select('service_ms')
    .where('category_id', '=', categoryId)
    .where('status', '=', 'done')
    .where('service_ms', '>', 0)
    .orderBy('finished_at', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => Number(r.service_ms)));

/** Appends a step to the ticket's trail; call after the ticket's own row was written in the same transaction. */
export async function insertEvent(db: Db, row: Omit<QueueTicketEventTable, 'step'>): Promise<void> {
  const last = await db
    .selectFrom('queue_ticket_events')
    .select((eb) => eb.fn.max('step').as('step'))
    .where('ticket_id', '=', row.ticket_id)
    .executeTakeFirst();
  await db
    .insertInto('queue_ticket_events')
    .values({ ...row, step: Number(last?.step ?? 0) + 1 })
    .execute();
}

export const eventsOf = (db: Db, ticketId: string) =>
  db.selectFrom('queue_ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('step').execute();

/** The latest calls and recalls of a hall, for the display. */
export const recentCalls = (db: Db, hallId: string, limit: number) =>
  db
    .selectFrom('queue_ticket_events as e')
    .innerJoin('queue_tickets as t', 't.id', 'e.ticket_id')
    .innerJoin('windows as w', 'w.id', 'e.window_id')
    .select([
      'e.ticket_id',
      'e.at',
      'e.kind',
      'e.detail',
      't.number',
      'w.number as window_number',
      'w.name as window_name',
    ])
    .where('e.hall_id', '=', hallId)
    .where('e.kind', 'in', ['called', 'recalled'])
    .orderBy('e.at', 'desc')
    .orderBy('e.step', 'desc')
    .limit(limit)
    .execute();

export const openSessions = (db: Db, windowIds: string[]) =>
  db
    .selectFrom('queue_window_sessions')
    .selectAll()
    .where('window_id', 'in', anyOf(windowIds))
    .where('closed_at', 'is', null)
    .execute();

export const openSessionsInHall = (db: Db, hallId: string) =>
  db
    .selectFrom('queue_window_sessions')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('closed_at', 'is', null)
    .execute();

export const insertSession = (db: Db, row: SessionRow) => db.insertInto('queue_window_sessions').values(row).execute();

/** Touches a window's session if it is open; the row stays locked until the transaction ends (one call at a time). */
export async function lockOpenSession(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('queue_window_sessions')
    .set({ updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** AB岗: the session passes from its holder to the person covering them, guarded by the holder read. */
export async function takeOverSession(db: Db, id: string, fromUserId: string, patch: Partial<SessionRow>) {
  const r = await db
    .updateTable('queue_window_sessions')
    .set(patch)
    .where('id', '=', id)
    .where('user_id', '=', fromUserId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const updateSession = (db: Db, id: string, patch: Partial<SessionRow>) =>
  db.updateTable('queue_window_sessions').set(patch).where('id', '=', id).execute();

export const windowSettings = (db: Db, windowIds: string[]) =>
  db.selectFrom('queue_window_settings').selectAll().where('window_id', 'in', anyOf(windowIds)).execute();

export async function saveWindowSettings(
  db: Db,
  row: QueueWindowSettingsTable,
  only: Partial<QueueWindowSettingsTable>,
): Promise<void> {
  await db
    .insertInto('queue_window_settings')
    .values(row)
    .onConflict((oc) => oc.column('window_id').doUpdateSet(only))
    .execute();
}

export const windowsOfHall = (db: Db, hallId: string) =>
  db.selectFrom('windows').selectAll().where('hall_id', '=', hallId).orderBy('number').execute();

export const openingHoursInHall = (db: Db, hallId: string) =>
  db.selectFrom('queue_opening_hours').selectAll().where('hall_id', '=', hallId).execute();

export const openingHoursInHalls = (db: Db, hallIds: string[]) =>
  db.selectFrom('queue_opening_hours').selectAll().where('hall_id', 'in', anyOf(hallIds)).execute();

export async function saveOpeningHours(db: Db, row: QueueOpeningHoursTable): Promise<void> {
  await db
    .insertInto('queue_opening_hours')
    .values(row)
    .onConflict((oc) => oc.column('owner_id').doUpdateSet({ weekly: row.weekly, updated_at: row.updated_at }))
    .execute();
}

export const deleteOpeningHours = (db: Db, ownerId: string) =>
  db.deleteFrom('queue_opening_hours').where('owner_id', '=', ownerId).execute();

/** Tickets still waiting from today or earlier, in every hall: what the end-of-day sweep looks at. */
export const waitingUpTo = (db: Db, today: string) =>
  db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('status', '=', 'waiting')
    .where('day', '<=', today)
    .orderBy('hall_id')
    .orderBy('seq')
    .execute();

/** 拥挤提示: the notice on the hall display while the crowding alarm stands. */
export const alarmNoticeOf = (db: Db, hallId: string) =>
  db.selectFrom('queue_alarm_notices').selectAll().where('hall_id', '=', hallId).executeTakeFirst();
export async function putAlarmNotice(db: Db, row: { hall_id: string; text: string; since: number }): Promise<void> {
  await db
    .insertInto('queue_alarm_notices')
    .values(row)
    .onConflict((oc) => oc.column('hall_id').doUpdateSet({ text: row.text }))
    .execute();
}
export const clearAlarmNotice = (db: Db, hallId: string) =>
  db.deleteFrom('queue_alarm_notices').where('hall_id', '=', hallId).execute();
