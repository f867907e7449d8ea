/**
 * 投诉举报 in one hall, the tests in order and each building on the last: a 12345 work order and a simple complaint
 * closed on the spot, a complaint handled to the written reply and reopened, the public form and lookup, reports about
 * staff kept from the desk, 一企一档, the analysis of all of them, and objections to a decision (the day after). The
 * rest of registration, the progress notice and retries are in complaints-intake.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedCase, ok, type SupportHall } from '../../../test/case-support-fixtures.ts';
import { complaintForms, complaintsHall } from '../../../test/complaints-fixtures.ts';
import { json, type Session, signedIn } from '../../../test/helpers.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

let h: SupportHall;
let feedback: Session;
let anon: Session;
let staffId: string;
const { register, noticesOf, everything } = complaintForms(() => h);

beforeAll(async () => {
  ({ h, feedback, anon, staffId } = await complaintsHall());
});
afterAll(() => h.hall.close());

describe('registering a complaint (R9.1, R9.2)', () => {
  it('keeps the 12345 work-order number and closes a simple one on the spot', async () => {
    const hot = await register(h.s.clerk, { channel: 'hotline', workOrderNo: 'GD20260302001' });
    expect(hot.workOrderNo).toBe('GD20260302001');
    const simple = await register(h.s.clerk, { simple: true, reply: '当场解释了材料要求，群众表示理解' });
    expect(simple.state).toBe('replied');
    expect(simple.dueDay).toBe('2026-03-02');
    expect(simple.actions).toEqual(['rate', 'reopen']);
  });
});

describe('handling to the written reply (R9.2, R9.3)', () => {
  it('walks every transition and refuses those not open', async () => {
    const c = await register(h.s.clerk);
    const bad = await h.s.clerk.post(`/api/complaints/${c.id}/assign`, { responsibleId: 'nobody', cause: '服务态度' });
    expect(json(bad).field).toBe('responsibleId');
    expect(
      (await h.s.clerk.post(`/api/complaints/${c.id}/satisfaction`, { satisfaction: 'satisfied' })).statusCode,
    ).toBe(409);
    const a = await ok(
      await h.s.clerk.post(`/api/complaints/${c.id}/assign`, { responsibleId: staffId, cause: '解释不耐心' }),
    );
    expect(a.state).toBe('handling');
    expect(a.responsibleId).toBe(staffId);
    for (const kind of ['investigation', 'evidence', 'complainant', 'staff'])
      await ok(await h.s.clerk.post(`/api/complaints/${c.id}/notes`, { kind, text: `记录 ${kind}` }));
    const r = await ok(
      await h.s.clerk.post(`/api/complaints/${c.id}/reply`, {
        reply: '经调查属实，已批评教育',
        rectification: '开展服务礼仪培训',
      }),
    );
    expect(r.state).toBe('replied');
    expect(r.repliedDay).toBe('2026-03-02');
    expect(r.steps.map((s: { action: string }) => s.action)).toEqual([
      'registered',
      'assigned',
      'note',
      'note',
      'note',
      'note',
      'replied',
    ]);
    expect((await h.s.clerk.post(`/api/complaints/${c.id}/reply`, { reply: 'again' })).statusCode).toBe(409);
    expect((await h.s.clerk.post(`/api/complaints/${c.id}/notes`, { kind: 'evidence', text: 'x' })).statusCode).toBe(
      409,
    );
    expect((await noticesOf('complaint_replied')).length).toBeGreaterThan(0);
    const pdf = await h.s.clerk.get(`/api/complaints/${c.id}/reply.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const closed = await ok(
      await h.s.clerk.post(`/api/complaints/${c.id}/satisfaction`, { satisfaction: 'dissatisfied' }),
    );
    expect(closed.state).toBe('closed');
    h.hall.clock.advance(24 * 3_600_000); // Tue 3 March
    for (const n of ['clerk', 'supervisor', 'inspector', 'reviewer', 'head'] as const)
      h.s[n] = await signedIn(h.hall.app, n);
    feedback = await signedIn(h.hall.app, 'feedback');
    const re = await ok(await h.s.clerk.post(`/api/complaints/${c.id}/reopen`, { reason: '对处理结果不认可' }));
    expect(re.state).toBe('handling');
    expect(re.round).toBe(2);
    expect(re.dueDay).toBe('2026-03-10');
    expect(re.reply).toBeNull();
    expect(re.satisfaction).toBeNull();
    expect((await h.s.reviewer.post(`/api/complaints/${c.id}/reply`, { reply: 'x' })).statusCode).toBe(403);
  });
});

describe('the public form and lookup', () => {
  it('registers online, looks up by code, reads the written reply as a PDF and rates', async () => {
    const res = await anon.post('/api/public/complaints', {
      hallId: h.hallId,
      kind: 'complaint',
      category: 'efficiency',
      name: '刘芳',
      phone: '13600005678',
      matter: '办理营业执照等了两个小时',
    });
    const receipt = await ok(res, 201);
    const q = `number=${receipt.number}&code=${receipt.lookupCode}`;
    expect((await anon.get(`/api/public/complaints/lookup?number=${receipt.number}&code=WRONG123`)).statusCode).toBe(
      404,
    );
    const st = await ok(await anon.get(`/api/public/complaints/lookup?${q}`));
    expect(st.state).toBe('open');
    expect(st.mayRate).toBe(false);
    expect((await anon.get(`/api/public/complaints/reply.pdf?${q}`)).statusCode).toBe(404);
    const list = (await ok(await h.s.clerk.get(`/api/complaints?hallId=${h.hallId}`))).items;
    const mine = list.find((c: { number: string }) => c.number === receipt.number);
    expect(mine.channel).toBe('online');
    await ok(await h.s.clerk.post(`/api/complaints/${mine.id}/reply`, { reply: '已调整窗口人员，缩短等候' }));
    const pdf = await anon.get(`/api/public/complaints/reply.pdf?${q}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const rated = await ok(
      await anon.post('/api/public/complaints/rate', {
        number: receipt.number,
        code: receipt.lookupCode,
        satisfaction: 'satisfied',
      }),
    );
    expect(rated.state).toBe('closed');
    expect(rated.satisfaction).toBe('satisfied');
    expect(
      (
        await anon.post('/api/public/complaints/rate', {
          number: receipt.number,
          code: receipt.lookupCode,
          satisfaction: 'satisfied',
        })
      ).statusCode,
    ).toBe(409);
    const again = await ok(
      await anon.post('/api/public/complaints/objection', {
        number: receipt.number,
        code: receipt.lookupCode,
        reason: '仍然排队很久',
      }),
    );
    expect(again.state).toBe('handling');
  });

  it('an anonymous report never reveals its source', async () => {
    const before = (await noticesOf('complaint_received')).length;
    const receipt = await ok(
      await anon.post('/api/public/complaints', {
        hallId: h.hallId,
        kind: 'report',
        category: 'integrity',
        anonymous: true,
        name: '赵秘密',
        phone: '13511112222',
        matter: '有人在大厅门口收取代办费用',
      }),
      201,
    );
    const row = await h.hall.ctx.db
      .selectFrom('complaints')
      .selectAll()
      .where('number', '=', receipt.number)
      .executeTakeFirstOrThrow();
    expect(row.name_enc).toBeNull();
    expect(row.phone_enc).toBeNull();
    expect(row.phone_masked).toBeNull();
    expect((await noticesOf('complaint_received')).length).toBe(before);
    for (const s of [h.s.supervisor, h.s.inspector, h.s.clerk]) {
      const items = (await ok(await s.get(`/api/complaints?hallId=${h.hallId}`))).items;
      const r = items.find((c: { number: string }) => c.number === receipt.number);
      expect(r.complainant).toBe('匿名');
      expect(r.contact).toBeNull();
      const d = await ok(await s.get(`/api/complaints/${r.id}`));
      expect(JSON.stringify(d)).not.toMatch(/赵秘密|13511112222|\*2222/);
    }
    expect(await everything()).not.toMatch(/赵秘密|13511112222/);
    const dump = JSON.stringify(
      await h.hall.ctx.db.selectFrom('complaints').selectAll().where('id', '=', row.id).execute(),
    );
    expect(dump).not.toMatch(/赵秘密|13511112222/);
  });
});

describe('reports about staff (R19.8)', () => {
  it('are seen only by supervisors and inspectors, and the reporter only in the supervisor detail', async () => {
    const r = await register(h.s.supervisor, {
      kind: 'report',
      channel: 'visit',
      category: 'integrity',
      staffUserId: staffId,
      name: '钱举报',
      phone: '13733334444',
      matter: '窗口人员暗示需要“加急费”',
    });
    expect(r.restricted).toBe(true);
    expect(r.complainant).toBe('钱举报');
    for (const s of [h.s.clerk, feedback]) {
      const items = (await ok(await s.get(`/api/complaints?hallId=${h.hallId}`))).items;
      expect(items.some((c: { id: string }) => c.id === r.id)).toBe(false);
      expect((await s.get(`/api/complaints/${r.id}`)).statusCode).toBe(404);
      expect((await s.post(`/api/complaints/${r.id}/notes`, { kind: 'evidence', text: 'x' })).statusCode).toBe(404);
    }
    expect((await h.s.reviewer.get(`/api/complaints?hallId=${h.hallId}`)).statusCode).toBe(403);
    const inspectorList = (await ok(await h.s.inspector.get(`/api/complaints?hallId=${h.hallId}`))).items;
    const seen = inspectorList.find((c: { id: string }) => c.id === r.id);
    expect(seen.complainant).toBe('举报人信息保密');
    expect(seen.contact).toBeNull();
    const supervisorList = (await ok(await h.s.supervisor.get(`/api/complaints?hallId=${h.hallId}`))).items;
    expect(supervisorList.find((c: { id: string }) => c.id === r.id).complainant).toBe('举报人信息保密');
    const d = await ok(await h.s.inspector.get(`/api/complaints/${r.id}`));
    expect(d.complainant).toBe('钱举报');
    expect(d.actions).toEqual([]);
    expect(await everything()).not.toMatch(/钱举报|13733334444/);
    // The export holds the same rows with the same masking: the reporter is in no spreadsheet.
    for (const s of [h.s.supervisor, h.s.inspector]) {
      const x = await s.get(`/api/complaints/export?hallId=${h.hallId}`);
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      const [sheet, ...more] = await readWorkbook(x.rawPayload);
      expect(more).toHaveLength(0);
      const row = sheet!.rows.find((c) => c['编号'] === r.number)!;
      expect(row).toMatchObject({ 投诉举报人: '举报人信息保密', 类型: '举报' });
      expect(row['受理日期']).toBeInstanceOf(Date);
      expect(row['答复期限']).toBeInstanceOf(Date);
      expect(JSON.stringify(sheet!.rows)).not.toMatch(/钱举报|13733334444|赵秘密|13511112222/);
    }
  });

  it('registered by a clerk, it answers with a receipt and then leaves the clerk', async () => {
    const r = await register(h.s.clerk, { kind: 'report', category: 'integrity', staffUserId: staffId, name: '李四' });
    expect(r.restricted).toBe(true);
    expect(r.steps).toEqual([]);
    expect(r.actions).toEqual([]);
    expect(r.complainant).toBe('举报人信息保密');
    expect((await h.s.clerk.get(`/api/complaints/${r.id}`)).statusCode).toBe(404);
    expect((await ok(await h.s.supervisor.get(`/api/complaints/${r.id}`))).complainant).toBe('李四');
  });

  it('a named report not about staff hides the reporter from the desk', async () => {
    const r = await register(h.s.clerk, { kind: 'report', category: 'conduct', name: '孙某', phone: '13755556666' });
    expect(r.restricted).toBe(false);
    expect(r.complainant).toBe('举报人信息保密');
    const d = await ok(await feedback.get(`/api/complaints/${r.id}`));
    expect(d.complainant).toBe('举报人信息保密');
    expect(JSON.stringify(d)).not.toMatch(/孙某|\*6666/);
    const bodies = await h.hall.ctx.db.selectFrom('notices').select(['body', 'subject', 'recipient_masked']).execute();
    expect(bodies.length).toBeGreaterThan(0);
    expect(JSON.stringify(bodies)).not.toMatch(/孙某|钱举报|赵秘密/);
  });
});

describe('一企一档 (R14)', () => {
  it("lists the complaints about an applicant's cases, never a report, and nothing of anyone else", async () => {
    const c = await acceptedCase(h);
    const mine = await register(feedback, { caseNo: c.caseNo, matter: '办件等了很久没有回音' });
    const report = await register(feedback, { caseNo: c.caseNo, kind: 'report', matter: '有人索要好处费' });
    await register(feedback, { matter: '与本申请人无关的投诉' });
    const listed = await ok(await feedback.get(`/api/complaints?applicantId=${c.applicant.id}`));
    const ids = listed.items.map((x: { id: string }) => x.id);
    expect(ids).toEqual([mine.id]);
    expect(ids).not.toContain(report.id);
    const other = await ok(await feedback.get(`/api/complaints?applicantId=${h.hallId}`));
    expect(other.items).toEqual([]);
  });
});

describe('analysis (R9.4)', () => {
  it('groups by cause, type, staff and month for those who supervise', async () => {
    expect((await h.s.clerk.get(`/api/complaints/analysis?hallId=${h.hallId}`)).statusCode).toBe(403);
    const a = await ok(await h.s.supervisor.get(`/api/complaints/analysis?hallId=${h.hallId}`));
    expect(a.total).toBeGreaterThan(5);
    expect(a.byCategory.find((b: { key: string }) => b.key === 'attitude').label).toBe('服务态度');
    expect(a.byCause.find((b: { key: string }) => b.key === '解释不耐心').count).toBe(1);
    expect(a.byStaff.length).toBeGreaterThan(0);
    expect(a.byMonth[0].key).toBe('2026-03');
    expect(a.rectifications.some((x: { rectification: string }) => x.rectification === '开展服务礼仪培训')).toBe(true);
    expect(a.onTimeRate).toBe(1);
    // The export: the overview, then one sheet per table, the same figures as typed cells.
    expect((await h.s.clerk.get(`/api/complaints/analysis/export?hallId=${h.hallId}`)).statusCode).toBe(403);
    const x = await h.s.supervisor.get(`/api/complaints/analysis/export?hallId=${h.hallId}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const sheets = await readWorkbook(x.rawPayload);
    expect(sheets.map((w) => w.name)).toEqual([
      '概况',
      '按类别',
      '按问题定性',
      '按事项',
      '按部门',
      '按窗口',
      '按人员',
      '按月份',
      '整改措施',
    ]);
    const [overview, byCategory, byCause, , , , byStaff, byMonth, rect] = sheets;
    expect(overview!.rows[0]).toMatchObject({ 投诉举报总数: a.total, 按期答复率: 1 });
    expect(byCause!.rows.find((b) => b['问题定性'] === '解释不耐心')).toMatchObject({ 件数: 1 });
    expect(byCategory!.rows.find((b) => b['问题类别'] === '服务态度')!['件数']).toBe(
      a.byCategory.find((b: { key: string }) => b.key === 'attitude').count,
    );
    expect(byStaff!.rows).toHaveLength(a.byStaff.length);
    expect(byMonth!.rows[0]!['月份']).toBe('2026-03');
    expect(byMonth!.rows.reduce((n, b) => n + (b['件数'] as number), 0)).toBe(a.total);
    expect(rect!.rows.some((x) => x['整改措施'] === '开展服务礼仪培训')).toBe(true);
    for (const w of sheets) expect(w.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('objections to a decision (R19.9)', () => {
  it('recorded by the clerk or online, answered once in writing by the superior, on the case trail', async () => {
    const c = await acceptedCase(h);
    expect(
      (await h.s.reviewer.post(`/api/cases/${c.id}/objections`, { decisionKind: 'review', reason: 'x' })).statusCode,
    ).toBe(403);
    await ok(
      await h.s.supervisor.put('/api/complaints/type-days', { hallId: h.hallId, category: 'objection', days: 3 }),
    );
    const list = await ok(
      await h.s.clerk.post(`/api/cases/${c.id}/objections`, {
        decisionKind: 'review',
        reason: '审核认为材料不全，但材料已齐',
      }),
    );
    expect(list.items[0].status).toBe('open');
    // Tue 3 March + the hall's 3 working days.
    expect(list.items[0].dueDay).toBe('2026-03-06');
    expect(
      (await h.s.clerk.post(`/api/cases/${c.id}/objections`, { decisionKind: 'review', reason: 'again' })).statusCode,
    ).toBe(409);
    const wrong = await anon.post('/api/public/objections', {
      caseNo: c.caseNo,
      phone4: '0000',
      decisionKind: 'one_time_notice',
      reason: 'x',
    });
    expect(wrong.statusCode).toBe(404);
    const pub = await ok(
      await anon.post('/api/public/objections', {
        caseNo: c.caseNo,
        phone4: '5678',
        decisionKind: 'one_time_notice',
        reason: '告知的材料并非必需',
      }),
      201,
    );
    expect(pub.caseNo).toBe(c.caseNo);
    const id = list.items[0].id as string;
    expect((await h.s.clerk.get('/api/objections')).statusCode).toBe(403);
    expect((await h.s.clerk.post(`/api/objections/${id}/answer`, { outcome: 'upheld', answer: 'x' })).statusCode).toBe(
      403,
    );
    const open = (await ok(await h.s.supervisor.get(`/api/objections?hallId=${h.hallId}&status=open`))).items;
    expect(open.filter((o: { caseId: string }) => o.caseId === c.id).length).toBe(2);
    const answered = await ok(
      await h.s.supervisor.post(`/api/objections/${id}/answer`, {
        outcome: 'upheld',
        answer: '经复核材料齐全，予以纠正',
      }),
    );
    expect(answered.status).toBe('answered');
    expect((await h.s.head.post(`/api/objections/${id}/answer`, { outcome: 'rejected', answer: 'x' })).statusCode).toBe(
      409,
    );
    const pdf = await h.s.clerk.get(`/api/objections/${id}/answer.pdf`);
    expect(pdf.statusCode).toBe(200);
    const detail = await ok(await h.s.clerk.get(`/api/cases/${c.id}`));
    const actions = detail.events.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'objectionRaised').length).toBe(2);
    expect(actions).toContain('objectionAnswered');
    const notices = await noticesOf('objection_answered');
    expect(notices.length).toBe(1);
  });
});
