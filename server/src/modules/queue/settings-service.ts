/**
 * Keeping the floor (业务类别 and 叫号设置): the hall's queue categories — prefix, the windows that serve them, the
 * default service time the estimate starts from — and the hall's settings (priority weights, recall limit, the
 * kiosk's idle time, the display's notices), each change audited; served by settings-routes.ts beside the
 * timetables (hours-service.ts) and a window's own settings (window-service.ts).
 */
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertHallAccess } from '../org/service.ts';
import { type Floor, jsonList, loadFloor } from './floor.ts';
import * as repo from './repository.ts';
import type { CategoryInput, HallSettings } from './schema.ts';

const presentCategory = (c: repo.CategoryRow) => ({
  id: c.id,
  hallId: c.hall_id,
  prefix: c.prefix,
  name: c.name,
  description: c.description,
  // written only through categoryInput, so the stored list holds catalogue categories
  itemCategories: jsonList(c.item_categories) as CategoryInput['itemCategories'],
  windowIds: jsonList(c.window_ids),
  defaultServiceMinutes: c.default_service_minutes,
  sortOrder: c.sort_order,
  active: c.active === 1,
});

async function checkWindows(floor: Floor, windowIds: string[]) {
  for (const id of windowIds) {
    if (!floor.windows.some((w) => w.id === id))
      throw invalid('windowIds', '窗口不属于该大厅', 'A window is not in this hall');
  }
}

export async function listCategories(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return (await repo.categoriesOf(ctx.db, hallId)).map(presentCategory);
}

/** The hall's queue categories, for the appointments (a booking takes a place in its item's category). */
export const categoriesOfHall = async (db: Db, hallId: string) =>
  (await repo.categoriesOf(db, hallId)).map(presentCategory);

export async function createCategory(ctx: AppContext, actor: Actor, input: CategoryInput) {
  assertHallAccess(actor, input.hallId);
  await checkWindows(await loadFloor(ctx.db, input.hallId), input.windowIds);
  const now = ctx.clock.now();
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertCategory(trx, {
        id,
        hall_id: input.hallId,
        prefix: input.prefix,
        name: input.name,
        description: input.description,
        item_categories: JSON.stringify(input.itemCategories),
        window_ids: JSON.stringify(input.windowIds),
        default_service_minutes: input.defaultServiceMinutes,
        sort_order: input.sortOrder,
        active: input.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'queue.category.create', 'queue_category', id, { prefix: input.prefix, name: input.name }),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('该大厅已有相同前缀的号段', 'A category with this prefix exists in the hall', 'prefix');
    throw e;
  }
  return presentCategory((await repo.findCategory(ctx.db, id))!);
}

export async function updateCategory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<Omit<CategoryInput, 'hallId'>>,
) {
  const category = await repo.findCategory(ctx.db, id);
  if (!category) throw notFound('号段', 'Queue category');
  if (!actor.hallIds.includes(category.hall_id))
    throw outOfScope(notFound('号段', 'Queue category'), 'queue_category', category.id);
  if (patch.windowIds) await checkWindows(await loadFloor(ctx.db, category.hall_id), patch.windowIds);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateCategory(trx, id, {
        ...(patch.prefix !== undefined && { prefix: patch.prefix }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.itemCategories !== undefined && { item_categories: JSON.stringify(patch.itemCategories) }),
        ...(patch.windowIds !== undefined && { window_ids: JSON.stringify(patch.windowIds) }),
        ...(patch.defaultServiceMinutes !== undefined && { default_service_minutes: patch.defaultServiceMinutes }),
        ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: now,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'queue.category.update', 'queue_category', id, {
          before: presentCategory(category),
          patch,
        }),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('该大厅已有相同前缀的号段', 'A category with this prefix exists in the hall', 'prefix');
    throw e;
  }
  return presentCategory((await repo.findCategory(ctx.db, id))!);
}

export async function hallSettings(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return (await loadFloor(ctx.db, hallId)).settings;
}

export async function saveHallSettings(ctx: AppContext, actor: Actor, hallId: string, s: HallSettings) {
  assertHallAccess(actor, hallId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveHallSettings(trx, {
      hall_id: hallId,
      recall_limit: s.recallLimit,
      priority_weights: JSON.stringify(s.priorityWeights),
      appointment_early_minutes: s.appointmentEarlyMinutes,
      rating_window_minutes: s.ratingWindowMinutes,
      kiosk_idle_seconds: s.kioskIdleSeconds,
      display_notices: JSON.stringify(s.displayNotices),
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'queue.settings.update', 'hall', hallId, { ...s }));
  });
  return hallSettings(ctx, actor, hallId);
}
