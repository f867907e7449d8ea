import { type Kysely, sql } from 'kysely';

// The hall floor: queue categories, tickets and their events, window sessions, on-site ratings and follow-ups.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_hall_settings')
    .addColumn('hall_id', 'text', (c) => c.primaryKey().references('halls.id'))
    .addColumn('recall_limit', 'integer', (c) => c.notNull())
    .addColumn('priority_weights', 'text', (c) => c.notNull())
    .addColumn('appointment_early_minutes', 'integer', (c) => c.notNull())
    .addColumn('rating_window_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('queue_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('item_categories', 'text', (c) => c.notNull())
    .addColumn('window_ids', 'text', (c) => c.notNull())
    .addColumn('default_service_minutes', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('queue_categories_hall_prefix', ['hall_id', 'prefix'])
    .execute();

  await db.schema
    .createTable('queue_counters')
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_counters_pk', ['hall_id', 'day', 'prefix'])
    .execute();

  await db.schema
    .createTable('queue_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull().references('queue_categories.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('appointment_at', 'bigint')
    .addColumn('arrived_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('target_window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('walk_in', 'integer', (c) => c.notNull())
    .addColumn('first_called_at', 'bigint')
    .addColumn('called_at', 'bigint')
    .addColumn('recall_count', 'integer', (c) => c.notNull())
    .addColumn('serving_started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('served_by', 'text')
    .addColumn('wait_ms', 'bigint')
    .addColumn('service_ms', 'bigint', (c) => c.notNull())
    .addColumn('transfers', 'integer', (c) => c.notNull())
    .addColumn('people_ahead_at_issue', 'integer', (c) => c.notNull())
    .addColumn('estimated_wait_ms', 'bigint')
    .addColumn('outcome_kind', 'text')
    .addColumn('outcome_id', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('queue_tickets_hall_day_number', ['hall_id', 'day', 'number'])
    .execute();
  await db.schema
    .createIndex('queue_tickets_waiting')
    .on('queue_tickets')
    .columns(['hall_id', 'status', 'category_id'])
    .execute();
  await db.schema.createIndex('queue_tickets_window').on('queue_tickets').columns(['window_id', 'status']).execute();
  await db.schema
    .createIndex('queue_tickets_finished')
    .on('queue_tickets')
    .columns(['category_id', 'finished_at'])
    .execute();

  await db.schema
    .createTable('queue_ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('queue_tickets.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('duration_ms', 'bigint')
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('queue_ticket_events_ticket')
    .on('queue_ticket_events')
    .columns(['ticket_id', 'step'])
    .unique()
    .execute();
  await db.schema
    .createIndex('queue_ticket_events_hall')
    .on('queue_ticket_events')
    .columns(['hall_id', 'kind', 'at'])
    .execute();

  await db.schema
    .createTable('queue_window_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pause_reason', 'text')
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('paused_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // At most one session per window is not closed; both databases support partial unique indexes.
  await db.schema
    .createIndex('queue_window_sessions_one_open')
    .on('queue_window_sessions')
    .column('window_id')
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('queue_window_settings')
    .addColumn('window_id', 'text', (c) => c.primaryKey().references('windows.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('pad_token_hash', 'text')
    .addColumn('pad_token_issued_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    // One rating per service: the ticket is the service.
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('queue_tickets.id'))
    .addColumn('window_id', 'text', (c) => c.notNull())
    .addColumn('staff_user_id', 'text')
    .addColumn('outcome_kind', 'text')
    .addColumn('outcome_id', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('is_bad', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ratings_hall_day').on('ratings').columns(['hall_id', 'day']).execute();

  await db.schema
    .createTable('rating_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('ratings.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    .addColumn('assigned_role', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('called_back_at', 'bigint')
    .addColumn('called_back_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rating_follow_ups_open')
    .on('rating_follow_ups')
    .columns(['hall_id', 'status', 'due_day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'rating_follow_ups',
    'ratings',
    'queue_window_settings',
    'queue_window_sessions',
    'queue_ticket_events',
    'queue_tickets',
    'queue_counters',
    'queue_categories',
    'queue_hall_settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
