import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crowdingStep } from './crowding.ts';

const t = { maxWaiting: 30, maxWaitMinutes: 40 };
const reading = fc.record({
  waiting: fc.integer({ min: 0, max: 60 }),
  longestWaitMinutes: fc.integer({ min: 0, max: 80 }),
});

describe('客流拥挤报警: once per crossing', () => {
  it('fires on the crossing only, and again only after falling back below (property)', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 60 }), (rs) => {
        let over = false;
        let fires = 0;
        let firedSinceCalm = false;
        for (const r of rs) {
          const crowded = r.waiting > t.maxWaiting || r.longestWaitMinutes > t.maxWaitMinutes;
          const s = crowdingStep(over, r, t);
          if (s.fire) {
            // Never twice without a calm sweep in between.
            expect(firedSinceCalm).toBe(false);
            firedSinceCalm = true;
            fires += 1;
          }
          if (!crowded) firedSinceCalm = false;
          // Fires exactly when this sweep is crowded and the last was not.
          expect(s.fire).toBe(crowded && !over);
          over = s.over;
        }
        // As many alarms as calm → crowded edges in the sequence, counting from calm.
        const edges = rs.filter((r, i) => {
          const c = (x: typeof r) => x.waiting > t.maxWaiting || x.longestWaitMinutes > t.maxWaitMinutes;
          return c(r) && (i === 0 || !c(rs[i - 1]!));
        }).length;
        expect(fires).toBe(edges);
      }),
    );
  });

  it('treats reaching a threshold as calm and passing it as crowded', () => {
    expect(crowdingStep(false, { waiting: 30, longestWaitMinutes: 40 }, t)).toEqual({ over: false, fire: false });
    expect(crowdingStep(false, { waiting: 31, longestWaitMinutes: 0 }, t)).toEqual({ over: true, fire: true });
    expect(crowdingStep(false, { waiting: 0, longestWaitMinutes: 41 }, t)).toEqual({ over: true, fire: true });
    expect(crowdingStep(true, { waiting: 50, longestWaitMinutes: 50 }, t)).toEqual({ over: true, fire: false });
  });
});
