/**
 * A material's blank form (空白表格) and filled-in sample (填写样例): uploaded by the catalogue maintainer onto the
 * item's draft, published with it, downloaded from the public guide. The bytes are named by their sha256.
 */
import { formFileName, formFileType, type MaterialFileKind } from '../../domain/catalogue-files.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { sha256Of, storeCaseFile } from '../../platform/stored-files.ts';
import * as repo from './repository.ts';
import { CATALOGUE_FOLDER, loadItem, materialFilesOf, parseContent, saveDraft } from './service.ts';

const KIND_LABEL: Record<MaterialFileKind, string> = { blank_form: '空白表格', sample: '填写样例' };

/** The version the editor works on: the draft when there is one, else the published version. */
async function draftOf(ctx: AppContext, actor: Actor, itemId: string) {
  let item = await loadItem(ctx, actor, itemId);
  if (item.draft_version === null) {
    // The public keeps the published form until the maintainer publishes: an upload opens a draft first.
    const published = await repo.findVersion(ctx.db, itemId, item.published_version ?? 0);
    if (!published) throw notFound('事项版本', 'Item version');
    await saveDraft(ctx, actor, itemId, parseContent(published.content));
    item = await loadItem(ctx, actor, itemId);
  }
  const version = item.draft_version as number;
  const row = await repo.findVersion(ctx.db, itemId, version);
  if (!row) throw notFound('事项版本', 'Item version');
  return { item, version, content: parseContent(row.content) };
}

export async function uploadMaterialFile(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  materialKey: string,
  kind: MaterialFileKind,
  file: { fileName: string; bytes: Buffer },
) {
  const { version, content } = await draftOf(ctx, actor, itemId);
  const material = content.materials.find((m) => m.key === materialKey);
  if (!material)
    throw invalid('materialKey', '该材料不在事项的材料清单中，请先保存草稿', 'The material is not on the item’s list');
  if (file.bytes.length === 0) throw invalid('file', '文件为空', 'The file is empty');
  const type = formFileType(file.bytes, file.fileName);
  if (!type) {
    throw invalid(
      'file',
      '文件须为 PDF、Word、Excel、WPS、OFD 或 JPEG/PNG 图片（按文件内容判断）',
      'The file must be a PDF, Word, Excel, WPS, OFD document or a JPEG/PNG picture',
    );
  }
  const sha256 = sha256Of(file.bytes);
  await storeCaseFile(ctx.config.dataDir, CATALOGUE_FOLDER, [itemId, sha256], file.bytes);
  const now = ctx.clock.now();
  const name = formFileName(file.fileName, type, `${material.name}（${KIND_LABEL[kind]}）`);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteMaterialFile(trx, itemId, version, materialKey, kind);
    await repo.insertMaterialFile(trx, {
      id: newId(now),
      item_id: itemId,
      version,
      material_key: materialKey,
      kind,
      display_name: name,
      content_type: type.contentType,
      size: file.bytes.length,
      sha256,
      uploaded_by: actor.username,
      uploaded_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'catalog.material_file.upload', 'service_item', itemId, {
        version,
        materialKey,
        kind,
        name,
        sha256,
      }),
    );
  });
  return { version, files: await materialFilesOf(ctx.db, itemId, version) };
}

export async function removeMaterialFile(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  materialKey: string,
  kind: MaterialFileKind,
) {
  const { version } = await draftOf(ctx, actor, itemId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findMaterialFile(trx, itemId, version, materialKey, kind);
    if (!existing) throw notFound('材料文件', 'Material file');
    await repo.deleteMaterialFile(trx, itemId, version, materialKey, kind);
    await appendAudit(
      trx,
      byActor(actor, now, 'catalog.material_file.remove', 'service_item', itemId, { version, materialKey, kind }),
    );
  });
  return { version, files: await materialFilesOf(ctx.db, itemId, version) };
}
