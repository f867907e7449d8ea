import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let kiosk: Session;
let hallId: string;
let categories: { id: string; prefix: string; name: string; windowIds: string[] }[];
let windows: { id: string; number: number }[];
const MIN = 60_000;

const cat = (prefix: string) => categories.find((c) => c.prefix === prefix)!;
const win = (n: number) => windows.find((w) => w.number === n)!;
const take = async (prefix: string, priority = 'normal') => {
  const res = await kiosk.post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId: cat(prefix).id, priority });
  expect(res.statusCode).toBe(201);
  return json(res);
};
const callNext = async (n: number) => json(await clerk.post(`/api/queue/windows/${win(n).id}/call-next`)).ticket;
const act = (s: Session, ticketId: string, action: string, body: unknown = {}) =>
  s.post(`/api/queue/tickets/${ticketId}/${action}`, body);

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  kiosk = new Session(hall.app);
  hallId = json(await clerk.get('/api/auth/me')).halls[0].id;
  categories = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items;
  windows = json(await clerk.get(`/api/queue/windows?hallId=${hallId}`)).items;
});
afterAll(() => hall.close());

describe('ticket kiosk', () => {
  it('issues numbers per category with a daily sequence, people ahead and an estimate', async () => {
    const listed = json(await kiosk.get(`/api/public/halls/${hallId}/queue/categories`)).items;
    expect(listed.map((c: { prefix: string }) => c.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const d1 = await take('D');
    const d2 = await take('D');
    expect([d1.number, d2.number]).toEqual(['D001', 'D002']);
    expect(d1.peopleAhead).toBe(0);
    expect(d2.peopleAhead).toBe(1);
    // No real service times yet: the category's configured 20 minutes per person, one window assumed.
    expect(d2.estimatedWaitMinutes).toBe(20);
    expect(d2.hallName).toBe('青川县政务服务中心');
    const f1 = await take('F');
    expect(f1.number).toBe('F001');
    const after = json(await kiosk.get(`/api/public/halls/${hallId}/queue/categories`)).items;
    expect(after.find((c: { prefix: string }) => c.prefix === 'D').waiting).toBe(2);
  });

  it('refuses a category of another hall, a staff-only priority, and a bad body', async () => {
    const other = await kiosk.post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId: 'nope' });
    expect(other.statusCode).toBe(400);
    expect(json(other).field).toBe('categoryId');
    const green = await kiosk.post(`/api/public/halls/${hallId}/queue/tickets`, {
      categoryId: cat('D').id,
      priority: 'green',
    });
    expect(green.statusCode).toBe(400);
    expect(json(green).field).toBe('priority');
    const staffOnly = await kiosk.post('/api/queue/tickets', { hallId, categoryId: cat('D').id, priority: 'green' });
    expect(staffOnly.statusCode).toBe(401);
  });

  it('stops one address flooding the kiosk, and lets the next minute in', async () => {
    const send = () =>
      hall.app.inject({
        method: 'POST',
        url: `/api/public/halls/${hallId}/queue/tickets`,
        remoteAddress: '10.9.9.9',
        payload: { categoryId: cat('E').id, priority: 'normal' },
      });
    for (let i = 0; i < 60; i++) expect((await send()).statusCode).toBe(201);
    const limited = await send();
    expect(limited.statusCode).toBe(429);
    expect(json(limited).message).toContain('取号过于频繁');
    hall.clock.advance(MIN);
    expect((await send()).statusCode).toBe(201);
  });

  it('prints a small ticket PDF', async () => {
    const t = await take('E');
    const res = await kiosk.get(`/api/public/queue/tickets/${t.id}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('window screen', () => {
  it('refuses to call on a closed window, then calls by priority and serves', async () => {
    const closed = await clerk.post(`/api/queue/windows/${win(5).id}/call-next`);
    expect(closed.statusCode).toBe(409);
    expect(json(closed).code).toBe('WINDOW_NOT_OPEN');
    hall.clock.advance(MIN);
    const elderly = await take('D', 'elderly');
    expect(elderly.peopleAhead).toBe(0);
    expect((await clerk.post(`/api/queue/windows/${win(5).id}/open`)).statusCode).toBe(200);
    expect((await clerk.post(`/api/queue/windows/${win(5).id}/open`)).statusCode).toBe(409);
    const first = await callNext(5);
    expect(first.number).toBe(elderly.number);
    expect(first.status).toBe('called');
    // One ticket at a time per window.
    const busy = await clerk.post(`/api/queue/windows/${win(5).id}/call-next`);
    expect(json(busy).code).toBe('WINDOW_BUSY');
    const notServing = await act(clerk, first.id, 'finish', { outcomeKind: 'none' });
    expect(notServing.statusCode).toBe(409);
    expect(json(await act(clerk, first.id, 'start')).status).toBe('serving');
    hall.clock.advance(12 * MIN);
    const missingId = await act(clerk, first.id, 'finish', { outcomeKind: 'case' });
    expect(json(missingId).field).toBe('outcomeId');
    const done = json(await act(clerk, first.id, 'finish', { outcomeKind: 'case', outcomeId: 'case-123' }));
    expect(done).toMatchObject({
      status: 'done',
      outcomeKind: 'case',
      outcomeId: 'case-123',
      serviceMs: 12 * MIN,
      waitMs: 0,
    });
    const kinds = json(await clerk.get(`/api/queue/tickets/${first.id}/events`)).items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds).toEqual(['issued', 'called', 'serving', 'finished']);
    // The regular tickets that came earlier follow, in order of arrival.
    expect((await callNext(5)).number).toBe('D001');
  });

  it('recalls up to the limit, then the ticket is a no-show', async () => {
    const d1 = json(await clerk.get(`/api/queue/windows/${win(5).id}`)).current;
    expect(d1.number).toBe('D001');
    const shown = json(await kiosk.get(`/api/public/halls/${hallId}/display`));
    expect(shown.windows.find((w: { number: number }) => w.number === 5).currentNumber).toBe('D001');
    await act(clerk, d1.id, 'start');
    expect((await act(clerk, d1.id, 'recall')).statusCode).toBe(409);
    await act(clerk, d1.id, 'finish', { outcomeKind: 'none' });
    hall.clock.advance(1000);
    const d2 = await callNext(5);
    expect(d2.number).toBe('D002');
    hall.clock.advance(30_000);
    expect(json(await act(clerk, d2.id, 'recall')).recallCount).toBe(1);
    hall.clock.advance(30_000);
    expect(json(await act(clerk, d2.id, 'recall')).recallCount).toBe(2);
    const third = json(await act(clerk, d2.id, 'recall'));
    expect(third.status).toBe('no_show');
    expect((await act(clerk, d2.id, 'start')).statusCode).toBe(409);
    const display = json(await kiosk.get(`/api/public/halls/${hallId}/display`));
    expect(
      display.recentCalls.slice(0, 3).map((c: { number: string; recall: number }) => [c.number, c.recall]),
    ).toEqual([
      ['D002', 2],
      ['D002', 1],
      ['D002', 0],
    ]);
  });

  it('pauses with a reason, refuses calls while paused, and closes only when idle', async () => {
    const noReason = await clerk.post(`/api/queue/windows/${win(5).id}/pause`, {});
    expect(json(noReason).field).toBe('reason');
    const paused = json(await clerk.post(`/api/queue/windows/${win(5).id}/pause`, { reason: '临时离岗（培训）' }));
    expect(paused).toMatchObject({ state: 'paused', pauseReason: '临时离岗（培训）' });
    await take('D');
    expect(json(await clerk.post(`/api/queue/windows/${win(5).id}/call-next`)).code).toBe('WINDOW_NOT_OPEN');
    expect(json(await clerk.post(`/api/queue/windows/${win(5).id}/resume`)).state).toBe('open');
    const t = await callNext(5);
    expect(json(await clerk.post(`/api/queue/windows/${win(5).id}/close`)).code).toBe('WINDOW_BUSY');
    await act(clerk, t.id, 'no-show');
    expect(json(await clerk.post(`/api/queue/windows/${win(5).id}/close`)).state).toBe('closed');
  });

  it('transfers to another window keeping the arrival time, and only that window may call it', async () => {
    await supervisor.post(`/api/queue/windows/${win(1).id}/open`);
    await clerk.post(`/api/queue/windows/${win(3).id}/open`);
    const early = await take('A');
    hall.clock.advance(5 * MIN);
    const later = await take('A');
    const called = json(await supervisor.post(`/api/queue/windows/${win(1).id}/call-next`)).ticket;
    expect(called.id).toBe(early.id);
    await act(supervisor, called.id, 'start');
    hall.clock.advance(3 * MIN);
    const toSelf = await act(supervisor, called.id, 'transfer', { windowId: win(1).id });
    expect(json(toSelf).field).toBe('windowId');
    const moved = json(await act(supervisor, called.id, 'transfer', { windowId: win(2).id, reason: '需办理社保业务' }));
    expect(moved).toMatchObject({
      status: 'waiting',
      transfers: 1,
      arrivedAt: early.arrivedAt,
      targetWindowId: win(2).id,
      serviceMs: 3 * MIN,
    });
    // Window 1 serves A, but the transferred ticket now belongs to window 2.
    const next = json(await supervisor.post(`/api/queue/windows/${win(1).id}/call-next`)).ticket;
    expect(next.id).toBe(later.id);
    await clerk.post(`/api/queue/windows/${win(2).id}/open`);
    expect((await callNext(2)).id).toBe(early.id);
  });

  it('serves a walk-in without a ticket and refuses someone else’s window', async () => {
    const current = json(await clerk.get(`/api/queue/windows/${win(2).id}`)).current;
    await act(clerk, current.id, 'start');
    await act(clerk, current.id, 'finish', { outcomeKind: 'consultation', outcomeId: 'consult-9' });
    const walkIn = await clerk.post(`/api/queue/windows/${win(2).id}/walk-in`, {});
    expect(walkIn.statusCode).toBe(201);
    expect(json(walkIn)).toMatchObject({ status: 'serving', walkIn: true, waitMs: 0 });
    expect(json(walkIn).number).toMatch(/^B\d{3}$/);
    const theirs = await clerk.post(`/api/queue/windows/${win(1).id}/call-next`);
    expect(theirs.statusCode).toBe(403);
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.post(`/api/queue/windows/${win(7).id}/open`)).statusCode).toBe(404);
    const feedback = await signedIn(hall.app, 'feedback');
    expect((await feedback.post(`/api/queue/windows/${win(2).id}/open`)).statusCode).toBe(403);
  });

  it('issues green-channel and appointment tickets from staff, and appointments go first at their time', async () => {
    await clerk.post(`/api/queue/windows/${win(4).id}/open`);
    const regular = await take('C');
    const now = hall.clock.now();
    const appointment = json(
      await clerk.post('/api/queue/tickets', {
        hallId,
        categoryId: cat('C').id,
        priority: 'appointment',
        appointmentAt: now + 30 * MIN,
      }),
    );
    const noTime = await clerk.post('/api/queue/tickets', { hallId, categoryId: cat('C').id, priority: 'appointment' });
    expect(json(noTime).field).toBe('appointmentAt');
    expect((await callNext(4)).id).toBe(regular.id);
    await act(clerk, regular.id, 'no-show');
    const later = await take('C');
    hall.clock.advance(25 * MIN);
    expect((await callNext(4)).id).toBe(appointment.id);
    await act(clerk, appointment.id, 'no-show');
    const green = json(await clerk.post('/api/queue/tickets', { hallId, categoryId: cat('C').id, priority: 'green' }));
    expect((await callNext(4)).id).toBe(green.id);
    await act(clerk, green.id, 'no-show');
    expect((await callNext(4)).id).toBe(later.id);
  });
});

describe('keeping the floor', () => {
  it('lets a supervisor change categories, weights, limits and opening hours, and nobody else', async () => {
    const dup = await supervisor.post('/api/queue/categories', { hallId, prefix: 'A', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).field).toBe('prefix');
    const badPrefix = await supervisor.post('/api/queue/categories', { hallId, prefix: 'ab', name: '小写' });
    expect(json(badPrefix).field).toBe('prefix');
    const foreign = await supervisor.post('/api/queue/categories', {
      hallId,
      prefix: 'Q',
      name: '外厅窗口',
      windowIds: ['nope'],
    });
    expect(json(foreign).field).toBe('windowIds');
    const renamed = json(
      await supervisor.patch(`/api/queue/categories/${cat('F').id}`, {
        name: '工程建设项目审批（联合）',
        active: false,
      }),
    );
    expect(renamed).toMatchObject({ name: '工程建设项目审批（联合）', active: false });
    const kioskNow = json(await kiosk.get(`/api/public/halls/${hallId}/queue/categories`)).items.map(
      (c: { prefix: string }) => c.prefix,
    );
    expect(kioskNow).not.toContain('F');
    expect((await clerk.patch(`/api/queue/categories/${cat('F').id}`, { active: true })).statusCode).toBe(403);

    const settings = json(await supervisor.get(`/api/queue/halls/${hallId}/settings`));
    expect(settings).toMatchObject({ recallLimit: 2, priorityWeights: { green: 300, normal: 0 } });
    const saved = json(await supervisor.put(`/api/queue/halls/${hallId}/settings`, { ...settings, recallLimit: 3 }));
    expect(saved.recallLimit).toBe(3);
    const sysadmin = await signedIn(hall.app, 'sysadmin');
    expect((await sysadmin.get(`/api/queue/halls/${hallId}/settings`)).statusCode).toBe(200);
    expect((await clerk.put(`/api/queue/halls/${hallId}/settings`, settings)).statusCode).toBe(403);
    const hours = json(
      await supervisor.put(`/api/queue/windows/${win(5).id}/settings`, { openingHours: '周一至周五 9:00—17:00' }),
    );
    expect(hours.openingHours).toBe('周一至周五 9:00—17:00');
  });
});

describe('wait estimate accuracy', () => {
  it('reports the mean absolute error of estimates against real waits', async () => {
    const day = new Date(hall.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = json(await supervisor.get(`/api/queue/estimate-accuracy?hallId=${hallId}&from=${day}&to=${day}`));
    expect(res.tickets).toBeGreaterThan(0);
    expect(res.meanAbsoluteErrorMinutes).not.toBeNull();
    expect(res.meanAbsoluteErrorMinutes).toBeGreaterThanOrEqual(0);
    expect((await clerk.get(`/api/queue/estimate-accuracy?hallId=${hallId}&from=${day}&to=${day}`)).statusCode).toBe(
      403,
    );
    const bad = await supervisor.get(`/api/queue/estimate-accuracy?hallId=${hallId}&from=2026-03-05&to=2026-03-01`);
    expect(json(bad).field).toBe('to');
  });
});

describe('a new day', () => {
  it('starts numbering again and never calls a ticket left waiting the day before', async () => {
    const stale = await take('D');
    hall.clock.advance(24 * 60 * MIN);
    clerk = await signedIn(hall.app, 'clerk');
    await clerk.post(`/api/queue/windows/${win(5).id}/open`);
    const fresh = await take('D');
    expect(fresh.number).toBe('D001');
    expect(fresh.peopleAhead).toBe(0);
    expect((await callNext(5)).id).toBe(fresh.id);
    await act(clerk, fresh.id, 'no-show');
    expect(await callNext(5)).toBeNull();
    expect(json(await kiosk.get(`/api/public/queue/tickets/${stale.id}`)).status).toBe('waiting');
  });
});
