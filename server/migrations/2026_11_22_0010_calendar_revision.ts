import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * The calendar revision (settings 'calendar.revision'): every write to the calendar tables changes it, and a
 * node rebuilds a hall's cached working calendar only when it has changed. Started here for every database,
 * including those whose calendar was edited before the revision existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = Date.now();
  await sql`INSERT INTO settings (key, value, updated_at) VALUES ('calendar.revision', ${randomUUID()}, ${now})`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM settings WHERE key = 'calendar.revision'`.execute(db);
}
