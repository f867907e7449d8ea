// Laws every clock must obey, on random hall calendars around the 2026 → 2027 data edge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Light, Pause } from './clock.ts';
import { compareDays, fromSerial, toSerial } from './days.ts';
import { type HallOverride, WorkingCalendar } from './working-calendar.ts';

// More runs than the default 100: the interesting cases (holiday edges, pauses, 2027) are sparse.
fc.configureGlobal({ numRuns: 400 });

const day = (from: string, to: string) => fc.integer({ min: toSerial(from), max: toSerial(to) }).map(fromSerial);
const anyDay = day('2025-01-01', '2027-12-31');
const limit = fc.integer({ min: 0, max: 80 });

const overrides = fc.uniqueArray(
  fc.record({ date: anyDay, kind: fc.constantFrom('closed' as const, 'working' as const), note: fc.constant('') }),
  { selector: (o) => o.date, maxLength: 25 },
);
const calendarInput = fc.record({ overrides, with2027: fc.boolean() });
type CalendarInput = { overrides: HallOverride[]; with2027: boolean };
const build = ({ overrides: o, with2027 }: CalendarInput, extra: HallOverride[] = []) =>
  new WorkingCalendar({
    overrides: [...o.filter((x) => !extra.some((e) => e.date === x.date)), ...extra],
    adminYears: with2027 ? [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }] : [],
  });

/** Pauses that start on or after `start`, a third of them still open. */
const pausesAfter = (start: string) =>
  fc
    .array(
      fc.record({
        offset: fc.integer({ min: 0, max: 60 }),
        length: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 2 }),
      }),
      { maxLength: 3 },
    )
    .map((raw) =>
      raw.map(({ offset, length }): Pause => {
        const from = fromSerial(toSerial(start) + offset);
        return { from, to: length === null ? null : fromSerial(toSerial(from) + length) };
      }),
    );

const later = (a: string | null, b: string) => a === null || compareDays(a, b) >= 0;
const rank: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

describe('working-day clock properties', () => {
  it('is strictly increasing in N', () => {
    fc.assert(
      fc.property(calendarInput, anyDay, limit, limit, (input, s, a, b) => {
        fc.pre(a !== b);
        const cal = build(input);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(compareDays(cal.addWorkingDays(s, lo).deadline, cal.addWorkingDays(s, hi).deadline)).toBeLessThan(0);
      }),
    );
  });

  it('always ends on a working day when N ≥ 1, exactly N working days after the start', () => {
    fc.assert(
      fc.property(calendarInput, anyDay, fc.integer({ min: 1, max: 80 }), (input, s, n) => {
        const cal = build(input);
        const { deadline, provisional } = cal.addWorkingDays(s, n);
        expect(cal.isWorkingDay(deadline)).toBe(true);
        expect(cal.workingDaysBetween(s, deadline)).toEqual({ workingDays: n, provisional });
      }),
    );
  });

  // No precondition on the start day is needed: N = 0 returns the start unchanged (it does not roll to
  // the next working day), and for a ≥ 1 the intermediate deadline is a working day. A rule that rolled
  // N = 0 forward would need "start is a working day" here.
  it('composes: N = a then b from that deadline equals a + b, for any start (also the provisional flag)', () => {
    fc.assert(
      fc.property(calendarInput, anyDay, limit, limit, (input, s, a, b) => {
        const cal = build(input);
        const first = cal.addWorkingDays(s, a);
        const second = cal.addWorkingDays(first.deadline, b);
        expect({ deadline: second.deadline, provisional: first.provisional || second.provisional }).toEqual(
          cal.addWorkingDays(s, a + b),
        );
      }),
    );
  });

  it('treats an extension as extra days on the limit', () => {
    fc.assert(
      fc.property(calendarInput, anyDay, limit, limit, (input, s, n, e) => {
        const cal = build(input);
        expect(cal.addWorkingDays(s, n, e)).toEqual(cal.addWorkingDays(s, n + e));
      }),
    );
  });

  it('is provisional exactly when the deadline reaches an unpublished year', () => {
    fc.assert(
      fc.property(calendarInput, anyDay, limit, (input, s, n) => {
        const cal = build(input);
        const { deadline, provisional } = cal.addWorkingDays(s, n);
        const firstUnpublished = input.with2027 ? '2028-01-01' : '2027-01-01';
        // N = 0 answers with the start day itself, so a start in an unpublished year is provisional too.
        expect(provisional).toBe(compareDays(deadline, firstUnpublished) >= 0);
      }),
    );
  });

  it('never shortens a deadline because of pauses', () => {
    fc.assert(
      fc.property(
        calendarInput,
        anyDay.chain((s) => fc.tuple(fc.constant(s), pausesAfter(s))),
        limit,
        limit,
        (input, [s, pauses], n, e) => {
          const cal = build(input);
          const plain = cal.addWorkingDays(s, n, e).deadline;
          const paused = cal.deadlineWithPauses(s, n, pauses, e).deadline;
          expect(later(paused, plain)).toBe(true);
          // A pause starting on or after the unpaused deadline changes nothing.
          if (pauses.every((p) => compareDays(p.from, plain) >= 0)) expect(paused).toBe(plain);
        },
      ),
    );
  });

  it('never shortens a deadline because of a hall closure, never lengthens one for an extra working day', () => {
    fc.assert(
      fc.property(calendarInput, anyDay, anyDay, limit, (input, s, d, n) => {
        const before = build(input).addWorkingDays(s, n).deadline;
        const closed = build(input, [{ date: d, kind: 'closed', note: '' }]).addWorkingDays(s, n).deadline;
        const opened = build(input, [{ date: d, kind: 'working', note: '' }]).addWorkingDays(s, n).deadline;
        expect(compareDays(closed, before)).toBeGreaterThanOrEqual(0);
        expect(compareDays(opened, before)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('lights only move green → yellow → red as days pass, and red means after the deadline day', () => {
    fc.assert(
      fc.property(
        calendarInput,
        anyDay,
        anyDay,
        anyDay,
        fc.integer({ min: 0, max: 5 }),
        (input, deadline, t1, t2, warn) => {
          const cal = build(input);
          const [early, late] = compareDays(t1, t2) <= 0 ? [t1, t2] : [t2, t1];
          const a = cal.lightFor(early, deadline, warn);
          const b = cal.lightFor(late, deadline, warn);
          expect(rank[a]).toBeLessThanOrEqual(rank[b]);
          expect(a === 'red').toBe(compareDays(early, deadline) > 0);
          if (early === deadline) expect(a).toBe('yellow');
        },
      ),
    );
  });
});
