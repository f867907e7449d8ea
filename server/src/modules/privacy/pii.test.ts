/**
 * Personal numbers at rest: after the intake, consultation, queue and account flows no ID or phone number is
 * in the database in clear (the raw SQLite file and its WAL, and every row on both databases); lookups still
 * find them; a tampered ciphertext is refused with a clear error; a key rotation keeps every record readable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, creditCode, publishedItem, residentId } from '../../../test/intake-fixtures.ts';
import { installPiiKeys, pii } from '../../platform/pii/index.ts';
import { openKeyFile } from '../../platform/pii/keys.ts';
import { endpointSecret } from '../webhooks/service.ts';
import { encryptedColumns, rotatePiiKeys } from './rotation.ts';

const ID = residentId('510812', '19790823', '417');
const PHONE = '13987650123';
const AGENT_PHONE = '13587654321';
const CONSULT_PHONE = '15800112233';
const ONLINE_PHONE = '18611223344';
const STAFF_PHONE = '13312340987';
const NEW_PHONE = '17755554444';
const COMPLAINT_PHONE = '13566667777';
const CREDIT = creditCode('91', '510812', 'MA6CQ123');
const plainNumbers = [ID, PHONE, AGENT_PHONE, CONSULT_PHONE, ONLINE_PHONE, STAFF_PHONE, NEW_PHONE, COMPLAINT_PHONE];

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let hallId: string;
let applicantId: string;
let caseNo: string;
let webhook: { id: string; secret: string };
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-keys-'));
const keyFile = path.join(keyDir, 'keys', 'pii-keys.json');

beforeAll(async () => {
  // A file-backed ring, as in production, so the rotation below rewrites a real key file.
  const { ring } = openKeyFile({ path: keyFile, production: false });
  installPiiKeys(ring, keyFile);
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  const windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  const itemId = await publishedItem(head, hallId, departmentId, 'PII-1');

  // Intake: an applicant with an agent, accepted on the spot.
  const reg = await clerk.post('/api/applicants', {
    hallId,
    kind: 'person',
    name: '欧阳明',
    docType: 'resident_id',
    docNumber: ID,
    phone: PHONE,
  });
  expect(reg.statusCode, reg.body).toBe(201);
  applicantId = json(reg).id;
  const agentId = json(
    await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '欧阳代',
      docType: 'resident_id',
      docNumber: residentId('510812', '19800101', '218'),
      phone: AGENT_PHONE,
    }),
  ).id;
  const ent = await clerk.post('/api/applicants', {
    hallId,
    kind: 'enterprise',
    name: '青川县明远商贸有限公司',
    docType: 'credit_code',
    docNumber: CREDIT,
    phone: '08397211111',
    legalRepresentative: '欧阳明',
  });
  expect(ent.statusCode, ent.body).toBe(201);
  const acc = await clerk.post('/api/intake/acceptances', {
    itemId,
    applicantId,
    agentId,
    powerOfAttorneyChecked: true,
    windowId,
    materials: complete(),
  });
  expect(acc.statusCode, acc.body).toBe(201);
  caseNo = json(acc).caseNo;
  // Consultations: at the window and through the public form.
  expect(
    (
      await clerk.post('/api/consultations', {
        hallId,
        channel: 'visit',
        personName: '陈咨询',
        contactPhone: CONSULT_PHONE,
        question: '如何办理？',
      })
    ).statusCode,
  ).toBe(201);
  const online = await hall.app.inject({
    method: 'POST',
    url: '/api/public/consultations',
    payload: { hallId, personName: '网友', contactPhone: ONLINE_PHONE, question: '网上能办吗？' },
  });
  expect(online.statusCode, online.body).toBe(201);
  // A queue ticket at the kiosk, a staff account with a phone and a changed applicant phone (on the trail).
  const categoryId = json(await hall.app.inject({ method: 'GET', url: `/api/public/halls/${hallId}/queue/categories` }))
    .items[0].id;
  const ticket = await hall.app.inject({
    method: 'POST',
    url: `/api/public/halls/${hallId}/queue/tickets`,
    payload: { categoryId, priority: 'normal' },
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
  const sec = await signedIn(hall.app, 'secadmin');
  const staff = await sec.post('/api/users', {
    username: 'pii_staff',
    displayName: '测试员',
    phone: STAFF_PHONE,
    roles: ['clerk'],
    hallIds: [hallId],
    departmentIds: [],
    initialPassword: 'Hall@2026x',
  });
  expect(staff.statusCode, staff.body).toBe(201);
  expect((await supervisor.patch(`/api/applicants/${applicantId}`, { phone: NEW_PHONE })).statusCode).toBe(200);
  expect((await supervisor.patch(`/api/applicants/${applicantId}`, { phone: PHONE })).statusCode).toBe(200);
  // A named complaint online, and a webhook endpoint with its signing secret.
  const complaint = await hall.app.inject({
    method: 'POST',
    url: '/api/public/complaints',
    payload: {
      hallId,
      kind: 'complaint',
      category: 'attitude',
      name: '投诉人',
      phone: COMPLAINT_PHONE,
      email: 'tousu@example.cn',
      matter: '窗口人员态度生硬',
    },
  });
  expect(complaint.statusCode, complaint.body).toBe(201);
  const hook = await (await signedIn(hall.app, 'sysadmin')).post('/api/webhooks/endpoints', {
    name: '省一网通办平台',
    url: 'http://127.0.0.1:9/hook',
    events: ['case.accepted'],
    hallIds: [hallId],
  });
  expect(hook.statusCode, hook.body).toBe(201);
  webhook = { id: json(hook).endpoint.id, secret: json(hook).secret };
});
afterAll(async () => {
  await hall.close();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

async function everyRowText(): Promise<string> {
  const db = hall.ctx.db;
  const tables =
    hall.ctx.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db)
        ).rows;
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(db);
    parts.push(JSON.stringify(rows.rows));
  }
  return parts.join('\n');
}

describe('personal numbers at rest', () => {
  it('leaves no ID or phone number in clear in any row, nor in the SQLite file and its WAL', async () => {
    const text = await everyRowText();
    expect(text.length).toBeGreaterThan(10_000);
    for (const n of plainNumbers) expect(text.includes(n), n).toBe(false);
    // The masked forms are what lists show.
    expect(text).toContain('139****0123');
    if (hall.ctx.dialect === 'sqlite') {
      const file = (
        await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(hall.ctx.db)
      ).rows[0]!.file;
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      expect(bytes.length).toBeGreaterThan(100_000);
      for (const n of plainNumbers) expect(bytes.includes(Buffer.from(n)), n).toBe(false);
    }
  });

  it('still finds an applicant by ID number (however typed), phone and credit code, and registers a number once', async () => {
    const byId = json(
      await clerk.post('/api/applicants/search', { q: ` ${ID.slice(0, 6)}-${ID.slice(6).toLowerCase()} ` }),
    );
    expect(byId.items.map((a: { id: string }) => a.id)).toEqual([applicantId]);
    expect(byId.items[0]).toMatchObject({
      docNumber: `${ID.slice(0, 4)}**********${ID.slice(-4)}`,
      phone: '139****0123',
    });
    expect(
      json(await clerk.post('/api/applicants/search', { q: PHONE })).items.map((a: { id: string }) => a.id),
    ).toEqual([applicantId]);
    const byCredit = json(await clerk.post('/api/applicants/search', { q: CREDIT.toLowerCase() }));
    expect(byCredit.items).toHaveLength(1);
    // A credit code is public: listed in full.
    expect(byCredit.items[0].docNumber).toBe(CREDIT);
    const again = await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '欧阳明',
      docType: 'resident_id',
      docNumber: ID,
      phone: '13000000000',
    });
    expect(again.statusCode).toBe(200);
    expect(json(again).id).toBe(applicantId);
  });

  it('keeps the progress lookup by the last four phone digits and the consultation search by phone', async () => {
    const ok = await hall.app.inject({ method: 'GET', url: `/api/public/progress?no=${caseNo}&phone4=0123` });
    expect(ok.statusCode, ok.body).toBe(200);
    // The agent's phone opens it too; a wrong one does not.
    expect(
      (await hall.app.inject({ method: 'GET', url: `/api/public/progress?no=${caseNo}&phone4=4321` })).statusCode,
    ).toBe(200);
    expect(
      (await hall.app.inject({ method: 'GET', url: `/api/public/progress?no=${caseNo}&phone4=9999` })).statusCode,
    ).toBe(404);
    const found = json(await clerk.get(`/api/consultations?q=${CONSULT_PHONE}`));
    expect(found.items.map((c: { personName: string }) => c.personName)).toEqual(['陈咨询']);
    expect(found.items[0].contactPhone).toBe('158****2233');
  });

  it('shows the full numbers to a holder of personal.view, decrypted', async () => {
    const res = await supervisor.get(`/api/applicants/${applicantId}/personal`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ docNumber: ID, phone: PHONE });
  });

  it('refuses a tampered or moved ciphertext with a clear error, not a 500', async () => {
    const db = hall.ctx.db;
    const row = await db
      .selectFrom('applicants')
      .select(['phone_enc', 'doc_number_enc'])
      .where('id', '=', applicantId)
      .executeTakeFirstOrThrow();
    const other = json(
      await clerk.post('/api/applicants', {
        hallId,
        kind: 'person',
        name: '路人',
        docType: 'resident_id',
        docNumber: residentId('510812', '19900101', '330'),
        phone: '13100000000',
      }),
    ).id;
    const flip = (s: string) => s.slice(0, -3) + (s.at(-3) === 'A' ? 'B' : 'A') + s.slice(-2);
    try {
      await db
        .updateTable('applicants')
        .set({ phone_enc: flip(row.phone_enc) })
        .where('id', '=', applicantId)
        .execute();
      const res = await supervisor.get(`/api/applicants/${applicantId}/personal`);
      expect(res.statusCode).toBe(422);
      expect(json(res)).toMatchObject({ code: 'PII_INTEGRITY', field: 'applicants.phone' });
      expect(json(res).message).toContain('校验失败');
      // A valid ciphertext of another row is refused too: the row id is bound into it.
      await db.updateTable('applicants').set({ phone_enc: row.phone_enc }).where('id', '=', other).execute();
      expect((await supervisor.get(`/api/applicants/${other}/personal`)).statusCode).toBe(422);
    } finally {
      await db.updateTable('applicants').set({ phone_enc: row.phone_enc }).where('id', '=', applicantId).execute();
      await db.deleteFrom('applicants').where('id', '=', other).execute();
    }
    expect((await supervisor.get(`/api/applicants/${applicantId}/personal`)).statusCode).toBe(200);
  });

  it('knows every encrypted column the schema has, so a rotation leaves none under the old key', async () => {
    const tables = await hall.ctx.db.introspection.getTables();
    const encrypted = tables.flatMap((t) =>
      t.columns.filter((c) => c.name.endsWith('_enc')).map((c) => `${t.name}.${c.name}`),
    );
    expect(encrypted.length).toBeGreaterThan(0);
    const rotated = new Set(encryptedColumns.map((c) => `${c.table}.${c.column}`));
    expect(encrypted.filter((c) => !rotated.has(c))).toEqual([]);
  });

  it('rotates the keys: every value moves to the new key, every record stays readable and findable', async () => {
    const before = pii().active.id;
    // Every staff account with a phone on file: the demo hall's staff list grows, the rule does not.
    const staffPhones = (
      await hall.ctx.db.selectFrom('users').select('id').where('phone_enc', 'is not', null).execute()
    ).length;
    expect(staffPhones).toBeGreaterThan(0);
    const result = await rotatePiiKeys(hall.ctx, keyFile, { batch: 3 });
    expect(result.previous).toBe(before);
    expect(result.keyId).not.toBe(before);
    expect(result.reencrypted['applicants.doc_number_enc']).toBe(3);
    expect(result.reencrypted['users.phone_enc']).toBe(staffPhones);
    expect(result.reencrypted['consultations.contact_phone_enc']).toBe(2);
    expect(result.reencrypted['complaints.phone_enc']).toBe(1);
    expect(result.reencrypted['webhook_endpoints.secret_enc']).toBe(1);
    // The endpoint still signs with the secret its receiver holds.
    const endpoint = await hall.ctx.db
      .selectFrom('webhook_endpoints')
      .select(['id', 'secret_enc'])
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(endpointSecret(endpoint)).toBe(webhook.secret);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const file = JSON.parse(fs.readFileSync(keyFile, 'utf8'));
    expect(file.keys.map((k: { id: string }) => k.id)).toEqual([before, result.keyId]);
    // No value is left under the old key.
    for (const col of encryptedColumns) {
      const rows = (
        await sql<{ v: string | null }>`select ${sql.ref(col.column)} as v from ${sql.table(col.table)}`.execute(
          hall.ctx.db,
        )
      ).rows;
      for (const r of rows) {
        if (!r.v) continue;
        const value = col.json ? (JSON.parse(r.v) as Record<string, string>)[col.json] : r.v;
        if (value) expect(value.startsWith(`pii1.${result.keyId}.`), `${col.table}.${col.column}`).toBe(true);
      }
    }
    expect(json(await supervisor.get(`/api/applicants/${applicantId}/personal`))).toMatchObject({
      docNumber: ID,
      phone: PHONE,
    });
    expect(json(await clerk.post('/api/applicants/search', { q: ID })).items.map((a: { id: string }) => a.id)).toEqual([
      applicantId,
    ]);
    expect(
      json(await clerk.post('/api/applicants/search', { q: PHONE })).items.map((a: { id: string }) => a.id),
    ).toEqual([applicantId]);
    expect(json(await clerk.get(`/api/consultations?q=${CONSULT_PHONE}`)).items).toHaveLength(1);
    // A new registration of the same number still finds the one file.
    const again = await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '欧阳明',
      docType: 'resident_id',
      docNumber: ID,
      phone: PHONE,
    });
    expect(json(again).id).toBe(applicantId);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'pii.rotate_keys')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ previous: before, keyId: result.keyId });
    // A second rotation moves the same values again, to the next key.
    const second = await rotatePiiKeys(hall.ctx, keyFile);
    expect(second.reencrypted).toEqual(result.reencrypted);
  });
});
