/**
 * 统计分析 drill-down and live floor over the API, on both databases: on a generated history, the records listed
 * behind a figure are as many as the figure says (totals, per item / department / window / person, per day, per
 * complaint category); refusals name the field; the live floor counts today's tickets and windows as they move.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dimensions, historyHall, volumeRows } from '../../../test/history-fixtures.ts';
import { json, Session, type Session as S, signedIn, type TestHall } from '../../../test/helpers.ts';

const P = 'from=2026-01-01&to=2026-01-31';
let hall: TestHall;
let head: S;
let hallId: string;
let o: any;

const records = async (q: string) => {
  const res = await head.get(`/api/stats/overview/records?hallId=${hallId}&${P}&${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
};

beforeAll(async () => {
  hall = await historyHall({ cases: 600, seed: 5, historyDays: 120 });
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  o = json(await head.get(`/api/stats/overview?hallId=${hallId}&${P}`));
}, 180_000);
afterAll(() => hall.close());

describe('the drill-down behind a figure', () => {
  it('lists as many records as each total counts', async () => {
    expect(o.totals.received).toBeGreaterThan(10);
    expect((await records('figure=received')).total).toBe(o.totals.received);
    expect((await records('figure=finished')).total).toBe(o.totals.finished);
    const onTime = await records('figure=onTime');
    expect(onTime.total).toBe(o.totals.onTime);
    expect(onTime.cases.every((c: { onTime: boolean }) => c.onTime)).toBe(true);
    const tickets = await records('figure=tickets');
    expect(tickets.total).toBe(o.totals.tickets);
    expect(tickets.tickets[0]).toMatchObject({ number: expect.any(String), waitMinutes: expect.any(Number) });
    expect((await records('figure=complaints')).total).toBe(o.totals.complaints);
  });

  it('lists the cases behind each row of the item, department, window and person tables', async () => {
    for (const dim of dimensions) {
      const rows = volumeRows(o, dim);
      expect(rows.length, dim).toBeGreaterThan(0);
      for (const r of rows.slice(0, 3)) {
        const key = encodeURIComponent(r.key);
        const rec = await records(`figure=received&dim=${dim}&key=${key}`);
        expect(rec.total, `${dim} ${r.key} received`).toBe(r.received);
        expect(rec.cases.map((c: { id: string }) => c.id)).toHaveLength(
          new Set(rec.cases.map((c: { id: string }) => c.id)).size,
        );
        expect((await records(`figure=finished&dim=${dim}&key=${key}`)).total, `${dim} finished`).toBe(r.finished);
        expect((await records(`figure=onTime&dim=${dim}&key=${key}`)).total, `${dim} on time`).toBe(r.onTime);
      }
    }
  });

  it('lists the cases, tickets and complaints behind a day or a category', async () => {
    const busy = o.casesByDay.find((d: { received: number }) => d.received > 0);
    const day = await records(`figure=received&day=${busy.day}`);
    expect(day.total).toBe(busy.received);
    expect(day.cases[0]).toMatchObject({
      acceptedDay: busy.day,
      caseNo: expect.any(String),
      itemName: expect.any(String),
    });
    const done = o.casesByDay.find((d: { finished: number }) => d.finished > 0);
    expect((await records(`figure=finished&day=${done.day}`)).total).toBe(done.finished);
    const queue = o.ticketsByDay.find((d: { tickets: number }) => d.tickets > 0);
    expect((await records(`figure=tickets&day=${queue.day}`)).total).toBe(queue.tickets);
    for (const c of o.complaintsByCategory) {
      const r = await records(`figure=complaints&category=${c.category}`);
      expect(r.total).toBe(c.count);
      expect(r.complaints.every((x: { categoryName: string }) => x.categoryName === c.name)).toBe(true);
    }
  });

  it('refuses a bad figure, a day outside the period and a key without its dimension, naming the field', async () => {
    for (const [q, field] of [
      ['figure=everything', 'figure'],
      ['figure=received&day=2026-02-03', 'day'],
      ['figure=received&key=x', 'dim'],
    ] as const) {
      const res = await head.get(`/api/stats/overview/records?hallId=${hallId}&${P}&${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(json(res).field, q).toBe(field);
    }
    const clerk = await signedIn(hall.app, 'clerk');
    expect((await clerk.get(`/api/stats/overview/records?hallId=${hallId}&${P}&figure=received`)).statusCode).toBe(403);
  });
});

describe('the live floor', () => {
  it('counts today’s tickets, the queue now and the windows open and serving', async () => {
    const kiosk = new Session(hall.app);
    const clerk = await signedIn(hall.app, 'clerk');
    const categories = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items;
    const d = categories.find((c: { prefix: string }) => c.prefix === 'D');
    const before = json(await head.get(`/api/stats/floor?hallId=${hallId}`));
    expect(before).toMatchObject({ issued: 0, waiting: 0, longestWaitMinutes: null, windowsServing: 0, served: 0 });
    for (let i = 0; i < 3; i++) {
      const res = await kiosk.post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId: d.id });
      expect(res.statusCode, res.body).toBe(201);
    }
    hall.clock.advance(12 * 60_000);
    const windowId = d.windowIds[0];
    expect((await clerk.post(`/api/queue/windows/${windowId}/open`)).statusCode).toBe(200);
    expect((await clerk.post(`/api/queue/windows/${windowId}/call-next`)).statusCode).toBe(200);
    const now = json(await head.get(`/api/stats/floor?hallId=${hallId}`));
    expect(now).toMatchObject({
      hallId,
      issued: 3,
      waiting: 2,
      longestWaitMinutes: 12,
      windowsOpen: before.windowsOpen + 1,
      windowsServing: 1,
      served: 0,
    });
    expect(now.windowsTotal).toBeGreaterThanOrEqual(now.windowsOpen);
  });
});
