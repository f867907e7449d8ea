import type { Kysely } from 'kysely';

// 档案管理 (R14): the hall's classification scheme, the register of archive files (one per ended case), borrowing
// (借阅) and disposal (鉴定销毁); and the hall's equipment register with maintenance and faults (R19.14).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('archive_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'completed' | 'not_accepted' | 'ended' (withdrawn, terminated) | 'any'; an item-specific row wins.
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('paper_years', 'integer', (c) => c.notNull())
    // null = permanent.
    .addColumn('electronic_years', 'integer')
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('archive_categories_code', ['hall_id', 'code'])
    .execute();
  await db.schema
    .createTable('archive_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('archive_no', 'text', (c) => c.notNull().unique())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('category_name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('case_no', 'text')
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('paper_years', 'integer', (c) => c.notNull())
    .addColumn('paper_until', 'text', (c) => c.notNull())
    .addColumn('electronic_until', 'text')
    // 'held' | 'lent' | 'disposal_pending' | 'paper_disposed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_day', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'bigint', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('archive_files_seq', ['hall_id', 'year', 'category_code', 'seq'])
    .execute();
  await db.schema.createIndex('archive_files_applicant').on('archive_files').columns(['applicant_id']).execute();
  await db.schema
    .createIndex('archive_files_retention')
    .on('archive_files')
    .columns(['hall_id', 'paper_until'])
    .execute();
  await db.schema
    .createTable('archive_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'text', (c) => c.notNull().references('archive_files.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('archive_events_file').on('archive_events').columns(['file_id', 'at']).execute();
  await db.schema
    .createTable('archive_loans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'text', (c) => c.notNull().references('archive_files.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('borrower_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('borrower_name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // 'paper' | 'electronic'
    .addColumn('medium', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('level_needed', 'integer', (c) => c.notNull())
    // requested → approved → lent → returned; or rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_note', 'text')
    .addColumn('lent_at', 'bigint')
    .addColumn('due_day', 'text')
    .addColumn('returned_at', 'bigint')
    .addColumn('return_complete', 'integer')
    .addColumn('return_undamaged', 'integer')
    .addColumn('return_note', 'text')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('view_token', 'text')
    .addColumn('view_until', 'bigint')
    .execute();
  await db.schema.createIndex('archive_loans_hall').on('archive_loans').columns(['hall_id', 'status']).execute();
  await db.schema
    .createTable('archive_disposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    // proposed → approved → executed; or rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_by_id', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_note', 'text')
    .addColumn('executed_by', 'text')
    .addColumn('executed_at', 'bigint')
    .addColumn('method', 'text')
    .execute();
  await db.schema
    .createTable('equipment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('asset_no', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    // 'normal' | 'faulty' | 'retired'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('maintenance_every_days', 'integer')
    .addColumn('next_maintenance_day', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('equipment_asset_no', ['hall_id', 'asset_no'])
    .execute();
  await db.schema
    .createTable('equipment_maintenance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('equipment_id', 'text', (c) => c.notNull().references('equipment.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('equipment_faults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('equipment_id', 'text', (c) => c.notNull().references('equipment.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    // 'open' | 'fixed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'bigint', (c) => c.notNull())
    .addColumn('fixed_by', 'text')
    .addColumn('fixed_at', 'bigint')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('equipment_faults_hall').on('equipment_faults').columns(['hall_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'equipment_faults',
    'equipment_maintenance',
    'equipment',
    'archive_disposals',
    'archive_loans',
    'archive_events',
    'archive_files',
    'archive_categories',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
