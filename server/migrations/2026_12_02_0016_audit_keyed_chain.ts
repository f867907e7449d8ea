import type { Kysely } from 'kysely';

/**
 * The audit chain's version per record: the records already there stay plain SHA-256 (1); from now on each is
 * an HMAC under a key kept outside the database (2), named by key_id so keys can be rotated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('chain', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('key_id').execute();
  await db.schema.alterTable('audit_log').dropColumn('chain').execute();
}
