/**
 * 设备台账 (R19.14): the hall's kiosks, pads, displays, printers, scanners, ID readers and PCs by window, their
 * maintenance plan (every N days, the next day due) and records, and fault reports. A device with an open fault is
 * 'faulty' until its last fault is fixed; the supervision board lists the open faults (kiosks and displays first).
 */
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertHallAccess, findWindow, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import {
  type EquipmentKind,
  equipmentKindLabels,
  type equipmentInput,
  type equipmentPatch,
  statusLabels,
} from './schema.ts';

const publicFacing = (kind: string) => kind === 'kiosk' || kind === 'display';

function windowNames(db: Db) {
  const cache = new Map<string, string | null>();
  return async (id: string | null) => {
    if (!id) return null;
    if (!cache.has(id)) {
      const w = await findWindow(db, id);
      cache.set(id, w ? `${w.number}号窗口` : null);
    }
    return cache.get(id) ?? null;
  };
}

function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function present(e: repo.EquipmentRow, windowName: string | null, openFaults: number, today: string) {
  return {
    id: e.id,
    hallId: e.hall_id,
    windowId: e.window_id,
    windowName,
    kind: e.kind as EquipmentKind,
    kindLabel: equipmentKindLabels[e.kind as EquipmentKind] ?? e.kind,
    name: e.name,
    assetNo: e.asset_no,
    location: e.location,
    status: e.status as 'normal' | 'faulty' | 'retired',
    statusLabel: statusLabels[e.status] ?? e.status,
    maintenanceEveryDays: e.maintenance_every_days === null ? null : Number(e.maintenance_every_days),
    nextMaintenanceDay: e.next_maintenance_day,
    maintenanceDue: e.status !== 'retired' && e.next_maintenance_day !== null && e.next_maintenance_day <= today,
    openFaults,
  };
}

async function loadEquipment(db: Db, actor: Actor, id: string) {
  const e = await repo.findEquipment(db, id);
  if (!e) throw notFound('设备', 'Equipment');
  if (!actor.hallIds.includes(e.hall_id)) throw outOfScope(notFound('设备', 'Equipment'), 'equipment', id);
  return e;
}

async function checkWindow(db: Db, hallId: string, windowId: string | null) {
  if (!windowId) return;
  const w = await findWindow(db, windowId);
  if (!w || w.hall_id !== hallId) throw invalid('windowId', '窗口不存在或不属于本大厅', 'No such window in this hall');
}

export async function listEquipment(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; windowId?: string; kind?: string; status?: string },
) {
  const hallIds = visibleHallIds(actor, q.hallId);
  const [rows, faults] = await Promise.all([
    repo.listEquipment(ctx.db, { ...q, hallIds }),
    repo.openFaults(ctx.db, hallIds),
  ]);
  const open = new Map<string, number>();
  for (const f of faults) open.set(f.equipment_id, (open.get(f.equipment_id) ?? 0) + 1);
  const name = windowNames(ctx.db);
  const today = chinaDay(ctx.clock.now());
  const items = [];
  for (const e of rows) items.push(await present(e, await name(e.window_id), open.get(e.id) ?? 0, today));
  return { items, total: items.length };
}

export async function equipmentDetail(ctx: AppContext, actor: Actor, id: string) {
  const e = await loadEquipment(ctx.db, actor, id);
  const [faults, maintenance] = await Promise.all([repo.faultsOf(ctx.db, id), repo.maintenanceOf(ctx.db, id)]);
  const openCount = faults.filter((f) => f.status === 'open').length;
  return {
    equipment: await present(e, await windowNames(ctx.db)(e.window_id), openCount, chinaDay(ctx.clock.now())),
    faults: faults.map((f) => ({
      id: f.id,
      equipmentId: f.equipment_id,
      description: f.description,
      status: f.status as 'open' | 'fixed',
      reportedBy: f.reported_by,
      reportedAt: Number(f.reported_at),
      fixedBy: f.fixed_by,
      fixedAt: f.fixed_at === null ? null : Number(f.fixed_at),
      resolution: f.resolution,
    })),
    maintenance: maintenance.map((m) => ({ id: m.id, day: m.day, note: m.note, by: m.by_name, at: Number(m.at) })),
  };
}

export async function addEquipment(ctx: AppContext, actor: Actor, input: typeof equipmentInput._output) {
  assertHallAccess(actor, input.hallId);
  await checkWindow(ctx.db, input.hallId, input.windowId);
  if (await repo.findByAssetNo(ctx.db, input.hallId, input.assetNo))
    throw invalid('assetNo', '资产编号已登记', 'This asset number is registered already');
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEquipment(trx, {
      id,
      hall_id: input.hallId,
      window_id: input.windowId,
      kind: input.kind,
      name: input.name,
      asset_no: input.assetNo,
      location: input.location,
      status: 'normal',
      maintenance_every_days: input.maintenanceEveryDays,
      next_maintenance_day: input.nextMaintenanceDay,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'equipment.add', 'equipment', id, { ...input }));
  });
  return equipmentDetail(ctx, actor, id);
}

export async function updateEquipment(ctx: AppContext, actor: Actor, id: string, patch: typeof equipmentPatch._output) {
  const e = await loadEquipment(ctx.db, actor, id);
  if (patch.windowId !== undefined) await checkWindow(ctx.db, e.hall_id, patch.windowId);
  if (patch.assetNo && patch.assetNo !== e.asset_no && (await repo.findByAssetNo(ctx.db, e.hall_id, patch.assetNo)))
    throw invalid('assetNo', '资产编号已登记', 'This asset number is registered already');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEquipment(trx, id, {
      ...(patch.windowId !== undefined ? { window_id: patch.windowId } : {}),
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.assetNo ? { asset_no: patch.assetNo } : {}),
      ...(patch.location !== undefined ? { location: patch.location } : {}),
      ...(patch.maintenanceEveryDays !== undefined ? { maintenance_every_days: patch.maintenanceEveryDays } : {}),
      ...(patch.nextMaintenanceDay !== undefined ? { next_maintenance_day: patch.nextMaintenanceDay } : {}),
      ...(patch.retired ? { status: 'retired' } : {}),
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'equipment.update', 'equipment', id, { ...patch }));
  });
  return equipmentDetail(ctx, actor, id);
}

/** 故障报修: anyone at the hall may report; the device is faulty from now until its faults are fixed. */
export async function reportFault(ctx: AppContext, actor: Actor, id: string, input: { description: string }) {
  const e = await loadEquipment(ctx.db, actor, id);
  if (e.status === 'retired') throw conflict('设备已报废', 'The device is retired', 'id');
  const now = ctx.clock.now();
  const faultId = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFault(trx, {
      id: faultId,
      equipment_id: id,
      hall_id: e.hall_id,
      description: input.description,
      status: 'open',
      reported_by: actor.displayName,
      reported_at: now,
      fixed_by: null,
      fixed_at: null,
      resolution: null,
    });
    await repo.updateEquipment(trx, id, { status: 'faulty', updated_at: now });
    await appendAudit(trx, byActor(actor, now, 'equipment.fault', 'equipment', id, { faultId, ...input }));
  });
  return equipmentDetail(ctx, actor, id);
}

export async function fixFault(ctx: AppContext, actor: Actor, faultId: string, input: { resolution: string }) {
  const f = await repo.findFault(ctx.db, faultId);
  if (!f) throw notFound('故障记录', 'Fault');
  const e = await loadEquipment(ctx.db, actor, f.equipment_id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.fixFault(trx, faultId, {
      status: 'fixed',
      fixed_by: actor.displayName,
      fixed_at: now,
      resolution: input.resolution,
    });
    if (!ok) throw conflict('故障已处理', 'The fault is fixed already');
    const stillOpen = (await repo.faultsOf(trx, e.id)).some((x) => x.status === 'open');
    if (!stillOpen && e.status === 'faulty')
      await repo.updateEquipment(trx, e.id, { status: 'normal', updated_at: now });
    await appendAudit(trx, byActor(actor, now, 'equipment.fix', 'equipment', e.id, { faultId, ...input }));
  });
  return equipmentDetail(ctx, actor, e.id);
}

/** A maintenance done: recorded, and the next one planned the device's interval later. */
export async function recordMaintenance(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { day: string; note: string },
) {
  const e = await loadEquipment(ctx.db, actor, id);
  const now = ctx.clock.now();
  if (input.day > chinaDay(now)) throw invalid('day', '维护日期不能晚于今天', 'The day cannot be in the future');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMaintenance(trx, {
      id: newId(now),
      equipment_id: id,
      day: input.day,
      note: input.note,
      by_name: actor.displayName,
      at: now,
    });
    const every = e.maintenance_every_days === null ? null : Number(e.maintenance_every_days);
    if (every)
      await repo.updateEquipment(trx, id, { next_maintenance_day: addDays(input.day, every), updated_at: now });
    await appendAudit(trx, byActor(actor, now, 'equipment.maintain', 'equipment', id, { ...input }));
  });
  return equipmentDetail(ctx, actor, id);
}

/** Open faults for the 电子监察 board; kiosks and displays (what the public sees) first. */
export async function faultsForBoard(ctx: AppContext, hallIds: string[]) {
  const rows = await repo.openFaults(ctx.db, hallIds);
  const name = windowNames(ctx.db);
  const out = [];
  for (const f of rows)
    out.push({
      faultId: f.id,
      equipmentId: f.equipment_id,
      kind: f.kind as EquipmentKind,
      kindLabel: equipmentKindLabels[f.kind as EquipmentKind] ?? f.kind,
      name: f.name,
      assetNo: f.asset_no,
      windowName: await name(f.window_id),
      location: f.location,
      description: f.description,
      reportedBy: f.reported_by,
      reportedAt: Number(f.reported_at),
      publicFacing: publicFacing(f.kind),
    });
  return out.sort((a, b) => Number(b.publicFacing) - Number(a.publicFacing) || a.reportedAt - b.reportedAt);
}
