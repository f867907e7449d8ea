import type { Kysely } from 'kysely';

// Consultations (咨询 / 首问负责制) and the staff knowledge base; dialect-neutral types only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('lookup_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.references('service_items.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('first_owner_name', 'text')
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('handler_name', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'bigint')
    .addColumn('answered_by', 'text')
    .addColumn('promised_days', 'integer')
    .addColumn('due_date', 'text')
    .addColumn('referral_text', 'text')
    .addColumn('referral_department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('registered_day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_hall_status').on('consultations').columns(['hall_id', 'status']).execute();
  await db.schema
    .createIndex('consultations_hall_day')
    .on('consultations')
    .columns(['hall_id', 'registered_day'])
    .execute();

  await db.schema
    .createTable('consultation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('consultation_events_of')
    .on('consultation_events')
    .columns(['consultation_id', 'at'])
    .execute();

  await db.schema
    .createTable('consultation_departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('department_name', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'bigint', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'bigint')
    .addColumn('answered_by', 'text')
    .execute();
  await db.schema
    .createIndex('consultation_departments_of')
    .on('consultation_departments')
    .column('consultation_id')
    .execute();

  await db.schema
    .createTable('consultation_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_notices_of').on('consultation_notices').column('consultation_id').execute();

  await db.schema
    .createTable('knowledge_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('tags_text', 'text', (c) => c.notNull())
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_entries_hall')
    .on('knowledge_entries')
    .columns(['hall_id', 'status'])
    .execute();

  await db.schema
    .createTable('knowledge_versions')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('knowledge_entries.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_versions_pk', ['entry_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'knowledge_versions',
    'knowledge_entries',
    'consultation_notices',
    'consultation_departments',
    'consultation_events',
    'consultations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
