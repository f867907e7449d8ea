/**
 * 统计分析 over a generated history (seed --cases, with its tickets, ratings, complaints …), on both databases:
 * every figure of GET /api/stats/overview for a month and a longer period recomputed here from the raw tables with SQL of this file's
 * own, independently of the services, and matched figure for figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dimensions, historyHall, volumeRows } from '../../../test/history-fixtures.ts';
import { json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let head: Session;
let hallId: string;

beforeAll(async () => {
  hall = await historyHall({ cases: 600, seed: 5, historyDays: 120 });
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
}, 180_000);
afterAll(() => hall.close());

const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const count = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The month's figures from the raw rows: each query is this file's own. */
async function fromRawRows(FROM: string, TO: string) {
  const db = hall.ctx.db;
  const received = await db
    .selectFrom('cases')
    .select(['id', 'accepted_day', 'item_id', 'window_id', 'received_by'])
    .where('hall_id', '=', hallId)
    .where('accepted_day', '>=', FROM)
    .where('accepted_day', '<=', TO)
    .execute();
  // Finished: the first completion event of a case falls in the month; on time when on or before the deadline.
  const completions = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['c.id', 'c.item_id', 'c.window_id', 'c.deadline', 'c.first_owner_id', 'c.received_by'])
    .select((eb) => eb.fn.min('e.at').as('first'))
    .where('c.hall_id', '=', hallId)
    .where('e.to_state', '=', 'completed')
    .groupBy(['c.id', 'c.item_id', 'c.window_id', 'c.deadline', 'c.first_owner_id', 'c.received_by'])
    .execute();
  const finished = completions
    .map((c) => ({ ...c, day: chinaDay(Number(c.first)) }))
    .filter((c) => c.day >= FROM && c.day <= TO);
  const steps = await db
    .selectFrom('case_steps')
    .select(['case_id', 'department_id'])
    .distinct()
    .where('department_id', 'is not', null)
    .execute();
  const deptsOf = new Map<string, string[]>();
  for (const s of steps) deptsOf.set(s.case_id, [...(deptsOf.get(s.case_id) ?? []), s.department_id!]);

  const volume = (dim: 'item' | 'department' | 'window' | 'person') => {
    const keysOf = (c: { id: string; item_id: string; window_id: string | null }, person: string) =>
      dim === 'item'
        ? [c.item_id]
        : dim === 'window'
          ? c.window_id
            ? [c.window_id]
            : []
          : dim === 'person'
            ? [person]
            : (deptsOf.get(c.id) ?? []);
    const rec = new Map<string, number>();
    const fin = new Map<string, number>();
    const ok = new Map<string, number>();
    for (const c of received) for (const k of keysOf(c, c.received_by)) count(rec, k);
    for (const c of finished)
      for (const k of keysOf(c, c.first_owner_id ?? c.received_by)) {
        count(fin, k);
        count(ok, k, c.deadline !== null && c.day <= c.deadline ? 1 : 0);
      }
    return { rec, fin, ok };
  };

  const tickets = await db
    .selectFrom('queue_tickets')
    .select(['day', 'arrived_at', 'first_called_at', 'serving_started_at', 'finished_at'])
    .where('hall_id', '=', hallId)
    .where('day', '>=', FROM)
    .where('day', '<=', TO)
    .execute();
  const waits = tickets.filter((t) => t.first_called_at !== null);
  const services = tickets.filter((t) => t.serving_started_at !== null && t.finished_at !== null);
  // Ratings per level given on a day of the month: the pad's, and the case ratings not excluded on appeal.
  const levels = (table: 'ratings' | 'case_ratings') => {
    let q = db
      .selectFrom(table)
      .select('level')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('hall_id', '=', hallId)
      .where('day', '>=', FROM)
      .where('day', '<=', TO);
    if (table === 'case_ratings') q = q.where('excluded', '=', 0);
    return q.groupBy('level').execute();
  };
  const [pad, online] = [await levels('ratings'), await levels('case_ratings')];
  const complaints = await db
    .selectFrom('complaints')
    .select('category')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hall_id', '=', hallId)
    .where('received_day', '>=', FROM)
    .where('received_day', '<=', TO)
    .groupBy('category')
    .execute();
  return { received, finished, volume, tickets, waits, services, pad, online, complaints };
}

describe('the overview of a generated history', () => {
  // A month, and a period across two month ends (the service counts a long period a month at a time).
  it.each([
    ['2026-01-01', '2026-01-31'],
    ['2025-12-10', '2026-02-20'],
  ])('matches every figure recomputed from the raw tables, %s to %s', async (FROM, TO) => {
    const res = await head.get(`/api/stats/overview?hallId=${hallId}&from=${FROM}&to=${TO}`);
    expect(res.statusCode, res.body).toBe(200);
    const o = json(res);
    const raw = await fromRawRows(FROM, TO);
    const onTime = raw.finished.filter((c) => c.deadline !== null && c.day <= c.deadline).length;
    const levelsOf = (rows: { level: string; n: number }[]) => new Map(rows.map((r) => [r.level, Number(r.n)]));
    const pad = levelsOf(raw.pad);
    const online = levelsOf(raw.online);
    const ratings = [...pad.values(), ...online.values()].reduce((a, b) => a + b, 0);
    const bad = ['dissatisfied', 'very_dissatisfied'].reduce((n, l) => n + (pad.get(l) ?? 0) + (online.get(l) ?? 0), 0);
    const complaints = raw.complaints.reduce((n, c) => n + Number(c.n), 0);

    // The month is a real one: every kind of record is there to count.
    expect(raw.received.length).toBeGreaterThan(10);
    expect(raw.finished.length).toBeGreaterThan(10);
    expect(raw.tickets.length).toBeGreaterThan(10);
    expect(online.size).toBeGreaterThan(0);

    expect(o.totals).toMatchObject({
      received: raw.received.length,
      finished: raw.finished.length,
      onTime,
      tickets: raw.tickets.length,
      ratings,
      complaints,
    });
    expect(o.totals.onTimeRate).toBeCloseTo(onTime / raw.finished.length, 3);
    expect(o.totals.goodRate).toBeCloseTo((ratings - bad) / ratings, 3);
    const minutes = (xs: number[]) => mean(xs.map((x) => x / 60_000))!;
    expect(o.totals.meanWaitMinutes).toBeCloseTo(
      minutes(raw.waits.map((t) => Number(t.first_called_at) - Number(t.arrived_at))),
      1,
    );
    expect(o.totals.meanServiceMinutes).toBeCloseTo(
      minutes(raw.services.map((t) => Number(t.finished_at) - Number(t.serving_started_at))),
      1,
    );

    for (const d of o.casesByDay) {
      expect(d.received, d.day).toBe(raw.received.filter((c) => c.accepted_day === d.day).length);
      expect(d.finished, d.day).toBe(raw.finished.filter((c) => c.day === d.day).length);
    }
    for (const d of o.ticketsByDay) expect(d.tickets, d.day).toBe(raw.tickets.filter((t) => t.day === d.day).length);

    for (const dim of dimensions) {
      const rows = volumeRows(o, dim);
      const v = raw.volume(dim);
      const keys = new Set([...v.rec.keys(), ...v.fin.keys()]);
      expect(new Set(rows.map((r) => r.key)), dim).toEqual(keys);
      for (const r of rows)
        expect(r, `${dim} ${r.key}`).toMatchObject({
          received: v.rec.get(r.key) ?? 0,
          finished: v.fin.get(r.key) ?? 0,
          onTime: v.ok.get(r.key) ?? 0,
        });
    }

    for (const s of o.satisfaction)
      expect(s, s.level).toMatchObject({ onSite: pad.get(s.level) ?? 0, online: online.get(s.level) ?? 0 });
    expect(
      Object.fromEntries(o.complaintsByCategory.map((c: { category: string; count: number }) => [c.category, c.count])),
    ).toEqual(Object.fromEntries(raw.complaints.map((c) => [c.category, Number(c.n)])));
  });
});
