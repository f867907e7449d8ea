import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../platform/clock.ts';
import { VIEW_LINK_MS, viewLinkUntil } from './index.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00+08:00');

describe('电子借阅查阅链接: two hours at most, never past the due day (Beijing time)', () => {
  it('each link opened on a loan ends within two hours of its opening and within its due day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        // The borrower opens the link again and again, minutes to days apart.
        fc.array(fc.integer({ min: 1, max: 3 * DAY }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: DAY - 1 }),
        (dueIn, gaps, offset) => {
          const dueDay = chinaDay(START + dueIn * DAY);
          let now = START + offset;
          for (const gap of gaps) {
            now += gap;
            if (chinaDay(now) > dueDay) break; // the server refuses to open a link after the due day
            const until = viewLinkUntil(now, dueDay);
            expect(until).toBeGreaterThan(now);
            expect(until - now).toBeLessThanOrEqual(VIEW_LINK_MS);
            // The last instant the link still works is on or before the due day in Beijing.
            expect(chinaDay(until - 1) <= dueDay).toBe(true);
            // A full two hours unless the due day ends sooner.
            if (chinaDay(now + VIEW_LINK_MS - 1) <= dueDay) expect(until).toBe(now + VIEW_LINK_MS);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
