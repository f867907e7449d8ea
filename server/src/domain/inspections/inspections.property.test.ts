import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawSample,
  nextRectificationStatus,
  type RectificationAction,
  type RectificationStatus,
  rectificationLight,
} from './index.ts';

const population = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 60 })
  .map((ids) => ids.map((id) => ({ id })));

describe('the sample draw (随机抽查)', () => {
  it('draws the same sample from the same seed whatever order the records come in, with no repeats', () => {
    fc.assert(
      fc.property(
        population,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (pop, size, seed) => {
          const a = drawSample(pop, size, seed);
          const b = drawSample([...pop].reverse(), size, seed);
          expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
          expect(a.length).toBe(Math.min(size, pop.length));
          expect(new Set(a.map((x) => x.id)).size).toBe(a.length);
          const ids = new Set(pop.map((x) => x.id));
          for (const x of a) expect(ids.has(x.id)).toBe(true);
        },
      ),
    );
  });

  it('reaches every record: over many seeds each one is drawn', () => {
    const pop = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}` }));
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) for (const x of drawSample(pop, 2, seed)) seen.add(x.id);
    expect(seen.size).toBe(12);
  });
});

describe('the rectification state machine (整改通知)', () => {
  const action = fc.constantFrom<RectificationAction>('report', 'close', 'return');

  it('never closes without a report verified, and nothing moves a closed notice', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let status: RectificationStatus = 'issued';
        let reportedSinceVerification = false;
        for (const a of actions) {
          const next = nextRectificationStatus(status, a);
          if (next === null) continue;
          if (a === 'report') {
            expect(['issued', 'returned']).toContain(status);
            reportedSinceVerification = true;
          } else {
            // A verification (close or return) only ever answers a report.
            expect(status).toBe('reported');
            expect(reportedSinceVerification).toBe(true);
            reportedSinceVerification = false;
          }
          if (next === 'closed') expect(a).toBe('close');
          status = next;
        }
        if (status === 'closed')
          for (const a of ['report', 'close', 'return'] as const) expect(nextRectificationStatus(status, a)).toBeNull();
      }),
    );
  });

  it('is overdue exactly when its due day has passed and it is not closed', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom('issued', 'reported', 'returned', 'closed'), day, day, (status, due, today) => {
        const light = rectificationLight(status, due, today);
        expect(light === 'overdue').toBe(status !== 'closed' && today > due);
        if (status === 'closed') expect(light).toBe('closed');
      }),
    );
  });
});
