import type { Db } from '../../platform/db/database.ts';
import type {
  CrowdingWatchTable,
  EmergencyDrillTable,
  EmergencyPlanTable,
  IncidentActionTable,
  IncidentTable,
} from '../../platform/db/tables-emergency.ts';

export type PlanRow = EmergencyPlanTable;
export type DrillRow = EmergencyDrillTable;
export type IncidentRow = IncidentTable;
export type ActionRow = IncidentActionTable;
export type WatchRow = CrowdingWatchTable;

export const plansOf = (db: Db, hallIds: string[]) =>
  hallIds.length === 0
    ? Promise.resolve([] as PlanRow[])
    : db
        .selectFrom('emergency_plans')
        .selectAll()
        .where('hall_id', 'in', hallIds)
        .orderBy('kind')
        .orderBy('title')
        .execute();

export const findPlan = (db: Db, id: string) =>
  db.selectFrom('emergency_plans').selectAll().where('id', '=', id).executeTakeFirst();

export const insertPlan = (db: Db, row: PlanRow) => db.insertInto('emergency_plans').values(row).execute();

export const updatePlan = (db: Db, id: string, patch: Partial<PlanRow>) =>
  db.updateTable('emergency_plans').set(patch).where('id', '=', id).execute();

export const drillsOf = (db: Db, hallIds: string[]) =>
  hallIds.length === 0
    ? Promise.resolve([] as DrillRow[])
    : db
        .selectFrom('emergency_drills')
        .selectAll()
        .where('hall_id', 'in', hallIds)
        .orderBy('day', 'desc')
        .limit(200)
        .execute();

export const insertDrill = (db: Db, row: DrillRow) => db.insertInto('emergency_drills').values(row).execute();

export const incidentsOf = (db: Db, hallIds: string[], status: string | undefined, limit: number, offset: number) => {
  if (hallIds.length === 0) return Promise.resolve([] as IncidentRow[]);
  let q = db.selectFrom('incidents').selectAll().where('hall_id', 'in', hallIds);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('opened_at', 'desc').limit(limit).offset(offset).execute();
};

export const findIncident = (db: Db, id: string) =>
  db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();

export const insertIncident = (db: Db, row: IncidentRow) => db.insertInto('incidents').values(row).execute();

/** Closes an open incident once: guarded by status = 'open'. */
export async function closeIncident(
  db: Db,
  id: string,
  patch: Pick<IncidentRow, 'closed_at' | 'closed_by_name' | 'review'>,
): Promise<boolean> {
  const r = await db
    .updateTable('incidents')
    .set({ ...patch, status: 'closed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const actionsOf = (db: Db, incidentIds: string[]) =>
  incidentIds.length === 0
    ? Promise.resolve([] as ActionRow[])
    : db
        .selectFrom('incident_actions')
        .selectAll()
        .where('incident_id', 'in', incidentIds)
        .orderBy('at')
        .orderBy('id')
        .execute();

export const insertAction = (db: Db, row: ActionRow) => db.insertInto('incident_actions').values(row).execute();

/** Every hall with thresholds, or the one hall asked for. */
export const watches = (db: Db, hallId?: string) =>
  db
    .selectFrom('crowding_watch')
    .selectAll()
    .$if(hallId !== undefined, (q) => q.where('hall_id', '=', hallId!))
    .execute();

export const findWatch = (db: Db, hallId: string) =>
  db.selectFrom('crowding_watch').selectAll().where('hall_id', '=', hallId).executeTakeFirst();

export async function saveThresholds(
  db: Db,
  row: Pick<WatchRow, 'hall_id' | 'max_waiting' | 'max_wait_minutes' | 'notice' | 'show_notice' | 'changed_at'>,
): Promise<void> {
  await db
    .insertInto('crowding_watch')
    .values({ ...row, over: 0, crossings: 0 })
    .onConflict((oc) =>
      oc.column('hall_id').doUpdateSet({
        max_waiting: row.max_waiting,
        max_wait_minutes: row.max_wait_minutes,
        notice: row.notice,
        show_notice: row.show_notice,
      }),
    )
    .execute();
}

/** Moves the alarm state on, guarded by the state the sweep read: two sweeps at once change it once. */
export async function moveWatch(db: Db, hallId: string, wasOver: number, patch: Partial<WatchRow>): Promise<boolean> {
  const r = await db
    .updateTable('crowding_watch')
    .set(patch)
    .where('hall_id', '=', hallId)
    .where('over', '=', wasOver)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
