import type { Kysely } from 'kysely';

// 通知: a transactional outbox of notices to applicants, every delivery attempt, the hall's templates, and the
// applicant's e-mail, preferred channel and opt-out of non-legal notices.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('case_id', 'text')
    .addColumn('case_no', 'text')
    .addColumn('applicant_id', 'text')
    // What caused it (domain/notices/events.ts): 'accepted', 'result_ready', …
    .addColumn('event', 'text', (c) => c.notNull())
    // 1 = a notice the law requires (受理、补正、延期…): sent even to an applicant who opted out.
    .addColumn('legal', 'integer', (c) => c.notNull())
    // 'sms' | 'email' | 'inapp'
    .addColumn('channel', 'text', (c) => c.notNull())
    // The phone or e-mail address, encrypted (platform/pii); shown only masked.
    .addColumn('recipient_enc', 'text')
    .addColumn('recipient_masked', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // 'pending' | 'sent' | 'failed' | 'unconfigured' | 'opted_out'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    // A worker holds the row until then while it sends; another node skips it (at least once, never at once).
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    // Given once to the provider with every try, so a retry after a crash is recognised there.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    // Optional: the same reminder for the same thing is queued once (e.g. 'collect:<caseId>:1').
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_day', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_due').on('notices').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('notices_case').on('notices').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('notices_hall').on('notices').columns(['hall_id', 'created_at']).execute();

  await db.schema
    .createTable('notice_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    // The provider's answer (status and a short excerpt) or the error.
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_attempts_notice').on('notice_attempts').columns(['notice_id', 'at']).execute();

  await db.schema
    .createTable('notice_templates')
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_templates_pk', ['hall_id', 'event'])
    .execute();

  await db.schema.alterTable('applicants').addColumn('email', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('preferred_channel', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('notice_opt_out', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applicants').dropColumn('notice_opt_out').execute();
  await db.schema.alterTable('applicants').dropColumn('preferred_channel').execute();
  await db.schema.alterTable('applicants').dropColumn('email').execute();
  await db.schema.dropTable('notice_templates').execute();
  await db.schema.dropTable('notice_attempts').execute();
  await db.schema.dropTable('notices').execute();
}
