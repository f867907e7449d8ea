// The national schedule (State Council holiday notices) as shipped by the chinese-days package.
//
// Why the package's data table rather than its functions: the functions accept Dates and format them in the
// process time zone, and they silently answer "Monday–Friday" for years the data does not hold. Reading the
// table gives the same facts (a test checks every covered day against `isWorkday`) and lets us tell which
// years are really published instead of guessing.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { type CalendarDay, parseDay, yearOf } from './days.ts';

/** A published national schedule: days off on weekdays (holidays) and weekend make-up working days (调休上班). */
export interface OfficialSchedule {
  /** Days off by notice. May include weekend days that fall inside a holiday range; harmless. */
  readonly holidays: ReadonlySet<CalendarDay>;
  /** Weekend days that are working days by notice (调休上班). */
  readonly workdays: ReadonlySet<CalendarDay>;
  /** Years whose notice is in the data. Days of other years are unknown, not "ordinary". */
  readonly years: ReadonlySet<number>;
}

/**
 * Builds a schedule from name-by-day tables. A year counts as published only if its New Year's Day is in the
 * holiday table: every notice starts with 元旦 and 1 January is always a statutory day off, whereas a date of
 * another year can appear in a notice only as a spill-over (e.g. 31 December off under the next year's 元旦).
 */
export function officialScheduleFrom(
  holidays: Readonly<Record<string, string>>,
  workdays: Readonly<Record<string, string>>,
): OfficialSchedule {
  const holidaySet = new Set(Object.keys(holidays).map((d) => parseDay(d, 'official holiday')));
  const workdaySet = new Set(Object.keys(workdays).map((d) => parseDay(d, 'official make-up working day')));
  for (const d of workdaySet) {
    if (holidaySet.has(d)) throw new Error(`official schedule lists ${d} both as a holiday and as a working day`);
  }
  const years = new Set<number>();
  for (const d of holidaySet) {
    if (d.endsWith('-01-01')) years.add(yearOf(d));
  }
  return { holidays: holidaySet, workdays: workdaySet, years };
}

const table = data as { holidays: Record<string, string>; workdays: Record<string, string> };

/** The schedule from the installed chinese-days version (2004–2026 for 1.5.7). */
export const builtInSchedule: OfficialSchedule = officialScheduleFrom(table.holidays, table.workdays);

/** A schedule with no published years, for halls or tests that must not rely on the package. */
export const emptySchedule: OfficialSchedule = { holidays: new Set(), workdays: new Set(), years: new Set() };

/**
 * Days off that the national law (全国年节及纪念日放假办法, as amended from 2025) fixes on the same solar date every
 * year: 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October. An unpublished year's notice can move make-up days
 * around them but never makes them working days, so a guess for such a year never lands a deadline on them.
 * The lunar holidays (春节, 清明, 端午, 中秋) need the year's notice; until then the answer stays provisional.
 */
const FIXED_BY_LAW = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);
const LAW_FROM_YEAR = 2025;

export function isFixedStatutoryDayOff(day: CalendarDay): boolean {
  return yearOf(day) >= LAW_FROM_YEAR && FIXED_BY_LAW.has(day.slice(5));
}
