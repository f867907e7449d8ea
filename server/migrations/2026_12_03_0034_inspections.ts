import type { Kysely } from 'kysely';

// 监督检查与整改 (R13): inspections (a drawn sample of case records, or a service-norm check on the floor), the
// checked items with their checklist, and the rectification notices (整改通知) that findings become.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text')
    .addColumn('scope_name', 'text')
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('sample_size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_hall').on('inspections').columns(['hall_id', 'created_at']).execute();
  await db.schema
    .createTable('inspection_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('case_no', 'text')
    .addColumn('item_name', 'text')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('checks', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('checked_by_name', 'text')
    .addColumn('checked_at', 'bigint')
    .addColumn('checked_day', 'text')
    .execute();
  await db.schema
    .createIndex('inspection_items_inspection')
    .on('inspection_items')
    .columns(['inspection_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('inspection_items_day')
    .on('inspection_items')
    .columns(['hall_id', 'checked_day'])
    .execute();
  await db.schema
    .createTable('rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('inspection_id', 'text', (c) => c.notNull())
    .addColumn('inspection_item_id', 'text', (c) => c.notNull().unique())
    .addColumn('responsible_id', 'text', (c) => c.notNull())
    .addColumn('responsible_name', 'text', (c) => c.notNull())
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('issued_day', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_text', 'text')
    .addColumn('evidence_name', 'text')
    .addColumn('evidence_sha256', 'text')
    .addColumn('evidence_size', 'integer')
    .addColumn('reported_at', 'bigint')
    .addColumn('return_note', 'text')
    .addColumn('returns', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_day', 'text')
    .addColumn('verified_by_name', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectifications_responsible')
    .on('rectifications')
    .columns(['responsible_id', 'status'])
    .execute();
  await db.schema.createIndex('rectifications_hall').on('rectifications').columns(['hall_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rectifications').execute();
  await db.schema.dropTable('inspection_items').execute();
  await db.schema.dropTable('inspections').execute();
}
