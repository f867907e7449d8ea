import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { KnowledgeEntryTable, KnowledgeVersionTable } from '../../platform/db/tables-consult.ts';

export type EntryRow = KnowledgeEntryTable;

export const findEntry = (db: Db, id: string) =>
  db.selectFrom('knowledge_entries').selectAll().where('id', '=', id).executeTakeFirst();

export const insertEntry = (db: Db, row: EntryRow) => db.insertInto('knowledge_entries').values(row).execute();

export const updateEntry = (db: Db, id: string, patch: Partial<EntryRow>) =>
  db.updateTable('knowledge_entries').set(patch).where('id', '=', id).execute();

export const insertVersion = (db: Db, row: KnowledgeVersionTable) =>
  db.insertInto('knowledge_versions').values(row).execute();

export const versionsOf = (db: Db, id: string) =>
  db.selectFrom('knowledge_versions').selectAll().where('entry_id', '=', id).orderBy('version', 'desc').execute();

export const itemsIn = async (db: Db, ids: string[]) => {
  if (ids.length === 0) return [];
  return db.selectFrom('service_items').select(['id', 'hall_id', 'name']).where('id', 'in', ids).execute();
};

export interface EntryFilter {
  hallIds: string[];
  q?: string;
  kind?: string;
  tag?: string;
  itemId?: string;
  includeArchived: boolean;
  limit: number;
  offset: number;
}

/** Substring search over title, body and tags (works for Chinese on both databases); title matches first. */
export async function searchEntries(db: Db, f: EntryFilter) {
  let q = db.selectFrom('knowledge_entries').where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (!f.includeArchived) q = q.where('status', '=', 'active');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.tag) q = q.where('tags_text', 'like', `%|${f.tag}|%`);
  if (f.itemId) q = q.where('item_ids', 'like', `%"${f.itemId}"%`);
  const like = f.q ? `%${f.q}%` : null;
  if (like)
    q = q.where((eb) => eb.or([eb('title', 'like', like), eb('body', 'like', like), eb('tags_text', 'like', like)]));
  const rank = (eb: ExpressionBuilder<Database, 'knowledge_entries'>) =>
    like
      ? eb
          .case()
          .when('title', 'like', like)
          .then(eb.lit(0))
          .when('tags_text', 'like', like)
          .then(eb.lit(1))
          .else(eb.lit(2))
          .end()
      : eb.lit(0);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .select((eb) => rank(eb).as('rank'))
      .orderBy('rank')
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Active entries containing any of the terms in title, body or tags; the service scores them. */
export async function entriesMatchingAny(db: Db, hallIds: string[], terms: string[], limit: number) {
  if (terms.length === 0) return [];
  return db
    .selectFrom('knowledge_entries')
    .selectAll()
    .where('hall_id', 'in', hallIds.length ? hallIds : [''])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or(
        terms.flatMap((t) => [
          eb('title', 'like', `%${t}%`),
          eb('body', 'like', `%${t}%`),
          eb('tags_text', 'like', `%${t}%`),
        ]),
      ),
    )
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}
