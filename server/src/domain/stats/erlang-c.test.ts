/**
 * Erlang C against published figures and against the textbook sum formula.
 *
 * Sources of the worked examples. The parameters are the published ones; every figure below was recomputed by hand
 * (a short script of the printed formula) to four places, and agrees with what the first article prints as far as it
 * was checked (68.21 %, 122.8 s, 14 agents); the Westbay figures are the recomputation, not read off the page.
 * - Call Centre Helper, "Erlang C formula – made simple with an easy worked example" (the classic example): 100 calls
 *   in 30 minutes (200 an hour), average handling time 180 s, so A = 10 Erlangs; target 80 % answered within 20 s.
 *   With 11 agents the probability of waiting is 68.21 % and the average speed of answer 122.8 s; 13 agents reach
 *   79.56 %, short of 80 %; 14 agents reach 88.84 % (probability of waiting 17.41 %), so 14 is the answer.
 * - Westbay Engineers, "The Erlang-C formula" (erlang.com): 360 calls per half hour, 4 minutes each (A = 48 Erlangs),
 *   55 agents, target 15 s: probability of waiting 0.2387, average speed of answer 0.1364 min (8.18 s), service
 *   level 84.59 %.
 * - M/M/1 (any queueing text, e.g. Kleinrock, Queueing Systems Vol. 1, §3.2): with one server the probability of
 *   waiting is the utilisation ρ and the mean wait is ρ/(1−ρ)·h.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageWaitSeconds,
  erlangB,
  figuresAt,
  probabilityOfWaiting,
  serviceLevel,
  trafficErlangs,
  windowsNeeded,
} from './erlang-c.ts';

/** The textbook formula in log space (independent of the recursion): C = (A^N/N!·N/(N−A)) / (Σ_{k<N} A^k/k! + that). */
function erlangCBySum(a: number, n: number): number {
  const logTerm = (k: number) => k * Math.log(a) - lgammaInt(k + 1);
  const top = Math.exp(logTerm(n)) * (n / (n - a));
  let sum = 0;
  for (let k = 0; k < n; k++) sum += Math.exp(logTerm(k));
  return top / (sum + top);
}
function lgammaInt(m: number) {
  let s = 0;
  for (let i = 2; i < m; i++) s += Math.log(i);
  return s;
}

describe('Erlang C against published tables', () => {
  it('the Call Centre Helper example: 200 an hour, 3 minutes, 80 % in 20 s needs 14', () => {
    const a = trafficErlangs(200, 3);
    expect(a).toBe(10);
    expect(probabilityOfWaiting(a, 11)).toBeCloseTo(0.6821, 4);
    expect(averageWaitSeconds(a, 11, 180)).toBeCloseTo(122.8, 1);
    expect(serviceLevel(a, 13, 20, 180)).toBeCloseTo(0.7956, 4);
    expect(serviceLevel(a, 14, 20, 180)).toBeCloseTo(0.8884, 4);
    expect(probabilityOfWaiting(a, 14)).toBeCloseTo(0.1741, 4);
    const answer = windowsNeeded({
      arrivalsPerHour: 200,
      serviceMinutes: 3,
      targetWaitSeconds: 20,
      targetServiceLevel: 0.8,
    });
    expect(answer.windows).toBe(14);
    expect(answer.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(answer.averageWaitSeconds).toBeCloseTo(7.84, 2);
  });

  it('the Westbay example: 720 an hour, 4 minutes, 55 agents, 15 s', () => {
    const f = figuresAt({ arrivalsPerHour: 720, serviceMinutes: 4, targetWaitSeconds: 15 }, 55);
    expect(f.probabilityOfWaiting).toBeCloseTo(0.2387, 4);
    expect(f.averageWaitSeconds).toBeCloseTo(8.18, 2);
    expect(f.serviceLevel).toBeCloseTo(0.8459, 4);
  });

  it('one window is M/M/1: waiting probability ρ, mean wait ρ/(1−ρ)·h', () => {
    // 4 an hour, 6 minutes each: ρ = 0.4, mean wait 0.4/0.6 · 360 s = 240 s.
    expect(probabilityOfWaiting(0.4, 1)).toBeCloseTo(0.4, 12);
    expect(averageWaitSeconds(0.4, 1, 360)).toBeCloseTo(240, 9);
    expect(serviceLevel(0.4, 1, 0, 360)).toBeCloseTo(0.6, 12);
  });

  it('Erlang B of the classic table: A = 1, N = 1 → 0.5; A = 2, N = 2 → 0.4', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 12);
  });

  it('stays finite at loads where factorials overflow (A = 900, N = 1000)', () => {
    const c = probabilityOfWaiting(900, 1000);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('no arrivals need no window; too few windows never reach the target', () => {
    expect(
      windowsNeeded({ arrivalsPerHour: 0, serviceMinutes: 10, targetWaitSeconds: 600, targetServiceLevel: 0.8 }),
    ).toEqual({ windows: 0, serviceLevel: 1, probabilityOfWaiting: 0, averageWaitSeconds: 0 });
    expect(serviceLevel(5, 5, 600, 600)).toBe(0);
    expect(probabilityOfWaiting(5, 4)).toBe(1);
  });
});

const question = fc.record({
  arrivalsPerHour: fc.double({ min: 0.1, max: 400, noNaN: true }),
  serviceMinutes: fc.double({ min: 0.5, max: 60, noNaN: true }),
  targetWaitSeconds: fc.integer({ min: 0, max: 1800 }),
  targetServiceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
});

describe('Erlang C properties', () => {
  it('agrees with the textbook sum formula', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 60, noNaN: true }), fc.integer({ min: 1, max: 30 }), (a, extra) => {
        const n = Math.floor(a) + extra;
        expect(probabilityOfWaiting(a, n)).toBeCloseTo(erlangCBySum(a, n), 9);
      }),
    );
  });

  it('service level rises and the wait falls with every window added', () => {
    fc.assert(
      fc.property(question, fc.integer({ min: 1, max: 20 }), (q, steps) => {
        const a = trafficErlangs(q.arrivalsPerHour, q.serviceMinutes);
        let n = Math.floor(a) + 1;
        let prev = figuresAt(q, n);
        for (let i = 0; i < steps; i++) {
          n += 1;
          const next = figuresAt(q, n);
          expect(next.serviceLevel).toBeGreaterThanOrEqual(prev.serviceLevel - 1e-12);
          expect(next.averageWaitSeconds).toBeLessThanOrEqual(prev.averageWaitSeconds + 1e-9);
          expect(next.probabilityOfWaiting).toBeLessThanOrEqual(prev.probabilityOfWaiting + 1e-12);
          prev = next;
        }
      }),
    );
  });

  it('the answer is the smallest number of windows reaching the target', () => {
    fc.assert(
      fc.property(question, (q) => {
        const answer = windowsNeeded(q);
        expect(answer.serviceLevel).toBeGreaterThanOrEqual(q.targetServiceLevel);
        expect(answer.windows).toBeGreaterThan(trafficErlangs(q.arrivalsPerHour, q.serviceMinutes));
        if (answer.windows > 1)
          expect(figuresAt(q, answer.windows - 1).serviceLevel).toBeLessThan(q.targetServiceLevel);
      }),
    );
  });

  it('a harder target or more arrivals never needs fewer windows', () => {
    fc.assert(
      fc.property(
        question,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (q, dl, da) => {
          const base = windowsNeeded(q).windows;
          expect(
            windowsNeeded({ ...q, targetServiceLevel: Math.min(0.99, q.targetServiceLevel + dl) }).windows,
          ).toBeGreaterThanOrEqual(base);
          expect(windowsNeeded({ ...q, arrivalsPerHour: q.arrivalsPerHour + da }).windows).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});
