import { type Kysely, sql } from 'kysely';

// 培训 (R11) and 奖惩 / 例会 (R10.5, R10.6, R19.10): training plans with sessions and each person's record of them,
// individual training plans, discipline and reward records with the person's acknowledgement, and the regular
// meetings with their follow-up tasks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // 'internal' | 'external' | 'online' | 'case_study'
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'pre_post' (岗前培训) | 'confidentiality' (保密) | 'system_use' (系统使用) | 'business' | 'other'
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('pass_score', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_plans_hall').on('training_plans').columns(['hall_id', 'year']).execute();
  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('training_plans.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_sessions_plan').on('training_sessions').columns(['plan_id', 'day']).execute();
  // One row per person and session: attendance, the assessment score, the pass and the certificate.
  await db.schema
    .createTable('training_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.references('training_sessions.id'))
    .addColumn('plan_id', 'text', (c) => c.references('training_plans.id'))
    .addColumn('hall_id', 'text', (c) => c.references('halls.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // Copied from the plan at recording, so the post check reads one table.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('certificate_no', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('training_records_session_user', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('training_records_user')
    .on('training_records')
    .columns(['user_id', 'subject', 'passed'])
    .execute();
  await db.schema
    .createTable('individual_training_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // 'supervisor' | 'assessment': who asked for it (the assessment module creates its own).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    // 'open' | 'done'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .addColumn('done_note', 'text')
    .execute();
  await db.schema
    .createIndex('individual_training_plans_user')
    .on('individual_training_plans')
    .columns(['user_id', 'status'])
    .execute();

  await db.schema
    .createTable('conduct_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // 'sanction' | 'reward'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    // 'pending_ack' | 'acknowledged'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ack_note', 'text')
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conduct_records_user').on('conduct_records').columns(['user_id', 'status']).execute();
  await db.schema
    .createIndex('conduct_records_hall')
    .on('conduct_records')
    .columns(['hall_id', 'occurred_on'])
    .execute();
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_hall').on('meetings').columns(['hall_id', 'held_on']).execute();
  await db.schema
    .createTable('meeting_attendees')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('meeting_attendees_pk', ['meeting_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('meeting_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull())
    // 'open' | 'done'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_note', 'text')
    .addColumn('done_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_tasks_owner')
    .on('meeting_tasks')
    .columns(['owner_id', 'status', 'due_day'])
    .execute();

  // Staff already at work when training records begin count as having passed the pre-post training (岗前培训):
  // one record each, with no session, so the post check lets them keep working.
  const now = Date.now();
  await sql`
    insert into training_records (id, session_id, plan_id, hall_id, user_id, subject, day, year, attended, minutes,
      score, passed, certificate_no, note, recorded_by, recorded_at, updated_at)
    select ${'tr-legacy-'} || id, null, null, null, id, 'pre_post', ${new Date(now).toISOString().slice(0, 10)},
      ${new Date(now).getUTCFullYear()}, 1, 0, null, 1, null, ${'启用培训记录前已在岗，视同岗前培训合格'}, 'system',
      ${now}, ${now}
    from users`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'meeting_tasks',
    'meeting_attendees',
    'meetings',
    'conduct_records',
    'individual_training_plans',
    'training_records',
    'training_sessions',
    'training_plans',
  ])
    await db.schema.dropTable(t).execute();
}
