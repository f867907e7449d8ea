import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { MaterialFileKind } from '../../domain/catalogue-files.ts';
import { materialFileContent, materialFilesOf, parseContent } from '../catalog/service.ts';
import { departmentsByIds, findHall, windowsServing } from '../org/service.ts';
import { allHalls } from '../org/service.ts';
import { publishedItem, publishedItems } from './repository.ts';

const presentHall = (h: { id: string; name: string; address: string; phone: string; opening_hours: string }) => ({
  id: h.id,
  name: h.name,
  address: h.address,
  phone: h.phone,
  openingHours: h.opening_hours,
});

export async function publicHalls(ctx: AppContext) {
  const halls = await allHalls(ctx.db);
  return { items: halls.map(presentHall), total: halls.length };
}

export async function publicGuide(
  ctx: AppContext,
  f: { hallId?: string; q?: string; category?: string; limit: number; offset: number },
) {
  const { rows, total } = await publishedItems(ctx.db, f);
  return {
    total,
    items: rows.map((i) => ({
      id: i.id,
      hallId: i.hall_id,
      code: i.code,
      name: i.name,
      category: i.category,
      kind: i.kind,
      promisedDays: i.promised_days,
      legalDays: i.legal_days,
    })),
  };
}

/** The guide of one published item: its published version only, never a draft. */
export async function guideFor(ctx: AppContext, itemId: string) {
  const item = await publishedItem(ctx.db, itemId);
  if (!item) throw notFound('办事指南', 'Service guide');
  const content = parseContent(item.content);
  const [hall, departments, windows, materialFiles] = await Promise.all([
    findHall(ctx.db, item.hall_id),
    departmentsByIds(ctx.db, content.departmentIds),
    windowsServing(ctx.db, item.id),
    materialFilesOf(ctx.db, item.id, item.version),
  ]);
  if (!hall) throw notFound('办事指南', 'Service guide');
  return {
    id: item.id,
    code: item.code,
    hall: presentHall(hall),
    version: item.version,
    publishedAt: item.published_at === null ? null : Number(item.published_at),
    content,
    departments: departments.map((d) => ({ id: d.id, name: d.name, phone: d.phone })),
    windows,
    materialFiles,
  };
}

/** A material's blank form or sample as the published guide offers it (never a draft's). */
export async function guideMaterialFile(ctx: AppContext, itemId: string, materialKey: string, kind: MaterialFileKind) {
  const item = await publishedItem(ctx.db, itemId);
  if (!item) throw notFound('办事指南', 'Service guide');
  return materialFileContent(ctx, item.id, item.version, materialKey, kind);
}

/** Read-only lookup other modules may use: an item's published version as the public guide shows it. */
export { publishedItem } from './repository.ts';
