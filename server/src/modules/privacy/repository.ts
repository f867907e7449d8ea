import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { PersonalDataRequestTable } from '../../platform/db/tables-privacy.ts';

const ids = (list: string[]) => (list.length ? list : ['']);

/** One encrypted column and the blind index kept beside it (if any); `json` names a ciphertext inside a JSON text. */
export interface EncryptedColumn {
  table:
    | 'applicants'
    | 'consultations'
    | 'case_deliveries'
    | 'users'
    | 'applicant_events'
    | 'complaints'
    | 'notices'
    | 'webhook_endpoints'
    | 'appointments'
    | 'prereview_applications';
  column: string;
  field: string;
  index?: { column: string; kind: 'id' | 'phone' };
  json?: string;
}

export interface EncryptedRow {
  id: string;
  value: string | null;
  index: string | null;
}

export interface Reencrypted {
  id: string;
  old: string;
  value: string;
  index?: string;
}

export async function encryptedRows(
  db: Db,
  col: EncryptedColumn,
  after: string,
  limit: number,
): Promise<EncryptedRow[]> {
  const index = col.index ? sql.ref(col.index.column) : sql`null`;
  const r =
    await sql<EncryptedRow>`select id, ${sql.ref(col.column)} as value, ${index} as ix from ${sql.table(col.table)}
    where id > ${after} order by id limit ${limit}`.execute(db);
  return r.rows.map((x) => ({ id: x.id, value: x.value, index: (x as unknown as { ix: string | null }).ix }));
}

/** Each update is guarded by the value it replaces; returns how many rows changed. */
export async function applyReencrypted(db: Db, col: EncryptedColumn, rows: Reencrypted[]): Promise<number> {
  let n = 0;
  for (const r of rows) {
    const setIndex = r.index !== undefined && col.index ? sql`, ${sql.ref(col.index.column)} = ${r.index}` : sql``;
    const res = await sql`update ${sql.table(col.table)} set ${sql.ref(col.column)} = ${r.value}${setIndex}
      where id = ${r.id} and ${sql.ref(col.column)} = ${r.old}`.execute(db);
    n += Number(res.numAffectedRows ?? 0);
  }
  return n;
}

export const consultationsByPhone = (db: Db, hallId: string, phoneIndexes: string[]) =>
  db
    .selectFrom('consultations')
    .select([
      'id',
      'number',
      'channel',
      'person_name',
      'contact_phone_masked',
      'question',
      'status',
      'answer',
      'registered_day',
      'updated_at',
    ])
    .where('hall_id', '=', hallId)
    .where('contact_phone_index', 'in', ids(phoneIndexes))
    .orderBy('created_at')
    .execute();

export const ticketsOfCases = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('queue_tickets')
    .select(['id', 'number', 'day', 'status', 'arrived_at', 'wait_ms', 'outcome_id'])
    .where('outcome_kind', '=', 'case')
    .where('outcome_id', 'in', ids(caseIds))
    .orderBy('arrived_at')
    .execute();

export const ratingsOf = (db: Db, caseIds: string[], ticketIds: string[]) =>
  db
    .selectFrom('ratings')
    .leftJoin('rating_follow_ups as f', 'f.rating_id', 'ratings.id')
    .select([
      'ratings.id',
      'ratings.level',
      'ratings.score',
      'ratings.reasons',
      'ratings.comment',
      'ratings.day',
      'ratings.outcome_id',
      'f.status as follow_up_status',
      'f.note as follow_up_note',
      'f.called_back_at',
    ])
    .where((eb) => eb.or([eb('ratings.outcome_id', 'in', ids(caseIds)), eb('ratings.ticket_id', 'in', ids(ticketIds))]))
    .orderBy('ratings.created_at')
    .execute();

export const changesOf = (db: Db, applicantId: string) =>
  db
    .selectFrom('applicant_events')
    .select(['at', 'username', 'action', 'detail'])
    .where('applicant_id', '=', applicantId)
    .orderBy('at')
    .execute();

// Sealing (封存) and its approval.
export const sealApplicant = (db: Db, id: string, s: { at: number; by: string; reason: string; data: string }) =>
  db
    .updateTable('applicants')
    .set({
      sealed_at: s.at,
      sealed_by: s.by,
      sealed_reason: s.reason,
      sealed_data: s.data,
      name: '已封存',
      address: '',
      legal_representative: '',
      contact_name: '',
      doc_number_masked: '',
      phone_masked: '',
      phone_index: '',
      updated_at: s.at,
    })
    .where('id', '=', id)
    .where('sealed_at', 'is', null)
    .executeTakeFirst();

export const unsealApplicant = (
  db: Db,
  id: string,
  restore: {
    name: string;
    address: string;
    legal_representative: string;
    contact_name: string;
    doc_number_masked: string;
    phone_masked: string;
    phone_index: string;
    updated_at: number;
  },
) =>
  db
    .updateTable('applicants')
    .set({ ...restore, sealed_at: null, sealed_by: null, sealed_reason: null, sealed_data: null })
    .where('id', '=', id)
    .where('sealed_at', 'is not', null)
    .executeTakeFirst();

export const insertRequest = (db: Db, row: PersonalDataRequestTable) =>
  db.insertInto('personal_data_requests').values(row).execute();

export const findRequest = (db: Db, id: string) =>
  db.selectFrom('personal_data_requests').selectAll().where('id', '=', id).executeTakeFirst();

export const pendingRequestFor = (db: Db, applicantId: string) =>
  db
    .selectFrom('personal_data_requests')
    .selectAll()
    .where('applicant_id', '=', applicantId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const listRequests = (db: Db, hallIds: string[], status?: string) => {
  let q = db.selectFrom('personal_data_requests').selectAll().where('hall_id', 'in', ids(hallIds));
  if (status) q = q.where('status', '=', status);
  return q.orderBy('requested_at', 'desc').limit(200).execute();
};

export const decideRequest = (
  db: Db,
  id: string,
  d: { status: string; by: string; byName: string; at: number; note: string },
) =>
  db
    .updateTable('personal_data_requests')
    .set({ status: d.status, decided_by: d.by, decided_by_name: d.byName, decided_at: d.at, decision_note: d.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();

// The retention purge.
export const anonymiseApplicant = (db: Db, id: string, a: { docEnc: string; phoneEnc: string; at: number }) =>
  db
    .updateTable('applicants')
    .set({
      name: '已匿名',
      doc_number_enc: a.docEnc,
      doc_number_index: `purged:${id}`,
      doc_number_masked: '',
      phone_enc: a.phoneEnc,
      phone_index: '',
      phone_masked: '',
      address: '',
      legal_representative: '',
      contact_name: '',
      sealed_data: null,
      purged_at: a.at,
    })
    .where('id', '=', id)
    .where('purged_at', 'is', null)
    .executeTakeFirst();

export const deleteApplicantEvents = (db: Db, id: string) =>
  db.deleteFrom('applicant_events').where('applicant_id', '=', id).executeTakeFirst();

/** Consultations closed before the cutoff that still name a person. */
export const oldConsultations = (db: Db, cutoff: number, openStatuses: readonly string[], limit: number) =>
  db
    .selectFrom('consultations')
    .select('id')
    .where('updated_at', '<', cutoff)
    .where('status', 'not in', [...openStatuses])
    .where('contact_phone_masked', '!=', '')
    .orderBy('id')
    .limit(limit)
    .execute();

export const anonymiseConsultation = (db: Db, id: string, phoneEnc: string) =>
  db
    .updateTable('consultations')
    .set({ person_name: '已匿名', contact_phone_enc: phoneEnc, contact_phone_index: '', contact_phone_masked: '' })
    .where('id', '=', id)
    .executeTakeFirst();
