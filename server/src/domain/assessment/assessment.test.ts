import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualTotal,
  cardTotal,
  checkIndicatorSet,
  defaultIndicators,
  gradeOf,
  indicatorScore,
  normalisedWeights,
  parsePeriod,
  SPOT_SHARE,
  targetFor,
} from './index.ts';

describe('indicator scores', () => {
  it('higher is better: full marks at the target, proportional below', () => {
    expect(indicatorScore(40, 40, 'higher')).toBe(100);
    expect(indicatorScore(50, 40, 'higher')).toBe(100);
    expect(indicatorScore(30, 40, 'higher')).toBe(75);
    expect(indicatorScore(0, 40, 'higher')).toBe(0);
    expect(indicatorScore(0, 0, 'higher')).toBe(100);
  });
  it('lower is better: full marks at the target, 0 at twice the target (or at 5 over a target of 0)', () => {
    expect(indicatorScore(5, 5, 'lower')).toBe(100);
    expect(indicatorScore(7.5, 5, 'lower')).toBe(50);
    expect(indicatorScore(10, 5, 'lower')).toBe(0);
    expect(indicatorScore(0, 0, 'lower')).toBe(100);
    expect(indicatorScore(1, 0, 'lower')).toBe(80);
    expect(indicatorScore(9, 0, 'lower')).toBe(0);
  });
  it('no data is no score', () => {
    expect(indicatorScore(null, 5, 'lower')).toBeNull();
  });
});

describe('card totals', () => {
  it('leaves out the indicators with no data and re-normalises the others', () => {
    const items = [
      { score: 100, weight: 30 },
      { score: null, weight: 40 },
      { score: 50, weight: 30 },
    ];
    expect(normalisedWeights(items)).toEqual([50, null, 50]);
    expect(cardTotal(items, null)).toEqual({ indicatorTotal: 75, total: 75 });
  });
  it('blends the spot check in at its share', () => {
    const t = cardTotal([{ score: 80, weight: 100 }], 100);
    expect(t.indicatorTotal).toBe(80);
    expect(t.total).toBeCloseTo(80 * (1 - SPOT_SHARE) + 100 * SPOT_SHARE);
    expect(cardTotal([{ score: null, weight: 100 }], 70).total).toBe(70);
    expect(cardTotal([{ score: null, weight: 100 }], null).total).toBeNull();
  });
  it('grades by the thresholds', () => {
    expect([95, 90, 89.9, 80, 79.9, 60, 59.9, null].map(gradeOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'fail',
      null,
    ]);
  });
  it('the annual score is the mean of the months with a total', () => {
    expect(annualTotal([80, null, 90])).toBe(85);
    expect(annualTotal([null])).toBeNull();
  });
});

describe('indicator sets and periods', () => {
  it('the default weights total 100; a wrong total names the field', () => {
    expect(defaultIndicators.reduce((n, i) => n + i.weight, 0)).toBe(100);
    expect(checkIndicatorSet(defaultIndicators)).toBeNull();
    expect(checkIndicatorSet([{ code: 'tickets_served', weight: 90 }])?.field).toBe('indicators');
    expect(checkIndicatorSet([{ code: 'nope', weight: 100 }])?.field).toBe('indicators.0.code');
  });
  it('reads months, quarters and years', () => {
    expect(parsePeriod('2026-02')).toMatchObject({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(parsePeriod('2024-02')?.to).toBe('2024-02-29');
    expect(parsePeriod('2026-Q4')).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      months: ['2026-10', '2026-11', '2026-12'],
    });
    expect(parsePeriod('2026')?.months).toHaveLength(12);
    for (const bad of ['2026-13', '2026-Q5', '26-01', '2026-1', '']) expect(parsePeriod(bad)).toBeNull();
    const received = defaultIndicators.find((i) => i.code === 'cases_received')!;
    expect(targetFor(received, parsePeriod('2026-Q1')!)).toBe(120);
    expect(targetFor(defaultIndicators.find((i) => i.code === 'on_time_rate')!, parsePeriod('2026-Q1')!)).toBe(100);
  });
});

const actual = fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null });
const target = fc.double({ min: 0, max: 500, noNaN: true });
const direction = fc.constantFrom('higher' as const, 'lower' as const);
const item = fc.record({ actual, target, direction, weight: fc.integer({ min: 0, max: 100 }) });

describe('scoring invariants (fast-check)', () => {
  it('every score and total lies in [0, 100]', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 14 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        (items, spot) => {
          const scored = items.map((i) => ({
            score: indicatorScore(i.actual, i.target, i.direction),
            weight: i.weight,
          }));
          for (const s of scored) if (s.score !== null) expect(s.score >= 0 && s.score <= 100).toBe(true);
          const { indicatorTotal, total } = cardTotal(scored, spot);
          for (const t of [indicatorTotal, total]) if (t !== null) expect(t >= -1e-9 && t <= 100 + 1e-9).toBe(true);
        },
      ),
    );
  });
  it('is monotone in each indicator in its better direction', () => {
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (items, pick, step) => {
          const k = pick % items.length;
          const base = items[k]!;
          if (base.actual === null) return;
          const better = {
            ...base,
            actual: base.direction === 'higher' ? base.actual + step : Math.max(0, base.actual - step),
          };
          const score = (list: typeof items) =>
            cardTotal(
              list.map((i) => ({ score: indicatorScore(i.actual, i.target, i.direction), weight: i.weight })),
              null,
            ).total ?? 0;
          const after = items.map((i, n) => (n === k ? better : i));
          expect(indicatorScore(better.actual, better.target, better.direction)!).toBeGreaterThanOrEqual(
            indicatorScore(base.actual, base.target, base.direction)!,
          );
          expect(score(after)).toBeGreaterThanOrEqual(score(items) - 1e-9);
        },
      ),
    );
  });
  it('the counted weights re-normalise to 100', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 14 }), (items) => {
        const scored = items.map((i) => ({ score: indicatorScore(i.actual, i.target, i.direction), weight: i.weight }));
        const w = normalisedWeights(scored).filter((x): x is number => x !== null);
        if (w.length) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
      }),
    );
  });
});
