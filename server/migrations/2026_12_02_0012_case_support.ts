import type { Kysely } from 'kysely';

// Beside the case: escalations to the window supervisor (上报主管), expert consultations (专家意见) and the
// arrivals of materials deferred at a 容缺受理. Each table is its own module's; the case row stays as it is.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    // 'supervisor' (窗口主管 or 站长 decides) | 'station_head' (referred on: only the station head decides)
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.notNull())
    .addColumn('raised_by_name', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('case_escalations_case')
    .on('case_escalations')
    .columns(['case_id', 'raised_at'])
    .execute();
  await db.schema
    .createIndex('case_escalations_open')
    .on('case_escalations')
    .columns(['hall_id', 'status', 'raised_at'])
    .execute();

  await db.schema
    .createTable('expert_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('step_name', 'text', (c) => c.notNull())
    // 'internal' (a colleague of the hall, who records the opinion) | 'external' (entered by the step's handler)
    .addColumn('expert_kind', 'text', (c) => c.notNull())
    .addColumn('expert_user_id', 'text')
    .addColumn('expert_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('due_day', 'text', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text')
    .addColumn('opinion_by_name', 'text')
    .addColumn('opinion_at', 'bigint')
    .addColumn('opinion_day', 'text')
    .execute();
  await db.schema.createIndex('expert_consultations_case').on('expert_consultations').columns(['case_id']).execute();
  await db.schema
    .createIndex('expert_consultations_open')
    .on('expert_consultations')
    .columns(['hall_id', 'status', 'due_day'])
    .execute();

  await db.schema
    .createTable('deferred_arrivals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('material_name', 'text', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'bigint', (c) => c.notNull())
    .addColumn('arrived_day', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    // A material arrives once; a second recording of it is a conflict, never a second row.
    .addUniqueConstraint('deferred_arrivals_once', ['case_id', 'material_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deferred_arrivals').execute();
  await db.schema.dropTable('expert_consultations').execute();
  await db.schema.dropTable('case_escalations').execute();
}
