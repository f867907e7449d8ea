import type { Db } from '../../platform/db/database.ts';
import type { DepartmentTable, HallTable, WindowTable } from '../../platform/db/tables.ts';

const none = [''];
const anyOf = (ids: string[]) => (ids.length ? ids : none);

export const hallsIn = (db: Db, hallIds: string[]) =>
  db.selectFrom('halls').selectAll().where('id', 'in', anyOf(hallIds)).orderBy('code').execute();

/** Every hall, by code: the public guide lists them all, and some duties span the whole system. */
export const allHalls = (db: Db) => db.selectFrom('halls').selectAll().orderBy('code').execute();

export const allHallIds = async (db: Db) => (await db.selectFrom('halls').select('id').execute()).map((h) => h.id);

export const findHall = (db: Db, id: string) =>
  db.selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();

export const insertHall = (db: Db, row: HallTable) => db.insertInto('halls').values(row).execute();

export const updateHall = (db: Db, id: string, patch: Partial<HallTable>) =>
  db.updateTable('halls').set(patch).where('id', '=', id).execute();

export const departmentsIn = (db: Db, hallIds: string[]) =>
  db
    .selectFrom('departments')
    .selectAll()
    .where('hall_id', 'in', anyOf(hallIds))
    .orderBy('hall_id')
    .orderBy('code')
    .execute();

export const findDepartment = (db: Db, id: string) =>
  db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();

export const departmentsByIds = (db: Db, ids: string[]) =>
  db.selectFrom('departments').selectAll().where('id', 'in', anyOf(ids)).execute();

export const insertDepartment = (db: Db, row: DepartmentTable) => db.insertInto('departments').values(row).execute();

export const updateDepartment = (db: Db, id: string, patch: Partial<DepartmentTable>) =>
  db.updateTable('departments').set(patch).where('id', '=', id).execute();

export const windowsIn = (db: Db, hallIds: string[]) =>
  db
    .selectFrom('windows')
    .selectAll()
    .where('hall_id', 'in', anyOf(hallIds))
    .orderBy('hall_id')
    .orderBy('number')
    .execute();

export const findWindow = (db: Db, id: string) =>
  db.selectFrom('windows').selectAll().where('id', '=', id).executeTakeFirst();

export const insertWindow = (db: Db, row: WindowTable) => db.insertInto('windows').values(row).execute();

export const updateWindow = (db: Db, id: string, patch: Partial<WindowTable>) =>
  db.updateTable('windows').set(patch).where('id', '=', id).execute();

export async function windowItemIds(db: Db, windowIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('window_items').selectAll().where('window_id', 'in', anyOf(windowIds)).execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.window_id, [...(out.get(r.window_id) ?? []), r.item_id]);
  return out;
}

export async function replaceWindowItems(db: Db, windowId: string, itemIds: string[]): Promise<void> {
  await db.deleteFrom('window_items').where('window_id', '=', windowId).execute();
  if (itemIds.length)
    await db
      .insertInto('window_items')
      .values(itemIds.map((item_id) => ({ window_id: windowId, item_id })))
      .execute();
}

/** Windows that serve an item, for the public guide. */
export const windowsServing = (db: Db, itemId: string) =>
  db
    .selectFrom('windows')
    .innerJoin('window_items', 'window_items.window_id', 'windows.id')
    .select(['windows.number', 'windows.name'])
    .where('window_items.item_id', '=', itemId)
    .where('windows.status', '=', 'active')
    .orderBy('windows.number')
    .execute();

export async function itemIdsInHall(db: Db, itemIds: string[], hallId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('service_items')
    .select('id')
    .where('id', 'in', anyOf(itemIds))
    .where('hall_id', '=', hallId)
    .execute();
  return new Set(rows.map((r) => r.id));
}
