import type { Kysely } from 'kysely';

// Electronic supervision (电子监察): in-app alerts when a case or step clock turns yellow or red.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    // 'case:<id>' or 'step:<id>': what turned yellow or red.
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('step_id', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    // A sweep never alerts the same person twice about the same light.
    .addUniqueConstraint('alerts_once', ['target_key', 'level', 'recipient_id'])
    .execute();
  await db.schema
    .createIndex('alerts_recipient')
    .on('alerts')
    .columns(['recipient_id', 'read_at', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alerts').execute();
}
