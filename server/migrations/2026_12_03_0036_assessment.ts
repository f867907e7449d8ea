import type { Kysely } from 'kysely';

// 考核 (R12): the hall's indicators (weights total 100), the scorecards of a period and subject (remarks, the
// spot-check score, sign-off) and their frozen versions (a snapshot of every figure; a correction is a new version).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_indicators')
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('formula', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_indicators_pk', ['hall_id', 'code'])
    .execute();
  await db.schema
    .createTable('assessment_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // 'YYYY-MM', 'YYYY-Qn' or 'YYYY' (the annual post-responsibility review of a person).
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('remarks', 'text')
    .addColumn('spot_score', 'integer')
    .addColumn('remarked_by', 'text')
    .addColumn('remarked_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('assessment_cards_subject', ['hall_id', 'period', 'subject_kind', 'subject_id'])
    .execute();
  await db.schema
    .createTable('assessment_card_versions')
    .addColumn('card_id', 'text', (c) => c.notNull().references('assessment_cards.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision')
    .addColumn('grade', 'text')
    .addColumn('reason', 'text')
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('signed_by_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_card_versions_pk', ['card_id', 'version'])
    .execute();
  // The month's figures read the cases accepted, the review decisions of the trail and the answered consultations
  // of a hall by day or time: without these a big hall's month scans every case, trail event and consultation.
  await db.schema.createIndex('case_events_action_at').on('case_events').columns(['action', 'at']).execute();
  await db.schema.createIndex('cases_hall_accepted').on('cases').columns(['hall_id', 'accepted_day']).execute();
  await db.schema
    .createIndex('consultations_hall_answered')
    .on('consultations')
    .columns(['hall_id', 'answered_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('consultations_hall_answered').execute();
  await db.schema.dropIndex('cases_hall_accepted').execute();
  await db.schema.dropIndex('case_events_action_at').execute();
  await db.schema.dropTable('assessment_card_versions').execute();
  await db.schema.dropTable('assessment_cards').execute();
  await db.schema.dropTable('assessment_indicators').execute();
}
