/**
 * 统计分析's queue and satisfaction arithmetic driven by random ticket histories: each ticket goes through a random
 * run of actions (arrive, maybe called after a wait, maybe served for a while, maybe finished), and the figures are
 * checked against a computation here from the actions themselves: the counts per day add up to the total, the mean
 * waiting and service minutes are the plain means of the generated waits and services (null exactly when none), and
 * the good-rating rate counts everything but the two bad levels. The period rule: reversed or over 366 days refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days.ts';
import {
  addSums,
  daysOf,
  goodRate,
  goodRateOfCounts,
  MAX_PERIOD_DAYS,
  monthSlices,
  noTickets,
  sumsByDay,
  sumsOf,
  type TicketTimes,
  ticketFigure,
  ticketsByDay,
} from './overview.ts';

const START = '2026-06-01';
const base = (day: string) => Date.parse(`${day}T09:00:00+08:00`);

const history = fc.record({
  day: fc.integer({ min: 0, max: 9 }),
  arriveMinute: fc.integer({ min: 0, max: 480 }),
  wait: fc.option(fc.integer({ min: 0, max: 180 }), { nil: null }),
  serve: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  finished: fc.boolean(),
});
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

const toTicket = (h: History): TicketTimes => {
  const day = addDays(START, h.day);
  const arrivedAt = base(day) + h.arriveMinute * 60_000;
  const calledAt = h.wait === null ? null : arrivedAt + h.wait * 60_000;
  const servingStartedAt = calledAt !== null && h.serve !== null ? calledAt + 30_000 : null;
  const finishedAt = servingStartedAt !== null && h.finished ? servingStartedAt + h.serve! * 60_000 : null;
  return { day, arrivedAt, calledAt, servingStartedAt, finishedAt };
};
/** Rounded to two places: within half a hundredth of the exact mean. */
const near = (got: number | null, exact: number) => expect(Math.abs(got! - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
const plainMean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

describe('统计分析 arithmetic', () => {
  it('per-day and overall ticket figures follow from the actions', () => {
    fc.assert(
      fc.property(fc.array(history, { maxLength: 120 }), (hs) => {
        const tickets = hs.map(toTicket);
        const days = Array.from({ length: 10 }, (_, i) => addDays(START, i));
        const all = ticketFigure(tickets);
        const waits = hs.filter((h) => h.wait !== null).map((h) => h.wait!);
        const services = hs.filter((h) => h.wait !== null && h.serve !== null && h.finished).map((h) => h.serve!);
        expect(all.tickets).toBe(hs.length);
        const w = plainMean(waits);
        const s = plainMean(services);
        if (w === null) expect(all.meanWaitMinutes).toBeNull();
        else near(all.meanWaitMinutes, w);
        if (s === null) expect(all.meanServiceMinutes).toBeNull();
        else near(all.meanServiceMinutes, s);

        const perDay = ticketsByDay(sumsByDay(tickets), days);
        expect(perDay.map((d) => d.day)).toEqual(days);
        expect(perDay.reduce((n, d) => n + d.tickets, 0)).toBe(hs.length);
        // The days' sums (what the database returns per day) add up to the period's.
        expect([...sumsByDay(tickets).values()].reduce(addSums, noTickets)).toEqual(sumsOf(tickets));
        for (const d of perDay) {
          const mine = hs.filter((h) => addDays(START, h.day) === d.day);
          expect(d.tickets).toBe(mine.length);
          const dw = plainMean(mine.filter((h) => h.wait !== null).map((h) => h.wait!));
          if (dw === null) expect(d.meanWaitMinutes).toBeNull();
          else {
            near(d.meanWaitMinutes, dw);
            expect(d.meanWaitMinutes!).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the good-rating rate counts all but the two bad levels', () => {
    const level = fc.constantFrom(
      'very_satisfied',
      'satisfied',
      'basically_satisfied',
      'dissatisfied',
      'very_dissatisfied',
    );
    fc.assert(
      fc.property(fc.array(level, { maxLength: 60 }), (levels) => {
        const r = goodRate(levels);
        const bad = levels.filter((l) => l === 'dissatisfied' || l === 'very_dissatisfied').length;
        if (levels.length) expect(r).toBe((levels.length - bad) / levels.length);
        else expect(r).toBeNull();
        // Counted per level (as the database groups them), the rate is the same number.
        const perLevel = new Map<string, number>();
        for (const l of levels) perLevel.set(l, (perLevel.get(l) ?? 0) + 1);
        expect(goodRateOfCounts([...perLevel].map(([l, count]) => ({ level: l, count })))).toBe(r);
      }),
    );
  });

  it('a period is 1 to 366 days, never reversed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), fc.integer({ min: -5, max: 400 }), (offset, length) => {
        const from = addDays('2025-01-01', offset);
        const to = addDays(from, length);
        const days = daysOf(from, to);
        if (length < 0 || length + 1 > MAX_PERIOD_DAYS) expect(days).toBeNull();
        else {
          expect(days).toHaveLength(length + 1);
          expect(days![0]).toBe(from);
          expect(days![days!.length - 1]).toBe(to);
        }
      }),
    );
  });

  it('cuts a period at month ends into contiguous slices that cover it, each inside one month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 400 }), (offset, length) => {
        const from = addDays('2024-01-01', offset);
        const to = addDays(from, length);
        const slices = monthSlices(from, to);
        expect(slices[0]!.from).toBe(from);
        expect(slices[slices.length - 1]!.to).toBe(to);
        for (const [i, s] of slices.entries()) {
          expect(s.from <= s.to).toBe(true);
          expect(s.from.slice(0, 7)).toBe(s.to.slice(0, 7));
          if (i > 0) expect(s.from).toBe(addDays(slices[i - 1]!.to, 1));
          if (i < slices.length - 1) expect(addDays(s.to, 1).slice(8)).toBe('01');
        }
        expect(slices.length).toBe(monthsBetween(from, to));
      }),
    );
  });
});

const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
