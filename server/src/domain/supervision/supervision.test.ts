import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FinishedCase, isStuck, onTimeByGroup, onTimeRate, recipientsOf, tally } from './index.ts';

const c = (id: string, completedDay: string, deadline: string | null): FinishedCase => ({ id, completedDay, deadline });

describe('on-time rate', () => {
  it('counts a case completed on its deadline day as on time, a day later as late', () => {
    const f = onTimeRate([
      c('a', '2026-03-09', '2026-03-09'),
      c('b', '2026-03-10', '2026-03-09'),
      c('c', '2026-03-05', '2026-03-09'),
    ]);
    expect(f).toEqual({ onTime: 2, finished: 3, rate: 2 / 3 });
  });

  it('has no rate without finished cases, and counts a case without a deadline as late', () => {
    expect(onTimeRate([])).toEqual({ onTime: 0, finished: 0, rate: null });
    expect(onTimeRate([c('a', '2026-03-09', null)])).toEqual({ onTime: 0, finished: 1, rate: 0 });
  });

  it('groups, counting a case in each of its groups', () => {
    const cases = [
      { ...c('a', '2026-03-09', '2026-03-09'), d: ['x', 'y'] },
      { ...c('b', '2026-03-11', '2026-03-09'), d: ['x'] },
    ];
    expect(onTimeByGroup(cases, (k) => k.d)).toEqual([
      { key: 'x', onTime: 1, finished: 2, rate: 0.5 },
      { key: 'y', onTime: 1, finished: 1, rate: 1 },
    ]);
  });

  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
  const finished = fc.record({ id: fc.uuid(), completedDay: day, deadline: fc.option(day, { nil: null }) });

  it('keeps the rate in [0,1]; an on-time case never lowers it, a late one never raises it', () => {
    fc.assert(
      fc.property(fc.array(finished, { maxLength: 40 }), day, (cases, d) => {
        const before = onTimeRate(cases);
        if (before.rate !== null) expect(before.rate >= 0 && before.rate <= 1).toBe(true);
        const withOnTime = onTimeRate([...cases, c('on', d, d)]);
        const withLate = onTimeRate([...cases, c('late', '2026-03-29', d)]);
        expect(withOnTime.rate).not.toBeNull();
        expect(withOnTime.rate! >= 0 && withOnTime.rate! <= 1).toBe(true);
        expect(withOnTime.rate!).toBeGreaterThanOrEqual(before.rate ?? 0);
        expect(withLate.rate!).toBeLessThanOrEqual(before.rate ?? 1);
      }),
    );
  });
});

describe('who is alerted', () => {
  const base = { responsibleId: null, departmentStaffIds: ['d1', 'd2'], supervisorIds: ['s1', 'd1'] } as const;

  it('tells the assignee of a yellow step, not its department or the supervisors', () => {
    expect(recipientsOf({ ...base, kind: 'step', level: 'yellow', responsibleId: 'u1' })).toEqual([
      { userId: 'u1', audience: 'responsible' },
    ]);
  });

  it('tells the department of an unassigned step, and on red the supervisors too, each once', () => {
    expect(recipientsOf({ ...base, kind: 'step', level: 'red' })).toEqual([
      { userId: 'd1', audience: 'responsible' },
      { userId: 'd2', audience: 'responsible' },
      { userId: 's1', audience: 'supervisor' },
    ]);
  });

  it('tells the case owner; a red case without owner still reaches the supervisors', () => {
    expect(recipientsOf({ ...base, kind: 'case', level: 'yellow', responsibleId: 'o' })).toEqual([
      { userId: 'o', audience: 'responsible' },
    ]);
    expect(recipientsOf({ ...base, kind: 'case', level: 'red' }).map((r) => r.userId)).toEqual(['s1', 'd1']);
  });
});

describe('stuck hand-overs and tallies', () => {
  it('is stuck only unclaimed and beyond the allowed working days', () => {
    expect(isStuck(false, 2, 1)).toBe(true);
    expect(isStuck(false, 1, 1)).toBe(false);
    expect(isStuck(true, 5, 1)).toBe(false);
  });

  it('counts yellow and red per key, worst first', () => {
    const items = [
      { level: 'red' as const, k: ['a'] },
      { level: 'yellow' as const, k: ['b', 'a'] },
      { level: 'yellow' as const, k: ['b'] },
    ];
    expect(tally(items, (i) => i.k)).toEqual([
      { key: 'a', yellow: 1, red: 1 },
      { key: 'b', yellow: 2, red: 0 },
    ]);
  });
});
