import { type Kysely, sql } from 'kysely';

// Indexes for a hall with years of history (a million cases): the case list's first page in its own order
// (urgent first, newest first) with or without a state or item filter, read straight off an index and
// stopped after one page; a case's deliveries; and the completions of a period for the on-time rate, without
// reading every trail.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The order of GET /api/cases: priority, received_at desc, id desc. The old (hall_id, priority, received_at)
  // index is a prefix of this one and goes.
  await db.schema
    .createIndex('cases_hall_order')
    .on('cases')
    .columns(['hall_id', 'priority', 'received_at desc', 'id desc'])
    .execute();
  await db.schema.dropIndex('cases_hall_list').execute();
  await db.schema
    .createIndex('cases_hall_state_order')
    .on('cases')
    .columns(['hall_id', 'state', 'priority', 'received_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('cases_hall_item_order')
    .on('cases')
    .columns(['hall_id', 'item_id', 'priority', 'received_at desc', 'id desc'])
    .execute();
  // A case's deliveries are read with every case detail; without an index that is a scan of all of them.
  await db.schema.createIndex('case_deliveries_case').on('case_deliveries').columns(['case_id']).execute();
  // Only completion events (both databases have partial indexes), one entry per finished case: by time for the
  // period's completions, and by case for the check that a completion is the case's first.
  await db.schema
    .createIndex('case_events_completed')
    .on('case_events')
    .columns(['at', 'case_id', 'seq'])
    .where(sql.ref('to_state'), '=', sql.lit('completed'))
    .execute();
  await db.schema
    .createIndex('case_events_completed_case')
    .on('case_events')
    .columns(['case_id', 'seq'])
    .where(sql.ref('to_state'), '=', sql.lit('completed'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_events_completed_case').execute();
  await db.schema.dropIndex('case_events_completed').execute();
  await db.schema.dropIndex('case_deliveries_case').execute();
  await db.schema.dropIndex('cases_hall_item_order').execute();
  await db.schema.dropIndex('cases_hall_state_order').execute();
  await db.schema.createIndex('cases_hall_list').on('cases').columns(['hall_id', 'priority', 'received_at']).execute();
  await db.schema.dropIndex('cases_hall_order').execute();
}
