import { describe, expect, it } from 'vitest';
import {
  closingInstant,
  closingOf,
  describeHours,
  hoursProblem,
  pastClosing,
  type WeeklyHours,
  weekdayOf,
} from './hours.ts';

const usual = [
  { from: '09:00', to: '12:00' },
  { from: '13:30', to: '17:00' },
];
const week: WeeklyHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, sessions: usual }));

describe('opening hours', () => {
  it('names the field of the first problem', () => {
    expect(hoursProblem(week)).toBeNull();
    expect(hoursProblem([{ weekday: 1, sessions: [{ from: '09:00', to: '08:00' }] }])).toMatchObject({
      field: 'weeklyHours.0.sessions.0.to',
    });
    expect(hoursProblem([{ weekday: 2, sessions: [{ from: '9:00', to: '12:00' }] }])).toMatchObject({
      field: 'weeklyHours.0.sessions.0.from',
    });
    expect(
      hoursProblem([
        {
          weekday: 3,
          sessions: [
            { from: '09:00', to: '12:00' },
            { from: '11:30', to: '17:00' },
          ],
        },
      ]),
    ).toMatchObject({ field: 'weeklyHours.0.sessions.1.from', zh: expect.stringContaining('周三') });
    expect(hoursProblem([...week, { weekday: 1, sessions: [] }])).toMatchObject({ field: 'weeklyHours.5.weekday' });
    expect(hoursProblem([{ weekday: 8, sessions: [] }])).toMatchObject({ field: 'weeklyHours.0.weekday' });
    expect(hoursProblem([{ weekday: 6, sessions: [{ from: '18:00', to: '24:00' }] }])).toBeNull();
  });

  it('reads in Chinese, joining days with the same sessions', () => {
    expect(describeHours(week)).toBe('周一至周五 09:00-12:00、13:30-17:00');
    expect(
      describeHours([
        ...week,
        { weekday: 6, sessions: [{ from: '09:00', to: '12:00' }] },
        { weekday: 7, sessions: [] },
      ]),
    ).toBe('周一至周五 09:00-12:00、13:30-17:00；周六 09:00-12:00');
    expect(
      describeHours([
        { weekday: 3, sessions: usual },
        { weekday: 1, sessions: usual },
      ]),
    ).toBe('周一 09:00-12:00、13:30-17:00；周三 09:00-12:00、13:30-17:00');
  });

  it('closes a day at the end of its last session, Beijing time', () => {
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(closingInstant(week, '2026-03-02')).toBe(Date.parse('2026-03-02T09:00:00Z'));
    expect(closingInstant(week, '2026-03-07')).toBeNull();
    const late: WeeklyHours = [{ weekday: 1, sessions: [{ from: '09:00', to: '18:30' }] }];
    expect(closingOf([week, late], '2026-03-02')).toBe(Date.parse('2026-03-02T10:30:00Z'));
    expect(closingOf([], '2026-03-02')).toBeNull();
  });

  it('expires a waiting ticket after its day closed, and always once the day is over', () => {
    const closing = Date.parse('2026-03-02T09:00:00Z');
    expect(pastClosing(closing, '2026-03-02', '2026-03-02', closing - 1)).toBe(false);
    expect(pastClosing(closing, '2026-03-02', '2026-03-02', closing)).toBe(true);
    expect(pastClosing(null, '2026-03-02', '2026-03-02', closing + 3_600_000)).toBe(false);
    expect(pastClosing(null, '2026-03-01', '2026-03-02', closing)).toBe(true);
  });
});
