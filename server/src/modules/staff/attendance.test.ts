import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/days.ts';
import { newId } from '../../platform/ids.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

let hall: TestHall;
let supervisor: Session;
let clerk: Session;
let hallId: string;
let clerkId: string;
let windowId: string;

const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);

beforeAll(async () => {
  hall = await buildTestHall();
  // June 2026: May, with its Labour Day holiday and the made-up working Saturday 9 May (调休), is behind us.
  hall.clock.set(at('2026-06-01', '08:00'));
  supervisor = await signedIn(hall.app, 'supervisor');
  clerk = await signedIn(hall.app, 'clerk');
  const me = json(await clerk.get('/api/auth/me'));
  hallId = me.halls[0].id;
  clerkId = me.id ?? me.user?.id;
  windowId = json(await supervisor.get(`/api/windows?hallId=${hallId}`)).items[0].id;
});
afterAll(() => hall.close());

/** The clerk at the window both sessions of every day the roster offers in May. */
async function rosterMay() {
  for (let week = '2026-04-27'; week <= '2026-05-25'; week = addDays(week, 7)) {
    const plan = json(await supervisor.get(`/api/staff/roster?hallId=${hallId}&week=${week}`));
    const slots = plan.days
      .filter((d: any) => d.day.startsWith('2026-05'))
      .flatMap((d: any) =>
        d.sessions.map((s: any) => ({ day: d.day, session: s.session, windowId, userId: clerkId, post: 'clerk' })),
      );
    const res = await supervisor.put('/api/staff/roster', { hallId, week, slots });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function clockRows(rows: { day: string; kind: string; time: string }[]) {
  await hall.ctx.db.deleteFrom('staff_attendance').where('user_id', '=', clerkId).execute();
  if (!rows.length) return;
  await hall.ctx.db
    .insertInto('staff_attendance')
    .values(
      rows.map((r) => ({
        id: newId(at(r.day, r.time)),
        hall_id: hallId,
        user_id: clerkId,
        day: r.day,
        kind: r.kind,
        at: at(r.day, r.time),
        window_id: windowId,
        stand_in_id: null,
        reason: null,
      })),
    )
    .execute();
}

describe('attendance against the roster on the hall calendar', () => {
  it('May 2026 with its 调休 Saturday matches a hand computation, and exports to Excel', async () => {
    await rosterMay();
    const plan = json(await supervisor.get(`/api/staff/roster?hallId=${hallId}&week=2026-05-04`));
    // 4–5 May are holidays; Saturday 9 May is a working day with weekday hours.
    expect(plan.days.map((d: any) => d.working)).toEqual([false, false, true, true, true, true, false]);
    expect(plan.days[5]).toMatchObject({ day: '2026-05-09', working: true });
    expect(plan.days[5].sessions.map((s: any) => s.from)).toEqual(['09:00', '13:30']);

    // Hand computation: May 2026 has 21 weekdays; 1, 4 and 5 May are off, Saturday 9 May is on: 19 working days.
    const days = json(await supervisor.get(`/api/staff/attendance?hallId=${hallId}&month=2026-05`));
    expect(days.workingDays).toBe(19);
    const rows: { day: string; kind: string; time: string }[] = [];
    for (let d = '2026-05-01'; d <= '2026-05-31'; d = addDays(d, 1)) {
      rows.push({ day: d, kind: 'in', time: '08:55' }, { day: d, kind: 'out', time: '17:05' });
    }
    const mine = rows.filter((r) => r.day !== '2026-05-12'); // absent on the 12th
    for (const r of mine) {
      if (r.day === '2026-05-09' && r.kind === 'in') r.time = '09:12'; // 12 minutes late on the 调休 Saturday
      if (r.day === '2026-05-20' && r.kind === 'out') r.time = '16:40'; // 20 minutes early
    }
    await clockRows(mine);
    const sheet = json(await supervisor.get(`/api/staff/attendance?hallId=${hallId}&month=2026-05`));
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({
      userId: clerkId,
      rosteredDays: 19,
      presentDays: 16,
      lateCount: 1,
      earlyCount: 1,
      absentDays: 1,
      leaveDays: 0,
      lateMinutes: 12,
      earlyMinutes: 20,
    });
    // Clock records on holidays (1 May) count for nothing: nobody is rostered then.
    expect(sheet.rows[0].days.find((d: any) => d.day === '2026-05-01')).toBeUndefined();
    const x = await supervisor.get(`/api/staff/attendance/export?hallId=${hallId}&month=2026-05`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The summary and the day-by-day detail, each on its own sheet, counts as numbers and days as dates.
    const [summary, detail] = await readWorkbook(x.rawPayload);
    expect(summary!.name).toBe('考勤汇总 2026-05');
    expect(summary!.rows).toHaveLength(1);
    expect(summary!.rows[0]).toMatchObject({
      排班天数: 19,
      正常: 16,
      迟到次数: 1,
      迟到分钟: 12,
      早退分钟: 20,
      缺勤天数: 1,
    });
    expect(detail!.name).toBe('考勤明细 2026-05');
    expect(detail!.rows).toHaveLength(19);
    const late = detail!.rows.find((r) => (r['日期'] as Date).toISOString().startsWith('2026-05-09'));
    expect(late).toMatchObject({ 情况: '迟到', 签到: '09:12' });
    const absent = detail!.rows.find((r) => (r['日期'] as Date).toISOString().startsWith('2026-05-12'));
    expect(absent).toMatchObject({ 情况: '缺勤' });
    expect(absent!['签到']).toBeUndefined();
    // Only staff managers read the sheet.
    expect((await clerk.get(`/api/staff/attendance?hallId=${hallId}&month=2026-05`)).statusCode).toBe(403);
  });

  it('random clock-ins against the roster: late iff the first clock-in is after 09:00, absent iff none', async () => {
    const working = [
      ...new Set(
        json(await supervisor.get(`/api/staff/attendance?hallId=${hallId}&month=2026-05`)).rows[0].days.map(
          (d: any) => d.day,
        ),
      ),
    ] as string[];
    expect(working).toHaveLength(19);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...working),
          fc.record({
            inMin: fc.integer({ min: 480, max: 660 }),
            outMin: fc.option(fc.integer({ min: 900, max: 1140 })),
          }),
        ),
        async (plan) => {
          const hh = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          await clockRows(
            Object.entries(plan).flatMap(([day, p]) => [
              { day, kind: 'in', time: hh(p.inMin) },
              ...(p.outMin === null ? [] : [{ day, kind: 'out', time: hh(p.outMin) }]),
            ]),
          );
          const row = json(await supervisor.get(`/api/staff/attendance?hallId=${hallId}&month=2026-05`)).rows[0];
          const entries = Object.entries(plan);
          expect(row.absentDays).toBe(working.length - entries.length);
          expect(row.lateCount).toBe(entries.filter(([, p]) => p.inMin > 540).length);
          expect(row.earlyCount).toBe(entries.filter(([, p]) => p.outMin === null || p.outMin < 1020).length);
          expect(row.lateMinutes).toBe(entries.reduce((n, [, p]) => n + Math.max(0, p.inMin - 540), 0));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('暂离 needs a stand-in and a reason; clocking in twice is refused', async () => {
    hall.clock.set(at('2026-06-02', '08:50'));
    clerk = await signedIn(hall.app, 'clerk');
    const first = await clerk.post('/api/staff/clock', { kind: 'in', hallId });
    expect(first.statusCode, first.body).toBe(201);
    expect((await clerk.post('/api/staff/clock', { kind: 'in', hallId })).statusCode).toBe(409);
    const noReason = await clerk.post('/api/staff/clock', { kind: 'away', hallId, windowId });
    expect(json(noReason)).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    supervisor = await signedIn(hall.app, 'supervisor');
    const who = json(await supervisor.get('/api/auth/me'));
    const supervisorId = who.id ?? who.user?.id;
    const away = await clerk.post('/api/staff/clock', {
      kind: 'away',
      hallId,
      windowId,
      reason: '接待来访',
      standInId: supervisorId,
    });
    expect(away.statusCode, away.body).toBe(201);
    expect(json(away)).toMatchObject({ kind: 'away', standInName: '李秀英', reason: '接待来访' });
  });
});
