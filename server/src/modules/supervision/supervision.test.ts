import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase, completeByTrail } from '../../../test/completion-fixtures.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { publishedItem } from '../../../test/intake-fixtures.ts';
import type { Actor } from '../../platform/context.ts';
import { onTime, sweepAlerts } from './service.ts';

/** 09:00 Beijing time on a day of March 2026 (T0 is Monday 2 March). */
const at = (day: string) => Date.parse(`${day}T09:00:00+08:00`);

/** Moves the clock to a day; sessions idle that long have ended, so everyone signs in again. */
async function setDay(day: string) {
  hall.clock.set(at(day));
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  reviewer = await signedIn(hall.app, 'reviewer');
}

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let reviewer: Session;
let hallId: string;
let hallName: string;
let departmentId: string;
let itemId: string;
let windowId: string;
const ids: Record<string, string> = {};

const accept = (name: string): Promise<{ id: string; caseNo: string }> =>
  acceptCase(hall, clerk, { hallId, itemId, windowId }, name);

const completeCase = (caseId: string) => completeByTrail(hall, caseId, ids.handler!);

beforeAll(async () => {
  hall = await buildTestHall();
  await setDay('2026-03-02');
  const head = await signedIn(hall.app, 'head');
  const me = json(await head.get('/api/auth/me'));
  hallId = me.halls[0].id;
  hallName = me.halls[0].name;
  for (const u of ['clerk', 'supervisor', 'reviewer', 'handler'])
    ids[u] = json(await (await signedIn(hall.app, u)).get('/api/auth/me')).id;
  const reviewerDepartment = json(await reviewer.get('/api/auth/me')).departments[0].id;
  departmentId = reviewerDepartment;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'SUP-1');
});
afterAll(() => hall.close());

describe('supervision board and alerts', () => {
  let first: { id: string; caseNo: string };
  it('shows nothing while every clock is green', async () => {
    await setDay('2026-03-02');
    first = await accept('钱一');
    const b = json(await supervisor.get('/api/supervision/board'));
    expect(b).toMatchObject({ today: '2026-03-02', cases: [], steps: [], stuck: [] });
    expect(await sweepAlerts(hall.ctx)).toEqual({ added: 0 });
  });

  it('lights the steps yellow the day before their deadline and tells the department once', async () => {
    await setDay('2026-03-03');
    const b = json(await supervisor.get('/api/supervision/board'));
    expect(b.cases).toEqual([]);
    // 材料审核 and 现场核查: 2 working days from 3 March → deadline Wednesday 4 March.
    expect(b.steps.map((s: any) => [s.stepName, s.level, s.deadline])).toEqual([
      ['材料审核', 'yellow', '2026-03-04'],
      ['现场核查', 'yellow', '2026-03-04'],
    ]);
    expect(b.steps[0]).toMatchObject({ caseId: first.id, caseNo: first.caseNo, departmentName: expect.any(String) });
    expect(b.byDepartment).toEqual([{ key: departmentId, name: b.steps[0].departmentName, yellow: 2, red: 0 }]);
    expect(b.byWindow).toEqual([expect.objectContaining({ key: windowId, yellow: 2, red: 0 })]);

    const { added } = await sweepAlerts(hall.ctx);
    expect(added).toBeGreaterThan(0);
    expect(await sweepAlerts(hall.ctx)).toEqual({ added: 0 });
    const mine = json(await reviewer.get('/api/alerts'));
    expect(mine.unread).toBe(2);
    expect(mine.items.map((a: any) => [a.level, a.targetType, a.audience])).toEqual([
      ['yellow', 'step', 'responsible'],
      ['yellow', 'step', 'responsible'],
    ]);
    // Yellow reaches the people working it, not the supervisors.
    expect(json(await supervisor.get('/api/alerts')).items).toEqual([]);
  });

  it('lists a step nobody claimed for more than the allowed working days as stuck', async () => {
    await setDay('2026-03-04');
    const b = json(await supervisor.get('/api/supervision/board'));
    expect(b.stuck.map((s: any) => [s.caseId, s.waitingDays])).toEqual([
      [first.id, 2],
      [first.id, 2],
    ]);
    expect(json(await supervisor.get('/api/supervision/board?stuckDays=2')).stuck).toEqual([]);
  });

  it('turns red after the deadline, tells the supervisors, and never repeats an alert', async () => {
    await setDay('2026-03-05');
    await sweepAlerts(hall.ctx);
    await sweepAlerts(hall.ctx);
    const sup = json(await supervisor.get('/api/alerts'));
    expect(sup.items.map((a: any) => [a.level, a.targetType, a.audience])).toEqual([
      ['red', 'step', 'supervisor'],
      ['red', 'step', 'supervisor'],
    ]);
    const rev = json(await reviewer.get('/api/alerts'));
    expect(rev.items.filter((a: any) => a.level === 'red')).toHaveLength(2);
    expect(rev.unread).toBe(4);
    // Read one: unread first, then the read one; reading it again changes nothing.
    const read = json(await reviewer.post(`/api/alerts/${rev.items[0].id}/read`));
    expect(read.readAt).toBe(hall.clock.now());
    const after = json(await reviewer.get('/api/alerts'));
    expect(after.unread).toBe(3);
    expect(after.items.at(-1).id).toBe(rev.items[0].id);
    expect((await supervisor.post(`/api/alerts/${rev.items[1].id}/read`)).statusCode).toBe(404);
  });

  it('lights the case yellow before its deadline and red after it, telling its owner and the supervisors', async () => {
    await setDay('2026-03-06');
    let b = json(await supervisor.get('/api/supervision/board'));
    expect(b.cases).toEqual([
      expect.objectContaining({ caseId: first.id, level: 'yellow', deadline: '2026-03-09', ownerName: '张伟' }),
    ]);
    await sweepAlerts(hall.ctx);
    const clerkAlerts = json(await clerk.get('/api/alerts')).items;
    expect(clerkAlerts.map((a: any) => [a.level, a.targetType, a.caseNo])).toEqual([['yellow', 'case', first.caseNo]]);

    await setDay('2026-03-10');
    b = json(await supervisor.get('/api/supervision/board'));
    expect(b.cases[0]).toMatchObject({ level: 'red' });
    expect(b.byPerson.find((p: any) => p.key === ids.clerk)).toMatchObject({ name: '张伟', red: 1, yellow: 0 });
    await sweepAlerts(hall.ctx);
    const sup = json(await supervisor.get('/api/alerts')).items;
    expect(sup.filter((a: any) => a.targetType === 'case').map((a: any) => [a.level, a.audience])).toEqual([
      ['red', 'supervisor'],
    ]);
  });

  it('is for supervisors, station heads and inspectors only', async () => {
    expect((await clerk.get('/api/supervision/board')).statusCode).toBe(403);
    expect((await clerk.get('/api/supervision/on-time?from=2026-03-01&to=2026-03-31')).statusCode).toBe(403);
    for (const u of ['head', 'inspector'])
      expect((await (await signedIn(hall.app, u)).get('/api/supervision/board')).statusCode).toBe(200);
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.get('/api/alerts')).statusCode).toBe(200);
  });
});

describe('on-time rate', () => {
  it('divides the cases finished on or before their deadline by those finished in the period, with the cases behind it', async () => {
    await setDay('2026-03-16');
    const onDay = await accept('孙按时'); // deadline 2026-03-23
    const late = await accept('周超期');
    const open = await accept('吴未结');
    await setDay('2026-03-23');
    await completeCase(onDay.id);
    await setDay('2026-03-24');
    await completeCase(late.id);

    const q = 'from=2026-03-16&to=2026-03-31';
    const r = json(await supervisor.get(`/api/supervision/on-time?${q}&by=item`));
    expect(r.overall).toEqual({ onTime: 1, finished: 2, rate: 0.5 });
    expect(r.groups).toEqual([{ key: itemId, name: '食品经营许可证变更', onTime: 1, finished: 2, rate: 0.5 }]);
    const byDept = json(await supervisor.get(`/api/supervision/on-time?${q}&by=department`));
    expect(byDept.groups).toEqual([expect.objectContaining({ key: departmentId, onTime: 1, finished: 2 })]);
    const byPerson = json(await supervisor.get(`/api/supervision/on-time?${q}&by=person`));
    expect(byPerson.groups).toEqual([expect.objectContaining({ key: ids.clerk, name: '张伟', rate: 0.5 })]);
    const byWindow = json(await supervisor.get(`/api/supervision/on-time?${q}&by=window`));
    expect(byWindow.groups).toEqual([expect.objectContaining({ key: windowId, finished: 2 })]);
    // A city's supervisor reads one line per hall; the drill-down of a hall lists its cases.
    const byHall = json(await supervisor.get(`/api/supervision/on-time?${q}&by=hall`));
    expect(byHall.groups).toEqual([{ key: hallId, name: hallName, onTime: 1, finished: 2, rate: 0.5 }]);
    const ofHall = json(await supervisor.get(`/api/supervision/on-time/cases?${q}&by=hall&key=${hallId}`));
    expect(ofHall.finishedCases.map((c: any) => c.caseId)).toEqual([onDay.id, late.id]);
    // Over several halls an item's line says whose it is (every county publishes its own 食品经营许可证变更).
    const sysadmin = await signedIn(hall.app, 'sysadmin');
    const halls = json(await sysadmin.get('/api/auth/me')).halls as { id: string }[];
    expect(halls.length).toBeGreaterThan(1);
    const city: Actor = {
      userId: 'city',
      username: 'city_supervisor',
      displayName: '市级督查员',
      roles: ['supervisor'],
      permissions: new Set(['supervision.view']),
      hallIds: halls.map((h) => h.id),
      departmentIds: [],
      mustChangePassword: false,
      sessionId: 'test',
      ip: null,
    };
    const many = await onTime(hall.ctx, city, { from: '2026-03-16', to: '2026-03-31', by: 'item' });
    expect(many.groups.map((g) => g.name)).toEqual([`食品经营许可证变更（${hallName}）`]);

    const d = json(await supervisor.get(`/api/supervision/on-time/cases?${q}&by=item&key=${itemId}`));
    expect(d.onTimeCases.map((c: any) => c.caseId)).toEqual([onDay.id]);
    expect(d.finishedCases.map((c: any) => [c.caseId, c.completedDay, c.onTime])).toEqual([
      [onDay.id, '2026-03-23', true],
      [late.id, '2026-03-24', false],
    ]);
    expect(d.finishedCases.map((c: any) => c.caseId)).not.toContain(open.id);

    // The period is by completion day in China: 24 March alone holds only the late case.
    expect(json(await supervisor.get('/api/supervision/on-time?from=2026-03-24&to=2026-03-24')).overall).toEqual({
      onTime: 0,
      finished: 1,
      rate: 0,
    });
    expect(json(await supervisor.get('/api/supervision/on-time?from=2026-04-01&to=2026-04-30')).overall).toEqual({
      onTime: 0,
      finished: 0,
      rate: null,
    });
    // A finished case leaves the board.
    expect(json(await supervisor.get('/api/supervision/board')).cases.map((c: any) => c.caseId)).not.toContain(
      onDay.id,
    );
  });

  it('names the bad field', async () => {
    const bad = await supervisor.get('/api/supervision/on-time?from=2026-03-31&to=2026-03-01');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('to');
    expect(json(await supervisor.get('/api/supervision/on-time?from=2026-02-30&to=2026-03-01')).field).toBe('from');
  });
});

describe('bad-review call-backs on the board', () => {
  it('lists open call-back tasks, red once the call-back day has passed', async () => {
    await setDay('2026-04-01');
    const windows = json(await clerk.get(`/api/queue/windows?hallId=${hallId}`)).items;
    const padWindow = windows.find((w: { number: number }) => w.number === 5).id;
    const categoryId = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items.find(
      (c: { prefix: string }) => c.prefix === 'D',
    ).id;
    await clerk.post(`/api/queue/windows/${padWindow}/open`);
    const token = json(await supervisor.post(`/api/rating/pads/${padWindow}/token`)).token;
    const anon = new Session(hall.app);
    const ticket = json(await anon.post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId }));
    await clerk.post(`/api/queue/windows/${padWindow}/call-next`);
    await clerk.post(`/api/queue/tickets/${ticket.id}/start`);
    hall.clock.advance(60_000);
    await clerk.post(`/api/queue/tickets/${ticket.id}/finish`, { outcomeKind: 'consultation', outcomeId: 'c-1' });
    const rated = await anon.request(
      'POST',
      `/api/public/pads/${padWindow}/ratings`,
      { ticketId: ticket.id, level: 'very_dissatisfied', comment: '态度差' },
      { 'x-pad-token': token },
    );
    expect(rated.statusCode, rated.body).toBe(201);

    let task = json(await supervisor.get('/api/supervision/board')).followUps;
    expect(task).toEqual([
      expect.objectContaining({ level: 'very_dissatisfied', comment: '态度差', windowNumber: 5, dueDay: '2026-04-02' }),
    ]);
    expect(task[0].light).not.toBe('red');
    await setDay('2026-04-03');
    task = json(await supervisor.get('/api/supervision/board')).followUps;
    expect(task[0]).toMatchObject({ light: 'red', dueDay: '2026-04-02' });
  });
});

describe('a suspended clock on the board', () => {
  const onBoard = async (caseId: string) => {
    const b = json(await supervisor.get('/api/supervision/board'));
    return {
      cases: b.cases.filter((c: any) => c.caseId === caseId),
      steps: b.steps.filter((s: any) => s.caseId === caseId),
      b,
    };
  };

  it('keeps an overdue case that is then suspended, marked suspended, and the sweep still alerts on it', async () => {
    await setDay('2026-07-06');
    const late = await accept('郑暂停'); // 5 working days → deadline Monday 13 July; steps 2 → Wednesday 8 July
    await setDay('2026-07-14');
    const green = await accept('冯按时'); // deadline 21 July: green on the 15th
    await setDay('2026-07-15');
    const before = await onBoard(late.id);
    expect(before.cases).toEqual([expect.objectContaining({ level: 'red', deadline: '2026-07-13', suspended: false })]);

    for (const c of [late, green]) {
      const res = await supervisor.post(`/api/cases/${c.id}/suspend`, { kind: 'testing', reason: '送检' });
      expect(res.statusCode, res.body).toBe(200);
    }
    // The overdue case stays red with its deadline, flagged as suspended; so do its overdue steps.
    const after = await onBoard(late.id);
    expect(after.cases).toEqual([expect.objectContaining({ level: 'red', deadline: '2026-07-13', suspended: true })]);
    expect(after.steps.map((s: any) => [s.stepName, s.level, s.deadline, s.suspended])).toEqual([
      ['材料审核', 'red', '2026-07-08', true],
      ['现场核查', 'red', '2026-07-08', true],
    ]);
    expect(after.b.byPerson.find((p: any) => p.key === ids.clerk).red).toBeGreaterThan(0);
    // A case suspended while green has no deadline while stopped, so it is not on the board.
    const other = await onBoard(green.id);
    expect(other.cases).toEqual([]);
    expect(after.b.stuck.map((s: any) => s.caseId)).not.toContain(late.id);

    // The sweep sees it as well: its first pass after the suspension tells the supervisors.
    await sweepAlerts(hall.ctx);
    const sup = json(await supervisor.get('/api/alerts?limit=200')).items.filter((a: any) => a.caseId === late.id);
    expect(sup.map((a: any) => [a.targetType, a.level])).toContainEqual(['case', 'red']);

    // Days later, still suspended: still on the board.
    await setDay('2026-07-20');
    expect((await onBoard(late.id)).cases).toEqual([expect.objectContaining({ level: 'red', suspended: true })]);
  });
});
