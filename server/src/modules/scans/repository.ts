import type { Db } from '../../platform/db/database.ts';
import type { CaseScanTable } from '../../platform/db/tables-scans.ts';

export type ScanRow = CaseScanTable;

export const insertScan = (db: Db, row: ScanRow) => db.insertInto('case_scans').values(row).execute();

export const findScan = (db: Db, id: string) =>
  db.selectFrom('case_scans').selectAll().where('id', '=', id).executeTakeFirst();

/** The scan already holding these bytes for this material, if any. */
export const findSameScan = (db: Db, caseId: string, materialKey: string, sha256: string) =>
  db
    .selectFrom('case_scans')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('material_key', '=', materialKey)
    .where('sha256', '=', sha256)
    .executeTakeFirst();

export const scansOf = (db: Db, caseId: string) =>
  db.selectFrom('case_scans').selectAll().where('case_id', '=', caseId).orderBy('uploaded_at').orderBy('id').execute();
