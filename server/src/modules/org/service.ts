import { appendAudit, byActor } from '../../platform/audit.ts';
import { joinOpenedHall } from '../../platform/auth/sessions.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './repository.ts';
import type { DepartmentInput, HallInput, WindowInput } from './schema.ts';

/** Halls the actor belongs to; a filter outside them yields nothing rather than an error. */
export function visibleHallIds(actor: Actor, hallId?: string): string[] {
  if (!hallId) return actor.hallIds;
  return actor.hallIds.includes(hallId) ? [hallId] : [];
}

export function assertHallAccess(actor: Actor, hallId: string, field = 'hallId'): void {
  if (!actor.hallIds.includes(hallId))
    throw outOfScope(invalid(field, '无权操作该服务大厅', 'You do not belong to that hall'), 'hall', hallId);
}

const presentHall = (h: Awaited<ReturnType<typeof repo.findHall>> & {}) => ({
  id: h.id,
  code: h.code,
  name: h.name,
  address: h.address,
  phone: h.phone,
  openingHours: h.opening_hours,
});

const presentDepartment = (d: Awaited<ReturnType<typeof repo.findDepartment>> & {}) => ({
  id: d.id,
  hallId: d.hall_id,
  code: d.code,
  name: d.name,
  phone: d.phone,
});

async function uniquely<T>(work: () => Promise<T>, zh: string, en: string, field: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(zh, en, field);
    throw e;
  }
}

export async function listHalls(ctx: AppContext, actor: Actor) {
  return (await repo.hallsIn(ctx.db, actor.hallIds)).map(presentHall);
}

export async function createHall(ctx: AppContext, actor: Actor, input: HallInput) {
  const now = ctx.clock.now();
  const id = newId(now);
  await uniquely(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertHall(trx, {
          id,
          code: input.code,
          name: input.name,
          address: input.address,
          phone: input.phone,
          opening_hours: input.openingHours,
          created_at: now,
          updated_at: now,
        });
        // The creator must be able to see and staff the hall they just opened.
        await joinOpenedHall(trx, actor.userId, id);
        await appendAudit(
          trx,
          byActor(actor, now, 'org.hall.create', 'hall', id, { code: input.code, name: input.name }),
        );
      }),
    '大厅编码已存在',
    'Hall code already exists',
    'code',
  );
  actor.hallIds.push(id);
  return presentHall((await repo.findHall(ctx.db, id))!);
}

export async function updateHall(ctx: AppContext, actor: Actor, id: string, patch: Partial<HallInput>) {
  const hall = await repo.findHall(ctx.db, id);
  if (!hall) throw notFound('服务大厅', 'Hall');
  if (!actor.hallIds.includes(id)) throw outOfScope(notFound('服务大厅', 'Hall'), 'hall', hall.id);
  const now = ctx.clock.now();
  await uniquely(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.updateHall(trx, id, {
          ...(patch.code !== undefined && { code: patch.code }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.address !== undefined && { address: patch.address }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
          ...(patch.openingHours !== undefined && { opening_hours: patch.openingHours }),
          updated_at: now,
        });
        await appendAudit(
          trx,
          byActor(actor, now, 'org.hall.update', 'hall', id, { before: presentHall(hall), patch }),
        );
      }),
    '大厅编码已存在',
    'Hall code already exists',
    'code',
  );
  return presentHall((await repo.findHall(ctx.db, id))!);
}

export async function listDepartments(ctx: AppContext, actor: Actor, hallId?: string) {
  return (await repo.departmentsIn(ctx.db, visibleHallIds(actor, hallId))).map(presentDepartment);
}

export async function createDepartment(ctx: AppContext, actor: Actor, input: DepartmentInput) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const id = newId(now);
  await uniquely(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertDepartment(trx, {
          id,
          hall_id: input.hallId,
          code: input.code,
          name: input.name,
          phone: input.phone,
          created_at: now,
          updated_at: now,
        });
        await appendAudit(trx, byActor(actor, now, 'org.department.create', 'department', id, { ...input }));
      }),
    '该大厅已有相同编码的部门',
    'A department with this code exists in the hall',
    'code',
  );
  return presentDepartment((await repo.findDepartment(ctx.db, id))!);
}

export async function updateDepartment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<Omit<DepartmentInput, 'hallId'>>,
) {
  const dep = await repo.findDepartment(ctx.db, id);
  if (!dep) throw notFound('部门', 'Department');
  if (!actor.hallIds.includes(dep.hall_id)) throw outOfScope(notFound('部门', 'Department'), 'department', dep.id);
  const now = ctx.clock.now();
  await uniquely(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.updateDepartment(trx, id, { ...patch, updated_at: now });
        await appendAudit(
          trx,
          byActor(actor, now, 'org.department.update', 'department', id, { before: presentDepartment(dep), patch }),
        );
      }),
    '该大厅已有相同编码的部门',
    'A department with this code exists in the hall',
    'code',
  );
  return presentDepartment((await repo.findDepartment(ctx.db, id))!);
}

/** Departments must exist in the given hall; used by the catalogue and accounts too. */
export async function assertDepartmentsInHalls(db: Db, ids: string[], hallIds: string[], field: string) {
  if (ids.length === 0) return;
  const found = await repo.departmentsByIds(db, ids);
  const ok = new Set(found.filter((d) => hallIds.includes(d.hall_id)).map((d) => d.id));
  const bad = ids.find((id) => !ok.has(id));
  if (bad)
    throw invalid(field, `部门 ${bad} 不存在或不属于所选大厅`, `Department ${bad} does not exist in the chosen hall`);
}

/** 县乡联办: the stations an item names must be existing halls other than the item's own. */
export async function assertStationHalls(db: Db, ids: string[], ownHallId: string, field: string) {
  for (const [i, id] of ids.entries()) {
    if (id === ownHallId || !(await repo.findHall(db, id)))
      throw invalid(
        `${field}.${i}`,
        '收件的便民服务中心不存在或就是本大厅',
        'No such station, or it is the item’s own hall',
      );
  }
}

async function presentWindows(db: Db, rows: Awaited<ReturnType<typeof repo.windowsIn>>) {
  const items = await repo.windowItemIds(
    db,
    rows.map((w) => w.id),
  );
  return rows.map((w) => ({
    id: w.id,
    hallId: w.hall_id,
    number: w.number,
    name: w.name,
    kind: w.kind as 'general' | 'dedicated' | 'green',
    status: w.status as 'active' | 'inactive',
    itemIds: items.get(w.id) ?? [],
  }));
}

export async function listWindows(ctx: AppContext, actor: Actor, hallId?: string) {
  return presentWindows(ctx.db, await repo.windowsIn(ctx.db, visibleHallIds(actor, hallId)));
}

async function assertItemsInHall(db: Db, itemIds: string[], hallId: string) {
  if (!itemIds.length) return;
  const ok = await repo.itemIdsInHall(db, itemIds, hallId);
  const bad = itemIds.find((id) => !ok.has(id));
  if (bad) throw invalid('itemIds', `事项 ${bad} 不存在或不属于该大厅`, `Service item ${bad} is not in this hall`);
}

export async function createWindow(ctx: AppContext, actor: Actor, input: WindowInput) {
  assertHallAccess(actor, input.hallId);
  await assertItemsInHall(ctx.db, input.itemIds, input.hallId);
  const now = ctx.clock.now();
  const id = newId(now);
  await uniquely(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertWindow(trx, {
          id,
          hall_id: input.hallId,
          number: input.number,
          name: input.name,
          kind: input.kind,
          status: 'active',
          created_at: now,
          updated_at: now,
        });
        await repo.replaceWindowItems(trx, id, [...new Set(input.itemIds)]);
        await appendAudit(trx, byActor(actor, now, 'org.window.create', 'window', id, { ...input }));
      }),
    '该大厅已有相同编号的窗口',
    'A window with this number exists in the hall',
    'number',
  );
  return (await presentWindows(ctx.db, [(await repo.findWindow(ctx.db, id))!]))[0]!;
}

export async function updateWindow(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { name?: string; kind?: string; status?: string; itemIds?: string[] },
) {
  const win = await repo.findWindow(ctx.db, id);
  if (!win) throw notFound('窗口', 'Window');
  if (!actor.hallIds.includes(win.hall_id)) throw outOfScope(notFound('窗口', 'Window'), 'window', win.id);
  if (patch.itemIds) await assertItemsInHall(ctx.db, patch.itemIds, win.hall_id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const { itemIds, ...fields } = patch;
    await repo.updateWindow(trx, id, { ...fields, updated_at: now });
    if (itemIds) await repo.replaceWindowItems(trx, id, [...new Set(itemIds)]);
    await appendAudit(trx, byActor(actor, now, 'org.window.update', 'window', id, { patch }));
  });
  return (await presentWindows(ctx.db, [(await repo.findWindow(ctx.db, id))!]))[0]!;
}

/** Read-only lookups other modules may use (halls, windows, departments), so they need not reach org's repository. */
export {
  allHallIds,
  allHalls,
  departmentsByIds,
  findDepartment,
  findHall,
  findWindow,
  hallsIn,
  windowsServing,
} from './repository.ts';

/** The queue keeps a hall's weekly opening hours and writes their wording onto the hall, where the guide shows it. */
export const setHallOpeningHours = (db: Db, hallId: string, wording: string) =>
  repo.updateHall(db, hallId, { opening_hours: wording });
