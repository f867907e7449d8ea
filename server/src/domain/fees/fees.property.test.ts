import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueOf, feeItemsOf, withFeeTotal } from './index.ts';

const feeItem = fc.record({
  name: fc.string({ minLength: 1, maxLength: 6 }),
  amountFen: fc.integer({ min: 1, max: 100_000_000 }),
});

describe('收费项目: the fee an item states is what its case owes, in whole fen', () => {
  it('with fee items the stated fee is their exact total; without, the single fee stands (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.option(fc.array(feeItem, { maxLength: 20 }), { nil: undefined }),
        (feeFen, feeItems) => {
          const item = withFeeTotal({ feeFen, feeItems });
          const owed = dueOf(feeItemsOf(item));
          expect(item.feeFen).toBe(owed);
          expect(Number.isInteger(item.feeFen)).toBe(true);
          if (!feeItems?.length) expect(item.feeFen).toBe(feeFen);
          else expect(item.feeFen).toBe(feeItems.reduce((s, f) => s + f.amountFen, 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
