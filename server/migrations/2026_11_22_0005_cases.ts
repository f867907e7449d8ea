import type { Kysely } from 'kysely';

// Reception, acceptance and the case file. Dialect-neutral: text ids, bigint epoch-ms, 'YYYY-MM-DD' days, JSON as text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applicants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('legal_representative', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    // The same document number in one hall is the same applicant.
    .addUniqueConstraint('applicants_hall_doc', ['hall_id', 'doc_number'])
    .execute();
  await db.schema.createIndex('applicants_name').on('applicants').columns(['hall_id', 'name']).execute();
  await db.schema.createIndex('applicants_phone').on('applicants').columns(['hall_id', 'phone']).execute();

  await db.schema
    .createTable('applicant_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('number_counters')
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_counters_pk', ['hall_id', 'series', 'year'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('case_no', 'text', (c) => c.unique())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('agent_id', 'text', (c) => c.references('applicants.id'))
    .addColumn('attorney_checked', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('resume_to', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('importance', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('received_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('received_by_name', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('received_day', 'text', (c) => c.notNull())
    .addColumn('first_owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('first_owner_name', 'text')
    .addColumn('accepted_at', 'bigint')
    .addColumn('accepted_day', 'text')
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('warning_days', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('deadline_provisional', 'integer', (c) => c.notNull())
    .addColumn('deferred_items', 'text')
    .addColumn('deferred_deadline', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_hall_list').on('cases').columns(['hall_id', 'priority', 'received_at']).execute();
  await db.schema.createIndex('cases_applicant').on('cases').columns(['applicant_id']).execute();

  await db.schema
    .createTable('case_receptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('clerk_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('clerk_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('case_receptions_round', ['case_id', 'round'])
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    // Order of events within the case: several happen in the same millisecond (accept, then route).
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_documents_case').on('case_documents').columns(['case_id']).execute();

  await db.schema
    .createTable('case_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('step_order', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'bigint')
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema.createIndex('case_steps_case').on('case_steps').columns(['case_id', 'step_order']).execute();
  await db.schema.createIndex('case_steps_department').on('case_steps').columns(['department_id', 'status']).execute();

  await db.schema
    .createTable('routing_slips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.references('case_steps.id'))
    .addColumn('handed_over_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('handed_over_by_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .execute();
  await db.schema.createIndex('routing_slips_case').on('routing_slips').columns(['case_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'routing_slips',
    'case_steps',
    'case_documents',
    'case_events',
    'case_receptions',
    'cases',
    'number_counters',
    'applicant_events',
    'applicants',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
