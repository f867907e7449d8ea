import type { Kysely } from 'kysely';

// Opening hours by weekday for a hall or a window (办公时间), which say when the day's queue closes: tickets still
// waiting then are expired (the ticket status 'expired' is a new value of the existing text column).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_opening_hours')
    // The hall's id for the hall's own hours, a window's id for that window's.
    .addColumn('owner_id', 'text', (c) => c.primaryKey())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // JSON [{ weekday: 1..7, sessions: [{ from: 'HH:MM', to: 'HH:MM' }] }], Monday first, closed days left out.
    .addColumn('weekly', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('queue_opening_hours_hall')
    .on('queue_opening_hours')
    .columns(['hall_id', 'owner_type'])
    .execute();
  // The sweep looks for waiting tickets by status and day across halls.
  await db.schema.createIndex('queue_tickets_status_day').on('queue_tickets').columns(['status', 'day']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('queue_tickets_status_day').execute();
  await db.schema.dropTable('queue_opening_hours').execute();
}
