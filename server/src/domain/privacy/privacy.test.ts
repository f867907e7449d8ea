import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseStates } from '../case/index.ts';
import { isOpenCase, purgeable, retentionCutoff, sealable } from './index.ts';

const YEAR = 365.25 * 24 * 3600 * 1000;

describe('the retention purge rule', () => {
  it('purges exactly the applicants idle since the cutoff with no open case, never twice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 60 * YEAR }),
        fc.nat(5),
        fc.boolean(),
        (years, idleFor, openCases, purged) => {
          const now = 2_000_000_000_000;
          const cutoff = retentionCutoff(now, years);
          const due = purgeable({ lastActivityAt: now - idleFor, openCases, purged }, cutoff);
          expect(due).toBe(!purged && openCases === 0 && idleFor > years * YEAR);
        },
      ),
    );
  });

  it('refuses a retention shorter than a year', () => {
    expect(() => retentionCutoff(0, 0)).toThrow();
    expect(() => retentionCutoff(0, Number.NaN)).toThrow();
  });

  it('counts a case open until it is delivered, archived, refused or withdrawn; sealing waits for none open', () => {
    const closed = caseStates.filter((s) => !isOpenCase(s));
    expect(closed.sort()).toEqual(['archived', 'delivered', 'not_accepted', 'terminated', 'withdrawn']);
    expect(sealable(0)).toBe(true);
    expect(sealable(1)).toBe(false);
  });
});
