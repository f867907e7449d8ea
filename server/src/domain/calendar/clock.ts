/*
 * 办理时限的计算规则 / How time limits are counted
 * ------------------------------------------------------------------------------------------------------
 * 同一套规则用于整个办件（办结时限）和每个环节（环节时限）。
 * The same rules serve the whole case clock and every step clock.
 *
 * 1. 工作日 / Working day
 *    本大厅的自定日历优先（临时闭厅、地方假日、补班日），其次为管理员录入的整年国务院安排，再次为系统内置的
 *    国务院安排；以上都没有的日期按“周一至周五上班”处理。
 *    The hall's own days win (extra closures, local holidays, make-up days); then a year entered by an
 *    administrator; then the built-in national schedule; otherwise Monday–Friday.
 *
 * 2. 时限 N 个工作日 / A limit of N working days
 *    受理当日不计，从次日起算，第 N 个工作日为截止日（当日办结前有效）。N = 0（即办件）截止日即受理当日。
 *    The start day does not count; the deadline is the Nth working day after it. N = 0 (instant items):
 *    the deadline is the start day itself, even if that is not a working day.
 *    例 / e.g. 2025-01-24（周五）受理，3个工作日：1月26日（周日补班）、27日、2月5日 → 截止 2025-02-05。
 *
 * 3. 暂停（补正、检验检测、专家评审等）/ Suspensions
 *    暂停当日照常计入（当天的工作已经进行）；自暂停次日起至恢复当日（含）之间的工作日不计；恢复次日起继续计算。
 *    暂停与恢复在同一天，不影响时限。暂停尚未恢复时，计时停止，不显示截止日。
 *    若暂停之前时限已经届满，截止日不变（已超期的办件不会因暂停而变为未超期）。
 *    The suspension day still counts (work was done that day). Working days after it, up to and including
 *    the resumption day, do not count; counting resumes the day after resumption. Suspended and resumed the
 *    same day: no effect. While a suspension is open the clock is stopped and there is no deadline — unless
 *    the deadline had already been reached on or before the suspension day; then it stands, so suspending an
 *    overdue case never makes it look on time.
 *    例 / e.g. 2025-03-03（周一）受理，5个工作日，3月5日（周三）暂停、3月7日（周五）恢复：
 *    已用 4日、5日两天，6日、7日不计，恢复后 10日、11日、12日 → 截止 2025-03-12（无暂停时为 3月10日）。
 *
 * 4. 延期 / Extensions
 *    批准延长的 M 个工作日直接加在时限上：按 N + M 个工作日计算，暂停规则同上。
 *    An approved extension of M working days is simply added: the clock counts N + M working days.
 *
 * 5. 待定 / Provisional
 *    计算涉及的某年尚未公布（未内置、管理员也未录入）国务院放假安排时，该年按周一至周五上班推算，结果标注
 *    “待定”，安排公布并录入后会变化。
 *    If any day examined lies in a year whose national schedule is not published (not built in, not loaded
 *    by an administrator), that year is assumed Monday–Friday and the answer is marked provisional. N = 0 from
 *    a day of such a year is provisional too (that day is the answer). The days off the law fixes by solar date
 *    (1 January, 1–2 May, 1–3 October) are off in such a year as well: no notice ever makes them working days.
 *    该年未公布时，法定固定日期的假日（元旦1月1日、劳动节5月1—2日、国庆节10月1—3日）仍按休息日计；即办件（N = 0）
 *    的截止日落在未公布年度时同样标注“待定”。
 *
 * 6. 红黄绿灯 / Traffic light
 *    截止日之后为红灯（截止日当天不是红灯）。剩余工作日（今天之后至截止日，含截止日）不超过预警天数时为黄灯，
 *    默认预警 1 天：截止日当天、截止日前一个工作日（及其后的休息日）为黄灯。其余为绿灯。
 *    Red strictly after the deadline day. Yellow when the working days left (after today, up to and including
 *    the deadline) are at most the warning days — by default 1: the deadline day and the working day before
 *    it (with any days off in between) are yellow. Otherwise green.
 */
import { addDays, type CalendarDay, compareDays, yearOf } from './days.ts';

/** What the clock needs to know about days; days passed in are already validated. */
export interface DayRules {
  isWorking(day: CalendarDay): boolean;
  isPublishedYear(year: number): boolean;
}

export interface Deadline {
  deadline: CalendarDay;
  /** True when a day examined lies in a year without a published schedule (Monday–Friday was assumed). */
  provisional: boolean;
}

export interface PausedDeadline {
  /** Null while a suspension is open and the limit had not run out by the day it started. */
  deadline: CalendarDay | null;
  provisional: boolean;
}

export interface WorkingDayCount {
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDays: number;
  provisional: boolean;
}

/** A suspension of the clock (暂停). `to` is the resumption day, null while still suspended. */
export interface Pause {
  from: CalendarDay;
  to: CalendarDay | null;
}

export type Light = 'green' | 'yellow' | 'red';

/**
 * Core of every clock: the Nth counting day after `start`, where a counting day is a working day outside
 * every pause's (from, to]. Pauses must already be validated (from ≥ start, to ≥ from).
 */
export function countWorkingDays(
  rules: DayRules,
  start: CalendarDay,
  n: number,
  pauses: readonly Pause[],
): PausedDeadline {
  let day = start;
  let remaining = n;
  // With no days to count the deadline is the start day itself, so its own year decides.
  let provisional = n === 0 && !rules.isPublishedYear(yearOf(start));
  while (remaining > 0) {
    day = addDays(day, 1);
    if (!rules.isPublishedYear(yearOf(day))) provisional = true;
    let paused = false;
    for (const p of pauses) {
      if (compareDays(day, p.from) <= 0) continue;
      if (p.to === null) return { deadline: null, provisional };
      if (compareDays(day, p.to) <= 0) paused = true;
    }
    if (!paused && rules.isWorking(day)) remaining -= 1;
  }
  return { deadline: day, provisional };
}

/** Working days in (from, to]; negated when to < from, so "overdue by k working days" is just -k. */
export function countBetween(rules: DayRules, from: CalendarDay, to: CalendarDay): WorkingDayCount {
  const order = compareDays(from, to);
  if (order > 0) {
    const reverse = countBetween(rules, to, from);
    return { workingDays: -reverse.workingDays, provisional: reverse.provisional };
  }
  let workingDays = 0;
  let provisional = false;
  for (let day = addDays(from, 1); compareDays(day, to) <= 0; day = addDays(day, 1)) {
    if (!rules.isPublishedYear(yearOf(day))) provisional = true;
    if (rules.isWorking(day)) workingDays += 1;
  }
  return { workingDays, provisional };
}

/** Traffic light for a deadline on `today`; see rule 6 in the header. */
export function lightOf(rules: DayRules, today: CalendarDay, deadline: CalendarDay, warningDays: number): Light {
  if (compareDays(today, deadline) > 0) return 'red';
  return countBetween(rules, today, deadline).workingDays <= warningDays ? 'yellow' : 'green';
}
