import type { MaterialFileKind } from '../../domain/catalogue-files.ts';
import { itemProblems } from '../../domain/catalogue.ts';
import { withFeeTotal } from '../../domain/fees/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { loadCaseFile, StoredFileIntegrityError } from '../../platform/stored-files.ts';
import { newId } from '../../platform/ids.ts';
import { assertDepartmentsInHalls, assertHallAccess, assertStationHalls, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import { type ItemContent, itemContentSchema } from './schema.ts';

/** Version content is stored as JSON text and read back through its schema. */
export const parseContent = (text: string): ItemContent => itemContentSchema.parse(JSON.parse(text));

/**
 * A version that has been published never changes again (a new draft is a new version; publishing changes only
 * the old one's state), so its parsed content is kept per process: every acceptance and every case detail reads
 * the version it is pinned to, and on every node the same bytes would be read and parsed again.
 */
const frozenContent = new Map<string, ItemContent>();
const FROZEN_KEPT = 2_000;

/** The content of a published (or formerly published) version; null when there is no such version. */
export async function publishedContent(db: Db, itemId: string, version: number): Promise<ItemContent | null> {
  const key = `${itemId}@${version}`;
  const kept = frozenContent.get(key);
  if (kept) return kept;
  const row = await repo.findVersion(db, itemId, version);
  if (!row) return null;
  const content = parseContent(row.content);
  // A draft may still be edited: only what was published is kept.
  if (row.state !== 'draft') {
    if (frozenContent.size >= FROZEN_KEPT) frozenContent.delete(frozenContent.keys().next().value as string);
    frozenContent.set(key, content);
  }
  return content;
}

/** The columns the lists filter on, copied from the content that is current for them. */
const listedColumns = (c: ItemContent) => ({
  name: c.name,
  category: c.category,
  kind: c.kind,
  promised_days: c.promisedDays,
  legal_days: c.legalDays,
});

export function presentSummary(i: repo.ItemRow) {
  return {
    id: i.id,
    hallId: i.hall_id,
    code: i.code,
    name: i.name,
    category: i.category as ItemContent['category'],
    kind: i.kind as ItemContent['kind'],
    promisedDays: i.promised_days,
    legalDays: i.legal_days,
    status: i.status as 'draft' | 'published' | 'retired',
    publishedVersion: i.published_version,
    draftVersion: i.draft_version,
    updatedAt: Number(i.updated_at),
  };
}

export const presentMaterialFile = (r: repo.MaterialFileRow) => ({
  materialKey: r.material_key,
  kind: r.kind as MaterialFileKind,
  name: r.display_name,
  contentType: r.content_type,
  size: r.size,
  uploadedAt: Number(r.uploaded_at),
});

/** The catalogue's files live in their own folder beside the cases' (DATA_DIR/files/catalogue/<itemId>/<sha256>). */
export const CATALOGUE_FOLDER = 'catalogue';

/** The blank forms and samples of one version of an item. */
export async function materialFilesOf(db: Db, itemId: string, version: number) {
  return (await repo.materialFilesOf(db, itemId, version)).map(presentMaterialFile);
}

async function checkContent(db: Db, hallId: string, c: ItemContent): Promise<void> {
  const problem = itemProblems(c);
  if (problem) throw invalid(problem.field, problem.zh, problem.en);
  await assertDepartmentsInHalls(db, c.departmentIds, [hallId], 'content.departmentIds');
  const stepDepartments = c.steps.map((s) => s.departmentId).filter((d): d is string => d !== null);
  await assertDepartmentsInHalls(db, stepDepartments, [hallId], 'content.steps');
  const stations = c.townshipReception?.stationHallIds ?? [];
  await assertStationHalls(db, stations, hallId, 'content.townshipReception.stationHallIds');
}

export async function loadItem(ctx: AppContext, actor: Actor, id: string) {
  const item = await repo.findItem(ctx.db, id);
  if (!item) throw notFound('事项', 'Service item');
  if (!actor.hallIds.includes(item.hall_id))
    throw outOfScope(notFound('事项', 'Service item'), 'service_item', item.id);
  return item;
}

export async function itemDetail(ctx: AppContext, actor: Actor, id: string) {
  const item = await loadItem(ctx, actor, id);
  const versions = await repo.versionsOf(ctx.db, id);
  const current = versions.find((v) => v.version === (item.draft_version ?? item.published_version)) ?? versions[0];
  if (!current) throw notFound('事项', 'Service item');
  return {
    ...presentSummary(item),
    versions: versions.map((v) => ({
      version: v.version,
      state: v.state as 'draft' | 'published' | 'superseded',
      publishedAt: v.published_at === null ? null : Number(v.published_at),
      publishedBy: v.published_by,
      createdAt: Number(v.created_at),
    })),
    content: parseContent(current.content),
    materialFilesVersion: current.version,
    materialFiles: await materialFilesOf(ctx.db, id, current.version),
  };
}

export async function itemVersion(ctx: AppContext, actor: Actor, id: string, version: number) {
  await loadItem(ctx, actor, id);
  const v = await repo.findVersion(ctx.db, id, version);
  if (!v) throw notFound('事项版本', 'Item version');
  return {
    version: v.version,
    state: v.state as 'draft' | 'published' | 'superseded',
    publishedAt: v.published_at === null ? null : Number(v.published_at),
    publishedBy: v.published_by,
    content: parseContent(v.content),
  };
}

export async function listItems(
  ctx: AppContext,
  actor: Actor,
  f: { hallId?: string; q?: string; category?: string; status?: string; limit: number; offset: number },
) {
  const { rows, total } = await repo.listItems(ctx.db, { ...f, hallIds: visibleHallIds(actor, f.hallId) });
  return { items: rows.map(presentSummary), total };
}

export async function createItem(
  ctx: AppContext,
  actor: Actor,
  request: { hallId: string; code: string; content: ItemContent },
) {
  const input = { ...request, content: withFeeTotal(request.content) };
  assertHallAccess(actor, input.hallId);
  await checkContent(ctx.db, input.hallId, input.content);
  const now = ctx.clock.now();
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertItem(trx, {
        id,
        hall_id: input.hallId,
        code: input.code,
        ...listedColumns(input.content),
        status: 'draft',
        published_version: null,
        draft_version: 1,
        created_at: now,
        updated_at: now,
      });
      await repo.insertVersion(trx, {
        item_id: id,
        version: 1,
        state: 'draft',
        content: JSON.stringify(input.content),
        created_at: now,
        created_by: actor.userId,
        published_at: null,
        published_by: null,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'catalog.item.create', 'service_item', id, { code: input.code, name: input.content.name }),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('该大厅已有相同编码的事项', 'An item with this code exists in the hall', 'code');
    throw e;
  }
  return itemDetail(ctx, actor, id);
}

/** Saves edits as the item's draft; the published version stays as it is until the draft is published. */
export async function saveDraft(ctx: AppContext, actor: Actor, id: string, edited: ItemContent) {
  const content = withFeeTotal(edited);
  const item = await loadItem(ctx, actor, id);
  await checkContent(ctx.db, item.hall_id, content);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    let version = item.draft_version;
    if (version !== null) {
      await repo.updateVersion(trx, id, version, {
        content: JSON.stringify(content),
        created_at: now,
        created_by: actor.userId,
      });
    } else {
      const latest = (await repo.versionsOf(trx, id))[0]?.version ?? 0;
      version = latest + 1;
      await repo.insertVersion(trx, {
        item_id: id,
        version,
        state: 'draft',
        content: JSON.stringify(content),
        created_at: now,
        created_by: actor.userId,
        published_at: null,
        published_by: null,
      });
      if (item.published_version !== null)
        await repo.copyMaterialFiles(trx, id, item.published_version, version, () => newId(now));
    }
    const neverPublished = item.published_version === null;
    await repo.updateItem(trx, id, {
      ...(neverPublished ? listedColumns(content) : {}),
      draft_version: version,
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'catalog.item.save_draft', 'service_item', id, { version }));
  });
  return itemDetail(ctx, actor, id);
}

/** The draft becomes the published version; cases accepted earlier keep the version they were accepted under. */
export async function publishItem(ctx: AppContext, actor: Actor, id: string) {
  const item = await loadItem(ctx, actor, id);
  if (item.draft_version === null) {
    throw new AppError(409, 'CONFLICT', '没有待发布的草稿', 'There is no draft to publish');
  }
  const draft = await repo.findVersion(ctx.db, id, item.draft_version);
  if (!draft) throw notFound('事项版本', 'Item version');
  const content = parseContent(draft.content);
  await checkContent(ctx.db, item.hall_id, content);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (item.published_version !== null) {
      await repo.updateVersion(trx, id, item.published_version, { state: 'superseded' });
    }
    await repo.updateVersion(trx, id, draft.version, {
      state: 'published',
      published_at: now,
      published_by: actor.username,
    });
    await repo.updateItem(trx, id, {
      ...listedColumns(content),
      status: 'published',
      published_version: draft.version,
      draft_version: null,
      updated_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'catalog.item.publish', 'service_item', id, {
        version: draft.version,
        previous: item.published_version,
      }),
    );
  });
  return itemDetail(ctx, actor, id);
}

export async function retireItem(ctx: AppContext, actor: Actor, id: string) {
  const item = await loadItem(ctx, actor, id);
  if (item.status === 'retired') throw new AppError(409, 'CONFLICT', '事项已停用', 'The item is already retired');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, id, { status: 'retired', updated_at: now });
    await appendAudit(trx, byActor(actor, now, 'catalog.item.retire', 'service_item', id, { from: item.status }));
  });
  return itemDetail(ctx, actor, id);
}

/** Read-only lookups other modules may use (an item and one of its versions). */
export { findItem, findVersion } from './repository.ts';
/** Items of other halls that a township station may receive (县乡联办): published, naming the station. */
export async function itemsReceivableAt(db: Db, stationHallId: string) {
  const rows = await repo.publishedWithContent(db);
  return rows.flatMap((r) => {
    const content = parseContent(r.content);
    const names = content.townshipReception?.stationHallIds.includes(stationHallId) && r.hall_id !== stationHallId;
    return names ? [{ id: r.id, hallId: r.hall_id, code: r.code, name: r.name, content }] : [];
  });
}

/** The bytes of a version's file, checked against their hash; for the public guide (published versions only). */
export async function materialFileContent(
  ctx: AppContext,
  itemId: string,
  version: number,
  materialKey: string,
  kind: MaterialFileKind,
) {
  const row = await repo.findMaterialFile(ctx.db, itemId, version, materialKey, kind);
  if (!row) throw notFound('材料文件', 'Material file');
  try {
    const bytes = await loadCaseFile(ctx.config.dataDir, CATALOGUE_FOLDER, [itemId, row.sha256], row.sha256);
    return { name: row.display_name, contentType: row.content_type, bytes };
  } catch (e) {
    if (!(e instanceof StoredFileIntegrityError)) throw e;
    ctx.log.error({ itemId, materialKey, kind, reason: e.reason }, 'catalogue file unreadable');
    throw new AppError(410, 'GONE', '该文件暂不可下载，请联系大厅', 'The file cannot be downloaded now');
  }
}
