import { z } from 'zod';
import { questionTerms, scoreEntry } from '../../domain/knowledge/terms.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { EntryInput, EntryUpdate, Kind, SearchQuery, SuggestQuery } from './schema.ts';

const stringList = z.array(z.string());
const list = (text: string) => stringList.parse(JSON.parse(text));
const tagsText = (tags: string[]) => (tags.length ? `|${tags.join('|')}|` : '');

async function checkItems(db: Db, hallId: string, itemIds: string[]) {
  const ids = [...new Set(itemIds)];
  const found = await repo.itemsIn(db, ids);
  const bad = ids.find((id) => !found.some((i) => i.id === id && i.hall_id === hallId));
  if (bad) throw invalid('itemIds', `事项 ${bad} 不存在或不属于该大厅`, `Service item ${bad} is not in this hall`);
  return ids;
}

async function present(db: Db, rows: repo.EntryRow[]) {
  const items = await repo.itemsIn(db, [...new Set(rows.flatMap((r) => list(r.item_ids)))]);
  const names = new Map(items.map((i) => [i.id, i.name]));
  return rows.map((r) => ({
    id: r.id,
    hallId: r.hall_id,
    kind: r.kind as Kind,
    title: r.title,
    body: r.body,
    tags: list(r.tags),
    items: list(r.item_ids).map((id) => ({ id, name: names.get(id) ?? id })),
    status: r.status as 'active' | 'archived',
    version: r.version,
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    updatedAt: Number(r.updated_at),
    updatedBy: r.updated_by,
  }));
}

export async function searchKnowledge(
  ctx: AppContext,
  actor: Actor,
  q: SearchQuery & { limit: number; offset: number },
) {
  const { rows, total } = await repo.searchEntries(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    q: q.q || undefined,
    kind: q.kind,
    tag: q.tag || undefined,
    itemId: q.itemId,
    includeArchived: q.includeArchived === 'true',
    limit: q.limit,
    offset: q.offset,
  });
  return { items: await present(ctx.db, rows), total };
}

/** Entries that fit a question being typed: the most matching pieces first, those linked to its item ahead. */
export async function suggestKnowledge(ctx: AppContext, actor: Actor, q: SuggestQuery) {
  const terms = questionTerms(q.text);
  const candidates = await repo.entriesMatchingAny(ctx.db, visibleHallIds(actor, q.hallId), terms, 200);
  const scored = candidates
    .map((e) => ({
      e,
      score:
        scoreEntry(terms, { title: e.title, tagsText: e.tags_text, body: e.body }) +
        (q.itemId && list(e.item_ids).includes(q.itemId) ? 3 : 0),
    }))
    .sort((a, b) => b.score - a.score || Number(b.e.updated_at) - Number(a.e.updated_at))
    .slice(0, q.limit);
  const items = await present(
    ctx.db,
    scored.map((x) => x.e),
  );
  return { items, total: items.length };
}

async function loadEntry(ctx: AppContext, actor: Actor, id: string) {
  const e = await repo.findEntry(ctx.db, id);
  if (!e) throw notFound('知识条目', 'Knowledge entry');
  if (!actor.hallIds.includes(e.hall_id))
    throw outOfScope(notFound('知识条目', 'Knowledge entry'), 'knowledge_entry', e.id);
  return e;
}

export async function entryDetail(ctx: AppContext, actor: Actor, id: string) {
  const e = await loadEntry(ctx, actor, id);
  const [[entry], versions] = await Promise.all([present(ctx.db, [e]), repo.versionsOf(ctx.db, id)]);
  return {
    ...entry!,
    versions: versions.map((v) => ({
      version: v.version,
      kind: v.kind as Kind,
      title: v.title,
      body: v.body,
      tags: list(v.tags),
      itemIds: list(v.item_ids),
      note: v.note,
      editedAt: Number(v.edited_at),
      editedBy: v.edited_by,
    })),
  };
}

export async function createEntry(ctx: AppContext, actor: Actor, input: EntryInput) {
  assertHallAccess(actor, input.hallId);
  const itemIds = await checkItems(ctx.db, input.hallId, input.itemIds);
  const tags = [...new Set(input.tags)];
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEntry(trx, {
      id,
      hall_id: input.hallId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      tags: JSON.stringify(tags),
      tags_text: tagsText(tags),
      item_ids: JSON.stringify(itemIds),
      status: 'active',
      version: 1,
      created_at: now,
      created_by: actor.displayName,
      updated_at: now,
      updated_by: actor.displayName,
    });
    await repo.insertVersion(trx, {
      entry_id: id,
      version: 1,
      kind: input.kind,
      title: input.title,
      body: input.body,
      tags: JSON.stringify(tags),
      item_ids: JSON.stringify(itemIds),
      note: '新建',
      edited_at: now,
      edited_by: actor.displayName,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'knowledge.create', 'knowledge_entry', id, { title: input.title, kind: input.kind }),
    );
  });
  return entryDetail(ctx, actor, id);
}

/** Every edit is a new version; earlier ones stay readable. */
export async function updateEntry(ctx: AppContext, actor: Actor, id: string, input: EntryUpdate) {
  const e = await loadEntry(ctx, actor, id);
  if (e.status !== 'active') throw new AppError(409, 'CONFLICT', '条目已归档，不能修改', 'The entry is archived');
  const itemIds = await checkItems(ctx.db, e.hall_id, input.itemIds);
  const tags = [...new Set(input.tags)];
  const now = ctx.clock.now();
  const version = e.version + 1;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEntry(trx, id, {
      kind: input.kind,
      title: input.title,
      body: input.body,
      tags: JSON.stringify(tags),
      tags_text: tagsText(tags),
      item_ids: JSON.stringify(itemIds),
      version,
      updated_at: now,
      updated_by: actor.displayName,
    });
    await repo.insertVersion(trx, {
      entry_id: id,
      version,
      kind: input.kind,
      title: input.title,
      body: input.body,
      tags: JSON.stringify(tags),
      item_ids: JSON.stringify(itemIds),
      note: input.note,
      edited_at: now,
      edited_by: actor.displayName,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'knowledge.update', 'knowledge_entry', id, { version, title: input.title, note: input.note }),
    );
  });
  return entryDetail(ctx, actor, id);
}

/** Out of date: hidden from search, kept with its versions. */
export async function archiveEntry(ctx: AppContext, actor: Actor, id: string) {
  const e = await loadEntry(ctx, actor, id);
  if (e.status === 'archived') throw new AppError(409, 'CONFLICT', '条目已归档', 'The entry is already archived');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEntry(trx, id, { status: 'archived', updated_at: now, updated_by: actor.displayName });
    await appendAudit(trx, byActor(actor, now, 'knowledge.archive', 'knowledge_entry', id, { title: e.title }));
  });
  return entryDetail(ctx, actor, id);
}
