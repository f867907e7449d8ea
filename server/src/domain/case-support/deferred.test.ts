import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approvalCheck,
  type DeferredMaterial,
  deferredStatus,
  outstandingMaterials,
  overdueMaterials,
} from './deferred.ts';

const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10));
const materials = fc
  .uniqueArray(fc.constantFrom('licence', 'photo', 'lease', 'map', 'plan'), { minLength: 1, maxLength: 5 })
  .chain((keys) =>
    fc.tuple(...keys.map((key) => day.map((dueDay): DeferredMaterial => ({ key, name: `材料${key}`, dueDay })))),
  );
const scenario = materials.chain((ms) =>
  fc.record({ ms: fc.constant(ms), arrived: fc.subarray(ms.map((m) => m.key)), today: day, itemAllows: fc.boolean() }),
);

describe('the deferred-materials rule', () => {
  it('allows approval exactly when every deferred material has arrived or the item allows it', () => {
    fc.assert(
      fc.property(scenario, ({ ms, arrived, today, itemAllows }) => {
        const set = new Set(arrived);
        const check = approvalCheck(ms, set, itemAllows);
        expect(check.ok).toBe(itemAllows || ms.every((m) => set.has(m.key)));
        if (!check.ok)
          expect(check.outstanding.map((m) => m.key).sort()).toEqual(
            ms
              .filter((m) => !set.has(m.key))
              .map((m) => m.key)
              .sort(),
          );
        // The date never changes whether approval may go ahead: only arrivals and the item do.
        expect(approvalCheck(ms, set, itemAllows).ok).toBe(check.ok);
        void today;
      }),
    );
  });

  it('is overdue exactly when not arrived and the promised day is past; an arrival, late or not, ends it', () => {
    fc.assert(
      fc.property(scenario, ({ ms, arrived, today }) => {
        const set = new Set(arrived);
        const overdue = overdueMaterials(ms, set, today);
        for (const m of ms) {
          const s = deferredStatus(m, set, today);
          expect(s).toBe(set.has(m.key) ? 'arrived' : today > m.dueDay ? 'overdue' : 'pending');
          expect(overdue.includes(m)).toBe(s === 'overdue');
        }
        expect(outstandingMaterials(ms, set).every((m) => !set.has(m.key))).toBe(true);
      }),
    );
  });

  it('names the outstanding ones in an example', () => {
    const ms = [
      { key: 'a', name: '营业执照复印件', dueDay: '2026-03-04' },
      { key: 'b', name: '经营场所照片', dueDay: '2026-03-04' },
    ];
    expect(approvalCheck(ms, new Set(['a']), false)).toEqual({ ok: false, outstanding: [ms[1]] });
    expect(approvalCheck(ms, new Set(), true)).toEqual({ ok: true });
    expect(deferredStatus(ms[0]!, new Set(), '2026-03-04')).toBe('pending');
    expect(deferredStatus(ms[0]!, new Set(), '2026-03-05')).toBe('overdue');
  });
});
