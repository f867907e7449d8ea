// The working-day calendar (R6.1) and the clocks built on it (R6.2). Counting rules: see clock.ts.
export type { Deadline, Light, Pause, PausedDeadline, WorkingDayCount } from './clock.ts';
export {
  addDays,
  type CalendarDay,
  compareDays,
  dayOfWeek,
  InvalidDayError,
  isValidDay,
  isWeekend,
  parseDay,
  yearOf,
} from './days.ts';
export { PROVISIONAL_NOTE, PROVISIONAL_NOTE_EN, printedDate } from './provisional.ts';
export { builtInSchedule, emptySchedule, type OfficialSchedule, officialScheduleFrom } from './official-schedule.ts';
export {
  type AdminYearSchedule,
  type DayInfo,
  type DaySource,
  type HallOverride,
  MAX_LIMIT_DAYS,
  WorkingCalendar,
  type WorkingCalendarInput,
} from './working-calendar.ts';
