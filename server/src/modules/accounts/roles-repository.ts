import type { Db } from '../../platform/db/database.ts';
import type { CustomRoleTable } from '../../platform/db/tables-roles.ts';

export type CustomRoleRow = CustomRoleTable;

export async function listCustomRoles(db: Db): Promise<CustomRoleRow[]> {
  return db.selectFrom('custom_roles').selectAll().orderBy('created_at').execute();
}

export async function findCustomRole(db: Db, code: string): Promise<CustomRoleRow | undefined> {
  return db.selectFrom('custom_roles').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCustomRole(db: Db, row: CustomRoleRow): Promise<void> {
  await db.insertInto('custom_roles').values(row).execute();
}

/** Updates an active role, guarded by the `updated_at` it was read with; false when someone changed it first. */
export async function updateCustomRole(
  db: Db,
  code: string,
  readAt: number,
  patch: Partial<Pick<CustomRoleRow, 'name' | 'name_en' | 'permissions' | 'status' | 'retired_at' | 'updated_at'>>,
): Promise<boolean> {
  const res = await db
    .updateTable('custom_roles')
    .set(patch)
    .where('code', '=', code)
    .where('status', '=', 'active')
    .where('updated_at', '=', readAt)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The ids of the accounts holding a role, with every role each of them holds. */
export async function holdersOf(db: Db, code: string): Promise<{ userId: string; roles: string[] }[]> {
  const rows = await db
    .selectFrom('user_roles as mine')
    .innerJoin('user_roles as all', 'all.user_id', 'mine.user_id')
    .select(['mine.user_id', 'all.role'])
    .where('mine.role', '=', code)
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role]);
  return [...out].map(([userId, roles]) => ({ userId, roles }));
}

export async function holderCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('user_roles')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('role')
    .execute();
  return new Map(rows.map((r) => [r.role, Number(r.n)]));
}

export async function removeRoleFromAll(db: Db, code: string): Promise<void> {
  await db.deleteFrom('user_roles').where('role', '=', code).execute();
}
