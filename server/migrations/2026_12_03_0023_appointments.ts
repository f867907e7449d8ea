import type { Kysely } from 'kysely';

// 预约: bookings of a day and slot for an item, checked in at the kiosk for an appointment-priority ticket.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointment_settings')
    .addColumn('hall_id', 'text', (c) => c.primaryKey().references('halls.id'))
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('days_ahead', 'integer', (c) => c.notNull())
    .addColumn('grace_minutes', 'integer', (c) => c.notNull())
    .addColumn('no_show_limit', 'integer', (c) => c.notNull())
    .addColumn('no_show_days', 'integer', (c) => c.notNull())
    .addColumn('block_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('appointment_capacity')
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('queue_categories.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_capacity_pk', ['hall_id', 'category_id'])
    .execute();
  await db.schema
    .createTable('appointment_slot_counts')
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('taken', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_slot_counts_pk', ['hall_id', 'category_id', 'day', 'slot'])
    .execute();
  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('queue_categories.id'))
    .addColumn('item_id', 'text')
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('slot_end', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_in_at', 'bigint')
    .addColumn('ticket_id', 'text')
    .addColumn('ticket_number', 'text')
    .addColumn('booked_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_hall_day').on('appointments').columns(['hall_id', 'day', 'slot']).execute();
  await db.schema
    .createIndex('appointments_person')
    .on('appointments')
    .columns(['id_number_index', 'status'])
    .execute();
  await db.schema.createIndex('appointments_status_end').on('appointments').columns(['status', 'ends_at']).execute();
  await db.schema
    .createTable('appointment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('appointment_events_of')
    .on('appointment_events')
    .columns(['appointment_id', 'at'])
    .execute();
  await db.schema
    .createTable('appointment_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('handed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('appointment_notices_pending')
    .on('appointment_notices')
    .columns(['handed_at', 'due_at'])
    .execute();
  // One reminder per booking, however many sweeps run at once.
  await db.schema
    .createIndex('appointment_notices_reminder')
    .on('appointment_notices')
    .columns(['appointment_id', 'kind', 'due_at'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'appointment_notices',
    'appointment_events',
    'appointments',
    'appointment_slot_counts',
    'appointment_capacity',
    'appointment_settings',
  ])
    await db.schema.dropTable(t).execute();
}
