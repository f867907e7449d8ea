import { describe, expect, it } from 'vitest';
import { InvalidDayError } from './days.ts';
import { emptySchedule } from './official-schedule.ts';
import { type AdminYearSchedule, MAX_LIMIT_DAYS, WorkingCalendar } from './working-calendar.ts';

const national = new WorkingCalendar();
const year2027: AdminYearSchedule = { year: 2027, holidays: ['2027-01-01'], workdays: [] };

describe('hall overrides win over the national schedule', () => {
  const hall = new WorkingCalendar({
    overrides: [
      { date: '2025-01-26', kind: 'closed', note: '大厅线路改造' }, // a national make-up Sunday
      { date: '2025-10-08', kind: 'working', note: '国庆值班受理' }, // a national holiday
      { date: '2025-03-05', kind: 'closed', note: '地方节日' }, // an ordinary Wednesday
      { date: '2025-03-08', kind: 'working', note: '周六延时服务' }, // an ordinary Saturday
      { date: '2025-03-05', kind: 'closed', note: '重复录入' }, // same day, same kind: harmless
    ],
  });

  it('closes a national make-up day and opens a national holiday', () => {
    expect(national.isWorkingDay('2025-01-26')).toBe(true);
    expect(hall.describeDay('2025-01-26')).toEqual({
      date: '2025-01-26',
      working: false,
      source: 'hall',
      note: '大厅线路改造',
      published: true,
    });
    expect(national.isWorkingDay('2025-10-08')).toBe(false);
    expect(hall.isWorkingDay('2025-10-08')).toBe(true);
  });

  it('moves deadlines: a closure later, an extra working day earlier', () => {
    // 2025-03-03 is a Monday; nationally 5 working days end Monday 03-10.
    expect(national.addWorkingDays('2025-03-03', 5).deadline).toBe('2025-03-10');
    const closedOnly = new WorkingCalendar({ overrides: [{ date: '2025-03-05', kind: 'closed', note: '' }] });
    expect(closedOnly.addWorkingDays('2025-03-03', 5).deadline).toBe('2025-03-11');
    expect(hall.addWorkingDays('2025-03-03', 5).deadline).toBe('2025-03-10'); // closed Wed, open Sat: 4,6,7,8,10
    expect(hall.addWorkingDays('2025-01-24', 3).deadline).toBe('2025-02-06'); // 1/27, 2/5, 2/6
  });

  it('does not make an unpublished year firm', () => {
    const c = new WorkingCalendar({ overrides: [{ date: '2027-01-01', kind: 'closed', note: '元旦' }] });
    expect(c.addWorkingDays('2026-12-31', 1)).toEqual({ deadline: '2027-01-04', provisional: true });
  });

  it('rejects rows it cannot trust, saying which', () => {
    expect(() => new WorkingCalendar({ overrides: [{ date: '2026-2-3', kind: 'closed', note: '' }] })).toThrow(
      /hall override 1 date: invalid date "2026-2-3"/,
    );
    const disagree = [
      { date: '2026-03-02', kind: 'closed', note: '' },
      { date: '2026-03-02', kind: 'working', note: '' },
    ] as const;
    expect(() => new WorkingCalendar({ overrides: disagree })).toThrow(
      "hall overrides disagree about 2026-03-02: both 'closed' and 'working'",
    );
    const badKind = [{ date: '2026-03-02', kind: 'open', note: '' }] as never;
    expect(() => new WorkingCalendar({ overrides: badKind })).toThrow(/kind must be 'closed' or 'working'/);
  });
});

describe('years loaded by an administrator', () => {
  it('make a missing year published and its deadlines firm', () => {
    expect(national.isPublishedYear(2027)).toBe(false);
    expect(national.missingYears(2025, 2028)).toEqual([2027, 2028]);
    const c = new WorkingCalendar({ adminYears: [year2027] });
    expect(c.isPublishedYear(2027)).toBe(true);
    expect(c.missingYears(2025, 2028)).toEqual([2028]);
    expect(c.describeDay('2027-01-01')).toMatchObject({ working: false, source: 'admin-year', published: true });
    expect(c.describeDay('2027-01-04')).toMatchObject({ working: true, source: 'weekday-rule', published: true });
    expect(c.addWorkingDays('2026-12-31', 1)).toEqual({ deadline: '2027-01-04', provisional: false });
    expect(national.describeDay('2027-01-04')).toMatchObject({
      working: true,
      source: 'weekday-rule',
      published: false,
    });
  });

  it('replace the built-in data for that whole year (how an amended notice is corrected)', () => {
    const amended = new WorkingCalendar({
      adminYears: [{ year: 2026, holidays: ['2026-02-16', '2026-02-24'], workdays: ['2026-02-28'] }],
    });
    expect(amended.isWorkingDay('2026-02-24')).toBe(false);
    expect(amended.isWorkingDay('2026-02-14')).toBe(false); // not re-entered, so an ordinary Saturday
    expect(amended.isWorkingDay('2026-02-28')).toBe(true);
    expect(amended.isWorkingDay('2026-10-01')).toBe(true); // the whole year is the administrator's
  });

  it('lose to the hall overrides', () => {
    const c = new WorkingCalendar({
      adminYears: [year2027],
      overrides: [{ date: '2027-01-01', kind: 'working', note: '' }],
    });
    expect(c.isWorkingDay('2027-01-01')).toBe(true);
  });

  it('are checked before use', () => {
    const make = (y: AdminYearSchedule) => () => new WorkingCalendar({ adminYears: [y] });
    expect(make({ year: 2027, holidays: ['2028-01-01'], workdays: [] })).toThrow(
      'administrator schedule 2027 lists holiday 2028-01-01 of another year',
    );
    expect(make({ year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-06'] })).toThrow(
      /both as a holiday and as a working day/,
    );
    expect(make({ year: 2027, holidays: ['2027-02-30'], workdays: [] })).toThrow(/2027-02 has 28 days/);
    expect(make({ year: 2027.5, holidays: [], workdays: [] })).toThrow(/not a supported year/);
    expect(() => new WorkingCalendar({ adminYears: [year2027, year2027] })).toThrow(
      'administrator schedule for 2027 is given twice',
    );
  });
});

describe('schedule banner', () => {
  it('warns from November about a missing next year', () => {
    expect(national.scheduleWarning('2026-10-31')).toBeNull();
    expect(national.scheduleWarning('2026-11-01')).toBe(2027);
    expect(national.scheduleWarning('2026-12-31')).toBe(2027);
    expect(national.scheduleWarning('2025-11-15')).toBeNull(); // 2026 is built in
    expect(new WorkingCalendar({ adminYears: [year2027] }).scheduleWarning('2026-11-01')).toBeNull();
  });

  it('warns in any month when the current year itself is missing', () => {
    expect(national.scheduleWarning('2027-03-01')).toBe(2027);
  });

  it('works without any built-in data', () => {
    const bare = new WorkingCalendar({ official: emptySchedule });
    // Monday–Friday, except the days the law fixes by date (国庆节 1–3 October).
    expect(bare.isWorkingDay('2025-10-08')).toBe(true);
    expect(bare.describeDay('2025-10-01')).toMatchObject({
      working: false,
      source: 'statutory-rule',
      published: false,
    });
    expect(bare.addWorkingDays('2025-09-30', 1)).toEqual({ deadline: '2025-10-06', provisional: true });
    expect(bare.addWorkingDays('2025-10-01', 0)).toEqual({ deadline: '2025-10-01', provisional: true });
  });
});

describe('suspensions and extensions (rules 3 and 4)', () => {
  // March 2025 has no national holidays; 03-03 is a Monday. Without pauses: 5 working days → 03-10.
  const pausedDeadline = (pauses: { from: string; to: string | null }[], n = 5, extra = 0) =>
    national.deadlineWithPauses('2025-03-03', n, pauses, extra).deadline;

  it.each([
    ['no pause', [], '2025-03-10'],
    [
      'Wed to Fri: the suspension day counts, Thu and Fri (resumption day) do not',
      [{ from: '2025-03-05', to: '2025-03-07' }],
      '2025-03-12',
    ],
    ['suspended and resumed the same day: no effect', [{ from: '2025-03-05', to: '2025-03-05' }], '2025-03-10'],
    ['from the start day', [{ from: '2025-03-03', to: '2025-03-04' }], '2025-03-11'],
    ['only over a weekend: no effect', [{ from: '2025-03-07', to: '2025-03-09' }], '2025-03-10'],
    ['resumed on Saturday = resumed on Friday', [{ from: '2025-03-05', to: '2025-03-08' }], '2025-03-12'],
    [
      'two pauses',
      [
        { from: '2025-03-04', to: '2025-03-05' },
        { from: '2025-03-10', to: '2025-03-11' },
      ],
      '2025-03-12',
    ],
    [
      'overlapping pauses take their union',
      [
        { from: '2025-03-04', to: '2025-03-06' },
        { from: '2025-03-05', to: '2025-03-07' },
      ],
      '2025-03-13',
    ],
    ['open pause before the limit runs out: clock stopped', [{ from: '2025-03-07', to: null }], null],
    ['open pause on the deadline day: deadline stands', [{ from: '2025-03-10', to: null }], '2025-03-10'],
    ['open pause after the deadline: an overdue case stays overdue', [{ from: '2025-03-20', to: null }], '2025-03-10'],
  ])('%s', (_, pauses, deadline) => {
    expect(pausedDeadline(pauses)).toBe(deadline);
  });

  it('adds an extension on top, with the same pause rules', () => {
    expect(pausedDeadline([{ from: '2025-03-05', to: '2025-03-07' }], 5, 3)).toBe('2025-03-17');
    expect(national.addWorkingDays('2025-01-24', 3, 3)).toEqual(national.addWorkingDays('2025-01-24', 6));
  });

  it('N = 0 is the start day whatever the pauses', () => {
    expect(national.deadlineWithPauses('2025-03-08', 0, [{ from: '2025-03-08', to: null }])).toEqual({
      deadline: '2025-03-08',
      provisional: false,
    });
  });

  it('is provisional when a pause pushes the deadline into an unpublished year', () => {
    expect(national.deadlineWithPauses('2026-12-21', 3, [{ from: '2026-12-21', to: '2026-12-31' }])).toEqual({
      deadline: '2027-01-06',
      provisional: true,
    });
  });

  it('rejects impossible pauses and limits', () => {
    expect(() => pausedDeadline([{ from: '2025-03-01', to: '2025-03-04' }])).toThrow(
      'pause 1 starts 2025-03-01, before the clock started on 2025-03-03',
    );
    expect(() => pausedDeadline([{ from: '2025-03-05', to: '2025-03-04' }])).toThrow(
      'pause 1 resumes 2025-03-04, before it started on 2025-03-05',
    );
    expect(() => pausedDeadline([{ from: '2025-03-05', to: '2025-3-7' }])).toThrow(InvalidDayError);
    expect(() => pausedDeadline([], -1)).toThrow('limit must be a whole number of working days ≥ 0, got -1');
    expect(() => pausedDeadline([], 1.5)).toThrow(/limit must be a whole number/);
    expect(() => pausedDeadline([], 5, Number.NaN)).toThrow(/extension must be a whole number/);
    expect(() => pausedDeadline([], MAX_LIMIT_DAYS, 1)).toThrow(/more than 3650/);
    expect(() => national.addWorkingDays('2026-02-30', 1)).toThrow(
      /start: invalid date "2026-02-30": day 30 does not exist/,
    );
  });
});

describe('working days between two days', () => {
  it('counts after the first up to and including the second, negative backwards', () => {
    expect(national.workingDaysBetween('2025-03-03', '2025-03-10')).toEqual({ workingDays: 5, provisional: false });
    expect(national.workingDaysBetween('2025-03-10', '2025-03-03')).toEqual({ workingDays: -5, provisional: false });
    expect(national.workingDaysBetween('2025-03-08', '2025-03-08').workingDays).toBe(0);
    expect(national.workingDaysBetween('2025-01-24', '2025-02-08').workingDays).toBe(6);
  });
});

describe('traffic light (rule 6)', () => {
  // Deadline Monday 2025-03-10.
  it.each([
    ['2025-03-06', 1, 'green'], // Thu: Fri and Mon left
    ['2025-03-07', 1, 'yellow'], // Fri: the working day before the deadline
    ['2025-03-08', 1, 'yellow'],
    ['2025-03-09', 1, 'yellow'],
    ['2025-03-10', 1, 'yellow'], // the deadline day itself is not yet red
    ['2025-03-11', 1, 'red'],
    ['2025-04-30', 1, 'red'],
    ['2025-03-07', 0, 'green'],
    ['2025-03-10', 0, 'yellow'],
    ['2025-03-05', 3, 'yellow'],
    ['2025-03-04', 3, 'green'],
  ] as const)('on %s with %i warning day(s): %s', (today, warn, light) => {
    expect(national.lightFor(today, '2025-03-10', warn)).toBe(light);
  });

  it('defaults to 1 warning day and skips holidays when counting what is left', () => {
    expect(national.lightFor('2025-03-07', '2025-03-10')).toBe('yellow');
    // Last working day before the Spring Festival, deadline the first day back: yellow.
    expect(national.lightFor('2025-01-27', '2025-02-05')).toBe('yellow');
    expect(national.lightFor('2025-01-26', '2025-02-05')).toBe('green');
  });

  it('rejects a negative warning', () => {
    expect(() => national.lightFor('2025-03-07', '2025-03-10', -1)).toThrow(/warning days must be/);
  });
});
