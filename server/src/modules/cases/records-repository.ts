/**
 * The case's records beside its steps: suspensions and extensions of its clock, verification questions to the front
 * desk, result files, deliveries and the archive file. The case core owns these tables; the modules that write them
 * reach them through cases/service.ts.
 */
import type { Expression } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  CaseArchiveTable,
  CaseDeliveryTable,
  CaseExtensionTable,
  CaseFileTable,
  CasePauseTable,
  CaseVerificationTable,
} from '../../platform/db/tables-backoffice.ts';

export type PauseRow = CasePauseTable;
export type ExtensionRow = CaseExtensionTable;

export const insertPause = (db: Db, row: PauseRow) => db.insertInto('case_pauses').values(row).execute();

export const pausesOf = (db: Db, caseId: string) =>
  db.selectFrom('case_pauses').selectAll().where('case_id', '=', caseId).orderBy('started_at').execute();

export const openPause = (db: Db, caseId: string) =>
  db.selectFrom('case_pauses').selectAll().where('case_id', '=', caseId).where('to_day', 'is', null).executeTakeFirst();

export const closePause = (db: Db, id: string, toDay: string, at: number) =>
  db.updateTable('case_pauses').set({ to_day: toDay, ended_at: at }).where('id', '=', id).execute();

export const insertExtension = (db: Db, row: ExtensionRow) => db.insertInto('case_extensions').values(row).execute();

export const extensionsOf = (db: Db, caseId: string) =>
  db.selectFrom('case_extensions').selectAll().where('case_id', '=', caseId).orderBy('requested_at').execute();

export const findExtension = (db: Db, id: string) =>
  db.selectFrom('case_extensions').selectAll().where('id', '=', id).executeTakeFirst();

/** Decides a request only while it is still open; the row count says whether this decision won. */
export async function decideExtension(db: Db, id: string, patch: Partial<ExtensionRow>): Promise<boolean> {
  const r = await db
    .updateTable('case_extensions')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const setCaseDeadline = (db: Db, id: string, deadline: string | null, provisional: number) =>
  db.updateTable('cases').set({ deadline, deadline_provisional: provisional }).where('id', '=', id).execute();

export const setStepDeadline = (db: Db, id: string, clock: { deadline: string | null; deadline_provisional: number }) =>
  db.updateTable('case_steps').set(clock).where('id', '=', id).execute();

/** Cases whose clock may still move (accepted, not yet completed), for re-computation. */
export const runningCases = (db: Db, hallIds: string[]) =>
  db
    .selectFrom('cases')
    .selectAll()
    .where('hall_id', 'in', hallIds.length ? hallIds : [''])
    .where('accepted_day', 'is not', null)
    .where('completed_at', 'is', null)
    .where('state', 'not in', ['withdrawn', 'not_accepted', 'archived', 'terminated'])
    .execute();

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

export type VerificationRow = CaseVerificationTable;

export const insertVerification = (db: Db, row: VerificationRow) =>
  db.insertInto('case_verifications').values(row).execute();

export const openVerification = (db: Db, caseId: string) =>
  db
    .selectFrom('case_verifications')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();

export const verificationsOf = (db: Db, caseId: string) =>
  db.selectFrom('case_verifications').selectAll().where('case_id', '=', caseId).orderBy('asked_at').execute();

export const answerVerification = (db: Db, id: string, patch: Partial<VerificationRow>) =>
  db.updateTable('case_verifications').set(patch).where('id', '=', id).where('answered_at', 'is', null).execute();

/**
 * Cases of these halls in these states for which `recorded` finds nothing: the archive sweep's ended cases without
 * a file. `recorded` is the other module's correlated query on the case's id, so the database answers the
 * difference and only the cases still to file travel (a province has a hundred thousand ended cases, filed).
 */
export const casesInStatesWithout = (
  db: Db,
  hallIds: string[],
  states: string[],
  recorded: (caseId: Expression<string>) => Expression<unknown>,
) =>
  db
    .selectFrom('cases')
    .select(['id', 'hall_id', 'state', 'case_no', 'item_name', 'received_at'])
    .where('hall_id', 'in', hallIds.length ? hallIds : ['-'])
    .where('state', 'in', states)
    .where((eb) => eb.not(eb.exists(recorded(eb.ref('cases.id')))))
    .orderBy('received_at', 'desc')
    .execute();
