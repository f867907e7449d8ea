import type { Kysely } from 'kysely';

// 好差评 of the case (R8): one rating per case (and one re-rating after a 差评 is rectified), the 差评 loop with its
// stages and trail, the rectification evidence, staff appeals and the applicants' suggestions. Everything the
// rating attaches to (item, department, window, staff) is copied from the case when it is completed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_rating_invitations')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('rerate_token_hash', 'text', (c) => c.unique())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('window_id', 'text')
    .addColumn('staff_user_id', 'text')
    .addColumn('staff_name', 'text')
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('case_rating_invitations.case_id'))
    // 1 = the rating, 2 = the one re-rating after rectification; (case, round) is unique: 一事一评.
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('is_bad', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('staff_user_id', 'text')
    // 1 once an appeal against it was upheld: kept on record, left out of the staff member's figures.
    .addColumn('excluded', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_ratings_round').on('case_ratings').columns(['case_id', 'round']).unique().execute();
  await db.schema.createIndex('case_ratings_hall_day').on('case_ratings').columns(['hall_id', 'day']).execute();

  await db.schema
    .createTable('case_rating_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().unique())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('case_ratings.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text')
    .addColumn('call_back_due', 'text', (c) => c.notNull())
    .addColumn('verify_due', 'text')
    .addColumn('rectify_due', 'text')
    .addColumn('rerate_due', 'text')
    .addColumn('reached', 'integer')
    .addColumn('call_back_note', 'text')
    .addColumn('called_back_at', 'bigint')
    .addColumn('called_back_name', 'text')
    .addColumn('finding', 'text')
    .addColumn('verified_at', 'bigint')
    .addColumn('verified_name', 'text')
    .addColumn('plan', 'text')
    .addColumn('responsible', 'text')
    .addColumn('rectified_at', 'bigint')
    .addColumn('rectified_note', 'text')
    .addColumn('rerating_id', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_rating_tasks_open').on('case_rating_tasks').columns(['hall_id', 'stage']).execute();

  await db.schema
    .createTable('case_rating_task_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('case_rating_tasks.id'))
    // 1, 2, 3 … within the task: the trail's order, and two moves of one task cannot both write the same step.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text', (c) => c.notNull())
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_rating_task_events_task')
    .on('case_rating_task_events')
    .columns(['task_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_rating_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('case_rating_tasks.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_rating_evidence_file')
    .on('case_rating_evidence')
    .columns(['task_id', 'sha256'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_rating_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    // One appeal per rating.
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('case_ratings.id'))
    .addColumn('staff_user_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_rating_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('rating_id', 'text', (c) => c.notNull().references('case_ratings.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('department_name', 'text')
    .addColumn('forwarded_at', 'bigint')
    .addColumn('forwarded_name', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'bigint')
    .addColumn('answered_name', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_rating_suggestions_open')
    .on('case_rating_suggestions')
    .columns(['hall_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'case_rating_suggestions',
    'case_rating_appeals',
    'case_rating_evidence',
    'case_rating_task_events',
    'case_rating_tasks',
    'case_ratings',
    'case_rating_invitations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
