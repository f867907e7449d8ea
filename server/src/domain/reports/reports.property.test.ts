/**
 * 工作报告's period and risk rules over random input: periods of a kind tile the calendar (the previous period ends
 * the day before this one starts), the period just ended lies wholly before today and the next one holds today, and
 * a risk is raised exactly when its rule says (a drop above the threshold, a wait above the target, a rise to the
 * minimum) — so a person is never named in a report by an off-by-one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days.ts';
import {
  longWaits,
  onTimeDrops,
  parsePeriod,
  periodJustEnded,
  periodOf,
  previousPeriod,
  type ReportKind,
  reportKinds,
  risingComplaints,
  sameLastYear,
  shiftPeriod,
  taskOverdue,
} from './index.ts';

const day = fc
  .integer({ min: 0, max: 365 * 30 })
  .map((n) => new Date(Date.UTC(2001, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const kind = fc.constantFrom<ReportKind>(...reportKinds);

describe('periods (property)', () => {
  it('tile the calendar: the previous period ends the day before this one starts', () => {
    fc.assert(
      fc.property(kind, day, (k, d) => {
        const p = parsePeriod(k, periodOf(k, d))!;
        const before = parsePeriod(k, previousPeriod(k, p.key))!;
        expect(p.from <= d && d <= p.to).toBe(true);
        expect(addDays(before.to, 1)).toBe(p.from);
        expect(shiftPeriod(k, previousPeriod(k, p.key), -1)).toBe(p.key);
      }),
    );
  });
  it('the period just ended is wholly before today and the next one holds today', () => {
    fc.assert(
      fc.property(kind, day, (k, today) => {
        const ended = parsePeriod(k, periodJustEnded(k, today))!;
        expect(ended.to < today).toBe(true);
        const next = parsePeriod(k, shiftPeriod(k, ended.key, -1))!;
        expect(next.from <= today && today <= next.to).toBe(true);
      }),
    );
  });
  it('同比 is the same months a year earlier', () => {
    fc.assert(
      fc.property(kind, day, (k, d) => {
        const p = parsePeriod(k, periodOf(k, d))!;
        const y = parsePeriod(k, sameLastYear(k, p.key))!;
        expect(y.from).toBe(`${Number(p.from.slice(0, 4)) - 1}${p.from.slice(4)}`);
      }),
    );
  });
});

describe('risks (property)', () => {
  const rate = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
  it('an on-time drop is raised exactly when the fall exceeds the threshold and both periods are big enough', () => {
    fc.assert(
      fc.property(rate, rate, fc.nat(10), fc.nat(10), (now, before, fNow, fBefore) => {
        const risks = onTimeDrops(
          [{ key: 'i', name: 'i', finished: fNow, onTimeRate: now }],
          [{ key: 'i', name: 'i', finished: fBefore, onTimeRate: before }],
        );
        const expected = fNow >= 3 && fBefore >= 3 && Math.round((before - now) * 1000) > 100;
        expect(risks.length).toBe(expected ? 1 : 0);
      }),
    );
  });
  it('a long wait is raised exactly when the mean is above the target', () => {
    fc.assert(
      fc.property(fc.option(fc.double({ min: 0, max: 120, noNaN: true })), fc.integer({ min: 1, max: 60 }), (m, t) => {
        const risks = longWaits([{ key: 'w', name: 'w', tickets: 1, meanWaitMinutes: m }], t);
        expect(risks.length).toBe(m !== null && m > t ? 1 : 0);
      }),
    );
  });
  it('a rising category is raised exactly when it grew and reached two', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.option(fc.nat(20)), (now, before) => {
        const risks = risingComplaints(
          [{ category: 'c', name: 'c', count: now }],
          before === null ? [] : [{ category: 'c', name: 'c', count: before }],
        );
        expect(risks.length).toBe(now >= 2 && now > (before ?? 0) ? 1 : 0);
      }),
    );
  });
  it('a task is overdue exactly when open and today is after its due day', () => {
    fc.assert(
      fc.property(fc.constantFrom('open', 'done'), day, day, (status, due, today) => {
        expect(taskOverdue({ status, dueDay: due }, today)).toBe(status === 'open' && today > due);
      }),
    );
  });
});
