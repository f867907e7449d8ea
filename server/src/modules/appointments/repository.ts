import type { Db } from '../../platform/db/database.ts';
import type {
  AppointmentEventTable,
  AppointmentSettingsTable,
  AppointmentTable,
} from '../../platform/db/tables-appointments.ts';

export type AppointmentRow = AppointmentTable;
const none = [''];
const anyOf = (ids: string[]) => (ids.length ? ids : none);

export const settingsOf = (db: Db, hallId: string) =>
  db.selectFrom('appointment_settings').selectAll().where('hall_id', '=', hallId).executeTakeFirst();

export const settingsOfHalls = (db: Db, hallIds: string[]) =>
  db.selectFrom('appointment_settings').selectAll().where('hall_id', 'in', anyOf(hallIds)).execute();

export async function saveSettings(db: Db, row: AppointmentSettingsTable): Promise<void> {
  const { hall_id: _, ...rest } = row;
  await db
    .insertInto('appointment_settings')
    .values(row)
    .onConflict((oc) => oc.column('hall_id').doUpdateSet(rest))
    .execute();
}

export const capacityOf = (db: Db, hallId: string) =>
  db.selectFrom('appointment_capacity').selectAll().where('hall_id', '=', hallId).execute();

export async function saveCapacity(db: Db, hallId: string, categoryId: string, capacity: number, now: number) {
  await db
    .insertInto('appointment_capacity')
    .values({ hall_id: hallId, category_id: categoryId, capacity, updated_at: now })
    .onConflict((oc) => oc.columns(['hall_id', 'category_id']).doUpdateSet({ capacity, updated_at: now }))
    .execute();
}

interface SlotKey {
  hallId: string;
  categoryId: string;
  day: string;
  slot: string;
}

const slotRow = (k: SlotKey) => ({ hall_id: k.hallId, category_id: k.categoryId, day: k.day, slot: k.slot });

/**
 * Takes one place of a slot if one is left: a conditional increment that succeeds for exactly as many callers
 * as there are places, on both databases (PostgreSQL re-checks the WHERE after a concurrent writer's row lock).
 */
export async function takePlace(db: Db, k: SlotKey, capacity: number): Promise<boolean> {
  await db
    .insertInto('appointment_slot_counts')
    .values({ ...slotRow(k), taken: 0 })
    .onConflict((oc) => oc.columns(['hall_id', 'category_id', 'day', 'slot']).doNothing())
    .execute();
  const r = await db
    .updateTable('appointment_slot_counts')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where((eb) => eb.and(slotRow(k)))
    .where('taken', '<', capacity)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a place back (a cancellation, or the old slot of a change). */
export async function releasePlace(db: Db, k: SlotKey): Promise<void> {
  await db
    .updateTable('appointment_slot_counts')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where((eb) => eb.and(slotRow(k)))
    .where('taken', '>', 0)
    .execute();
}

export const takenIn = (db: Db, hallId: string, categoryId: string, from: string, to: string) =>
  db
    .selectFrom('appointment_slot_counts')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('category_id', '=', categoryId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

export const insertAppointment = (db: Db, row: AppointmentRow) => db.insertInto('appointments').values(row).execute();

export const findByCode = (db: Db, code: string) =>
  db.selectFrom('appointments').selectAll().where('code', '=', code).executeTakeFirst();

export const findById = (db: Db, id: string) =>
  db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();

/** Applies a change only while the booking is still in the state it was read in; false when someone was faster. */
export async function updateIf(db: Db, id: string, status: string, patch: Partial<AppointmentRow>): Promise<boolean> {
  const r = await db
    .updateTable('appointments')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A person's bookings of a hall's day still to be honoured (booked) or already checked in. */
export const activeOfPerson = (db: Db, hallId: string, day: string, indexes: string[]) =>
  db
    .selectFrom('appointments')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .where('id_number_index', 'in', anyOf(indexes))
    .where('status', 'in', ['booked', 'checked_in'])
    .orderBy('starts_at')
    .execute();

export function listAppointments(
  db: Db,
  f: { hallId: string; day?: string | undefined; status?: string | undefined; limit: number; offset: number },
) {
  let q = db.selectFrom('appointments').where('hall_id', '=', f.hallId);
  if (f.day) q = q.where('day', '=', f.day);
  if (f.status) q = q.where('status', '=', f.status);
  return Promise.all([
    q.selectAll().orderBy('starts_at').orderBy('created_at').limit(f.limit).offset(f.offset).execute(),
    q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
      .then((r) => Number(r?.n ?? 0)),
  ]);
}

/** Bookings not checked in whose slot has ended before `before`: what the no-show sweep looks at. */
export const bookedEndedBefore = (db: Db, before: number) =>
  db
    .selectFrom('appointments')
    .selectAll()
    .where('status', '=', 'booked')
    .where('ends_at', '<', before)
    .orderBy('hall_id')
    .execute();

/** Bookings of a day still booked: whose reminder is due the day before. */
export const bookedOn = (db: Db, day: string) =>
  db.selectFrom('appointments').selectAll().where('status', '=', 'booked').where('day', '=', day).execute();

/** A person's no-shows since an instant (any hall: the block is on the person). */
export const noShowsOf = (db: Db, indexes: string[], since: number) =>
  db
    .selectFrom('appointments')
    .select(['ends_at'])
    .where('id_number_index', 'in', anyOf(indexes))
    .where('status', '=', 'no_show')
    .where('ends_at', '>=', since)
    .execute()
    .then((rows) => rows.map((r) => Number(r.ends_at)));

export const noShowsInHall = (db: Db, hallId: string, since: number) =>
  db
    .selectFrom('appointments')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('status', '=', 'no_show')
    .where('ends_at', '>=', since)
    .orderBy('ends_at', 'desc')
    .limit(2000)
    .execute();

export const insertEvent = (db: Db, row: AppointmentEventTable) =>
  db.insertInto('appointment_events').values(row).execute();

export const eventsOf = (db: Db, id: string) =>
  db
    .selectFrom('appointment_events')
    .selectAll()
    .where('appointment_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
