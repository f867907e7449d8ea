// Expected days are transcribed from the State Council General Office notices themselves, not from the
// chinese-days package, so a wrong or stale data package fails here.
import cd from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays, compareDays, dayOfWeek } from './days.ts';
import { builtInSchedule } from './official-schedule.ts';
import { WorkingCalendar } from './working-calendar.ts';

/** 周X as written in the notice: 0 = 周日 … 6 = 周六. */
type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
interface Holiday {
  name: string;
  from: [string, Weekday];
  to: [string, Weekday];
  days: number;
  makeUp: [string, Weekday][];
}

// 国办发明电〔2024〕12号：国务院办公厅关于2025年部分节假日安排的通知
const notice2025: Holiday[] = [
  { name: '元旦', from: ['2025-01-01', 3], to: ['2025-01-01', 3], days: 1, makeUp: [] },
  {
    name: '春节',
    from: ['2025-01-28', 2],
    to: ['2025-02-04', 2],
    days: 8,
    makeUp: [
      ['2025-01-26', 0],
      ['2025-02-08', 6],
    ],
  },
  { name: '清明节', from: ['2025-04-04', 5], to: ['2025-04-06', 0], days: 3, makeUp: [] },
  { name: '劳动节', from: ['2025-05-01', 4], to: ['2025-05-05', 1], days: 5, makeUp: [['2025-04-27', 0]] },
  { name: '端午节', from: ['2025-05-31', 6], to: ['2025-06-02', 1], days: 3, makeUp: [] },
  {
    name: '国庆节、中秋节',
    from: ['2025-10-01', 3],
    to: ['2025-10-08', 3],
    days: 8,
    makeUp: [
      ['2025-09-28', 0],
      ['2025-10-11', 6],
    ],
  },
];

// 国办发明电〔2025〕7号：国务院办公厅关于2026年部分节假日安排的通知（2025年11月发布）
const notice2026: Holiday[] = [
  { name: '元旦', from: ['2026-01-01', 4], to: ['2026-01-03', 6], days: 3, makeUp: [['2026-01-04', 0]] },
  {
    name: '春节',
    from: ['2026-02-15', 0],
    to: ['2026-02-23', 1],
    days: 9,
    makeUp: [
      ['2026-02-14', 6],
      ['2026-02-28', 6],
    ],
  },
  { name: '清明节', from: ['2026-04-04', 6], to: ['2026-04-06', 1], days: 3, makeUp: [] },
  { name: '劳动节', from: ['2026-05-01', 5], to: ['2026-05-05', 2], days: 5, makeUp: [['2026-05-09', 6]] },
  { name: '端午节', from: ['2026-06-19', 5], to: ['2026-06-21', 0], days: 3, makeUp: [] },
  { name: '中秋节', from: ['2026-09-25', 5], to: ['2026-09-27', 0], days: 3, makeUp: [] },
  {
    name: '国庆节',
    from: ['2026-10-01', 4],
    to: ['2026-10-07', 3],
    days: 7,
    makeUp: [
      ['2026-09-20', 0],
      ['2026-10-10', 6],
    ],
  },
];

const cal = new WorkingCalendar();

function daysOf(h: Holiday): string[] {
  const out: string[] = [];
  for (let d = h.from[0]; compareDays(d, h.to[0]) <= 0; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The whole year as the notice defines it: Monday–Friday, minus the holidays, plus the make-up days. */
function expectedWorkingDays(year: number, notice: Holiday[]): string[] {
  const off = new Set(notice.flatMap(daysOf));
  const on = new Set(notice.flatMap((h) => h.makeUp.map(([d]) => d)));
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const w = dayOfWeek(d);
    if (on.has(d) || (w >= 1 && w <= 5 && !off.has(d))) out.push(d);
  }
  return out;
}

describe.each([
  [2025, notice2025],
  [2026, notice2026],
])('national notice for %i', (year, notice) => {
  it('is transcribed consistently (weekdays and day counts as the notice states them)', () => {
    for (const h of notice) {
      expect(dayOfWeek(h.from[0]), `${h.name} from`).toBe(h.from[1]);
      expect(dayOfWeek(h.to[0]), `${h.name} to`).toBe(h.to[1]);
      expect(daysOf(h), h.name).toHaveLength(h.days);
      for (const [d, w] of h.makeUp) expect(dayOfWeek(d), `${h.name} make-up ${d}`).toBe(w);
    }
  });

  it.each(notice.map((h) => [h.name, h] as const))('%s: every day off is closed, every make-up day is open', (_, h) => {
    for (const d of daysOf(h)) expect(cal.isWorkingDay(d), d).toBe(false);
    for (const [d] of h.makeUp) expect(cal.isWorkingDay(d), d).toBe(true);
  });

  it('has exactly the notice working days over the whole year, nothing extra', () => {
    const actual: string[] = [];
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1))
      if (cal.isWorkingDay(d)) actual.push(d);
    expect(actual).toEqual(expectedWorkingDays(year, notice));
    expect(cal.isPublishedYear(year)).toBe(true);
  });
});

describe('built-in data (chinese-days)', () => {
  it('covers 2004–2026 and nothing later (update the provisional tests when the package gains 2027)', () => {
    const years = [...builtInSchedule.years].sort((a, b) => a - b);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(2026 - 2004 + 1);
  });

  // The package's own functions turn even a 'YYYY-MM-DD' string into the previous day when the process runs
  // west of UTC (found with TZ=America/Los_Angeles: isWorkday('2026-01-05') is false). That is why
  // official-schedule.ts reads the data table instead; the cross-check is only meaningful where the
  // functions themselves are right.
  const westOfUtc = new Date(2026, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(westOfUtc)("agrees with the package's own isWorkday on every day of every covered year", () => {
    for (const year of builtInSchedule.years) {
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
        if (cal.isWorkingDay(d) !== cd.isWorkday(d))
          expect.fail(`${d}: ours ${cal.isWorkingDay(d)}, package ${cd.isWorkday(d)}`);
      }
    }
  });
});

describe('deadlines across national holidays', () => {
  it.each([
    // 2025 春节: off 1/28–2/4, make-up Sun 1/26 and Sat 2/8
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-01-24', 6, '2025-02-08'],
    ['2025-01-24', 7, '2025-02-10'],
    ['2025-01-27', 1, '2025-02-05'],
    // 2025 国庆+中秋: off 10/1–10/8, make-up Sun 9/28 and Sat 10/11
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-26', 4, '2025-10-09'],
    ['2025-09-26', 6, '2025-10-11'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 20, '2025-11-04'],
    // 2026 元旦 across the 2025→2026 boundary: off 1/1–1/3, make-up Sun 1/4
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    // 2026 春节: off 2/15–2/23, make-up Sat 2/14 and Sat 2/28
    ['2026-02-12', 2, '2026-02-14'],
    ['2026-02-12', 3, '2026-02-24'],
    ['2026-02-12', 7, '2026-02-28'],
    ['2026-02-12', 8, '2026-03-02'],
    // 2026 中秋 9/25–27 and 国庆 10/1–10/7, make-up Sun 9/20 and Sat 10/10
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-18', 6, '2026-09-28'],
    ['2026-09-18', 9, '2026-10-08'],
    ['2026-09-18', 11, '2026-10-10'],
    ['2026-09-18', 12, '2026-10-12'],
    ['2026-09-30', 1, '2026-10-08'],
  ])('%s + %i working days → %s', (start, n, deadline) => {
    expect(cal.addWorkingDays(start, n)).toEqual({ deadline, provisional: false });
    expect(cal.workingDaysBetween(start, deadline)).toEqual({ workingDays: n, provisional: false });
  });

  it('N = 0 (instant item) is the start day itself, even on a holiday', () => {
    expect(cal.addWorkingDays('2026-02-17', 0)).toEqual({ deadline: '2026-02-17', provisional: false });
  });
});

describe('year boundary 2026 → 2027 (2027 not in the package)', () => {
  it('stays firm while only 2026 is examined', () => {
    expect(cal.addWorkingDays('2026-12-29', 2)).toEqual({ deadline: '2026-12-31', provisional: false });
  });

  it('is provisional once a 2027 day is examined, assuming Monday–Friday except the days the law fixes', () => {
    // Fri 2027-01-01 is 元旦 by law whatever the notice says; the rest of 2027 is a Monday–Friday guess.
    expect(cal.describeDay('2027-01-01')).toMatchObject({ working: false, source: 'statutory-rule', published: false });
    expect(cal.addWorkingDays('2026-12-29', 3)).toEqual({ deadline: '2027-01-04', provisional: true });
    expect(cal.addWorkingDays('2026-12-31', 5)).toEqual({ deadline: '2027-01-08', provisional: true });
    expect(cal.workingDaysBetween('2026-12-29', '2027-01-04')).toEqual({ workingDays: 3, provisional: true });
    for (const d of ['2027-05-03', '2027-10-04', '2027-02-08']) expect(cal.isWorkingDay(d), d).toBe(true);
    for (const d of ['2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03'])
      expect(cal.isWorkingDay(d), d).toBe(false);
  });

  it('flags N = 0 from a day of an unpublished year (the answer is that day)', () => {
    expect(cal.addWorkingDays('2027-03-01', 0)).toEqual({ deadline: '2027-03-01', provisional: true });
    expect(cal.addWorkingDays('2026-12-31', 0)).toEqual({ deadline: '2026-12-31', provisional: false });
  });

  it('is firm once an administrator loads 2027', () => {
    // Hypothetical 2027 entry (the real notice is not out): 元旦 1/1–1/3.
    const loaded = new WorkingCalendar({
      adminYears: [{ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }],
    });
    expect(loaded.addWorkingDays('2026-12-29', 3)).toEqual({ deadline: '2027-01-04', provisional: false });
    expect(loaded.addWorkingDays('2026-12-31', 5)).toEqual({ deadline: '2027-01-08', provisional: false });
  });
});
