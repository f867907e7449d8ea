import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { HallCalendarDayTable, OfficialYearTable } from '../../platform/db/tables.ts';

export const hallDays = (db: Db, hallId: string) =>
  db.selectFrom('hall_calendar_days').selectAll().where('hall_id', '=', hallId).orderBy('date').execute();

export const officialYears = (db: Db) => db.selectFrom('official_years').selectAll().orderBy('year').execute();

const REVISION_KEY = 'calendar.revision';

/** Changes with every write to the calendar tables, in the same transaction, so a cached calendar can be checked. */
export async function calendarRevision(db: Db): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', REVISION_KEY).executeTakeFirst();
  return row?.value ?? null;
}

async function bumpRevision(db: Db): Promise<void> {
  const value = newId(Date.now());
  await db
    .insertInto('settings')
    .values({ key: REVISION_KEY, value, updated_at: Date.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: Date.now() }))
    .execute();
}

export async function upsertHallDays(db: Db, rows: HallCalendarDayTable[]): Promise<void> {
  await bumpRevision(db);
  for (const row of rows) {
    await db.deleteFrom('hall_calendar_days').where('hall_id', '=', row.hall_id).where('date', '=', row.date).execute();
    await db.insertInto('hall_calendar_days').values(row).execute();
  }
}

export async function deleteHallDay(db: Db, hallId: string, date: string) {
  await bumpRevision(db);
  return db.deleteFrom('hall_calendar_days').where('hall_id', '=', hallId).where('date', '=', date).executeTakeFirst();
}

export async function upsertOfficialYear(db: Db, row: OfficialYearTable): Promise<void> {
  await bumpRevision(db);
  await db.deleteFrom('official_years').where('year', '=', row.year).execute();
  await db.insertInto('official_years').values(row).execute();
}
