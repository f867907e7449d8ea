// A hall's working calendar: which days count, and the clocks built on them (rules in clock.ts).
// Pure: the caller loads the hall's overrides and the administrator's years from the database and passes
// them in; nothing here reads the clock or the disk.
import {
  type CalendarDay,
  FIRST_SUPPORTED_YEAR,
  isWeekend,
  LAST_SUPPORTED_YEAR,
  monthOf,
  parseDay,
  yearOf,
} from './days.ts';
import {
  countBetween,
  countWorkingDays,
  type DayRules,
  type Deadline,
  type Light,
  lightOf,
  type Pause,
  type PausedDeadline,
  type WorkingDayCount,
} from './clock.ts';
import { builtInSchedule, isFixedStatutoryDayOff, type OfficialSchedule } from './official-schedule.ts';

/** One day the hall sets itself: an extra closure or local holiday ('closed'), or a make-up day ('working'). */
export interface HallOverride {
  date: string;
  kind: 'closed' | 'working';
  note: string;
}

/** A whole year's national schedule typed in by an administrator (a year the built-in data lacks). */
export interface AdminYearSchedule {
  year: number;
  /** Days off by notice. */
  holidays: readonly string[];
  /** Weekend days that are working days by notice (调休上班). */
  workdays: readonly string[];
}

export interface WorkingCalendarInput {
  overrides?: readonly HallOverride[];
  adminYears?: readonly AdminYearSchedule[];
  /** Defaults to the schedule shipped with chinese-days; pass another only in tests. */
  official?: OfficialSchedule;
}

/** Where a day's status came from, highest priority first. */
export type DaySource = 'hall' | 'admin-year' | 'official' | 'statutory-rule' | 'weekday-rule';

export interface DayInfo {
  date: CalendarDay;
  working: boolean;
  source: DaySource;
  /** The hall's note for an override, else null. */
  note: string | null;
  /** False when the year has no published national schedule, so a Monday–Friday guess was used. */
  published: boolean;
}

/** Longest limit accepted, in working days; a larger number is a data-entry error, not a real limit. */
export const MAX_LIMIT_DAYS = 3650;

interface YearDays {
  holidays: Set<CalendarDay>;
  workdays: Set<CalendarDay>;
}

export class WorkingCalendar {
  private readonly official: OfficialSchedule;
  private readonly hall = new Map<CalendarDay, HallOverride>();
  private readonly adminYears = new Map<number, YearDays>();
  private readonly rules: DayRules = {
    isWorking: (day) => this.classify(day).working,
    isPublishedYear: (year) => this.isPublishedYear(year),
  };

  constructor(input: WorkingCalendarInput = {}) {
    this.official = input.official ?? builtInSchedule;
    (input.overrides ?? []).forEach((o, i) => {
      const date = parseDay(o.date, `hall override ${i + 1} date`);
      if (o.kind !== 'closed' && o.kind !== 'working') {
        throw new Error(
          `hall override ${i + 1} (${date}): kind must be 'closed' or 'working', got ${JSON.stringify(o.kind)}`,
        );
      }
      const earlier = this.hall.get(date);
      // Two rows for one day that disagree: refuse rather than let row order decide who wins.
      if (earlier && earlier.kind !== o.kind) {
        throw new Error(`hall overrides disagree about ${date}: both '${earlier.kind}' and '${o.kind}'`);
      }
      if (!earlier) this.hall.set(date, { date, kind: o.kind, note: o.note });
    });
    for (const y of input.adminYears ?? []) {
      if (!Number.isInteger(y.year) || y.year < FIRST_SUPPORTED_YEAR || y.year > LAST_SUPPORTED_YEAR) {
        throw new Error(`administrator schedule: year ${JSON.stringify(y.year)} is not a supported year`);
      }
      if (this.adminYears.has(y.year)) throw new Error(`administrator schedule for ${y.year} is given twice`);
      const inYear = (list: readonly string[], what: string) =>
        new Set(
          list.map((d) => {
            const day = parseDay(d, `administrator schedule ${y.year} ${what}`);
            if (yearOf(day) !== y.year)
              throw new Error(`administrator schedule ${y.year} lists ${what} ${day} of another year`);
            return day;
          }),
        );
      const holidays = inYear(y.holidays, 'holiday');
      const workdays = inYear(y.workdays, 'working day');
      for (const d of workdays) {
        if (holidays.has(d))
          throw new Error(`administrator schedule ${y.year} lists ${d} both as a holiday and as a working day`);
      }
      this.adminYears.set(y.year, { holidays, workdays });
    }
  }

  /** Published: built in, or loaded by an administrator. Deadlines touching other years are provisional. */
  isPublishedYear(year: number): boolean {
    return this.adminYears.has(year) || this.official.years.has(year);
  }

  /** Unpublished years in [fromYear, toYear], for the administrator's banner. */
  missingYears(fromYear: number, toYear: number): number[] {
    const missing: number[] = [];
    for (let y = fromYear; y <= toYear; y += 1) if (!this.isPublishedYear(y)) missing.push(y);
    return missing;
  }

  /**
   * The year the administrator should load now, or null. The State Council publishes next year's notice in
   * autumn, so from November on a missing next year is flagged. A missing current year is flagged in any
   * month: every deadline is then provisional, which is more urgent than next year.
   */
  scheduleWarning(today: string): number | null {
    const day = parseDay(today, 'today');
    const year = yearOf(day);
    if (!this.isPublishedYear(year)) return year;
    if (monthOf(day) >= 11 && !this.isPublishedYear(year + 1)) return year + 1;
    return null;
  }

  describeDay(date: string): DayInfo {
    return this.classify(parseDay(date, 'date'));
  }

  isWorkingDay(date: string): boolean {
    return this.classify(parseDay(date, 'date')).working;
  }

  /** Deadline of a limit of `n` (+ `extraDays` extension) working days started on `start`; rule 2 in clock.ts. */
  addWorkingDays(start: string, n: number, extraDays = 0): Deadline {
    const { deadline, provisional } = this.deadlineWithPauses(start, n, [], extraDays);
    if (deadline === null) throw new Error('unreachable: only an open pause stops the clock');
    return { deadline, provisional };
  }

  /** As addWorkingDays, with suspensions (暂停) taken out; rule 3 in clock.ts. */
  deadlineWithPauses(start: string, n: number, pauses: readonly Pause[], extraDays = 0): PausedDeadline {
    const from = parseDay(start, 'start');
    const total = limitDays(n, 'limit') + limitDays(extraDays, 'extension');
    if (total > MAX_LIMIT_DAYS)
      throw new RangeError(`limit plus extension is ${total} working days, more than ${MAX_LIMIT_DAYS}`);
    return countWorkingDays(this.rules, from, total, checkPauses(from, pauses));
  }

  /** Working days after `a` up to and including `b` (negative when b is before a). */
  workingDaysBetween(a: string, b: string): WorkingDayCount {
    return countBetween(this.rules, parseDay(a, 'from'), parseDay(b, 'to'));
  }

  /** Red after the deadline day, yellow within `warningDays` working days of it, else green; rule 6. */
  lightFor(today: string, deadline: string, warningDays = 1): Light {
    return lightOf(
      this.rules,
      parseDay(today, 'today'),
      parseDay(deadline, 'deadline'),
      limitDays(warningDays, 'warning days'),
    );
  }

  private classify(date: CalendarDay): DayInfo {
    const hall = this.hall.get(date);
    const year = yearOf(date);
    const published = this.isPublishedYear(year);
    if (hall) return { date, working: hall.kind === 'working', source: 'hall', note: hall.note, published };
    // An administrator's year replaces the built-in one for that year: it is how a wrong or amended
    // package year gets corrected without a new release.
    const admin = this.adminYears.get(year);
    const notice = admin ?? (this.official.years.has(year) ? this.official : undefined);
    if (notice) {
      const source: DaySource = admin ? 'admin-year' : 'official';
      if (notice.workdays.has(date)) return { date, working: true, source, note: null, published };
      if (notice.holidays.has(date)) return { date, working: false, source, note: null, published };
    }
    // No notice for the year: the days the law fixes are off, the rest is the Monday–Friday guess.
    if (!notice && isFixedStatutoryDayOff(date))
      return { date, working: false, source: 'statutory-rule', note: null, published };
    return { date, working: !isWeekend(date), source: 'weekday-rule', note: null, published };
  }
}

function limitDays(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} must be a whole number of working days ≥ 0, got ${n}`);
  return n;
}

function checkPauses(start: CalendarDay, pauses: readonly Pause[]): Pause[] {
  return pauses.map((p, i) => {
    const from = parseDay(p.from, `pause ${i + 1} from`);
    const to = p.to === null ? null : parseDay(p.to, `pause ${i + 1} to`);
    if (from < start) throw new RangeError(`pause ${i + 1} starts ${from}, before the clock started on ${start}`);
    if (to !== null && to < from) throw new RangeError(`pause ${i + 1} resumes ${to}, before it started on ${from}`);
    return { from, to };
  });
}
