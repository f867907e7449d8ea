/** The only SQL of the equipment register. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  EquipmentFaultTable,
  EquipmentMaintenanceTable,
  EquipmentTable,
} from '../../platform/db/tables-archives.ts';

export type EquipmentRow = Selectable<EquipmentTable>;

export const insertEquipment = (db: Db, row: EquipmentTable) => db.insertInto('equipment').values(row).execute();
export const findEquipment = (db: Db, id: string) =>
  db.selectFrom('equipment').selectAll().where('id', '=', id).executeTakeFirst();
export const findByAssetNo = (db: Db, hallId: string, assetNo: string) =>
  db
    .selectFrom('equipment')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('asset_no', '=', assetNo)
    .executeTakeFirst();
export const updateEquipment = (db: Db, id: string, patch: Partial<EquipmentTable>) =>
  db.updateTable('equipment').set(patch).where('id', '=', id).execute();

export async function listEquipment(
  db: Db,
  f: { hallIds: string[]; windowId?: string; kind?: string; status?: string },
) {
  let q = db
    .selectFrom('equipment')
    .selectAll()
    .where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['-']);
  if (f.windowId) q = q.where('window_id', '=', f.windowId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('kind').orderBy('asset_no').limit(1000).execute();
}

export const insertFault = (db: Db, row: EquipmentFaultTable) =>
  db.insertInto('equipment_faults').values(row).execute();
export const findFault = (db: Db, id: string) =>
  db.selectFrom('equipment_faults').selectAll().where('id', '=', id).executeTakeFirst();
export async function fixFault(db: Db, id: string, patch: Partial<EquipmentFaultTable>) {
  const r = await db
    .updateTable('equipment_faults')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export const faultsOf = (db: Db, equipmentId: string) =>
  db
    .selectFrom('equipment_faults')
    .selectAll()
    .where('equipment_id', '=', equipmentId)
    .orderBy('reported_at', 'desc')
    .execute();
export const openFaults = (db: Db, hallIds: string[]) =>
  db
    .selectFrom('equipment_faults as f')
    .innerJoin('equipment as e', 'e.id', 'f.equipment_id')
    .selectAll('f')
    .select(['e.kind', 'e.name', 'e.asset_no', 'e.window_id', 'e.location'])
    .where('f.hall_id', 'in', hallIds.length ? hallIds : ['-'])
    .where('f.status', '=', 'open')
    .orderBy('f.reported_at')
    .execute();

export const insertMaintenance = (db: Db, row: EquipmentMaintenanceTable) =>
  db.insertInto('equipment_maintenance').values(row).execute();
export const maintenanceOf = (db: Db, equipmentId: string) =>
  db
    .selectFrom('equipment_maintenance')
    .selectAll()
    .where('equipment_id', '=', equipmentId)
    .orderBy('day', 'desc')
    .execute();
