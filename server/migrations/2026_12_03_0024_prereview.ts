import type { Kysely } from 'kysely';

// 网上预审: an application submitted online for an item whose guide allows it, pre-reviewed by a clerk within the
// item's limit, then accepted at the window as a case without typing it again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prereview_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // YS-<hall code>-<yyyymmdd>-<seq>, with a lookup code the applicant keeps.
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('lookup_code', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_number_enc', 'text', (c) => c.notNull())
    .addColumn('doc_number_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('legal_representative', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    // 'draft' | 'submitted' | 'returned' | 'passed' | 'accepted'
    .addColumn('state', 'text', (c) => c.notNull())
    // How many times it was submitted (1 first, 2 after the first correction, …).
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('submitted_day', 'text')
    .addColumn('due_day', 'text')
    .addColumn('due_provisional', 'integer', (c) => c.notNull())
    .addColumn('reviewed_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'bigint')
    // The one-time notice of the last return: JSON { items: [{ key, name, requirement }], note, round }.
    .addColumn('notice', 'text')
    // The pass: JSON { note, appointment }.
    .addColumn('pass_note', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('case_no', 'text')
    .addColumn('accepted_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prereview_applications_hall_state')
    .on('prereview_applications')
    .columns(['hall_id', 'state', 'due_day'])
    .execute();
  await db.schema
    .createTable('prereview_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('prereview_applications.id'))
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('material_name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // The submission round the file was uploaded for; a file removed by the applicant before submitting is dropped.
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prereview_uploads_application')
    .on('prereview_uploads')
    .columns(['application_id', 'material_key'])
    .execute();
  await db.schema
    .createTable('prereview_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('prereview_applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addUniqueConstraint('prereview_events_seq', ['application_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('prereview_events').execute();
  await db.schema.dropTable('prereview_uploads').execute();
  await db.schema.dropTable('prereview_applications').execute();
}
