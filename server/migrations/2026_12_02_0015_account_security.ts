import type { Kysely } from 'kysely';

// Account security: two-factor sign-in, recovery codes, password history, and administrator-account requests that
// a second administrator approves (三权分立).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    // Base32 secret once enrolled; the pending one waits for its first code.
    .addColumn('secret', 'text')
    .addColumn('pending_secret', 'text')
    .addColumn('enabled_at', 'bigint')
    // The last time step a code was accepted for: a code works once.
    .addColumn('last_step', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').columns(['user_id', 'used_at']).execute();
  await db.schema
    .createTable('password_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_history_user')
    .on('password_history')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('admin_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'create' | 'update' | 'reset_password' | 'reset_totp'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_user_id', 'text', (c) => c.references('users.id'))
    // What the request does, JSON (an initial password only as its hash).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // 'pending' | 'approved' | 'rejected' | 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'bigint')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('admin_requests_status')
    .on('admin_requests')
    .columns(['status', 'requested_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['admin_requests', 'password_history', 'recovery_codes', 'user_totp'])
    await db.schema.dropTable(t).execute();
}
