import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../roles.ts';
import { personActual, volumeWork } from './applicability.ts';
import { cardTotal, defaultIndicators, indicatorCodes } from './index.ts';

describe('which volume indicators a person is assessed on', () => {
  it('leaves out the front-desk counts for a back-office handler who did none of that work', () => {
    const handler = permissionsOf(['handler']);
    const clerk = permissionsOf(['clerk']);
    expect(personActual('tickets_served', handler, 0)).toBeNull();
    expect(personActual('cases_received', handler, 0)).toBeNull();
    // The clerk's post is to serve tickets: none served is a 0, not 不适用.
    expect(personActual('tickets_served', clerk, 0)).toBe(0);
    // Work done outside one's post counts (a handler who covered a window).
    expect(personActual('tickets_served', handler, 3)).toBe(3);
    // 办理环节数 is the back office's volume: 不适用 for a window clerk who worked no step, a 0 for the posts that work them.
    expect(personActual('steps_finished', clerk, 0)).toBeNull();
    for (const post of ['handler', 'reviewer', 'approver'])
      expect(personActual('steps_finished', permissionsOf([post]), 0), post).toBe(0);
    expect(personActual('steps_finished', clerk, 2)).toBe(2);
    // Other indicators are never affected.
    expect(personActual('on_time_rate', handler, 0)).toBe(0);
    expect(personActual('training_hours', handler, null)).toBeNull();
  });

  it('changes an actual only from 0 or no data to 不适用, and only for volume work the posts lack', () => {
    // Every volume indicator names the work it counts; a new one without it would be assessed on everyone.
    expect(Object.keys(volumeWork).sort()).toEqual(
      defaultIndicators
        .filter((i) => i.dimension === 'volume')
        .map((i) => i.code)
        .sort(),
    );
    const allPermissions = [...new Set(Object.values(volumeWork).flat())];
    fc.assert(
      fc.property(
        fc.constantFrom(...indicatorCodes),
        fc.subarray(allPermissions),
        fc.option(fc.nat({ max: 500 })),
        (code, held, actual) => {
          const got = personActual(code, new Set(held), actual);
          const work = volumeWork[code];
          if (!work || work.some((p) => held.includes(p)) || (actual ?? 0) > 0) expect(got).toBe(actual);
          else expect(got).toBeNull();
        },
      ),
    );
  });

  it('never lowers a card: an indicator left out instead of scored 0 cannot make the total smaller', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 100 }), weight: fc.integer({ min: 1, max: 30 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 30 }),
        (others, weight) => {
          const withZero = cardTotal([...others, { score: 0, weight }], null).total!;
          const leftOut = cardTotal([...others, { score: null, weight }], null).total!;
          expect(leftOut).toBeGreaterThanOrEqual(withZero - 1e-9);
        },
      ),
    );
  });
});
