/**
 * The staffing forecast, driven by random ticket arrivals over past weeks: each hour's forecast is the count of that
 * weekday-hour's arrivals divided by the weeks (counted here independently), the windows needed are Erlang C's
 * answer for it, a day the calendar closes needs nothing, and an hour is short exactly when fewer windows are
 * rostered than needed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days.ts';
import { windowsNeeded } from './erlang-c.ts';
import { type ForecastDay, forecastWeek, type TicketFact, weekdayHourOf } from './forecast.ts';

/** Monday 2026-03-02 00:00 in China time. */
const MONDAY = Date.parse('2026-03-01T16:00:00Z');
const NEXT = '2026-03-30';

const arrival = fc.record({
  week: fc.integer({ min: 0, max: 3 }),
  weekday: fc.integer({ min: 0, max: 6 }),
  minute: fc.integer({ min: 8 * 60, max: 18 * 60 - 1 }),
  category: fc.constantFrom('A', 'B'),
});

const days = (closed: number, rostered: number): ForecastDay[] =>
  Array.from({ length: 7 }, (_, i) => ({
    day: addDays(NEXT, i),
    working: i !== closed && i < 5,
    open: [
      { from: 9 * 60, to: 12 * 60 },
      { from: 13 * 60 + 30, to: 17 * 60 },
    ],
    rostered: Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? rostered : 0)),
  }));

describe('staffing forecast', () => {
  it('forecasts each weekday-hour from the weeks’ arrivals and flags short hours', () => {
    fc.assert(
      fc.property(
        fc.array(arrival, { maxLength: 200 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (arrivals, weeks, closed, rostered) => {
          const tickets: TicketFact[] = arrivals.map((a) => ({
            categoryId: a.category,
            arrivedAt: MONDAY + ((a.week * 7 + a.weekday) * 24 * 60 + a.minute) * 60_000,
            serviceMs: 6 * 60_000,
          }));
          const target = { targetWaitSeconds: 600, targetServiceLevel: 0.8, weeks };
          const cells = forecastWeek(tickets, days(closed, rostered), target);
          for (const c of cells) {
            const working = c.weekday - 1 !== closed && c.weekday <= 5;
            const count = working
              ? tickets.filter((t) => {
                  const wh = weekdayHourOf(t.arrivedAt);
                  return wh.weekday === c.weekday && wh.hour === c.hour;
                }).length
              : 0;
            expect(c.arrivalsPerHour).toBeCloseTo(count / weeks, 2);
            expect(c.byCategory.reduce((s, x) => s + x.arrivalsPerHour, 0)).toBeCloseTo(count / weeks, 1);
            const expected = windowsNeeded({ arrivalsPerHour: count / weeks, serviceMinutes: 6, ...target }).windows;
            expect(c.needed).toBe(expected);
            if (!working) expect(c.needed).toBe(0);
            expect(c.short).toBe(c.needed > c.rostered);
          }
          // Every open hour of a working day is listed.
          for (const h of [9, 10, 11, 13, 14, 15, 16])
            if (closed !== 0) expect(cells.some((c) => c.weekday === 1 && c.hour === h)).toBe(true);
        },
      ),
    );
  });

  it('adding arrivals to an hour never lowers the windows it needs', () => {
    fc.assert(
      fc.property(fc.array(arrival, { maxLength: 100 }), arrival, (arrivals, extra) => {
        const toTicket = (a: typeof extra): TicketFact => ({
          categoryId: a.category,
          arrivedAt: MONDAY + ((a.week * 7 + a.weekday) * 24 * 60 + a.minute) * 60_000,
          serviceMs: 8 * 60_000,
        });
        const target = { targetWaitSeconds: 600, targetServiceLevel: 0.8, weeks: 4 };
        const before = forecastWeek(arrivals.map(toTicket), days(-1, 1), target);
        const after = forecastWeek([...arrivals, extra].map(toTicket), days(-1, 1), target);
        for (const c of after) {
          const b = before.find((x) => x.day === c.day && x.hour === c.hour);
          if (b) expect(c.needed).toBeGreaterThanOrEqual(b.needed);
        }
      }),
    );
  });
});

describe('holidays in the weeks looked at', () => {
  it('divide a weekday’s arrivals by the days of it the hall was open, not by the weeks', () => {
    const tickets: TicketFact[] = Array.from({ length: 12 }, (_, i) => ({
      categoryId: 'A',
      arrivedAt: MONDAY + (10 * 60 + i * 5) * 60_000,
      serviceMs: 6 * 60_000,
    }));
    const target = { targetWaitSeconds: 600, targetServiceLevel: 0.8, weeks: 4 };
    const at10 = (open: Record<number, number>) =>
      forecastWeek(tickets, days(-1, 0), target, open).find((c) => c.weekday === 1 && c.hour === 10)!;
    expect(at10({}).arrivalsPerHour).toBe(3);
    expect(at10({ 1: 2, 2: 4 }).arrivalsPerHour).toBe(6);
    expect(at10({ 2: 4 }).arrivalsPerHour).toBe(3);
  });
});
