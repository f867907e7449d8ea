import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../domain/identity/index.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, marks, person, publishedItem, residentId } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
let clerk: Session;
let head: Session;
let hallId: string;
let departmentId: string;
let itemId: string;
let windowId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'SP-101');
});
afterAll(() => hall.close());

async function receive(materials = complete(), over: Record<string, unknown> = {}) {
  const applicantId = await person(clerk, hallId);
  const res = await clerk.post('/api/intake/receptions', { itemId, applicantId, windowId, materials, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

describe('reception and acceptance', () => {
  it('accepts a complete reception: number, deadline, first-question owner, steps, routing slip, receipt, trail and audit', async () => {
    const received = await receive();
    expect(received).toMatchObject({ state: 'received', caseNo: null, checklist: { complete: true }, itemVersion: 1 });
    const res = await clerk.post(`/api/cases/${received.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    const c = json(res);
    expect(c.caseNo).toMatch(/^QCX-ZWFW-2026-\d{6}$/);
    // Accepted Monday 2026-03-02; 5 working days from the next day.
    expect(c).toMatchObject({
      deadline: '2026-03-09',
      deadlineProvisional: false,
      acceptedDay: '2026-03-02',
      firstOwner: { name: '张伟' },
    });
    // The 受理 step is done by the acceptance; the parallel back-office order is active and routed.
    expect(c.state).toBe('in_process');
    expect(c.steps.map((s: any) => [s.key, s.status])).toEqual([
      ['s1', 'done'],
      ['s2', 'active'],
      ['s3', 'active'],
      ['s4', 'pending'],
    ]);
    expect(c.routingSlips).toHaveLength(2);
    expect(c.routingSlips[0]).toMatchObject({ handedOverBy: '张伟', departmentId });
    expect(c.events.map((e: any) => [e.action, e.fromState, e.toState])).toEqual([
      ['registerReception', null, 'received'],
      ['acceptCase', 'received', 'accepted'],
      ['routeToDepartment', 'accepted', 'in_process'],
    ]);
    expect(c.documents.map((d: any) => d.kind)).toEqual(['receipt']);
    expect(c.documents[0].docNo).toMatch(/^QCX-ZWFW-SJ-2026-\d{6}$/);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('target_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['case.register', 'case.accept']);
  });

  it('keeps the item version a case was received under when the item changes (R1.5)', async () => {
    const own = await publishedItem(head, hallId, departmentId, 'SP-102');
    const applicantId = await person(clerk, hallId);
    const received = json(
      await clerk.post('/api/intake/receptions', { itemId: own, applicantId, materials: complete() }),
    );
    const edited = json(await head.get(`/api/catalog/items/${own}`)).content;
    await head.put(`/api/catalog/items/${own}/draft`, { content: { ...edited, promisedDays: 4 } });
    expect(json(await head.post(`/api/catalog/items/${own}/publish`)).publishedVersion).toBe(2);
    const c = json(await clerk.post(`/api/cases/${received.id}/accept`));
    expect(c).toMatchObject({ itemVersion: 1, promisedDays: 5, deadline: '2026-03-09' });
    const later = json(await clerk.post('/api/intake/receptions', { itemId: own, applicantId, materials: complete() }));
    expect(later).toMatchObject({ itemVersion: 2, promisedDays: 4 });
  });

  it('refuses to accept while a required material is missing (409) and names it', async () => {
    const c = await receive(marks({ licence: { status: 'missing', copies: 0, pages: 0 } }));
    const res = await clerk.post(`/api/cases/${c.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ code: 'MATERIALS_INCOMPLETE', field: 'materials' });
    expect(json(res).message).toContain('营业执照复印件');
    expect(json(await clerk.get(`/api/cases/${c.id}`)).state).toBe('received');
  });

  it('requires an applicable conditional material and accepts an optional one missing', async () => {
    const c = await receive(marks({ poa: { status: 'missing' }, photo: { status: 'missing', copies: 0, pages: 0 } }));
    expect(c.checklist.shortfalls.map((s: any) => s.key)).toEqual(['poa']);
    expect((await clerk.post(`/api/cases/${c.id}/accept`)).statusCode).toBe(409);
  });

  it('issues one one-time notice listing every missing and incorrect item, then completes the case on supplement', async () => {
    const c = await receive(
      marks({
        form: { status: 'incorrect', reason: '未签名盖章' },
        licence: { status: 'missing', copies: 0, pages: 0 },
      }),
    );
    expect((await clerk.post(`/api/cases/${c.id}/one-time-notice`, { supplementDays: 31 })).statusCode).toBe(400);
    const res = await clerk.post(`/api/cases/${c.id}/one-time-notice`, {
      corrections: [{ key: 'form', requirement: '请法定代表人签名并加盖公章' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const n = json(res);
    expect(n.state).toBe('awaiting_supplement');
    const notice = n.documents.find((d: any) => d.kind === 'one_time_notice');
    expect(notice).toMatchObject({ status: 'open' });
    expect(notice.docNo).toMatch(/^QCX-ZWFW-GZ-2026-\d{6}$/);
    const stored = await hall.ctx.db
      .selectFrom('case_documents')
      .select('content')
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(stored.content);
    expect(content.items.map((i: any) => [i.name, i.status])).toEqual([
      ['变更申请书', 'incorrect'],
      ['营业执照复印件', 'missing'],
    ]);
    expect(content.items[0].requirement).toBe('请法定代表人签名并加盖公章');
    expect(content.supplementDeadline).toBe('2026-03-09');
    // The returning applicant's notice number finds the case, which has no case number yet.
    const found = json(await clerk.get(`/api/cases?q=${notice.docNo}`)).items.map((x: any) => x.id);
    expect(found).toEqual([c.id]);
    // A second notice for the same receipt is not possible: the case waits for the applicant.
    const twice = await clerk.post(`/api/cases/${c.id}/one-time-notice`, {});
    expect(twice.statusCode).toBe(409);
    expect(json(twice).code).toBe('ILLEGAL_TRANSITION');

    hall.clock.advance(20 * 60_000);
    const partial = json(
      await clerk.post(`/api/cases/${c.id}/supplement`, { materials: [{ key: 'form', copies: 1, pages: 2 }] }),
    );
    expect(partial).toMatchObject({ state: 'received', round: 2, caseNo: null });
    expect(partial.checklist.shortfalls.map((s: any) => s.key)).toEqual(['licence']);
    // The clerk can write a further notice for what is still missing, and the applicant returns again.
    await clerk.post(`/api/cases/${c.id}/one-time-notice`, {});
    const done = json(
      await clerk.post(`/api/cases/${c.id}/supplement`, { materials: [{ key: 'licence', copies: 1, pages: 4 }] }),
    );
    expect(done).toMatchObject({ state: 'in_process', round: 3 });
    expect(done.caseNo).toMatch(/^QCX-ZWFW-2026-/);
    // Nothing typed twice: the photo registered at the first visit is still on the record.
    expect(done.materials.find((m: any) => m.key === 'photo')).toMatchObject({ status: 'received', pages: 1 });
    expect(
      done.documents.filter((d: any) => d.kind === 'one_time_notice').every((d: any) => d.status === 'closed'),
    ).toBe(true);
    expect(done.events.map((e: any) => e.action)).toEqual([
      'registerReception',
      'issueOneTimeNotice',
      'supplementMaterials',
      'issueOneTimeNotice',
      'supplementMaterials',
      'acceptCase',
      'routeToDepartment',
    ]);
  });

  it('refuses a one-time notice when nothing is missing, and a supplement of a material not asked for', async () => {
    const c = await receive();
    expect((await clerk.post(`/api/cases/${c.id}/one-time-notice`, {})).statusCode).toBe(409);
    const d = await receive(marks({ licence: { status: 'missing', copies: 0, pages: 0 } }));
    await clerk.post(`/api/cases/${d.id}/one-time-notice`, {});
    const res = await clerk.post(`/api/cases/${d.id}/supplement`, {
      materials: [{ key: 'form', copies: 1, pages: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).field).toBe('materials.0.key');
  });

  it('accepts with a non-essential material deferred (容缺受理) against a signed promise', async () => {
    const c = await receive(marks({ licence: { status: 'missing', copies: 0, pages: 0 } }));
    const unsigned = await clerk.post(`/api/cases/${c.id}/accept-deferred`, {
      promiseSigned: false,
      supplementDeadline: '2026-03-06',
    });
    expect(unsigned.statusCode).toBe(400);
    expect(json(unsigned).field).toBe('promiseSigned');
    const late = await clerk.post(`/api/cases/${c.id}/accept-deferred`, {
      promiseSigned: true,
      supplementDeadline: '2026-03-10',
    });
    expect(late.statusCode).toBe(400);
    expect(json(late).field).toBe('supplementDeadline');
    const res = await clerk.post(`/api/cases/${c.id}/accept-deferred`, {
      promiseSigned: true,
      supplementDeadline: '2026-03-09',
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = json(res);
    expect(a).toMatchObject({ state: 'in_process', deferred: { keys: ['licence'], deadline: '2026-03-09' } });
    expect(a.documents.map((d: any) => d.kind).sort()).toEqual(['deferral_promise', 'receipt']);
    expect(a.events.map((e: any) => e.action)).toContain('acceptWithDeferredMaterials');
  });

  it('never defers an essential material (400)', async () => {
    const c = await receive(marks({ form: { status: 'missing', copies: 0, pages: 0 } }));
    const res = await clerk.post(`/api/cases/${c.id}/accept-deferred`, {
      promiseSigned: true,
      supplementDeadline: '2026-03-05',
    });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ field: 'materials' });
    expect(json(res).message).toContain('变更申请书');
  });

  it('refuses acceptance with reasons and guidance; the refused case can no longer be accepted (409 ILLEGAL_TRANSITION)', async () => {
    const c = await receive();
    expect((await clerk.post(`/api/cases/${c.id}/refuse`, { reasons: ' ' })).statusCode).toBe(400);
    const res = await clerk.post(`/api/cases/${c.id}/refuse`, {
      reasons: '申请事项不属于本中心受理范围',
      referral: '请到市市场监督管理局办理',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({
      state: 'not_accepted',
      caseNo: null,
      closedReason: '申请事项不属于本中心受理范围',
    });
    expect(json(res).documents[0]).toMatchObject({ kind: 'non_acceptance' });
    const again = await clerk.post(`/api/cases/${c.id}/accept`);
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('ILLEGAL_TRANSITION');
  });

  it('records a withdrawal with its reason, and closes the open notice', async () => {
    const c = await receive(marks({ licence: { status: 'missing', copies: 0, pages: 0 } }));
    await clerk.post(`/api/cases/${c.id}/one-time-notice`, {});
    const noReason = await clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).field).toBe('reason');
    const w = json(await clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '申请人决定暂不办理' }));
    expect(w).toMatchObject({ state: 'withdrawn', closedReason: '申请人决定暂不办理' });
    expect(w.documents[0].status).toBe('closed');
    expect(w.events.at(-1)).toMatchObject({
      action: 'withdraw',
      fromState: 'awaiting_supplement',
      toState: 'withdrawn',
      detail: { reason: '申请人决定暂不办理' },
    });
    expect((await clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '再次撤回' })).json().code).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('checks the registration itself: identity numbers, agents with a power of attorney, the checklist, the window', async () => {
    const good = residentId('510812', '19850415', '123');
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const badId = await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '王五',
      docType: 'resident_id',
      docNumber: bad,
      phone: '13900000000',
    });
    expect(badId.statusCode).toBe(400);
    const expected = validateDocument('resident_id', bad, '2026-03-02');
    expect(expected.ok).toBe(false);
    expect(json(badId)).toMatchObject({ field: 'docNumber', message: expected.ok ? '' : expected.zh });

    const applicantId = await person(clerk, hallId);
    const agentId = await person(clerk, hallId, { name: '赵代理' });
    const noPoa = await clerk.post('/api/intake/receptions', { itemId, applicantId, agentId, materials: complete() });
    expect(json(noPoa)).toMatchObject({ field: 'powerOfAttorneyChecked' });
    const unmarked = await clerk.post('/api/intake/receptions', {
      itemId,
      applicantId,
      materials: complete().slice(1),
    });
    expect(json(unmarked)).toMatchObject({ field: 'materials' });
    const noPages = await clerk.post('/api/intake/receptions', {
      itemId,
      applicantId,
      materials: marks({ form: { pages: 0 } }),
    });
    expect(json(noPages)).toMatchObject({ field: 'materials.0.pages' });
    const noWindow = await clerk.post('/api/intake/receptions', {
      itemId,
      applicantId,
      windowId: 'nope',
      materials: complete(),
    });
    expect(json(noWindow)).toMatchObject({ field: 'windowId' });
    const withAgent = await clerk.post('/api/intake/receptions', {
      itemId,
      applicantId,
      agentId,
      powerOfAttorneyChecked: true,
      materials: marks({ poa: { status: 'received', copies: 1, pages: 1 } }),
    });
    expect(withAgent.statusCode).toBe(201);
    expect(json(withAgent)).toMatchObject({ attorneyChecked: true, agent: { name: '赵代理' } });
  });

  it('lets only reception staff decide (403 for other posts and for the township clerk 404)', async () => {
    const c = await receive();
    const reviewer = await signedIn(hall.app, 'reviewer');
    expect((await reviewer.post(`/api/cases/${c.id}/accept`)).statusCode).toBe(403);
    expect((await reviewer.get(`/api/cases/${c.id}`)).statusCode).toBe(200);
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.post(`/api/cases/${c.id}/accept`)).statusCode).toBe(404);
    expect((await town.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
  });
});
