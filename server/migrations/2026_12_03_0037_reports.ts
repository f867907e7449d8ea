import type { Kysely } from 'kysely';

// 工作报告 (R16.2, R19.15): the periodic reports kept per hall, kind, period and version; each one sent upward;
// the tasks handed down by superiors (上级交办事项) with their trail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('periodic_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('xlsx_sha256', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'text')
    .addColumn('generated_by_name', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // One row per version: the schedule's version 1 is written once however many nodes or passes try.
  await db.schema
    .createIndex('periodic_reports_version')
    .on('periodic_reports')
    .columns(['hall_id', 'kind', 'period', 'version'])
    .unique()
    .execute();
  await db.schema
    .createTable('report_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('sent_day', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_submissions_hall')
    .on('report_submissions')
    .columns(['hall_id', 'sent_day'])
    .execute();
  await db.schema
    .createTable('handed_down_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text', (c) => c.notNull())
    .addColumn('received_day', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('due_working_days', 'integer')
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completion_note', 'text')
    .addColumn('completed_day', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handed_down_tasks_owner')
    .on('handed_down_tasks')
    .columns(['owner_id', 'status'])
    .execute();
  await db.schema
    .createIndex('handed_down_tasks_hall')
    .on('handed_down_tasks')
    .columns(['hall_id', 'status', 'due_day'])
    .execute();
  await db.schema
    .createTable('handed_down_task_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handed_down_task_events_task')
    .on('handed_down_task_events')
    .columns(['task_id', 'seq'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['handed_down_task_events', 'handed_down_tasks', 'report_submissions', 'periodic_reports'])
    await db.schema.dropTable(t).execute();
}
