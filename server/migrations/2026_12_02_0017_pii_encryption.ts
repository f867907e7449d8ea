import { type Kysely, sql } from 'kysely';
import { piiFields, protectChangeDetail, protectDocNumber, protectPhone } from '../src/platform/pii/protect.ts';

/**
 * Personal numbers encrypted at rest: each ID number and phone becomes a ciphertext (AES-256-GCM, key id inside),
 * a keyed blind index for exact lookups and the masked form lists show, so a list never decrypts. Existing rows
 * are encrypted here in batches. Applicants also get the columns of sealing (封存) and of the retention purge.
 */
const BATCH = 500;
type Row = Record<string, string | number | null>;

async function eachBatch(select: (after: string) => Promise<Row[]>, each: (r: Row) => Promise<void>) {
  let after = '';
  for (;;) {
    const rows = await select(after);
    for (const r of rows) await each(r);
    if (rows.length < BATCH) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = (await sql<{ v: string }>`select version() as v`.execute(db).catch(() => ({ rows: [] }))).rows.length > 0;

  // 申请人: the plain columns are renamed (their values encrypted below) so no code can read them as plain text.
  await db.schema.dropIndex('applicants_phone').execute();
  await db.schema.alterTable('applicants').renameColumn('doc_number', 'doc_number_enc').execute();
  await db.schema.alterTable('applicants').renameColumn('phone', 'phone_enc').execute();
  for (const c of ['doc_number_index', 'doc_number_masked', 'phone_index', 'phone_masked']) {
    await db.schema
      .alterTable('applicants')
      .addColumn(c, 'text', (col) => col.notNull().defaultTo(''))
      .execute();
  }
  await db.schema.alterTable('applicants').addColumn('sealed_at', 'bigint').execute();
  await db.schema.alterTable('applicants').addColumn('sealed_by', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('sealed_reason', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('sealed_data', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('purged_at', 'bigint').execute();
  // The uniqueness of a document number in a hall moves to its blind index (ciphertexts are all different).
  if (pg) await sql`alter table applicants drop constraint applicants_hall_doc`.execute(db);
  await eachBatch(
    (after) =>
      sql<Row>`select id, kind, doc_number_enc, phone_enc from applicants where id > ${after} order by id limit ${BATCH}`
        .execute(db)
        .then((r) => r.rows),
    async (r) => {
      const id = String(r.id);
      const doc = protectDocNumber(piiFields.applicantDoc, id, String(r.doc_number_enc), r.kind === 'person');
      const phone = protectPhone(piiFields.applicantPhone, id, String(r.phone_enc));
      await sql`update applicants set doc_number_enc = ${doc.enc}, doc_number_index = ${doc.index}, doc_number_masked = ${doc.masked},
        phone_enc = ${phone.enc}, phone_index = ${phone.index}, phone_masked = ${phone.masked} where id = ${id}`.execute(
        db,
      );
    },
  );
  await db.schema
    .createIndex('applicants_doc_index')
    .unique()
    .on('applicants')
    .columns(['hall_id', 'doc_number_index'])
    .execute();
  await db.schema.createIndex('applicants_phone_index').on('applicants').columns(['hall_id', 'phone_index']).execute();

  // 咨询: the contact phone.
  await db.schema.alterTable('consultations').renameColumn('contact_phone', 'contact_phone_enc').execute();
  await db.schema
    .alterTable('consultations')
    .addColumn('contact_phone_index', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('consultations')
    .addColumn('contact_phone_masked', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await eachBatch(
    (after) =>
      sql<Row>`select id, contact_phone_enc from consultations where id > ${after} order by id limit ${BATCH}`
        .execute(db)
        .then((r) => r.rows),
    async (r) => {
      const p = protectPhone(piiFields.consultationPhone, String(r.id), String(r.contact_phone_enc));
      await sql`update consultations set contact_phone_enc = ${p.enc}, contact_phone_index = ${p.index}, contact_phone_masked = ${p.masked}
        where id = ${r.id}`.execute(db);
    },
  );
  await db.schema
    .createIndex('consultations_phone_index')
    .on('consultations')
    .columns(['hall_id', 'contact_phone_index'])
    .execute();

  // 领取: the ID number checked when the result was collected.
  await db.schema.alterTable('case_deliveries').renameColumn('id_doc_number', 'id_doc_number_enc').execute();
  await db.schema.alterTable('case_deliveries').addColumn('id_doc_number_masked', 'text').execute();
  await eachBatch(
    (after) =>
      sql<Row>`select id, id_doc_number_enc from case_deliveries where id > ${after} and id_doc_number_enc is not null
      order by id limit ${BATCH}`
        .execute(db)
        .then((r) => r.rows),
    async (r) => {
      const d = protectDocNumber(piiFields.deliveryDoc, String(r.id), String(r.id_doc_number_enc), true);
      await sql`update case_deliveries set id_doc_number_enc = ${d.enc}, id_doc_number_masked = ${d.masked} where id = ${r.id}`.execute(
        db,
      );
    },
  );

  // Staff phones (账户): personal numbers too.
  await db.schema.alterTable('users').renameColumn('phone', 'phone_enc').execute();
  await db.schema.alterTable('users').addColumn('phone_masked', 'text').execute();
  await eachBatch(
    (after) =>
      sql<Row>`select id, phone_enc from users where id > ${after} and phone_enc is not null order by id limit ${BATCH}`
        .execute(db)
        .then((r) => r.rows),
    async (r) => {
      const p = protectPhone(piiFields.staffPhone, String(r.id), String(r.phone_enc));
      await sql`update users set phone_enc = ${p.enc}, phone_masked = ${p.masked} where id = ${r.id}`.execute(db);
    },
  );

  // Requests to unseal a sealed applicant, decided by the security administrator.
  await db.schema
    .createTable('personal_data_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema
    .createIndex('personal_data_requests_hall')
    .on('personal_data_requests')
    .columns(['hall_id', 'status'])
    .execute();

  // An applicant's change trail kept old and new numbers in clear: masked there, the full values encrypted beside.
  await eachBatch(
    (after) =>
      sql<Row>`select id, detail from applicant_events where id > ${after} order by id limit ${BATCH}`
        .execute(db)
        .then((r) => r.rows),
    async (r) => {
      const detail = JSON.parse(String(r.detail)) as { changes?: Record<string, { from: string; to: string }> };
      const next = protectChangeDetail(String(r.id), detail);
      if (next !== null) await sql`update applicant_events set detail = ${next} where id = ${r.id}`.execute(db);
    },
  );
}

export async function down(): Promise<void> {
  throw new Error('2026_12_02_0017_pii_encryption cannot be undone: the plain numbers are not kept');
}
