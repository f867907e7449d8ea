import type { Kysely } from 'kysely';

// Roles as data: custom roles composed of permissions by the security administrator, assigned through user_roles.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_roles')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // JSON array of permission codes.
    .addColumn('permissions', 'text', (c) => c.notNull())
    // 'active' | 'retired': a retired role gives nothing and is taken from its holders.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('retired_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('custom_roles').execute();
}
