import type { Db } from '../../platform/db/database.ts';
import type { HallCalendarDayTable, OfficialYearTable } from '../../platform/db/tables.ts';

export const hallDays = (db: Db, hallId: string) =>
  db.selectFrom('hall_calendar_days').selectAll().where('hall_id', '=', hallId).orderBy('date').execute();

export const officialYears = (db: Db) => db.selectFrom('official_years').selectAll().orderBy('year').execute();

export async function upsertHallDays(db: Db, rows: HallCalendarDayTable[]): Promise<void> {
  for (const row of rows) {
    await db.deleteFrom('hall_calendar_days').where('hall_id', '=', row.hall_id).where('date', '=', row.date).execute();
    await db.insertInto('hall_calendar_days').values(row).execute();
  }
}

export const deleteHallDay = (db: Db, hallId: string, date: string) =>
  db.deleteFrom('hall_calendar_days').where('hall_id', '=', hallId).where('date', '=', date).executeTakeFirst();

export async function upsertOfficialYear(db: Db, row: OfficialYearTable): Promise<void> {
  await db.deleteFrom('official_years').where('year', '=', row.year).execute();
  await db.insertInto('official_years').values(row).execute();
}
