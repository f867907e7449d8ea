import type { Db } from '../../platform/db/database.ts';
import type { CatalogMaterialFileTable } from '../../platform/db/tables-catalog-files.ts';
import type { ServiceItemTable, ServiceItemVersionTable } from '../../platform/db/tables.ts';

export type ItemRow = ServiceItemTable;
export type VersionRow = ServiceItemVersionTable;

export const findItem = (db: Db, id: string) =>
  db.selectFrom('service_items').selectAll().where('id', '=', id).executeTakeFirst();

export const versionsOf = (db: Db, itemId: string) =>
  db.selectFrom('service_item_versions').selectAll().where('item_id', '=', itemId).orderBy('version', 'desc').execute();

export const findVersion = (db: Db, itemId: string, version: number) =>
  db
    .selectFrom('service_item_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();

export const insertItem = (db: Db, row: ItemRow) => db.insertInto('service_items').values(row).execute();

export const updateItem = (db: Db, id: string, patch: Partial<ItemRow>) =>
  db.updateTable('service_items').set(patch).where('id', '=', id).execute();

export const insertVersion = (db: Db, row: VersionRow) => db.insertInto('service_item_versions').values(row).execute();

export const updateVersion = (db: Db, itemId: string, version: number, patch: Partial<VersionRow>) =>
  db
    .updateTable('service_item_versions')
    .set(patch)
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .execute();

export interface ItemFilter {
  hallIds: string[];
  q?: string;
  category?: string;
  status?: string;
  limit: number;
  offset: number;
}

export async function listItems(db: Db, f: ItemFilter) {
  let q = db.selectFrom('service_items').where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('code', 'like', like)]));
  }
  if (f.category) q = q.where('category', '=', f.category);
  if (f.status) q = q.where('status', '=', f.status);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Published items with their published content, for the lists that must read many items' content. */
export const publishedWithContent = (db: Db) =>
  db
    .selectFrom('service_items as i')
    .innerJoin('service_item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'),
    )
    .where('i.status', '=', 'published')
    .select(['i.id', 'i.hall_id', 'i.code', 'i.name', 'v.content'])
    .orderBy('i.code')
    .execute();

export type MaterialFileRow = CatalogMaterialFileTable;

export const materialFilesOf = (db: Db, itemId: string, version: number) =>
  db
    .selectFrom('catalog_material_files')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .orderBy('material_key')
    .orderBy('kind')
    .execute();

export const findMaterialFile = (db: Db, itemId: string, version: number, materialKey: string, kind: string) =>
  db
    .selectFrom('catalog_material_files')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .where('material_key', '=', materialKey)
    .where('kind', '=', kind)
    .executeTakeFirst();

export const deleteMaterialFile = (db: Db, itemId: string, version: number, materialKey: string, kind: string) =>
  db
    .deleteFrom('catalog_material_files')
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .where('material_key', '=', materialKey)
    .where('kind', '=', kind)
    .execute();

export const insertMaterialFile = (db: Db, row: MaterialFileRow) =>
  db.insertInto('catalog_material_files').values(row).execute();

/** A new draft starts with the files of the version it was opened from. */
export async function copyMaterialFiles(db: Db, itemId: string, from: number, to: number, newIdOf: () => string) {
  const rows = await materialFilesOf(db, itemId, from);
  for (const r of rows) await insertMaterialFile(db, { ...r, id: newIdOf(), version: to });
}
