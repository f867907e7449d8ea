import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../domain/identity/index.ts';
import { piiFields, reveal } from '../../platform/pii/protect.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { creditCode, marks, nextResidentId, publishedItem } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let hallId: string;
let itemId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'APP-1');
});
afterAll(() => hall.close());

const enterprise = (over: Record<string, unknown> = {}) => ({
  hallId,
  kind: 'enterprise',
  name: '青川县禾丰农业发展有限公司',
  docType: 'credit_code',
  docNumber: '91350100M000100Y43',
  phone: '0839-7201234',
  legalRepresentative: '陈大山',
  contactName: '刘小芳',
  ...over,
});

describe('applicant registry', () => {
  it('registers a person once per document number; typing it differently finds the same one', async () => {
    const id = nextResidentId();
    const first = await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '黄忠',
      docType: 'resident_id',
      docNumber: id,
      phone: '138 0013 8000',
    });
    expect(first.statusCode).toBe(201);
    const again = await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '黄忠',
      docType: 'resident_id',
      docNumber: ` ${id.toLowerCase().slice(0, 9)} ${id.slice(9)}`,
      phone: '13800138000',
    });
    expect(again.statusCode).toBe(200);
    expect(json(again).id).toBe(json(first).id);
    expect(await hall.ctx.db.selectFrom('applicants').select('id').where('name', '=', '黄忠').execute()).toHaveLength(
      1,
    );
  });

  it('checks numbers with the identity rules and names the field', async () => {
    const wrongDate = '510812' + '19850231' + '123';
    const res = await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '甲',
      docType: 'resident_id',
      docNumber: `${wrongDate}0`,
      phone: '13800000000',
    });
    expect(res.statusCode).toBe(400);
    const r = validateDocument('resident_id', `${wrongDate}0`, '2026-03-02');
    expect(json(res)).toEqual({ code: 'VALIDATION', field: 'docNumber', message: r.ok ? '' : r.zh });
    const badCode = await clerk.post('/api/applicants', enterprise({ docNumber: '91350100M000100Y44' }));
    expect(json(badCode).field).toBe('docNumber');
    expect(json(await clerk.post('/api/applicants', enterprise({ docType: 'resident_id' }))).field).toBe('docType');
    expect(json(await clerk.post('/api/applicants', enterprise({ legalRepresentative: '' }))).field).toBe(
      'legalRepresentative',
    );
    expect(json(await clerk.post('/api/applicants', enterprise({ phone: 'call me' }))).field).toBe('phone');
  });

  it('finds applicants by document number, credit code, name and phone; masks personal numbers', async () => {
    const docNumber = nextResidentId();
    await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '诸葛亮',
      docType: 'resident_id',
      docNumber,
      phone: '13312345678',
    });
    await clerk.post('/api/applicants', enterprise());
    const find = async (q: string) => json(await clerk.post('/api/applicants/search', { q })).items;
    expect((await find(docNumber)).map((a: any) => a.name)).toEqual(['诸葛亮']);
    expect((await find('91350100m000100y43')).map((a: any) => a.name)).toEqual(['青川县禾丰农业发展有限公司']);
    expect((await find('诸葛')).map((a: any) => a.name)).toEqual(['诸葛亮']);
    // The window's picker pages in the JSON body, numbers as numbers; text there is refused naming the field.
    const paged = await clerk.post('/api/applicants/search', { q: '诸葛', page: 1, pageSize: 10 });
    expect(paged.statusCode, paged.body).toBe(200);
    expect(json(paged).items.map((a: any) => a.name)).toEqual(['诸葛亮']);
    const textual = await clerk.post('/api/applicants/search', { q: '诸葛', page: '1' });
    expect(textual.statusCode).toBe(400);
    expect(json(textual)).toMatchObject({ code: 'VALIDATION', field: 'page' });
    const [p] = await find('13312345678');
    expect(p).toMatchObject({ name: '诸葛亮', phone: '133****5678', masked: true });
    expect(p.docNumber).toBe(`${docNumber.slice(0, 4)}**********${docNumber.slice(-4)}`);
    // A credit code is public; the enterprise's phone is still masked.
    const [e] = await find('禾丰');
    expect(e).toMatchObject({ docNumber: '91350100M000100Y43', phone: '083****1234' });
    const town = await signedIn(hall.app, 'town_clerk');
    expect(json(await town.post('/api/applicants/search', { q: docNumber })).total).toBe(0);
    expect(json(await clerk.get('/api/applicants?kind=enterprise')).items.map((a: any) => a.kind)).toContain(
      'enterprise',
    );
  });

  it('shows the unmasked numbers only to holders of personal.view, and audits every sight', async () => {
    const docNumber = nextResidentId();
    const id = json(
      await clerk.post('/api/applicants', {
        hallId,
        kind: 'person',
        name: '孙权',
        docType: 'resident_id',
        docNumber,
        phone: '13511112222',
      }),
    ).id;
    expect((await clerk.get(`/api/applicants/${id}/personal`)).statusCode).toBe(403);
    const seen = await supervisor.get(`/api/applicants/${id}/personal`);
    expect(json(seen)).toEqual({ id, docNumber, phone: '13511112222' });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'applicant.view_personal')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.username).toBe('supervisor');
    expect(audit[0]!.detail).not.toContain(docNumber);
    // No audit record ever carries a personal number.
    const all = await hall.ctx.db.selectFrom('audit_log').select('detail').execute();
    expect(all.some((a) => (a.detail ?? '').includes(docNumber) || (a.detail ?? '').includes('13511112222'))).toBe(
      false,
    );
  });

  it('lets a supervisor change applicant information with old and new values on the trail (R5.4)', async () => {
    const id = json(
      await clerk.post('/api/applicants', {
        hallId,
        kind: 'person',
        name: '曹操',
        docType: 'resident_id',
        docNumber: nextResidentId(),
        phone: '13600000001',
      }),
    ).id;
    expect((await clerk.patch(`/api/applicants/${id}`, { phone: '13600000002' })).statusCode).toBe(403);
    const changed = await supervisor.patch(`/api/applicants/${id}`, { phone: '13600000002', address: '青川县木鱼镇' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed)).toMatchObject({ phone: '136****0002', address: '青川县木鱼镇' });
    const trail = await hall.ctx.db.selectFrom('applicant_events').selectAll().where('applicant_id', '=', id).execute();
    // Old and new numbers stay on the trail: masked in clear, the full values encrypted beside them.
    const detail = JSON.parse(trail[0]!.detail) as { changes: object; personal: string };
    expect(detail.changes).toEqual({
      phone: { from: '136****0001', to: '136****0002' },
      address: { from: '', to: '青川县木鱼镇' },
    });
    expect(JSON.parse(reveal(piiFields.applicantEvent, trail[0]!.id, detail.personal))).toEqual({
      phone: { from: '13600000001', to: '13600000002' },
    });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'applicant.update')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!).changes.phone).toEqual({ from: '136****0001', to: '136****0002' });
    expect(json(await supervisor.patch(`/api/applicants/${id}`, { docNumber: '123' })).field).toBe('docNumber');
  });

  it('keeps one file per enterprise: every case, notice and service record (一企一档)', async () => {
    const ent = json(
      await clerk.post(
        '/api/applicants',
        enterprise({ docNumber: creditCode('91', '510812', 'MA62QF01'), name: '四川青峰建材有限公司' }),
      ),
    );
    const agent = json(
      await clerk.post('/api/applicants', {
        hallId,
        kind: 'person',
        name: '代办人',
        docType: 'resident_id',
        docNumber: nextResidentId(),
        phone: '13700000000',
      }),
    );
    const reception = (materials: unknown) =>
      clerk
        .post('/api/intake/receptions', {
          itemId,
          applicantId: ent.id,
          agentId: agent.id,
          powerOfAttorneyChecked: true,
          materials,
        })
        .then(json);
    const a = await reception(marks({ poa: { status: 'received', copies: 1, pages: 1 } }));
    await clerk.post(`/api/cases/${a.id}/accept`);
    const b = await reception(
      marks({ poa: { status: 'received', copies: 1, pages: 1 }, licence: { status: 'missing', copies: 0, pages: 0 } }),
    );
    await clerk.post(`/api/cases/${b.id}/one-time-notice`, {});
    const file = json(await clerk.get(`/api/applicants/${ent.id}/file`));
    expect(file.applicant.name).toBe('四川青峰建材有限公司');
    expect(file.cases.map((c: any) => [c.id, c.role]).sort()).toEqual(
      [
        [a.id, 'applicant'],
        [b.id, 'applicant'],
      ].sort(),
    );
    expect(file.notices.map((n: any) => n.kindLabel).sort()).toEqual(['一次性告知书', '收件回执单']);
    expect(file.serviceRecords.filter((r: any) => r.caseId === b.id).map((r: any) => r.action)).toEqual([
      'registerReception',
      'issueOneTimeNotice',
    ]);
    const agentFile = json(await clerk.get(`/api/applicants/${agent.id}/file`));
    expect(agentFile.cases.every((c: any) => c.role === 'agent')).toBe(true);
  });
});
