import type { Kysely } from 'kysely';

// 客流拥挤提示上屏: whether the hall display shows the crowding notice while the alarm stands (a crowding setting),
// and the notice the display shows now, kept by the queue module so the display reads only its own tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('crowding_watch')
    .addColumn('show_notice', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('queue_alarm_notices')
    .addColumn('hall_id', 'text', (c) => c.primaryKey().references('halls.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('queue_alarm_notices').execute();
  await db.schema.alterTable('crowding_watch').dropColumn('show_notice').execute();
}
