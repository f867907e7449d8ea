import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let sys: Session;
let hallId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  sys = await signedIn(hall.app, 'sysadmin');
  hallId = json(await sys.get('/api/auth/me')).halls.find((h: { name: string }) => h.name.includes('政务服务中心')).id;
});
afterAll(() => hall.close());

const deadline = async (query: string) => hall.app.inject({ method: 'GET', url: `/api/calendar/deadline?${query}` });

describe('working-day calendar API', () => {
  it('answers anyone with the deadline over national holidays and make-up days', async () => {
    // 2025 National Day: 10-01..10-08 off, Saturday 10-11 worked.
    expect(json(await deadline('from=2025-09-30&days=1'))).toEqual({ deadline: '2025-10-09', provisional: false });
    expect(json(await deadline('from=2025-10-09&days=2'))).toEqual({ deadline: '2025-10-11', provisional: false });
    expect(json(await deadline('from=2026-03-02&days=0'))).toEqual({ deadline: '2026-03-02', provisional: false });
  });

  it('names the field of bad input', async () => {
    for (const [query, field] of [
      ['from=2026-02-30&days=1', 'from'],
      ['from=2026-2-3&days=1', 'from'],
      ['from=2026-03-02&days=-1', 'days'],
      ['from=2026-03-02&days=abc', 'days'],
      ['days=3', 'from'],
    ]) {
      const res = await deadline(query!);
      expect(res.statusCode, query).toBe(400);
      expect(json(res).field, query).toBe(field);
    }
  });

  it('marks a deadline in an unpublished year provisional until an administrator loads that year', async () => {
    // 1 January is off by law even before the notice; the answer is still provisional.
    expect(json(await deadline('from=2026-12-30&days=2'))).toEqual({ deadline: '2027-01-04', provisional: true });
    expect(json(await deadline('from=2027-03-01&days=0'))).toEqual({ deadline: '2027-03-01', provisional: true });
    hall.clock.set(Date.parse('2026-11-15T02:00:00Z'));
    sys = await signedIn(hall.app, 'sysadmin');
    expect(json(await sys.get('/api/calendar/status')).missingYear).toBe(2027);
    const bad = await sys.put('/api/calendar/years/2027', { holidays: ['2026-12-31'], workdays: [] });
    expect(json(bad).field).toBe('holidays.0');
    const loaded = await sys.put('/api/calendar/years/2027', {
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
    });
    expect(loaded.statusCode).toBe(200);
    expect(json(await deadline('from=2026-12-30&days=2'))).toEqual({ deadline: '2027-01-04', provisional: false });
    expect(json(await sys.get('/api/calendar/status')).missingYear).toBeNull();
    expect(json(await sys.get('/api/calendar/years')).items.map((y: { year: number }) => y.year)).toEqual([2027]);
  });

  it("lets a hall's own closures and make-up days win, per hall", async () => {
    expect(json(await deadline(`from=2026-03-02&days=1&hallId=${hallId}`)).deadline).toBe('2026-03-03');
    const closed = await sys.put(`/api/calendar/halls/${hallId}/days/2026-03-03`, {
      kind: 'closed',
      note: '系统升级闭厅',
    });
    expect(closed.statusCode).toBe(200);
    expect(json(await deadline(`from=2026-03-02&days=1&hallId=${hallId}`)).deadline).toBe('2026-03-04');
    // Other halls and the national answer are untouched.
    expect(json(await deadline('from=2026-03-02&days=1')).deadline).toBe('2026-03-03');

    const month = json(await sys.get(`/api/calendar/month?hallId=${hallId}&month=2026-03`));
    expect(month.days).toHaveLength(31);
    expect(month.days[2]).toMatchObject({ date: '2026-03-03', working: false, source: 'hall', note: '系统升级闭厅' });

    const removed = await sys.request('DELETE', `/api/calendar/halls/${hallId}/days/2026-03-03`);
    expect(removed.statusCode).toBe(204);
    expect(json(await deadline(`from=2026-03-02&days=1&hallId=${hallId}`)).deadline).toBe('2026-03-03');
  });

  it('imports a list of days all or nothing', async () => {
    const bad = await sys.post(`/api/calendar/halls/${hallId}/days/import`, {
      days: [
        { date: '2026-04-20', kind: 'closed', note: '地方节日' },
        { date: '2026-04-31', kind: 'closed', note: '错误日期' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('days.1.date');
    const month = json(await sys.get(`/api/calendar/month?hallId=${hallId}&month=2026-04`));
    expect(month.days[19].source).not.toBe('hall');
    const ok = await sys.post(`/api/calendar/halls/${hallId}/days/import`, {
      days: [
        { date: '2026-04-20', kind: 'closed', note: '地方节日' },
        { date: '2026-04-25', kind: 'working', note: '集中办件日' },
      ],
    });
    expect(json(ok).imported).toBe(2);
    const after = json(await sys.get(`/api/calendar/month?hallId=${hallId}&month=2026-04`));
    expect(after.days[19]).toMatchObject({ working: false, source: 'hall' });
    expect(after.days[24]).toMatchObject({ working: true, source: 'hall' });
  });

  it('lets staff read the calendar but only administrators change it', async () => {
    const clerk = await signedIn(hall.app, 'clerk');
    expect((await clerk.get(`/api/calendar/month?hallId=${hallId}&month=2026-05`)).statusCode).toBe(200);
    expect(
      (await clerk.put(`/api/calendar/halls/${hallId}/days/2026-05-06`, { kind: 'closed', note: 'x' })).statusCode,
    ).toBe(403);
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.get(`/api/calendar/month?hallId=${hallId}&month=2026-05`)).statusCode).toBe(400);
  });
});
