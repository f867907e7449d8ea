import { type Kysely, sql } from 'kysely';

// 应急 (R17) and 收费 (R19.13): the paper receipt of a case entered after an outage (补录), the fee ledger of a
// case (payments and refunds, integer fen), the contingency plans with their drills, the incident log and the
// crowding alarm's thresholds and state per hall.
export async function up(db: Kysely<unknown>): Promise<void> {
  await hallWideAlerts(db);
  await db.schema
    .createTable('case_back_entries')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // The handwritten number of the paper receipt given to the applicant during the outage.
    .addColumn('paper_receipt_no', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('accepted_at', 'bigint', (c) => c.notNull())
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entered_by_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_back_entries_paper_no', ['hall_id', 'paper_receipt_no'])
    .execute();
  await db.schema
    .createTable('case_fee_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    // 'payment' | 'refund'
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'done' (a payment; an approved refund) | 'requested' | 'rejected' (refunds)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    // 'cash' | 'card' | 'scan'
    .addColumn('method', 'text', (c) => c.notNull())
    // 财政电子票据号 of the payment (or of the red-letter note of a refund).
    .addColumn('receipt_no', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('refund_of', 'text')
    // The day it counts in the daily report: the payment's day, or the refund's approval day.
    .addColumn('day', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by_name', 'text')
    .execute();
  await db.schema.createIndex('case_fee_entries_case').on('case_fee_entries').columns(['case_id', 'at']).execute();
  await db.schema.createIndex('case_fee_entries_day').on('case_fee_entries').columns(['hall_id', 'day']).execute();

  await db.schema
    .createTable('emergency_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // 'system_failure' | 'crowding' | 'major_complaint' | 'power_outage' | 'other'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('response_steps', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('recovery', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('emergency_drills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('emergency_plans.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // 'open' | 'closed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('opened_by_name', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_by_name', 'text')
    .addColumn('review', 'text')
    .execute();
  await db.schema
    .createTable('incident_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crowding_watch')
    .addColumn('hall_id', 'text', (c) => c.primaryKey().references('halls.id'))
    .addColumn('max_waiting', 'integer', (c) => c.notNull())
    .addColumn('max_wait_minutes', 'integer', (c) => c.notNull())
    .addColumn('notice', 'text', (c) => c.notNull())
    // 1 while over a threshold (alarmed once on the crossing), 0 below.
    .addColumn('over', 'integer', (c) => c.notNull())
    .addColumn('crossings', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'crowding_watch',
    'incident_actions',
    'incidents',
    'emergency_drills',
    'emergency_plans',
    'case_fee_entries',
    'case_back_entries',
  ])
    await db.schema.dropTable(t).execute();
}

/**
 * An alert about the hall rather than one case (客流拥挤, an incident) has no case: alerts.case_id becomes optional.
 * PostgreSQL drops the constraint; SQLite cannot, so the table is rebuilt with the same columns and keys.
 */
async function hallWideAlerts(db: Kysely<unknown>): Promise<void> {
  const pg = (await sql<{ v: string }>`select version() as v`.execute(db).catch(() => ({ rows: [] }))).rows.length > 0;
  if (pg) {
    await sql`alter table alerts alter column case_id drop not null`.execute(db);
    return;
  }
  await db.schema
    .createTable('alerts_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('step_id', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addUniqueConstraint('alerts_once', ['target_key', 'level', 'recipient_id'])
    .execute();
  await sql`insert into alerts_next (id, hall_id, recipient_id, target_key, target_type, case_id, step_id, level,
    audience, case_no, title, deadline, created_at, read_at) select id, hall_id, recipient_id, target_key, target_type,
    case_id, step_id, level, audience, case_no, title, deadline, created_at, read_at from alerts`.execute(db);
  await db.schema.dropTable('alerts').execute();
  await db.schema.alterTable('alerts_next').renameTo('alerts').execute();
  await db.schema
    .createIndex('alerts_recipient')
    .on('alerts')
    .columns(['recipient_id', 'read_at', 'created_at'])
    .execute();
}
