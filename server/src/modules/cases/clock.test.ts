import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../domain/calendar/index.ts';
import { caseDeadline } from './clock.ts';

const calendar = new WorkingCalendar();

describe('caseDeadline', () => {
  it('counts the promised working days from the day after acceptance', () => {
    expect(caseDeadline(calendar, { acceptedDay: '2026-03-02', promisedDays: 5 })).toEqual({
      deadline: '2026-03-09',
      provisional: false,
    });
    // Accepted on a Friday: the weekend does not count.
    expect(caseDeadline(calendar, { acceptedDay: '2026-03-06', promisedDays: 1 }).deadline).toBe('2026-03-09');
    // An instant item is due the day it is accepted.
    expect(caseDeadline(calendar, { acceptedDay: '2026-03-07', promisedDays: 0 }).deadline).toBe('2026-03-07');
  });

  it('skips the national holidays and counts the make-up working days of the hall calendar', () => {
    const hall = new WorkingCalendar({
      overrides: [
        { date: '2026-03-04', kind: 'closed', note: '停电检修' },
        { date: '2026-03-07', kind: 'working', note: '补班' },
      ],
    });
    expect(caseDeadline(hall, { acceptedDay: '2026-03-02', promisedDays: 5 }).deadline).toBe('2026-03-09');
    expect(caseDeadline(hall, { acceptedDay: '2026-03-02', promisedDays: 4 }).deadline).toBe('2026-03-07');
  });

  it('marks a deadline in a year without a published schedule as provisional', () => {
    const d = caseDeadline(calendar, { acceptedDay: '2026-12-28', promisedDays: 10 });
    expect(d.provisional).toBe(true);
    expect(d.deadline! > '2027-01-01').toBe(true);
  });

  it('takes extensions and suspensions, so the time-limit work extends it here', () => {
    expect(caseDeadline(calendar, { acceptedDay: '2026-03-02', promisedDays: 5, extraDays: 2 }).deadline).toBe(
      '2026-03-11',
    );
    expect(
      caseDeadline(calendar, { acceptedDay: '2026-03-02', promisedDays: 5, pauses: [{ from: '2026-03-04', to: null }] })
        .deadline,
    ).toBeNull();
    expect(
      caseDeadline(calendar, {
        acceptedDay: '2026-03-02',
        promisedDays: 5,
        pauses: [{ from: '2026-03-04', to: '2026-03-05' }],
      }).deadline,
    ).toBe('2026-03-10');
  });
});
