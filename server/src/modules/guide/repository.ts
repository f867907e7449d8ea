import type { Db } from '../../platform/db/database.ts';

export async function publishedItems(
  db: Db,
  f: { hallId?: string; q?: string; category?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('service_items').where('status', '=', 'published');
  if (f.hallId) q = q.where('hall_id', '=', f.hallId);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('code', 'like', like)]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function publishedItem(db: Db, id: string) {
  return db
    .selectFrom('service_items')
    .innerJoin('service_item_versions', (j) =>
      j
        .onRef('service_item_versions.item_id', '=', 'service_items.id')
        .onRef('service_item_versions.version', '=', 'service_items.published_version'),
    )
    .select([
      'service_items.id',
      'service_items.code',
      'service_items.hall_id',
      'service_item_versions.version',
      'service_item_versions.content',
      'service_item_versions.published_at',
    ])
    .where('service_items.id', '=', id)
    .where('service_items.status', '=', 'published')
    .executeTakeFirst();
}
