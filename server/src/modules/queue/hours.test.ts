import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallEvent } from '../../platform/events.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { sweepWaitingTickets } from './ticket-sweep.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let head: Session;
let kiosk: Session;
let hallId: string;
let categories: { id: string; prefix: string }[];
let windows: { id: string; number: number }[];

const weekdays = (sessions: { from: string; to: string }[], days = [1, 2, 3, 4, 5]) =>
  days.map((weekday) => ({ weekday, sessions }));
const usual = [
  { from: '09:00', to: '12:00' },
  { from: '13:30', to: '17:00' },
];
const win = (n: number) => windows.find((w) => w.number === n)!;
/** Beijing time on a day of March 2026 (the 2nd is a Monday). */
const at = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);
const take = async (prefix: string) => {
  const res = await kiosk.post(`/api/public/halls/${hallId}/queue/tickets`, {
    categoryId: categories.find((c) => c.prefix === prefix)!.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
};
const ok = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
};
async function goTo(instant: number) {
  hall.clock.set(instant);
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  head = await signedIn(hall.app, 'head');
}
const waitingAtKiosk = async (prefix: string) =>
  json(await kiosk.get(`/api/public/halls/${hallId}/queue/categories`)).items.find(
    (c: { prefix: string }) => c.prefix === prefix,
  ).waiting;

beforeAll(async () => {
  hall = await buildTestHall();
  kiosk = new Session(hall.app);
  await goTo(at('2026-03-02', '08:30'));
  hallId = json(await clerk.get('/api/auth/me')).halls[0].id;
  categories = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items;
  windows = json(await clerk.get(`/api/queue/windows?hallId=${hallId}`)).items;
});
afterAll(() => hall.close());

describe('opening hours by weekday', () => {
  it('sets a window’s sessions per weekday, in Chinese, checked field by field, by the supervisor or station head only', async () => {
    const path = `/api/queue/windows/${win(5).id}/settings`;
    const overlap = json(
      await supervisor.put(path, {
        weeklyHours: [
          {
            weekday: 3,
            sessions: [
              { from: '09:00', to: '12:00' },
              { from: '11:00', to: '17:00' },
            ],
          },
        ],
      }),
    );
    expect(overlap).toMatchObject({
      code: 'VALIDATION',
      field: 'weeklyHours.0.sessions.1.from',
      message: expect.stringContaining('周三'),
    });
    const backwards = json(
      await supervisor.put(path, { weeklyHours: [{ weekday: 1, sessions: [{ from: '17:00', to: '13:30' }] }] }),
    );
    expect(backwards).toMatchObject({ field: 'weeklyHours.0.sessions.0.to' });
    expect(
      json(await supervisor.put(path, { weeklyHours: [{ weekday: 1, sessions: [{ from: '9点', to: '12:00' }] }] })),
    ).toMatchObject({ field: 'weeklyHours.0.sessions.0.from', message: '周一的时间应为“时:分”，如 09:00' });
    expect(json(await supervisor.put(path, {}))).toMatchObject({ field: 'weeklyHours' });
    expect((await clerk.put(path, { weeklyHours: weekdays(usual) })).statusCode).toBe(403);

    const saved = ok(
      await supervisor.put(path, {
        weeklyHours: [
          ...weekdays(usual),
          { weekday: 6, sessions: [{ from: '09:00', to: '12:00' }] },
          { weekday: 7, sessions: [] },
        ],
      }),
    );
    expect(saved.openingHours).toBe('周一至周五 09:00-12:00、13:30-17:00；周六 09:00-12:00');
    expect(saved.weeklyHours).toHaveLength(6);
    expect(saved.weeklyHours[0]).toEqual({ weekday: 1, sessions: usual });
    expect(ok(await clerk.get(`/api/queue/windows/${win(5).id}`)).weeklyHours).toEqual(saved.weeklyHours);

    // A hall without its own timetable closes with its latest window.
    let hours = ok(await clerk.get(`/api/queue/halls/${hallId}/hours`));
    expect(hours).toMatchObject({ hall: { weeklyHours: null }, closingSource: 'windows', closesToday: '17:00' });
    expect(hours.windows.find((w: { number: number }) => w.number === 5)).toMatchObject({
      description: saved.openingHours,
    });

    // The station head keeps the hall's own timetable; it decides the closing from then on.
    const hallWeek = weekdays([
      { from: '08:30', to: '12:00' },
      { from: '14:00', to: '17:30' },
    ]);
    expect((await clerk.put(`/api/queue/halls/${hallId}/hours`, { weeklyHours: hallWeek })).statusCode).toBe(403);
    hours = ok(await head.put(`/api/queue/halls/${hallId}/hours`, { weeklyHours: hallWeek }));
    expect(hours).toMatchObject({
      hall: { description: '周一至周五 08:30-12:00、14:00-17:30' },
      closingSource: 'hall',
      closesToday: '17:30',
    });
    // Clearing the hall's timetable hands the closing back to the windows.
    hours = ok(await head.put(`/api/queue/halls/${hallId}/hours`, { weeklyHours: [] }));
    expect(hours).toMatchObject({ hall: { weeklyHours: null }, closingSource: 'windows', closesToday: '17:00' });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('action', 'in', ['queue.hall.hours', 'queue.window.settings'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'queue.hall.hours', username: 'head' },
        { action: 'queue.window.settings', username: 'supervisor' },
      ]),
    );

    // Cleared again: no timetable, no text.
    expect(ok(await head.put(path, { weeklyHours: null }))).toMatchObject({ weeklyHours: null, openingHours: '' });
  });
});

describe('the end-of-day sweep', () => {
  it('expires the tickets still waiting when the hall closes, with trail and audit, and the counts follow', async () => {
    ok(await supervisor.put(`/api/queue/halls/${hallId}/hours`, { weeklyHours: weekdays(usual) }));
    // The hall's 办公时间 text, which the public guide prints, follows its timetable.
    const halls = json(await kiosk.get('/api/public/halls')).items;
    expect(halls.find((h: { id: string }) => h.id === hallId).openingHours).toBe('周一至周五 09:00-12:00、13:30-17:00');
    await goTo(at('2026-03-02', '16:00'));
    const served = await take('D');
    const left = [await take('D'), await take('D')];
    ok(await clerk.post(`/api/queue/windows/${win(5).id}/open`));
    const called = json(await clerk.post(`/api/queue/windows/${win(5).id}/call-next`)).ticket;
    expect(called.id).toBe(served.id);
    expect(await waitingAtKiosk('D')).toBe(2);
    // Displays and kiosks hear of it (on PostgreSQL through LISTEN/NOTIFY, so the event comes a moment later).
    let stop = () => {};
    const heard = new Promise<HallEvent>((resolve) => {
      stop = hall.ctx.events.subscribe(hallId, (e) => e.reason === 'expired' && resolve(e));
    });

    // One minute before closing nothing happens.
    hall.clock.set(at('2026-03-02', '16:59'));
    expect(await sweepWaitingTickets(hall.ctx)).toEqual({ expired: 0 });
    hall.clock.set(at('2026-03-02', '17:00'));
    expect(await sweepWaitingTickets(hall.ctx)).toEqual({ expired: 2 });
    expect(await sweepWaitingTickets(hall.ctx)).toEqual({ expired: 0 });
    // The kiosk stops issuing at closing: a ticket now could no longer be called.
    const late = await kiosk.post(`/api/public/halls/${hallId}/queue/tickets`, {
      categoryId: categories.find((c) => c.prefix === 'D')!.id,
    });
    expect(late.statusCode).toBe(409);
    expect(json(late)).toMatchObject({
      code: 'QUEUE_CLOSED',
      field: 'hallId',
      message: expect.stringContaining('17:00'),
    });
    expect(await heard).toMatchObject({ type: 'queue', count: 2 });
    stop();

    for (const t of left) {
      expect(ok(await kiosk.get(`/api/public/queue/tickets/${t.id}`))).toMatchObject({
        status: 'expired',
        finishedAt: hall.clock.now(),
      });
    }
    await goTo(at('2026-03-02', '17:01'));
    const trail = json(await clerk.get(`/api/queue/tickets/${left[0].id}/events`)).items;
    expect(trail.at(-1)).toMatchObject({
      kind: 'expired',
      userId: null,
      detail: { why: 'hall_closed', closedAt: at('2026-03-02', '17:00'), hoursOf: 'hall' },
    });
    // The called ticket stays with its window.
    expect(ok(await clerk.get(`/api/queue/tickets/${served.id}`)).status).toBe('called');
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['username', 'detail'])
      .where('action', '=', 'queue.ticket.expire')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail ?? '{}')).toMatchObject({
      count: 2,
      numbers: left.map((t) => `2026-03-02 ${t.number}`),
    });

    // Kiosk, display and the window's count stop counting them; the day's statistics count them as 未办结.
    expect(await waitingAtKiosk('D')).toBe(0);
    const display = ok(await kiosk.get(`/api/public/halls/${hallId}/display`));
    expect(display.categories.find((c: { prefix: string }) => c.prefix === 'D').waiting).toBe(0);
    expect(ok(await clerk.get(`/api/queue/windows/${win(5).id}`)).waitingForMe).toBe(0);
    const summary = ok(await clerk.get(`/api/queue/day-summary?hallId=${hallId}`));
    expect(summary).toEqual({
      day: '2026-03-02',
      issued: 3,
      waiting: 0,
      inService: 1,
      done: 0,
      noShow: 0,
      expired: 2,
      cancelled: 0,
      unfinished: 3,
    });
    expect(ok(await clerk.get(`/api/queue/tickets?hallId=${hallId}&status=expired`)).total).toBe(2);
  });

  it('expires a ticket of a day without sessions at the start of the next China day, never earlier', async () => {
    await goTo(at('2026-03-07', '10:00')); // a Saturday: the timetable has no session
    const t = await take('A');
    hall.clock.set(at('2026-03-07', '23:59'));
    expect(await sweepWaitingTickets(hall.ctx)).toEqual({ expired: 0 });
    expect(ok(await kiosk.get(`/api/public/queue/tickets/${t.id}`)).status).toBe('waiting');
    hall.clock.set(at('2026-03-08', '00:00'));
    expect(await sweepWaitingTickets(hall.ctx)).toEqual({ expired: 1 });
    await goTo(at('2026-03-08', '00:05'));
    const trail = json(await clerk.get(`/api/queue/tickets/${t.id}/events`)).items;
    expect(trail.at(-1)).toMatchObject({ kind: 'expired', detail: { why: 'day_over', closedAt: null } });
    expect(ok(await clerk.get(`/api/queue/day-summary?hallId=${hallId}&day=2026-03-07`))).toMatchObject({
      issued: 1,
      expired: 1,
      unfinished: 1,
    });
  });
});
