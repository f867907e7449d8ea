/** Migration 0017 on a database written before it: the plain ID and phone numbers are encrypted in place. */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, migrateOnly, migrationsBefore } from '../../../test/helpers.ts';
import { residentId } from '../../../test/intake-fixtures.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { lookupIndexes, piiFields, reveal } from '../../platform/pii/protect.ts';

const ID = residentId('510812', '19660304', '512');
const PHONE = '13811112222';
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await freshDatabase();
  await migrateOnly(handle.db, migrationsBefore('2026_12_02_0017'));
  const db = handle.db as unknown as Kysely<unknown>;
  const t = 1_770_000_000_000;
  await sql`insert into halls (id, code, name, address, phone, opening_hours, created_at, updated_at)
    values ('h1', 'QCX', '青川县政务服务中心', '乔庄镇', '0839-7213100', '', ${t}, ${t})`.execute(db);
  await sql`insert into users (id, username, display_name, phone, password_hash, must_change_password, failed_logins, status, password_changed_at, created_at, updated_at)
    values ('u1', 'old_clerk', '老员工', '13900001111', 'x', 0, 0, 'active', ${t}, ${t}, ${t})`.execute(db);
  await sql`insert into applicants (id, hall_id, kind, name, doc_type, doc_number, phone, address, legal_representative, contact_name, created_at, updated_at, created_by)
    values ('a1', 'h1', 'person', '老申请人', 'resident_id', ${ID}, ${PHONE}, '', '', '', ${t}, ${t}, 'u1'),
           ('a2', 'h1', 'enterprise', '老企业', 'credit_code', '91510812MA6CQ0000X', '08397000000', '', '法人', '', ${t}, ${t}, 'u1')`.execute(
    db,
  );
  await sql`insert into applicant_events (id, applicant_id, at, user_id, username, action, detail)
    values ('e1', 'a1', ${t}, 'u1', 'old_clerk', 'update', ${JSON.stringify({ changes: { phone: { from: '13800000000', to: PHONE }, address: { from: '', to: 'x' } } })})`.execute(
    db,
  );
  await sql`insert into consultations (id, hall_id, number, lookup_code, channel, person_name, contact_phone, question, status, registered_day, created_at, updated_at)
    values ('c1', 'h1', 'ZX-1', 'ABCDEF', 'visit', '老咨询人', '137 0000 9999', '问', 'open', '2026-01-01', ${t}, ${t})`.execute(
    db,
  );
  await migrateToLatest(handle.db);
});
afterAll(() => handle.close());

describe('migration 0017 (personal numbers encrypted at rest)', () => {
  it('encrypts every existing number, keeps the masked form and the blind index, and leaves nothing in clear', async () => {
    const db = handle.db;
    const a1 = await db.selectFrom('applicants').selectAll().where('id', '=', 'a1').executeTakeFirstOrThrow();
    expect(a1.doc_number_enc).toMatch(/^pii1\.k1\./);
    expect(reveal(piiFields.applicantDoc, 'a1', a1.doc_number_enc)).toBe(ID);
    expect(reveal(piiFields.applicantPhone, 'a1', a1.phone_enc)).toBe(PHONE);
    expect(a1).toMatchObject({
      doc_number_masked: `${ID.slice(0, 4)}**********${ID.slice(-4)}`,
      phone_masked: '138****2222',
      sealed_at: null,
    });
    expect(lookupIndexes('id', ID)).toContain(a1.doc_number_index);
    const a2 = await db.selectFrom('applicants').selectAll().where('id', '=', 'a2').executeTakeFirstOrThrow();
    expect(a2.doc_number_masked).toBe('91510812MA6CQ0000X');
    const c1 = await db.selectFrom('consultations').selectAll().executeTakeFirstOrThrow();
    expect(c1).toMatchObject({ contact_phone_masked: '137****9999' });
    expect(lookupIndexes('phone', '13700009999')).toContain(c1.contact_phone_index);
    const u1 = await db.selectFrom('users').select(['phone_enc', 'phone_masked']).executeTakeFirstOrThrow();
    expect(reveal(piiFields.staffPhone, 'u1', u1.phone_enc!)).toBe('13900001111');
    const e1 = JSON.parse((await db.selectFrom('applicant_events').select('detail').executeTakeFirstOrThrow()).detail);
    expect(e1.changes).toEqual({ phone: { from: '138****0000', to: '138****2222' }, address: { from: '', to: 'x' } });
    expect(JSON.parse(reveal(piiFields.applicantEvent, 'e1', e1.personal))).toEqual({
      phone: { from: '13800000000', to: PHONE },
    });

    const all = JSON.stringify(
      await Promise.all(
        ['applicants', 'consultations', 'users', 'applicant_events'].map((t) =>
          sql`select * from ${sql.table(t)}`.execute(db).then((r) => r.rows),
        ),
      ),
    );
    for (const n of [ID, PHONE, '13800000000', '13900001111', '137 0000 9999']) expect(all.includes(n), n).toBe(false);
  });

  it('keeps one file per number in a hall through the blind index', async () => {
    const a1 = await handle.db.selectFrom('applicants').selectAll().where('id', '=', 'a1').executeTakeFirstOrThrow();
    await expect(
      handle.db
        .insertInto('applicants')
        .values({ ...a1, id: 'a3', doc_number_enc: 'pii1.k1.other' })
        .execute(),
    ).rejects.toThrow();
  });
});
