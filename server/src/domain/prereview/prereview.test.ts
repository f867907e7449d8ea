import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/index.ts';
import { fromSerial, toSerial } from '../calendar/days.ts';
import {
  marksFromUploads,
  mayMove,
  missingRequired,
  nextState,
  onTheClock,
  prereviewActions,
  prereviewDue,
  prereviewStates,
} from './index.ts';

const anyDay = fc.integer({ min: toSerial('2025-01-01'), max: toSerial('2026-12-20') }).map(fromSerial);
const closedDays = fc.uniqueArray(anyDay, { maxLength: 20 });
const calendarWith = (closed: string[]) =>
  new WorkingCalendar({ overrides: closed.map((date) => ({ date, kind: 'closed' as const, note: '' })) });

describe('the pre-review clock', () => {
  it('falls on a working day after the submission, exactly the limit in working days later', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 30 }), closedDays, (submitted, limit, closed) => {
        const cal = calendarWith(closed);
        const { deadline } = prereviewDue(cal, submitted, limit);
        expect(deadline > submitted).toBe(true);
        expect(cal.isWorkingDay(deadline)).toBe(true);
        expect(cal.workingDaysBetween(submitted, deadline).workingDays).toBe(limit);
      }),
    );
  });

  it('never ends earlier for a longer limit, and a later resubmission never ends earlier', () => {
    fc.assert(
      fc.property(anyDay, anyDay, fc.integer({ min: 1, max: 29 }), closedDays, (a, b, limit, closed) => {
        const cal = calendarWith(closed);
        const [first, later] = a <= b ? [a, b] : [b, a];
        expect(prereviewDue(cal, first, limit + 1).deadline > prereviewDue(cal, first, limit).deadline).toBe(true);
        expect(prereviewDue(cal, later, limit).deadline >= prereviewDue(cal, first, limit).deadline).toBe(true);
      }),
    );
  });

  it('counts the Spring Festival as closed: submitted Friday 2026-02-13, two days land after the holiday', () => {
    const cal = new WorkingCalendar({ overrides: [] });
    expect(prereviewDue(cal, '2026-02-13', 2).deadline).toBe(cal.addWorkingDays('2026-02-13', 2).deadline);
    expect(cal.isWorkingDay(prereviewDue(cal, '2026-02-13', 2).deadline)).toBe(true);
    expect(prereviewDue(cal, '2026-02-13', 2).deadline > '2026-02-23').toBe(true);
  });
});

describe('the moves', () => {
  it('allow exactly: submit from draft or returned, pass/return from submitted, accept from passed', () => {
    const allowed = prereviewStates.flatMap((s) =>
      prereviewActions.filter((a) => mayMove(s, a)).map((a) => `${s}:${a}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'draft:upload',
        'draft:removeUpload',
        'draft:submit',
        'returned:upload',
        'returned:removeUpload',
        'returned:submit',
        'submitted:pass',
        'submitted:return',
        'passed:accept',
      ].sort(),
    );
    expect(nextState('returned', 'submit')).toBe('submitted');
    expect(nextState('draft', 'upload')).toBe('draft');
    expect(() => nextState('accepted', 'pass')).toThrow();
    expect(prereviewStates.filter(onTheClock)).toEqual(['submitted']);
  });

  it('find the required materials without a file, and make the window checklist from the uploads', () => {
    const materials = [
      { key: 'form', name: '申请书', requirement: 'required' as const, copies: 1 },
      { key: 'licence', name: '执照', requirement: 'required' as const, copies: 2 },
      { key: 'poa', name: '委托书', requirement: 'conditional' as const, copies: 1 },
    ];
    expect(missingRequired(materials, new Set(['form', 'poa'])).map((m) => m.key)).toEqual(['licence']);
    expect(missingRequired(materials, new Set(['form', 'licence']))).toEqual([]);
    expect(
      marksFromUploads(materials, [{ materialKey: 'licence' }, { materialKey: 'form' }, { materialKey: 'licence' }]),
    ).toEqual([
      { key: 'form', status: 'received', copies: 1, pages: 1, reason: '' },
      { key: 'licence', status: 'received', copies: 2, pages: 2, reason: '' },
      { key: 'poa', status: 'not_applicable', copies: 0, pages: 0, reason: '' },
    ]);
  });
});
