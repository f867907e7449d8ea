/** Migration 0039 (接口密钥): up creates the key tables, down drops them and disables the keys' accounts. */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, migrateDownThrough } from '../../../test/helpers.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';

let handle: DatabaseHandle;
const t = 1_770_000_000_000;
const raw = () => handle.db as unknown as Kysely<unknown>;
const tableExists = async (name: string) => {
  try {
    await sql`select count(*) from ${sql.table(name)}`.execute(raw());
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  handle = await freshDatabase();
  await migrateToLatest(handle.db);
});
afterAll(() => handle.close());

describe('migration 0039 (api keys)', () => {
  it('goes up with the three tables, down without them, and up again', async () => {
    for (const name of ['api_keys', 'api_key_secrets', 'api_key_events'])
      expect(await tableExists(name), name).toBe(true);
    await sql`insert into users (id, username, display_name, password_hash, must_change_password, failed_logins, status,
      password_changed_at, created_at, updated_at) values ('m1', 'apikey.k1', '接口密钥 测试', '!', 0, 0, 'machine', ${t}, ${t}, ${t})`.execute(
      raw(),
    );
    await migrateDownThrough(handle.db, '2026_12_04_0039_api_keys');
    for (const name of ['api_keys', 'api_key_secrets', 'api_key_events'])
      expect(await tableExists(name), name).toBe(false);
    const { rows } = await sql<{ status: string }>`select status from users where id = 'm1'`.execute(raw());
    expect(rows.map((r) => r.status)).toEqual(['disabled']);
    await migrateToLatest(handle.db);
    expect(await tableExists('api_keys')).toBe(true);
  });
});
