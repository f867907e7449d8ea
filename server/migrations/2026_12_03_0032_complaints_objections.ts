import type { Kysely } from 'kysely';

// 投诉 / 举报 (R9, R19.8) with their handling steps and the per-type time limits, and 异议 to a decision (R19.9).
// The complainant's name, phone and e-mail are stored encrypted (platform/pii); an anonymous report stores none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // TS + year + sequence: what the complainant quotes, with the lookup code.
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('lookup_hash', 'text', (c) => c.notNull())
    // 'complaint' (投诉) | 'report' (举报)
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'phone' | 'email' | 'box' | 'online' | 'visit' | 'superior' | 'hotline'
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('work_order_no', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('name_enc', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('case_no', 'text')
    .addColumn('item_name', 'text')
    .addColumn('department_id', 'text')
    .addColumn('window_id', 'text')
    .addColumn('staff_user_id', 'text')
    // 'open' | 'handling' | 'replied' | 'closed'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('simple', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('responsible_id', 'text')
    .addColumn('received_day', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    // Each re-opening starts a new round with its own deadline and its own progress notice.
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('progress_noticed_round', 'integer', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('rectification', 'text')
    .addColumn('replied_at', 'bigint')
    .addColumn('replied_day', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('rated_at', 'bigint')
    .addColumn('acknowledged_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaints_hall_state')
    .on('complaints')
    .columns(['hall_id', 'state', 'due_day'])
    .execute();

  await db.schema
    .createTable('complaint_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    // Order within the complaint: several steps happen in the same millisecond (registered, then replied).
    .addColumn('seq', 'integer', (c) => c.notNull())
    // 'registered' | 'assigned' | 'note' | 'progress_notice' | 'replied' | 'rated' | 'reopened'
    .addColumn('action', 'text', (c) => c.notNull())
    // For a note: 'investigation' | 'evidence' | 'complainant' | 'staff'
    .addColumn('note_kind', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_steps_of')
    .on('complaint_steps')
    .columns(['complaint_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('complaint_type_days')
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_type_days_pk', ['hall_id', 'category'])
    .execute();

  await db.schema
    .createTable('objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    // 'review' | 'refusal' | 'one_time_notice'
    .addColumn('decision_kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // 'public' | 'clerk'
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    // 'open' | 'answered'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    // 'upheld' (异议成立) | 'rejected' (维持原决定)
    .addColumn('outcome', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('answered_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objections_hall_status')
    .on('objections')
    .columns(['hall_id', 'status', 'due_day'])
    .execute();
  await db.schema.createIndex('objections_case').on('objections').columns(['case_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('objections').ifExists().execute();
  await db.schema.dropTable('complaint_type_days').ifExists().execute();
  await db.schema.dropTable('complaint_steps').ifExists().execute();
  await db.schema.dropTable('complaints').ifExists().execute();
}
