import type { Kysely } from 'kysely';

/**
 * 待定: a date computed from the calendar carries, where it is stored, whether a year it touched had no published
 * national schedule. The case deadline had its flag from the start (deadline_provisional); these are the others.
 */
const columns = [
  ['case_steps', 'deadline_provisional'],
  ['consultations', 'due_provisional'],
  ['case_verifications', 'response_deadline_provisional'],
  ['case_extensions', 'new_deadline_provisional'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of columns) {
    await db.schema
      .alterTable(table)
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of columns) await db.schema.alterTable(table).dropColumn(column).execute();
}
