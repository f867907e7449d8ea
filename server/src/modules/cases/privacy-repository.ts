/**
 * The case core's answers to the privacy module (access-request export, retention purge): the case records held
 * about one person, whether they are all finished, and clearing the ID numbers of their deliveries. Privacy asks
 * through cases/service.ts; the case tables stay the case core's.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/tables.ts';

/** The cases the person is the applicant or the agent of, in the order they were received. */
export const casesOfParty = (db: Db, applicantId: string) =>
  db
    .selectFrom('cases')
    .selectAll()
    .where((eb) => eb.or([eb('applicant_id', '=', applicantId), eb('agent_id', '=', applicantId)]))
    .orderBy('received_at')
    .execute();

export const openCaseCount = async (db: Db, applicantId: string, finished: readonly string[]) =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('applicant_id', '=', applicantId), eb('agent_id', '=', applicantId)]))
        .where('state', 'not in', [...finished])
        .executeTakeFirstOrThrow()
    ).n,
  );

const ids = (list: string[]) => (list.length ? list : ['']);

export const exportDocuments = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('case_documents')
    .select(['case_id', 'kind', 'doc_no', 'status', 'issued_at'])
    .where('case_id', 'in', ids(caseIds))
    .orderBy('issued_at')
    .execute();

export const exportFiles = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('case_files')
    .select(['case_id', 'kind', 'name', 'content_type', 'size', 'uploaded_at'])
    .where('case_id', 'in', ids(caseIds))
    .orderBy('uploaded_at')
    .execute();

export const exportDeliveries = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('case_deliveries')
    .select([
      'case_id',
      'method',
      'collected_by',
      'id_doc_type',
      'id_doc_number_masked',
      'carrier',
      'tracking_number',
      'at',
    ])
    .where('case_id', 'in', ids(caseIds))
    .orderBy('at')
    .execute();

/** Applicants not yet purged and unchanged since the cutoff, after `after` by id, with their cases' latest change and open count. */
export function purgeCandidates(db: Db, cutoff: number, finished: readonly string[], after: string, limit: number) {
  const theirs =
    (eb: ExpressionBuilder<Database, 'applicants'>) => (w: ExpressionBuilder<Database, 'applicants' | 'cases'>) =>
      w.or([w('cases.applicant_id', '=', eb.ref('applicants.id')), w('cases.agent_id', '=', eb.ref('applicants.id'))]);
  return db
    .selectFrom('applicants')
    .select((eb) => [
      'applicants.id',
      'applicants.updated_at',
      eb
        .selectFrom('cases')
        .select((s) => s.fn.max('cases.updated_at').as('m'))
        .where(theirs(eb))
        .as('last_case_at'),
      eb
        .selectFrom('cases')
        .select((s) => s.fn.countAll<number>().as('n'))
        .where(theirs(eb))
        .where('cases.state', 'not in', [...finished])
        .as('open_cases'),
    ])
    .where('applicants.purged_at', 'is', null)
    .where('applicants.updated_at', '<', cutoff)
    .where('applicants.id', '>', after)
    .orderBy('applicants.id')
    .limit(limit)
    .execute();
}

export const clearDeliveryNumbers = (db: Db, applicantId: string) =>
  db
    .updateTable('case_deliveries')
    .set({ id_doc_number_enc: null, id_doc_number_masked: null, collected_by: '' })
    .where('case_id', 'in', (eb) =>
      eb
        .selectFrom('cases')
        .select('id')
        .where((w) => w.or([w('applicant_id', '=', applicantId), w('agent_id', '=', applicantId)])),
    )
    .executeTakeFirst();
