import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/index.ts';
import { caseActions, transitions } from '../../domain/case/index.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { calendarOf } from '../calendar/service.ts';

let hall: TestHall;
let clerk: Session;
let handler: Session;
let head: Session;
let hallId: string;
let itemId: string;

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  handler = await signedIn(hall.app, 'handler');
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departments = json(await head.get(`/api/departments?hallId=${hallId}`)).items as { id: string; code: string }[];
  itemId = await publishedItem(head, hallId, departments.find((d) => d.code === 'SC')!.id, 'TL-1');
});
afterAll(() => hall.close());

async function acceptedCase() {
  hall.clock.advance(1000);
  const applicantId = await person(clerk, hallId, { name: '林则徐' });
  const r = json(await clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() }));
  return json(await clerk.post(`/api/cases/${r.id}/accept`));
}

/** Moves the clock to 10:00 Beijing time on `day`, signing everyone in again (sessions time out meanwhile). */
async function goTo(day: string) {
  hall.clock.set(Date.parse(`${day}T02:00:00Z`));
  clerk = await signedIn(hall.app, 'clerk');
  handler = await signedIn(hall.app, 'handler');
  head = await signedIn(hall.app, 'head');
}

async function progress(caseNo: string) {
  const res = await new Session(hall.app).get(`/api/public/progress?no=${caseNo}&phone4=5678`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

const ok = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
};

describe('the case clock', () => {
  it('moves the deadline by a suspension and an approved extension exactly as the calendar counts', async () => {
    const calendar = await calendarOf(hall.ctx.db, hallId);
    let c = await acceptedCase();
    const accepted = c.acceptedDay as string;
    expect(c.deadline).toBe(calendar.addWorkingDays(accepted, c.promisedDays).deadline);

    // Suspended on the first working day after acceptance for a hearing: no deadline while stopped.
    const from = calendar.addWorkingDays(accepted, 1).deadline;
    await goTo(from);
    expect(json(await handler.post(`/api/cases/${c.id}/suspend`, { kind: 'lunch', reason: 'x' }))).toMatchObject({
      field: 'kind',
    });
    expect((await clerk.post(`/api/cases/${c.id}/suspend`, { kind: 'hearing', reason: '听证' })).statusCode).toBe(403);
    c = ok(await handler.post(`/api/cases/${c.id}/suspend`, { kind: 'hearing', reason: '申请人要求听证' }));
    expect(c).toMatchObject({ state: 'suspended', deadline: null, light: null });
    expect(c.suspensions[0]).toMatchObject({ kind: 'hearing', kindLabel: '听证', fromDay: from, toDay: null });
    expect(await progress(c.caseNo)).toMatchObject({ stateLabel: '暂停计时', clockStopped: true, promisedDate: null });

    // Resumed two working days later: those days do not count.
    const to = calendar.addWorkingDays(from, 2).deadline;
    await goTo(to);
    c = ok(await handler.post(`/api/cases/${c.id}/resume`));
    const afterPause = calendar.deadlineWithPauses(accepted, c.promisedDays, [{ from, to }]).deadline;
    expect(c).toMatchObject({ state: 'in_process', deadline: afterPause });
    expect(afterPause).toBe(
      calendar.addWorkingDays(calendar.addWorkingDays(accepted, c.promisedDays).deadline, 2).deadline,
    );
    // Step clocks pause too.
    const s2 = c.steps.find((s: any) => s.key === 's2');
    expect(s2.deadline).toBe(calendar.deadlineWithPauses(accepted, s2.limitDays, [{ from, to }]).deadline);

    // An extension asked for, refused once, asked again and approved.
    expect((await clerk.post(`/api/cases/${c.id}/extensions`, { extraDays: 3, reason: '专家评审' })).statusCode).toBe(
      403,
    );
    c = ok(await handler.post(`/api/cases/${c.id}/extensions`, { extraDays: 3, reason: '需组织专家现场评审' }));
    expect((await handler.post(`/api/cases/${c.id}/extensions`, { extraDays: 2, reason: '再次' })).statusCode).toBe(
      409,
    );
    const first = c.extensions[0].id;
    expect((await handler.post(`/api/cases/${c.id}/extensions/${first}/approve`, {})).statusCode).toBe(403);
    c = ok(await head.post(`/api/cases/${c.id}/extensions/${first}/refuse`, { reason: '理由不充分' }));
    expect(c).toMatchObject({ deadline: afterPause, extraDays: 0 });
    expect(c.extensions[0]).toMatchObject({ status: 'refused', decisionNote: '理由不充分' });
    expect((await head.post(`/api/cases/${c.id}/extensions/${first}/approve`, {})).statusCode).toBe(409);

    c = ok(await handler.post(`/api/cases/${c.id}/extensions`, { extraDays: 3, reason: '需组织专家现场评审' }));
    const second = c.extensions[1].id;
    c = ok(await head.post(`/api/cases/${c.id}/extensions/${second}/approve`, { note: '同意延期' }));
    const extended = calendar.deadlineWithPauses(accepted, c.promisedDays, [{ from, to }], 3).deadline;
    expect(c).toMatchObject({ deadline: extended, extraDays: 3 });
    expect(c.extensions[1]).toMatchObject({ status: 'approved', newDeadline: extended, decidedBy: '王志强' });
    const notice = c.documents.find((d: any) => d.kind === 'extension_notice');
    expect(notice.kindLabel).toBe('延期办理告知书');
    const pdf = await clerk.get(`/api/cases/${c.id}/documents/${notice.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const stored = await hall.ctx.db
      .selectFrom('case_documents')
      .select('content')
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.content)).toMatchObject({
      newDeadline: extended,
      previousDeadline: afterPause,
      extraDays: 3,
      reason: '需组织专家现场评审',
    });

    // The public progress promises the new date.
    expect(await progress(c.caseNo)).toMatchObject({
      stateLabel: '办理中',
      clockStopped: false,
      promisedDate: extended,
    });
  });

  it('turns the light yellow near the deadline and red after it, in the detail and the list', async () => {
    const calendar = await calendarOf(hall.ctx.db, hallId);
    const c = await acceptedCase();
    const light = async () => json(await clerk.get(`/api/cases/${c.id}`)).light;
    expect(await light()).toBe(calendar.lightFor(c.acceptedDay, c.deadline, 1));
    await goTo(c.deadline);
    expect(await light()).toBe('yellow');
    const next = addDays(c.deadline, 1);
    await goTo(next);
    expect(await light()).toBe('red');
    const listed = json(await clerk.get('/api/cases?pageSize=100')).items.find((x: any) => x.id === c.id);
    expect(listed.light).toBe('red');
  });

  it('lets the system administrator re-compute deadlines with the current calendar, audited', async () => {
    const c = await acceptedCase();
    const sysadmin = await signedIn(hall.app, 'sysadmin');
    expect((await clerk.post('/api/timelimits/recompute', {})).statusCode).toBe(403);
    // The hall closes on the deadline day after acceptance: the stored deadline keeps the calendar of its time…
    ok(await sysadmin.put(`/api/calendar/halls/${hallId}/days/${c.deadline}`, { kind: 'closed', note: '临时闭厅' }));
    expect(json(await clerk.get(`/api/cases/${c.id}`)).deadline).toBe(c.deadline);
    // …until an administrator re-computes it.
    const r = ok(await sysadmin.post('/api/timelimits/recompute', { hallId }));
    const calendar = await calendarOf(hall.ctx.db, hallId);
    const now = calendar.addWorkingDays(c.acceptedDay, c.promisedDays).deadline;
    expect(now).not.toBe(c.deadline);
    expect(r.changed).toContainEqual({ caseNo: c.caseNo, from: c.deadline, to: now });
    expect(json(await clerk.get(`/api/cases/${c.id}`)).deadline).toBe(now);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'timelimits.recompute')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('a suspended case that is withdrawn', () => {
  it('ends its open suspension on the day of withdrawal, in the same transaction, with the clock settled', async () => {
    const calendar = await calendarOf(hall.ctx.db, hallId);
    let c = await acceptedCase();
    const accepted = c.acceptedDay as string;
    const from = calendar.addWorkingDays(accepted, 1).deadline;
    await goTo(from);
    c = ok(await handler.post(`/api/cases/${c.id}/suspend`, { kind: 'testing', reason: '送检' }));
    expect(c).toMatchObject({ state: 'suspended', deadline: null });

    const to = calendar.addWorkingDays(from, 3).deadline;
    await goTo(to);
    c = ok(await clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '申请人不再办理' }));
    expect(c.state).toBe('withdrawn');
    // The pause is closed at the moment of withdrawal: no suspension stays open on a closed case.
    expect(c.suspensions).toHaveLength(1);
    expect(c.suspensions[0]).toMatchObject({ kind: 'testing', fromDay: from, toDay: to });
    const open = await hall.ctx.db
      .selectFrom('case_pauses')
      .select('id')
      .where('case_id', '=', c.id)
      .where('to_day', 'is', null)
      .execute();
    expect(open).toHaveLength(0);
    const row = await hall.ctx.db
      .selectFrom('case_pauses')
      .select(['ended_at'])
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.ended_at)).toBe(hall.clock.now());
    // The stored deadline is the clock with that pause, no longer the "stopped" null.
    expect(c.deadline).toBe(calendar.deadlineWithPauses(accepted, c.promisedDays, [{ from, to }]).deadline);
    // The trail's withdrawal names the pause it ended.
    expect(c.events.at(-1)).toMatchObject({
      action: 'withdraw',
      fromState: 'suspended',
      toState: 'withdrawn',
      detail: { reason: '申请人不再办理', endedPause: { id: c.suspensions[0].id, fromDay: from, toDay: to } },
    });
    expect(await progress(c.caseNo)).toMatchObject({ stateLabel: '已撤回', clockStopped: false });
  });

  it('keeps the one way out of a suspension besides resuming: withdrawal (any new one must end the pause too)', () => {
    const leaving = caseActions.filter(
      (a) => (transitions[a].from as readonly string[]).includes('suspended') && a !== 'resumeClock',
    );
    expect(leaving).toEqual(['withdraw']);
  });
});
