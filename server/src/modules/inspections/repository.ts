import type { Db } from '../../platform/db/database.ts';
import type { InspectionItemTable, InspectionTable, RectificationTable } from '../../platform/db/tables-inspections.ts';

export type InspectionRow = InspectionTable;
export type ItemRow = InspectionItemTable;
export type RectificationRow = RectificationTable;

const none = (ids: string[]) => (ids.length ? ids : ['']);

export const insertInspection = (db: Db, row: InspectionRow) => db.insertInto('inspections').values(row).execute();
export const insertItems = (db: Db, rows: ItemRow[]) =>
  rows.length ? db.insertInto('inspection_items').values(rows).execute() : Promise.resolve([]);

export const findInspection = (db: Db, id: string) =>
  db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
export const itemsOf = (db: Db, inspectionIds: string[]) =>
  db
    .selectFrom('inspection_items')
    .selectAll()
    .where('inspection_id', 'in', none(inspectionIds))
    .orderBy('inspection_id')
    .orderBy('seq')
    .execute();
export const findItem = (db: Db, id: string) =>
  db.selectFrom('inspection_items').selectAll().where('id', '=', id).executeTakeFirst();

export async function listInspections(db: Db, f: { hallIds: string[]; kind?: string; limit: number; offset: number }) {
  let q = db.selectFrom('inspections').where('hall_id', 'in', none(f.hallIds));
  if (f.kind) q = q.where('kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Records a check once: the row count says whether this call was the one. */
export async function recordCheck(
  db: Db,
  id: string,
  set: Pick<ItemRow, 'checks' | 'result' | 'note' | 'checked_by_name' | 'checked_at' | 'checked_day'>,
) {
  const r = await db
    .updateTable('inspection_items')
    .set(set)
    .where('id', '=', id)
    .where('result', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertRectification = (db: Db, row: RectificationRow) =>
  db.insertInto('rectifications').values(row).execute();

const rectificationsWithRecord = (db: Db) =>
  db
    .selectFrom('rectifications as r')
    .innerJoin('inspection_items as i', 'i.id', 'r.inspection_item_id')
    .innerJoin('inspections as n', 'n.id', 'r.inspection_id')
    .selectAll('r')
    .select(['i.case_no', 'i.item_name', 'n.kind']);
export type RectificationView = Awaited<ReturnType<typeof findRectification>> & {};

export const findRectification = (db: Db, id: string) =>
  rectificationsWithRecord(db).where('r.id', '=', id).executeTakeFirst();

export const rectificationsOfItems = (db: Db, itemIds: string[]) =>
  db
    .selectFrom('rectifications')
    .select(['id', 'inspection_item_id'])
    .where('inspection_item_id', 'in', none(itemIds))
    .execute();

export async function listRectifications(
  db: Db,
  f: {
    hallIds: string[];
    responsibleId?: string;
    status?: string;
    today: string;
    limit: number;
    offset: number;
  },
) {
  let q = rectificationsWithRecord(db).where('r.hall_id', 'in', none(f.hallIds));
  if (f.responsibleId) q = q.where('r.responsible_id', '=', f.responsibleId);
  if (f.status === 'open') q = q.where('r.status', '!=', 'closed');
  else if (f.status === 'overdue') q = q.where('r.status', '!=', 'closed').where('r.due_day', '<', f.today);
  else if (f.status) q = q.where('r.status', '=', f.status);
  const [rows, count] = await Promise.all([
    q.orderBy('r.due_day').orderBy('r.id').limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Moves a notice on from the status it was read in; false when someone else moved it first. */
export async function moveRectification(db: Db, id: string, from: string, set: Partial<RectificationRow>) {
  const r = await db
    .updateTable('rectifications')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const overdueRectifications = (db: Db, hallIds: string[], today: string) =>
  rectificationsWithRecord(db)
    .where('r.hall_id', 'in', none(hallIds))
    .where('r.status', '!=', 'closed')
    .where('r.due_day', '<', today)
    .orderBy('r.due_day')
    .limit(200)
    .execute();

/** The month's checked items of a hall with their kind (the report's source; 考核 reads them too). */
export const checkedItemsBetween = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('inspection_items as i')
    .innerJoin('inspections as n', 'n.id', 'i.inspection_id')
    .select([
      'i.id',
      'i.case_no',
      'i.window_id',
      'i.checked_day',
      'i.subject_id',
      'i.subject_name',
      'i.result',
      'n.kind',
    ])
    .where('i.hall_id', '=', hallId)
    .where('i.checked_day', '>=', from)
    .where('i.checked_day', '<=', to)
    .execute();

export const rectificationsDueBetween = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('rectifications')
    .select(['responsible_id', 'status', 'due_day', 'closed_day'])
    .where('hall_id', '=', hallId)
    .where('due_day', '>=', from)
    .where('due_day', '<=', to)
    .execute();

export const openRectificationsOf = (db: Db, hallId: string) =>
  db
    .selectFrom('rectifications')
    .select(['responsible_id'])
    .where('hall_id', '=', hallId)
    .where('status', '!=', 'closed')
    .execute();
