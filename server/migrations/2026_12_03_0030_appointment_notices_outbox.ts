import type { Kysely } from 'kysely';

// 预约通知: the confirmation, change, cancellation and reminder of a booking are queued in the notification outbox
// (`notices`, keyed `appointment:<id>:…`) in the booking's own transaction, so the list of notices owed that waited
// for the outbox goes. Nothing was ever sent from it: its rows are bookkeeping only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('appointment_notices').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
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
  await db.schema
    .createIndex('appointment_notices_reminder')
    .on('appointment_notices')
    .columns(['appointment_id', 'kind', 'due_at'])
    .unique()
    .execute();
}
