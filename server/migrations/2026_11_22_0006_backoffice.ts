import type { Kysely } from 'kysely';

// The back office after acceptance: assignees and step clocks, verification with the front desk, suspensions,
// extensions, result files, collection or delivery, and the archive. Dialect-neutral like every migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  const stepColumns: [string, 'text' | 'bigint'][] = [
    ['assignee_id', 'text'],
    ['assignee_name', 'text'],
    ['claimed_at', 'bigint'],
    ['deadline', 'text'],
  ];
  for (const [name, type] of stepColumns) await db.schema.alterTable('case_steps').addColumn(name, type).execute();
  const caseColumns: [string, 'text' | 'bigint' | 'integer'][] = [
    ['extra_days', 'integer'],
    ['approval_escalated', 'integer'],
    ['outcome', 'text'],
    ['completed_at', 'bigint'],
    ['completed_day', 'text'],
  ];
  for (const [name, type] of caseColumns) await db.schema.alterTable('cases').addColumn(name, type).execute();

  await db.schema
    .createTable('case_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('step_id', 'text', (c) => c.references('case_steps.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('response_deadline', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('asked_by_name', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('answered_at', 'bigint')
    .execute();
  await db.schema.createIndex('case_verifications_case').on('case_verifications').columns(['case_id']).execute();

  await db.schema
    .createTable('case_pauses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('from_day', 'text', (c) => c.notNull())
    .addColumn('to_day', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('started_by_name', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('case_pauses_case').on('case_pauses').columns(['case_id']).execute();

  await db.schema
    .createTable('case_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('extra_days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_note', 'text')
    .addColumn('new_deadline', 'text')
    .execute();
  await db.schema.createIndex('case_extensions_case').on('case_extensions').columns(['case_id']).execute();

  await db.schema
    .createTable('case_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_files_case').on('case_files').columns(['case_id']).execute();

  await db.schema
    .createTable('case_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('collected_by', 'text')
    .addColumn('id_doc_type', 'text')
    .addColumn('id_doc_number', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_archives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('archive_no', 'text', (c) => c.notNull().unique())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'case_archives',
    'case_deliveries',
    'case_files',
    'case_extensions',
    'case_pauses',
    'case_verifications',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
