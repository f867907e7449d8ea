/**
 * 统计分析 over the API, on both databases: a known June 2026 (cases accepted and completed, tickets with known
 * times, on-site and 好差评 ratings, complaints; see test/overview-fixtures.ts) and every figure of /api/stats/overview
 * checked twice: against numbers worked out by hand, and against an independent computation in this file from the raw
 * rows of the tables. The refusals, the access rule and the export are in overview-export.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type Session, type TestHall } from '../../../test/helpers.ts';
import { juneHall, MIN, Q } from '../../../test/overview-fixtures.ts';

let hall: TestHall;
let head: Session;
let hallId: string;
let departmentId: string;
let itemId: string;
let windowId: string;

/** The figures worked out from the raw rows of the tables, independently of the services. */
async function independent(from: string, to: string) {
  const db = hall.ctx.db;
  const cases = await db.selectFrom('cases').selectAll().where('hall_id', '=', hallId).execute();
  const received = cases.filter((c) => c.accepted_day && c.accepted_day >= from && c.accepted_day <= to);
  const events = await db.selectFrom('case_events').selectAll().where('to_state', '=', 'completed').execute();
  const firstCompletion = new Map<string, number>();
  for (const e of events.sort((a, b) => Number(a.seq) - Number(b.seq)))
    if (!firstCompletion.has(e.case_id)) firstCompletion.set(e.case_id, Number(e.at));
  const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const finished = cases
    .map((c) => ({ c, day: firstCompletion.has(c.id) ? chinaDay(firstCompletion.get(c.id)!) : null }))
    .filter((x) => x.day && x.day >= from && x.day <= to);
  const onTime = finished.filter((x) => x.c.deadline !== null && x.day! <= x.c.deadline!);
  const tickets = (await db.selectFrom('queue_tickets').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (t) => t.day >= from && t.day <= to,
  );
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const pads = (await db.selectFrom('ratings').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (r) => r.day >= from && r.day <= to,
  );
  const online = (await db.selectFrom('case_ratings').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (r) => r.day >= from && r.day <= to && Number(r.excluded) === 0,
  );
  const all = [...pads, ...online];
  const complaints = (await db.selectFrom('complaints').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (c) => c.received_day >= from && c.received_day <= to,
  );
  const byCategory: Record<string, number> = {};
  for (const c of complaints) byCategory[c.category] = (byCategory[c.category] ?? 0) + 1;
  return {
    received: received.length,
    receivedByDay: Object.fromEntries(
      [...new Set(received.map((c) => c.accepted_day!))].map((d) => [
        d,
        received.filter((c) => c.accepted_day === d).length,
      ]),
    ),
    receivedByItem: received.filter((c) => c.item_id === itemId).length,
    receivedByWindow: received.filter((c) => c.window_id === windowId).length,
    finished: finished.length,
    finishedByDay: Object.fromEntries(
      [...new Set(finished.map((x) => x.day!))].map((d) => [d, finished.filter((x) => x.day === d).length]),
    ),
    onTime: onTime.length,
    tickets: tickets.length,
    wait: avg(
      tickets
        .filter((t) => t.first_called_at !== null)
        .map((t) => (Number(t.first_called_at) - Number(t.arrived_at)) / MIN),
    ),
    service: avg(
      tickets
        .filter((t) => t.serving_started_at !== null && t.finished_at !== null)
        .map((t) => (Number(t.finished_at) - Number(t.serving_started_at)) / MIN),
    ),
    ratings: all.length,
    levels: Object.fromEntries(
      ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'].map((l) => [
        l,
        all.filter((r) => r.level === l).length,
      ]),
    ),
    goodRate: all.length
      ? all.filter((r) => !['dissatisfied', 'very_dissatisfied'].includes(r.level)).length / all.length
      : null,
    byCategory,
  };
}

beforeAll(async () => {
  ({ hall, head, hallId, departmentId, itemId, windowId } = await juneHall());
});
afterAll(() => hall.close());

describe('statistics overview', () => {
  it('answers every figure of a known month, by hand and from the raw rows', async () => {
    const res = await head.get(`/api/stats/overview?hallId=${hallId}&${Q}`);
    expect(res.statusCode).toBe(200);
    const o = json(res);
    const ind = await independent('2026-06-01', '2026-06-30');

    // By hand.
    expect(o.totals).toEqual({
      received: 4,
      finished: 2,
      onTime: 1,
      onTimeRate: 0.5,
      tickets: 4,
      meanWaitMinutes: 11.33, // (10 + 20 + 4) / 3, to two places
      meanServiceMinutes: 25,
      ratings: 4,
      goodRate: 0.75,
      complaints: 3,
    });
    // The same from the raw rows.
    expect(o.totals.received).toBe(ind.received);
    expect(o.totals.finished).toBe(ind.finished);
    expect(o.totals.onTime).toBe(ind.onTime);
    expect(o.totals.tickets).toBe(ind.tickets);
    expect(o.totals.meanWaitMinutes).toBeCloseTo(ind.wait!, 2);
    expect(o.totals.meanServiceMinutes).toBeCloseTo(ind.service!, 2);
    expect(o.totals.ratings).toBe(ind.ratings);
    expect(o.totals.goodRate).toBe(ind.goodRate);

    expect(o.casesByDay).toHaveLength(30);
    for (const d of o.casesByDay) {
      expect(d.received).toBe(ind.receivedByDay[d.day] ?? 0);
      expect(d.finished).toBe(ind.finishedByDay[d.day] ?? 0);
    }
    expect(o.casesByDay.filter((d: any) => d.received || d.finished)).toEqual([
      { day: '2026-06-01', received: 3, finished: 0 },
      { day: '2026-06-02', received: 1, finished: 0 },
      { day: '2026-06-03', received: 0, finished: 1 },
      { day: '2026-06-30', received: 0, finished: 1 },
    ]);

    const item = o.byItem.find((r: any) => r.key === itemId);
    expect(item).toMatchObject({ received: ind.receivedByItem, finished: 2, onTime: 1, onTimeRate: 0.5 });
    expect(item.received).toBe(4);
    expect(o.byDepartment.find((r: any) => r.key === departmentId)).toMatchObject({
      received: 4,
      finished: 2,
      onTime: 1,
    });
    expect(o.byWindow.find((r: any) => r.key === windowId)).toMatchObject({
      received: ind.receivedByWindow,
      finished: 2,
    });
    expect(o.byPerson).toEqual([expect.objectContaining({ name: '张伟', received: 4, finished: 2, onTimeRate: 0.5 })]);
    // The same grouping as the on-time page, figure for figure.
    for (const by of ['item', 'department', 'window', 'person'] as const) {
      const sup = json(await head.get(`/api/supervision/on-time?hallId=${hallId}&${Q}&by=${by}`));
      const mine = o[`by${by[0]!.toUpperCase()}${by.slice(1)}`];
      for (const g of sup.groups)
        expect(mine.find((r: any) => r.key === g.key)).toMatchObject({
          finished: g.finished,
          onTime: g.onTime,
          onTimeRate: g.rate,
        });
    }

    expect(o.ticketsByDay.filter((d: any) => d.tickets)).toEqual([
      { day: '2026-06-03', tickets: 2, meanWaitMinutes: 15, meanServiceMinutes: 20 },
      { day: '2026-06-04', tickets: 2, meanWaitMinutes: 4, meanServiceMinutes: 30 },
    ]);
    expect(o.ticketsByDay[0]).toEqual({
      day: '2026-06-01',
      tickets: 0,
      meanWaitMinutes: null,
      meanServiceMinutes: null,
    });

    expect(Object.fromEntries(o.satisfaction.map((s: any) => [s.level, s.total]))).toEqual(ind.levels);
    expect(o.satisfaction.map((s: any) => [s.name, s.onSite, s.online])).toEqual([
      ['非常满意', 1, 0],
      ['满意', 1, 0],
      ['基本满意', 0, 1],
      ['不满意', 1, 0],
      ['非常不满意', 0, 0],
    ]);
    expect(o.complaintsByCategory).toEqual([
      { category: 'attitude', name: '服务态度', count: 2 },
      { category: 'efficiency', name: '办事效率', count: 1 },
    ]);
    expect(Object.fromEntries(o.complaintsByCategory.map((c: any) => [c.category, c.count]))).toEqual(ind.byCategory);
  });

  it('answers an empty period with zeros and no rates', async () => {
    const o = json(await head.get(`/api/stats/overview?hallId=${hallId}&from=2026-08-03&to=2026-08-09`));
    expect(o.totals).toEqual({
      received: 0,
      finished: 0,
      onTime: 0,
      onTimeRate: null,
      tickets: 0,
      meanWaitMinutes: null,
      meanServiceMinutes: null,
      ratings: 0,
      goodRate: null,
      complaints: 0,
    });
    expect(o.casesByDay).toHaveLength(7);
    expect(o.byItem).toEqual([]);
  });
});
