import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acknowledgementRefusal,
  conductMeasures,
  isMeasureOf,
  missingTraining,
  sessionPassed,
  taskLight,
  trainingSubjects,
} from './index.ts';

const dayArb = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('training rules', () => {
  it('misses the pre-post training exactly when no pass covers it', () => {
    fc.assert(
      fc.property(fc.subarray([...trainingSubjects]), (passed) => {
        expect(missingTraining(passed)).toEqual(passed.includes('pre_post') ? [] : ['pre_post']);
      }),
    );
    expect(missingTraining(['confidentiality'], ['pre_post', 'confidentiality', 'system_use'])).toEqual([
      'pre_post',
      'system_use',
    ]);
  });

  it('passes a session by attending and reaching the mark', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 100 })),
        fc.integer({ min: 0, max: 100 }),
        (a, s, m) => {
          const passed = sessionPassed(a, s, m);
          if (!a) expect(passed).toBe(false);
          else if (s === null) expect(passed).toBe(m === 0);
          else expect(passed).toBe(s >= m);
        },
      ),
    );
  });
});

describe('conduct rules', () => {
  it('keeps sanctions and rewards apart', () => {
    for (const m of conductMeasures.sanction) expect(isMeasureOf('reward', m)).toBe(false);
    for (const m of conductMeasures.reward) expect(isMeasureOf('sanction', m)).toBe(false);
    expect(isMeasureOf('sanction', 'warning')).toBe(true);
  });

  it('lets only the person acknowledge, once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('a', 'b'),
        fc.constantFrom('a', 'b'),
        fc.constantFrom('pending_ack', 'acknowledged'),
        (owner, actor, status) => {
          const refusal = acknowledgementRefusal({ userId: owner, status }, actor);
          expect(refusal === null).toBe(owner === actor && status === 'pending_ack');
        },
      ),
    );
  });
});

describe('follow-up lights', () => {
  it('is overdue exactly after the due day while open', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.constantFrom('open', 'done'), (due, today, status) => {
        const light = taskLight(status, due, today);
        if (status === 'done') expect(light).toBe('done');
        else if (today > due) expect(light).toBe('overdue');
        else if (today === due) expect(light).toBe('due_today');
        else expect(light).toBe('open');
      }),
    );
  });
});
