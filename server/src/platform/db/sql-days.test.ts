/** The database names an instant's China day exactly as the code does, on the day's edges too, on both databases. */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers.ts';
import { chinaDay } from '../clock.ts';
import type { DatabaseHandle } from './database.ts';
import { chinaDayOfMs } from './sql-days.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshDatabase();
});
afterAll(() => h.close());

const dayInDb = async (ms: number) =>
  (await sql<{ d: string }>`select ${chinaDayOfMs(h.dialect, sql.lit(ms))} as d`.execute(h.db)).rows[0]!.d;

describe('chinaDayOfMs', () => {
  it('turns at midnight in China (16:00 UTC), not at midnight UTC', async () => {
    const midnight = Date.parse('2026-12-03T16:00:00Z');
    expect(await dayInDb(midnight - 1)).toBe('2026-12-03');
    expect(await dayInDb(midnight)).toBe('2026-12-04');
    expect(await dayInDb(Date.parse('2026-12-31T23:59:59.999Z'))).toBe('2027-01-01');
  });

  it('agrees with chinaDay for any instant of this century', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2099-12-31') }), async (ms) => {
        expect(await dayInDb(ms)).toBe(chinaDay(ms));
      }),
      { numRuns: 300 },
    );
  });
});
