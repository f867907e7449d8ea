/**
 * 人员配置预测 over the API, on both databases: tickets seeded with known arrivals and service times over the last
 * four weeks, the forecast per weekday-hour, the windows Erlang C needs (worked out by hand below, not by the
 * service's code), the demo roster beside it and the short hours; the Erlang C endpoint and its refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let supervisor: Session;
let clerk: Session;
let hallId: string;
let catA: string;
let catB: string;

const HOUR = 3_600_000;
/** China time → epoch: 'YYYY-MM-DD', hour, minute. */
const at = (day: string, hour: number, minute = 0) =>
  Date.parse(`${day}T00:00:00Z`) - 8 * HOUR + (hour * 60 + minute) * 60_000;
/**
 * The four weeks before the demo week of 2026-03-02 (T0 is Monday 2026-03-02 09:00 China time) hold the Spring
 * Festival holiday (2026-02-15 … 02-23 in the national schedule): the hall was open on the Mondays 02-02 and 02-09
 * and on the Tuesdays 02-03, 02-10 and 02-24.
 */
const mondays = ['2026-02-02', '2026-02-09'];
const tuesdays = ['2026-02-03', '2026-02-10', '2026-02-24'];

let seq = 0;
async function ticket(categoryId: string, day: string, hour: number, minute: number, serviceMinutes: number | null) {
  seq += 1;
  const arrived = at(day, hour, minute);
  const started = arrived + 60_000;
  await hall.ctx.db
    .insertInto('queue_tickets')
    .values({
      id: `t-stats-${seq}`,
      hall_id: hallId,
      day,
      category_id: categoryId,
      number: `Z${String(seq).padStart(3, '0')}`,
      seq,
      priority: 'normal',
      weight: 0,
      appointment_at: null,
      arrived_at: arrived,
      status: serviceMinutes === null ? 'no_show' : 'done',
      window_id: null,
      target_window_id: null,
      walk_in: 1,
      first_called_at: started,
      called_at: started,
      recall_count: 0,
      serving_started_at: serviceMinutes === null ? null : started,
      finished_at: serviceMinutes === null ? null : started + serviceMinutes * 60_000,
      served_by: null,
      wait_ms: 60_000,
      service_ms: (serviceMinutes ?? 0) * 60_000,
      transfers: 0,
      people_ahead_at_issue: 0,
      estimated_wait_ms: null,
      outcome_kind: null,
      outcome_id: null,
      issued_by: null,
      created_at: arrived,
      updated_at: arrived,
    })
    .execute();
}

beforeAll(async () => {
  hall = await buildTestHall();
  supervisor = await signedIn(hall.app, 'supervisor');
  clerk = await signedIn(hall.app, 'clerk');
  hallId = json(await supervisor.get('/api/auth/me')).halls[0].id;
  const cats = await hall.ctx.db
    .selectFrom('queue_categories')
    .select(['id', 'name'])
    .where('hall_id', '=', hallId)
    .orderBy('prefix')
    .execute();
  catA = cats[0]!.id;
  catB = cats[1]!.id;
  // Monday 10:00–10:59: 24 each open Monday (18 of A, 6 of B), each served in 10 minutes.
  for (const monday of mondays) for (let i = 0; i < 24; i++) await ticket(i < 18 ? catA : catB, monday, 10, i * 2, 10);
  // Tuesday 14:00–14:59: 3 each open Tuesday, of B, 10 minutes each.
  for (const tuesday of tuesdays) for (let i = 0; i < 3; i++) await ticket(catB, tuesday, 14, i * 15, 10);
  // Outside the four weeks: never counted.
  await ticket(catA, '2026-01-26', 10, 5, 10);
  await ticket(catA, '2026-03-02', 10, 5, 10);
});
afterAll(() => hall.close());

const erlang = (q: string) => supervisor.get(`/api/stats/staffing/erlang-c?${q}`);

describe('GET /api/stats/staffing/erlang-c', () => {
  it('answers the smallest number of windows and the figures there (the Call Centre Helper example)', async () => {
    // 200 an hour, 3 minutes, 80 % within 20 s: A = 10 Erlangs; 13 windows give 79.56 %, 14 give 88.84 %.
    const res = await erlang('arrivalsPerHour=200&serviceMinutes=3&targetWaitSeconds=20&targetServiceLevel=0.8');
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.windows).toBe(14);
    expect(body.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(body.probabilityOfWaiting).toBeCloseTo(0.1741, 4);
    expect(body.averageWaitSeconds).toBeCloseTo(7.84, 2);
  });

  it('answers a bad or missing parameter with 400 naming it', async () => {
    const good = { arrivalsPerHour: '24', serviceMinutes: '10', targetWaitSeconds: '600', targetServiceLevel: '0.8' };
    const cases: [string, string | null][] = [
      ['arrivalsPerHour', 'abc'],
      ['serviceMinutes', '0'],
      ['targetWaitSeconds', '1.5'],
      ['targetServiceLevel', '1.5'],
      ['targetServiceLevel', null],
      ['arrivalsPerHour', '90000'],
    ];
    for (const [field, value] of cases) {
      const q = new URLSearchParams(Object.entries(good).filter(([k]) => k !== field || value !== null));
      if (value !== null) q.set(field, value);
      const res = await erlang(q.toString());
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(json(res)).toMatchObject({ code: 'VALIDATION', field });
    }
  });

  it('is for those who keep the roster', async () => {
    const res = await clerk.get(
      '/api/stats/staffing/erlang-c?arrivalsPerHour=1&serviceMinutes=1&targetWaitSeconds=1&targetServiceLevel=0.8',
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('the staffing forecast beside the roster', () => {
  const forecast = async () => {
    const res = await supervisor.get(`/api/stats/staffing/forecast?hallId=${hallId}&week=2026-03-02`);
    expect(res.statusCode, res.body).toBe(200);
    return json(res);
  };
  const cell = (f: any, day: string, hour: number) => f.cells.find((c: any) => c.day === day && c.hour === hour);

  it('forecasts each hour from the last four weeks and flags the hours the roster leaves short', async () => {
    const f = await forecast();
    expect(f).toMatchObject({ fromDay: '2026-02-02', toDay: '2026-03-01', tickets: 2 * 24 + 3 * 3 });
    expect(f.target).toEqual({ targetWaitSeconds: 600, targetServiceLevel: 0.8, weeks: 4 });
    // Monday 10:00: 48 arrivals over the two open Mondays (the holiday Mondays do not halve it): 24 an hour at 10 minutes is A = 4 Erlangs. By hand: 5 windows give
    // 1 − C(4,5)·e^(−1) = 1 − 0.5541·0.3679 = 0.796 < 0.8; 6 windows give 1 − 0.2848·e^(−2) = 0.9615.
    const mon10 = cell(f, '2026-03-02', 10);
    expect(mon10).toMatchObject({ arrivalsPerHour: 24, serviceMinutes: 10, needed: 6, open: true });
    expect(mon10.serviceLevel).toBeCloseTo(0.9615, 4);
    expect(mon10.byCategory.map((c: any) => [c.categoryId, c.arrivalsPerHour])).toEqual([
      [catA, 18],
      [catB, 6],
    ]);
    // The demo roster: the clerk at window 1 all day, the supervisor at window 2 in the mornings.
    expect(mon10.rostered).toBe(2);
    expect(mon10.short).toBe(true);
    // Tuesday 14:00: 3 an hour, A = 0.5: one window gives 1 − 0.5·e^(−0.5) = 0.697, two give 1 − 0.1·e^(−1.5) = 0.978.
    const tue14 = cell(f, '2026-03-03', 14);
    expect(tue14).toMatchObject({ arrivalsPerHour: 3, needed: 2, rostered: 1, short: true });
    // An open hour nobody came in: nothing needed, the roster is enough.
    expect(cell(f, '2026-03-02', 15)).toMatchObject({ arrivalsPerHour: 0, needed: 0, rostered: 1, short: false });
    // The weekend is closed in the hall calendar: nothing forecast.
    expect(f.cells.filter((c: any) => c.day === '2026-03-07').every((c: any) => c.needed === 0 && !c.open)).toBe(true);
    expect(f.shortHours).toBe(f.cells.filter((c: any) => c.needed > c.rostered).length);
    expect(f.shortHours).toBeGreaterThanOrEqual(2);
  });

  it('follows the hall’s target, which the supervisor sets (audited) and a bad value is refused naming it', async () => {
    const bad = await supervisor.put('/api/stats/staffing/target', {
      hallId,
      targetWaitSeconds: 60,
      targetServiceLevel: 1.2,
      weeks: 4,
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('targetServiceLevel');
    const body = { hallId, targetWaitSeconds: 60, targetServiceLevel: 0.8, weeks: 3 };
    const key = { 'idempotency-key': 'stats-target-1' };
    const saved = await supervisor.request('PUT', '/api/stats/staffing/target', body, key);
    expect(saved.statusCode, saved.body).toBe(200);
    // A retry with the same key answers the first response again and writes nothing more.
    const again = await supervisor.request('PUT', '/api/stats/staffing/target', body, key);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual(json(saved));
    expect(json(await supervisor.get(`/api/stats/staffing/target?hallId=${hallId}`))).toEqual({
      targetWaitSeconds: 60,
      targetServiceLevel: 0.8,
      weeks: 3,
    });
    const f = await forecast();
    // Three weeks: 2026-02-09 … 2026-03-01, one open Monday with 24; within 60 s: 6 windows give
    // 1 − 0.2848·e^(−0.2) = 0.767, 7 give 1 − 0.1351·e^(−0.3) = 0.900.
    expect(f.fromDay).toBe('2026-02-09');
    expect(cell(f, '2026-03-02', 10)).toMatchObject({ arrivalsPerHour: 24, needed: 7 });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'stats.staffing.target')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await clerk.get(`/api/stats/staffing/forecast?hallId=${hallId}&week=2026-03-02`)).statusCode).toBe(403);
    expect(json(await supervisor.get(`/api/stats/staffing/forecast?hallId=${hallId}&week=2026-03-03`)).field).toBe(
      'week',
    );
  });
});
