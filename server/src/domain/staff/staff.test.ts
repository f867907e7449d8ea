import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/index.ts';
import { addDays } from '../calendar/days.ts';
import { type AbPair, absencesAt, actingId, coverFor, coveredBy } from './cover.ts';
import { leaveApprover, monthSheet, type RosterSlot, sessionsOn } from './attendance.ts';

const people = ['p0', 'p1', 'p2', 'p3', 'p4'];
const pairArb = fc.array(
  fc.record({
    aId: fc.constantFrom(...people),
    bId: fc.constantFrom(...people),
    kind: fc.constantFrom('post', 'window', 'stand_in'),
  }),
  { maxLength: 8 },
);
const absentArb = fc.subarray(people).map((xs) => new Map(xs.map((x) => [x, 'leave' as const])));

describe('AB cover', () => {
  it('at any instant each person has exactly one acting person who is present, or an alert', () => {
    fc.assert(
      fc.property(pairArb, absentArb, (pairs, absent) => {
        for (const p of people) {
          const c = coverFor(p, '2026-12-03', pairs, absent);
          if (!absent.has(p)) expect(c).toEqual({ kind: 'self', actingId: p });
          else if (c.kind === 'b') {
            expect(absent.has(c.actingId)).toBe(false);
            expect(pairs.some((x) => x.aId === p && x.bId === c.actingId)).toBe(true);
          } else {
            expect(c.kind).toBe('uncovered');
            // Uncovered only when every B named for this person is away too.
            for (const x of pairs.filter((x) => x.aId === p && x.bId !== p)) expect(absent.has(x.bId)).toBe(true);
          }
        }
      }),
    );
  });

  it('A back → new work to A again; B covers exactly those it acts for', () => {
    fc.assert(
      fc.property(pairArb, absentArb, fc.constantFrom(...people), (pairs, absent, a) => {
        const back = new Map(absent);
        back.delete(a);
        expect(actingId(coverFor(a, '2026-12-03', pairs, back))).toBe(a);
        for (const b of people)
          for (const x of coveredBy(b, '2026-12-03', pairs, absent))
            expect(coverFor(x, '2026-12-03', pairs, absent)).toMatchObject({ kind: 'b', actingId: b });
      }),
    );
  });

  it('a stand-in named by the supervisor acts before B, only on its days', () => {
    const pairs: AbPair[] = [
      { aId: 'a', bId: 'b', kind: 'post' },
      { aId: 'a', bId: 's', kind: 'stand_in', fromDay: '2026-12-03', toDay: '2026-12-04' },
    ];
    const away = new Map([['a', 'leave' as const]]);
    expect(coverFor('a', '2026-12-03', pairs, away)).toMatchObject({ actingId: 's', via: 'stand_in' });
    expect(coverFor('a', '2026-12-05', pairs, away)).toMatchObject({ actingId: 'b', via: 'b' });
    const both = new Map([
      ['a', 'leave' as const],
      ['b', 'leave' as const],
    ]);
    expect(coverFor('a', '2026-12-05', pairs, both)).toEqual({
      kind: 'uncovered',
      forId: 'a',
      reason: 'leave',
      bId: 'b',
    });
  });

  it('away on leave, while 暂离, or rostered and not clocked in after the grace time', () => {
    const base = {
      day: '2026-12-03',
      leaves: [{ userId: 'l', fromDay: '2026-12-01', toDay: '2026-12-03' }],
      clocks: new Map([
        [
          'w',
          [
            { kind: 'in', minute: 530 },
            { kind: 'away', minute: 600 },
          ],
        ],
        ['c', [{ kind: 'in', minute: 545 }]],
      ]),
      rosteredFrom: new Map([
        ['c', 540],
        ['n', 540],
      ]),
      graceMinutes: 15,
    };
    expect([...absencesAt({ ...base, minute: 550 })]).toEqual([['l', 'leave']]);
    expect(new Map(absencesAt({ ...base, minute: 610 }))).toEqual(
      new Map([
        ['l', 'leave'],
        ['w', 'away'],
        ['n', 'not_clocked_in'],
      ]),
    );
  });
});

const week = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  sessions: [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:00' },
  ],
}));

describe('attendance month', () => {
  const cal = new WorkingCalendar({});
  const feb = Array.from({ length: 28 }, (_, i) => addDays('2026-02-01', i));
  const working = new Set(feb.filter((d) => cal.isWorkingDay(d)));

  it('a made-up working Saturday (调休) keeps weekday hours', () => {
    expect(working.has('2026-02-14')).toBe(true);
    expect(sessionsOn(week, '2026-02-14')).toEqual([
      { from: 540, to: 720 },
      { from: 810, to: 1020 },
    ]);
  });

  it('matches a hand computation for February 2026 with its 调休 Saturdays', () => {
    const slots: RosterSlot[] = [...working].flatMap((day) => [
      { day, session: 'am' as const },
      { day, session: 'pm' as const },
    ]);
    // Hand computation: working days of Feb 2026 = 20 weekdays − 6 (16–20 and 23, Spring Festival) + the 14th and 28th = 16.
    expect(working.size).toBe(16);
    const clocks = new Map<string, { kind: string; minute: number }[]>();
    for (const d of working)
      clocks.set(d, [
        { kind: 'in', minute: 535 },
        { kind: 'out', minute: 1025 },
      ]);
    clocks.set('2026-02-14', [
      { kind: 'in', minute: 552 },
      { kind: 'out', minute: 1020 },
    ]); // 12 min late
    clocks.set('2026-02-03', [
      { kind: 'in', minute: 540 },
      { kind: 'out', minute: 1000 },
    ]); // 20 min early
    clocks.set('2026-02-04', [{ kind: 'in', minute: 545 }]); // 5 late, never out: early 1020−545 = 475
    clocks.delete('2026-02-28'); // absent on the 调休 Saturday
    clocks.delete('2026-02-10');
    const sheet = monthSheet({ workingDays: working, week, slots, clocks, leaveDays: new Set(['2026-02-10']) });
    expect(sheet).toMatchObject({
      rosteredDays: 16,
      presentDays: 11,
      lateCount: 2,
      earlyCount: 2,
      absentDays: 1,
      leaveDays: 1,
      lateMinutes: 17,
      earlyMinutes: 495,
    });
    expect(sheet.days.find((d) => d.day === '2026-02-28')?.status).toBe('absent');
    expect(sheet.days.find((d) => d.day === '2026-02-04')?.status).toBe('late_early');
  });

  it('random clock-ins against the roster: each day counted once, late iff after the first session', () => {
    const dayArb = fc.constantFrom(...feb);
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: dayArb, session: fc.constantFrom('am' as const, 'pm' as const) }), { maxLength: 30 }),
        fc.array(
          fc.record({ day: dayArb, kind: fc.constantFrom('in', 'out'), minute: fc.integer({ min: 420, max: 1200 }) }),
          {
            maxLength: 40,
          },
        ),
        (slots, recs) => {
          const clocks = new Map<string, { kind: string; minute: number }[]>();
          for (const r of recs) clocks.set(r.day, [...(clocks.get(r.day) ?? []), r]);
          const s = monthSheet({ workingDays: working, week, slots, clocks, leaveDays: new Set() });
          const rostered = new Set(slots.filter((x) => working.has(x.day)).map((x) => x.day));
          expect(s.rosteredDays).toBe(rostered.size);
          expect(
            s.presentDays +
              s.absentDays +
              s.leaveDays +
              s.days.filter((d) => d.status.includes('late') || d.status.includes('early')).length,
          ).toBe(s.rosteredDays);
          for (const d of s.days) {
            const ins = (clocks.get(d.day) ?? []).filter((r) => r.kind === 'in').map((r) => r.minute);
            if (!ins.length) expect(d.status).toBe('absent');
            else {
              const from = slots.some((x) => x.day === d.day && x.session === 'am') ? 540 : 810;
              expect(d.status.startsWith('late')).toBe(Math.min(...ins) > from);
            }
          }
        },
      ),
    );
  });

  it('leave approval by authority level', () => {
    expect(leaveApprover(3, ['clerk'])).toBe('supervisor');
    expect(leaveApprover(4, ['clerk'])).toBe('station_head');
    expect(leaveApprover(1, ['supervisor'])).toBe('station_head');
  });
});
