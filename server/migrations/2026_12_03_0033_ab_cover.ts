import type { Kysely } from 'kysely';

// AB岗 at the window: when the person holding a window's session is away, their B (or stand-in) takes the session
// over and serves its queue; the session keeps whom they serve for, so the window and the trail say 邹敏（代杨帆）.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('queue_window_sessions').addColumn('acting_for_id', 'text').execute();
  await db.schema.alterTable('queue_window_sessions').addColumn('acting_for_name', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('queue_window_sessions').dropColumn('acting_for_name').execute();
  await db.schema.alterTable('queue_window_sessions').dropColumn('acting_for_id').execute();
}
