import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedCase, daysLater, ok, type SupportHall, supportHall } from '../../../test/case-support-fixtures.ts';
import { json } from '../../../test/helpers.ts';
import { chinaDay } from '../../platform/clock.ts';
import { calendarOf } from '../calendar/service.ts';

let h: SupportHall;
beforeAll(async () => {
  h = await supportHall();
});
afterAll(() => h.hall.close());

const stepOf = (c: any, key: string) => c.steps.find((x: any) => x.key === key);

/** A case whose 现场核查 step the handler has claimed. */
async function claimedCase() {
  const c = await acceptedCase(h);
  return ok(await h.s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/claim`));
}

describe('专家意见: experts called in by a back-office step', () => {
  it('an outside expert (phone masked), due in 5 working days; the handler enters the opinion once', async () => {
    const c = await claimedCase();
    const step = stepOf(c, 's3');
    const view = await ok(await h.s.handler.get(`/api/cases/${c.id}/experts`));
    expect(view).toEqual({ items: [], mySteps: [{ id: step.id, name: '现场核查' }] });
    const res = await ok(
      await h.s.handler.post(`/api/cases/${c.id}/experts`, {
        stepId: step.id,
        kind: 'external',
        name: '周建国',
        organisation: '青川县疾病预防控制中心',
        phone: '13987654321',
        question: '厨房布局是否符合要求？',
      }),
    );
    const calendar = await calendarOf(h.hall.ctx.db, h.hallId);
    const due = calendar.addWorkingDays(chinaDay(h.hall.clock.now()), 5).deadline;
    expect(res.items[0]).toMatchObject({
      kind: 'external',
      expertName: '周建国',
      organisation: '青川县疾病预防控制中心',
      phone: '139****4321',
      days: 5,
      dueDay: due,
      status: 'open',
      light: 'green',
      stepName: '现场核查',
      mayAnswer: true,
    });
    expect(JSON.stringify(res)).not.toContain('13987654321');
    // Another member of staff sees it but may not enter the outside expert's opinion.
    expect((await ok(await h.s.reviewer.get(`/api/cases/${c.id}/experts`))).items[0].mayAnswer).toBe(false);
    const id = res.items[0].id;
    expect((await h.s.reviewer.post(`/api/experts/${id}/opinion`, { opinion: '代填' })).statusCode).toBe(403);
    const answered = await ok(await h.s.handler.post(`/api/experts/${id}/opinion`, { opinion: '布局合理，符合规范' }));
    expect(answered.items[0]).toMatchObject({
      status: 'answered',
      opinion: '布局合理，符合规范',
      light: null,
      mayAnswer: false,
    });
    expect((await h.s.handler.post(`/api/experts/${id}/opinion`, { opinion: '再改一次' })).statusCode).toBe(409);

    const events = json(await h.s.handler.get(`/api/cases/${c.id}`)).events.filter((e: any) =>
      e.action.startsWith('expert'),
    );
    expect(events.map((e: any) => e.action)).toEqual(['expertRequested', 'expertOpinionRecorded']);
    expect(JSON.stringify(events)).not.toContain('13987654321');
    const audit = await h.hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', c.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.expert_request', 'case.expert_opinion']));
    expect(JSON.stringify(audit)).not.toContain('13987654321');
  });

  it('an internal expert records their own opinion; an overdue consultation is red on the board', async () => {
    const c = await claimedCase();
    const step = stepOf(c, 's3');
    const candidates = (await ok(await h.s.handler.get(`/api/cases/${c.id}/experts/candidates`))).items;
    const reviewerName = json(await h.s.reviewer.get('/api/auth/me')).displayName;
    const reviewer = candidates.find((u: any) => u.name === reviewerName);
    expect(reviewer).toBeDefined();
    const res = await ok(
      await h.s.handler.post(`/api/cases/${c.id}/experts`, {
        stepId: step.id,
        kind: 'internal',
        expertUserId: reviewer.id,
        question: '许可条件的适用',
        days: 2,
      }),
    );
    const x = res.items[0];
    expect(x).toMatchObject({ kind: 'internal', organisation: '本中心', phone: null, days: 2, mayAnswer: false });
    expect(json(await h.s.reviewer.get('/api/experts/mine')).items.map((i: any) => i.id)).toContain(x.id);
    // The handler may not write the internal expert's opinion.
    expect((await h.s.handler.post(`/api/experts/${x.id}/opinion`, { opinion: '代写' })).statusCode).toBe(403);

    // Past its due day the board shows it red.
    await daysLater(h, 6);
    const board = await ok(await h.s.inspector.get('/api/supervision/board'));
    expect(board.experts.find((e: any) => e.id === x.id)).toMatchObject({
      light: 'red',
      expertName: reviewer.name,
      caseNo: c.caseNo,
    });
    const answered = await ok(await h.s.reviewer.post(`/api/experts/${x.id}/opinion`, { opinion: '适用第十二条' }));
    expect(answered.items.find((i: any) => i.id === x.id)).toMatchObject({
      status: 'answered',
      opinionBy: reviewer.name,
    });
    expect((await ok(await h.s.inspector.get('/api/supervision/board'))).experts.map((e: any) => e.id)).not.toContain(
      x.id,
    );
    const late = json(await h.s.handler.get(`/api/cases/${c.id}`)).events.find(
      (e: any) => e.action === 'expertOpinionRecorded',
    );
    expect(late.detail).toMatchObject({ late: true });
  });

  it('answers 400 naming the field, 403 off the step, 404 for another hall, one request on a retry', async () => {
    const c = await claimedCase();
    const step = stepOf(c, 's3');
    const base = {
      stepId: step.id,
      kind: 'external',
      name: '周建国',
      organisation: '县疾控中心',
      phone: '13987654321',
      question: '意见',
    };
    expect(json(await h.s.handler.post(`/api/cases/${c.id}/experts`, { ...base, phone: '12345' })).field).toBe('phone');
    expect(json(await h.s.handler.post(`/api/cases/${c.id}/experts`, { ...base, organisation: undefined })).field).toBe(
      'organisation',
    );
    expect(json(await h.s.handler.post(`/api/cases/${c.id}/experts`, { ...base, days: 0 })).field).toBe('days');
    expect(json(await h.s.handler.post(`/api/cases/${c.id}/experts`, { ...base, question: ' ' })).field).toBe(
      'question',
    );
    expect(json(await h.s.handler.post(`/api/cases/${c.id}/experts`, { ...base, kind: 'internal' })).field).toBe(
      'expertUserId',
    );
    expect(json(await h.s.handler.post(`/api/cases/${c.id}/experts`, { ...base, stepId: 'nope' })).field).toBe(
      'stepId',
    );
    // The reviewer does not hold the 现场核查 step.
    expect((await h.s.reviewer.post(`/api/cases/${c.id}/experts`, base)).statusCode).toBe(403);
    expect((await h.s.town_clerk.post(`/api/cases/${c.id}/experts`, base)).statusCode).toBe(404);
    expect((await h.s.town_clerk.get(`/api/cases/${c.id}/experts`)).statusCode).toBe(404);

    const key = { 'idempotency-key': `expert-${c.id}` };
    const a = await h.s.handler.post(`/api/cases/${c.id}/experts`, base, key);
    const b = await h.s.handler.post(`/api/cases/${c.id}/experts`, base, key);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(json(await h.s.handler.get(`/api/cases/${c.id}/experts`)).items).toHaveLength(1);
    const id = json(a).items[0].id;
    expect((await h.s.town_clerk.post(`/api/experts/${id}/opinion`, { opinion: 'x' })).statusCode).toBe(404);
    expect(json(await h.s.handler.post(`/api/experts/${id}/opinion`, { opinion: '' })).field).toBe('opinion');
  });
});
