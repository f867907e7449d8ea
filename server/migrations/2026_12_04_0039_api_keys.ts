import { type Kysely, sql } from 'kysely';

// 接口密钥: keys of machine clients issued by the security administrator, their secrets (hashes only) and trail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The key's own identity: an account of status 'machine' that cannot sign in.
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('holder_org', 'text', (c) => c.notNull())
    .addColumn('holder_contact', 'text', (c) => c.notNull())
    // JSON arrays: the permission codes and hall ids of the key's scope.
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('hall_ids', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    // 'active' | 'revoked'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoke_reason', 'text')
    .addColumn('last_used_at', 'bigint')
    .addColumn('last_used_ip', 'text')
    .execute();
  await db.schema
    .createTable('api_key_secrets')
    // sha256 of the whole key: a 32-byte random secret needs no slow hash.
    .addColumn('secret_hash', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull().references('api_keys.id'))
    .addColumn('prefix', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('retires_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_key_secrets_key').on('api_key_secrets').column('key_id').execute();
  await db.schema
    .createTable('api_key_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull().references('api_keys.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('api_key_events_key').on('api_key_events').columns(['key_id', 'seq']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_key_events').execute();
  await db.schema.dropTable('api_key_secrets').execute();
  await db.schema.dropTable('api_keys').execute();
  // The keys' accounts stay, as records they wrote point at them, but as disabled accounts without a key.
  await sql`update users set status = 'disabled' where status = 'machine'`.execute(db);
}
