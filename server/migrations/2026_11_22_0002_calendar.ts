import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A hall's own days: extra closures, local holidays, make-up working days. They win over the national schedule.
  await db.schema
    .createTable('hall_calendar_days')
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('hall_calendar_days_pk', ['hall_id', 'date'])
    .execute();
  // National schedules of years the built-in data does not cover, entered by an administrator.
  await db.schema
    .createTable('official_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'bigint', (c) => c.notNull())
    .addColumn('loaded_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('official_years').execute();
  await db.schema.dropTable('hall_calendar_days').execute();
}
