import type { Db } from '../../platform/db/database.ts';
import type { CaseArchiveTable, CaseDeliveryTable, CaseFileTable } from '../../platform/db/tables-backoffice.ts';

export type FileRow = CaseFileTable;
export type DeliveryRow = CaseDeliveryTable;
export type ArchiveRow = CaseArchiveTable;

export const insertFile = (db: Db, row: FileRow) => db.insertInto('case_files').values(row).execute();
export const filesOf = (db: Db, caseId: string) =>
  db.selectFrom('case_files').selectAll().where('case_id', '=', caseId).orderBy('uploaded_at').execute();
export const findFile = (db: Db, id: string) =>
  db.selectFrom('case_files').selectAll().where('id', '=', id).executeTakeFirst();

export const insertDelivery = (db: Db, row: DeliveryRow) => db.insertInto('case_deliveries').values(row).execute();
export const deliveriesOf = (db: Db, caseId: string) =>
  db.selectFrom('case_deliveries').selectAll().where('case_id', '=', caseId).orderBy('at').execute();

export const insertArchive = (db: Db, row: ArchiveRow) => db.insertInto('case_archives').values(row).execute();
export const archiveOf = (db: Db, caseId: string) =>
  db.selectFrom('case_archives').selectAll().where('case_id', '=', caseId).executeTakeFirst();

/** 县乡联办: where the applicant of a case received at a township station chose to receive the result. */
export const townshipPickupOf = (db: Db, caseId: string) =>
  db
    .selectFrom('case_township_receptions')
    .select(['station_hall_id', 'pickup'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
