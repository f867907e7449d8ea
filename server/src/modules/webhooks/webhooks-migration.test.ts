/** Migration 0040 goes up and down: the three tables of 事件推送 appear and go, and up again after down. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshDatabase, migrateDownThrough } from '../../../test/helpers.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';

let handle: DatabaseHandle;
const tables = ['webhook_attempts', 'webhook_deliveries', 'webhook_endpoints'];

async function present(): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const ok = await sql`select count(*) as n from ${sql.table(t)}`
      .execute(handle.db)
      .then(() => true)
      .catch(() => false);
    if (ok) found.push(t);
  }
  return found;
}

beforeAll(async () => {
  handle = await freshDatabase();
  await migrateToLatest(handle.db);
});
afterAll(() => handle.close());

it('creates the tables, drops them on down, and creates them again', async () => {
  expect(await present()).toEqual(tables);
  await migrateDownThrough(handle.db, '2026_12_04_0040_webhooks');
  expect(await present()).toEqual([]);
  await migrateToLatest(handle.db);
  expect(await present()).toEqual(tables);
});
