import type { Db } from '../../platform/db/database.ts';
import type { UserTable } from '../../platform/db/tables.ts';

export type UserRow = UserTable;

export interface UserWithLinks extends UserRow {
  roles: string[];
  hallIds: string[];
  departmentIds: string[];
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The display names of several staff (the queue names who staffs each window). */
/** Everyone with an account by name, for pickers that filter by person (the audit screen). */
export const accountNames = (db: Db) =>
  db.selectFrom('users').select(['username', 'display_name']).orderBy('display_name').execute();

export const displayNamesOf = (db: Db, ids: string[]) =>
  db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', ids.length ? ids : [''])
    .execute();

/** The posts one person holds: whom a step may be assigned to. */
export const rolesOfUser = (db: Db, userId: string) =>
  db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();

/** Loads the roles, halls and departments of several users in three queries. */
export async function withLinks(db: Db, users: UserRow[]): Promise<UserWithLinks[]> {
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const [roles, halls, departments] = await Promise.all([
    db.selectFrom('user_roles').selectAll().where('user_id', 'in', ids).execute(),
    db.selectFrom('user_halls').selectAll().where('user_id', 'in', ids).execute(),
    db.selectFrom('user_departments').selectAll().where('user_id', 'in', ids).execute(),
  ]);
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
    hallIds: halls.filter((h) => h.user_id === u.id).map((h) => h.hall_id),
    departmentIds: departments.filter((d) => d.user_id === u.id).map((d) => d.department_id),
  }));
}

export interface UserFilter {
  q?: string;
  role?: string;
  hallIds: string[];
  /** Also list accounts in no hall (a production system's first administrators). */
  includeUnassigned?: boolean;
  limit: number;
  offset: number;
}

/** Users who belong to at least one of the given halls (a user sees staff of their own halls). */
export async function listUsers(db: Db, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  // The accounts of API keys (status 'machine') are kept on the 接口密钥 page, not among the staff.
  let q = db
    .selectFrom('users')
    .where('status', '!=', 'machine')
    .where((eb) => {
      const inHalls = eb.exists(
        eb
          .selectFrom('user_halls')
          .select('user_halls.user_id')
          .whereRef('user_halls.user_id', '=', 'users.id')
          .where('user_halls.hall_id', 'in', f.hallIds.length ? f.hallIds : ['']),
      );
      if (!f.includeUnassigned) return inHalls;
      const anyHall = eb
        .selectFrom('user_halls')
        .select('user_halls.user_id')
        .whereRef('user_halls.user_id', '=', 'users.id');
      return eb.or([inHalls, eb.not(eb.exists(anyHall))]);
    });
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
  }
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', '=', role),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('username').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Replaces a user's roles, halls and departments with the given lists. */
export async function replaceLinks(
  db: Db,
  userId: string,
  links: { roles?: string[]; hallIds?: string[]; departmentIds?: string[] },
): Promise<void> {
  if (links.roles) {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (links.roles.length)
      await db
        .insertInto('user_roles')
        .values(links.roles.map((role) => ({ user_id: userId, role })))
        .execute();
  }
  if (links.hallIds) {
    await db.deleteFrom('user_halls').where('user_id', '=', userId).execute();
    if (links.hallIds.length)
      await db
        .insertInto('user_halls')
        .values(links.hallIds.map((hall_id) => ({ user_id: userId, hall_id })))
        .execute();
  }
  if (links.departmentIds) {
    await db.deleteFrom('user_departments').where('user_id', '=', userId).execute();
    if (links.departmentIds.length)
      await db
        .insertInto('user_departments')
        .values(links.departmentIds.map((department_id) => ({ user_id: userId, department_id })))
        .execute();
  }
}
