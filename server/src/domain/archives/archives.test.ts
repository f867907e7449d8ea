import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approvalLevelFor,
  approverLevel,
  archiveNumber,
  classify,
  confidentialityLevels,
  defaultScheme,
  keptUntil,
  loanOverdue,
  type SchemeCategory,
} from './index.ts';

const cat = (over: Partial<SchemeCategory>): SchemeCategory => ({
  code: 'X',
  name: 'x',
  outcome: 'any',
  itemId: null,
  paperYears: 5,
  electronicYears: null,
  confidentiality: 'internal',
  ...over,
});

describe('archive scheme', () => {
  it('an item-specific category wins over the hall-wide one, then falls back to the built-in scheme', () => {
    const scheme = [
      cat({ code: 'HALL', outcome: 'completed' }),
      cat({ code: 'ITEM', outcome: 'completed', itemId: 'i1', confidentiality: 'confidential' }),
    ];
    expect(classify(scheme, { outcome: 'completed', itemId: 'i1' }).code).toBe('ITEM');
    expect(classify(scheme, { outcome: 'completed', itemId: 'i2' }).code).toBe('HALL');
    expect(classify(scheme, { outcome: 'not_accepted', itemId: 'i1' }).code).toBe('BS');
    expect(classify([], { outcome: 'ended', itemId: 'i1' }).code).toBe('CZ');
  });

  it('every built-in category keeps paper at least 5 years and electronic copies permanently', () => {
    for (const c of defaultScheme) {
      expect(c.paperYears).toBeGreaterThanOrEqual(5);
      expect(c.electronicYears).toBeNull();
    }
  });

  it('档号 sort in the order of their sequence within one hall, category and year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        const na = archiveNumber('QC', 'BJ', 2026, a);
        const nb = archiveNumber('QC', 'BJ', 2026, b);
        expect(Math.sign(na.localeCompare(nb))).toBe(Math.sign(a - b));
        expect(na === nb).toBe(a === b);
      }),
    );
  });

  it('keeps a copy exactly the given years, a leap day ending on 28 February', () => {
    expect(keptUntil('2024-02-29', 5)).toBe('2029-02-28');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 5, max: 100 }),
        (d, years) => {
          const day = d.toISOString().slice(0, 10);
          const until = keptUntil(day, years);
          expect(Number(until.slice(0, 4)) - Number(day.slice(0, 4))).toBe(years);
          expect(until.slice(5, 7)).toBe(day.slice(5, 7));
          expect(until > day).toBe(true);
        },
      ),
    );
  });
});

describe('borrowing', () => {
  it('a confidential or secret file needs the station head; the supervisor approves the rest', () => {
    for (const c of confidentialityLevels) {
      const need = approvalLevelFor(c);
      expect(approverLevel(['supervisor']) >= need).toBe(c === 'public' || c === 'internal');
      expect(approverLevel(['station_head']) >= need).toBe(true);
      expect(approverLevel(['clerk']) >= need).toBe(false);
    }
  });

  it('a loan is overdue only while lent and past its due day', () => {
    expect(loanOverdue({ status: 'lent', dueDay: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(loanOverdue({ status: 'lent', dueDay: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(loanOverdue({ status: 'returned', dueDay: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
