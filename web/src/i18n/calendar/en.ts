import type { calendarZhCN } from './zh-CN';

/** English texts of the working-day calendar screens (merged into en.ts). */
export const calendarEn: Record<keyof typeof calendarZhCN, string> = {
  'menu.calendar': 'Working calendar',
  'cal.rules.title': 'How time limits are counted',
  'cal.rules.workday':
    'Working days: the hall’s own days (closures, local holidays, make-up days) win; then a national schedule entered by an administrator; then the built-in national schedule; otherwise Monday to Friday.',
  'cal.rules.limit':
    'A limit of N working days: the day of acceptance does not count; the deadline is the Nth working day after it. N = 0 (instant items) means the same day. E.g. accepted Friday 24 Jan 2025 with 3 working days: due 5 Feb 2025 (Sunday 26 Jan was a make-up working day, then 27 Jan and 5 Feb).',
  'cal.rules.pause':
    'Suspensions (supplement, hearing, testing, expert review): the suspension day counts; working days after it up to and including the resumption day do not; while suspended the clock stands still. A limit already reached before the suspension stays as it was.',
  'cal.rules.extension':
    'Extensions: M working days approved by the station head are added, so the clock counts N + M working days; the applicant is told the reason and the new date in writing.',
  'cal.rules.provisional':
    'Provisional: when a year’s national schedule is not published (neither built in nor entered), that year is counted Monday to Friday and the date is marked 待定; from November administrators are reminded when next year’s schedule is missing.',
  'cal.rules.light':
    'Lights: red after the deadline day; yellow when the working days left are at most the warning days (default 1, set per item); green otherwise. Accepted cases keep the calendar of their time; an administrator’s re-computation is audited.',
  'cal.title': 'Working-day calendar',
  'cal.working': 'Working',
  'cal.closed': 'Closed',
  'cal.source.hall': 'Hall setting',
  'cal.source.admin-year': 'Entered by administrator',
  'cal.source.official': 'State Council schedule',
  'cal.source.statutory-rule': 'Fixed statutory holiday (year not published)',
  'cal.source.weekday-rule': 'Monday–Friday rule',
  'cal.unpublished': 'The national schedule for this month is not loaded; Monday–Friday assumed',
  'cal.legend': 'Click a day to close or open it; the hall setting overrides the national schedule.',
  'cal.dayTitle': 'Setting of {date}',
  'cal.now': 'Now: {state} ({source})',
  'cal.setAs': 'Set as',
  'cal.note': 'Note',
  'cal.notePlaceholder': 'e.g. year-end stocktaking',
  'cal.removeSetting': 'Remove hall setting',
  'cal.import': 'Import hall days',
  'cal.importButton': 'Import',
  'cal.badLine': 'Line {n} is not YYYY-MM-DD,closed|working,note',
  'cal.nothing': 'Paste the days to import',
  'cal.imported': '{n} days imported',
  'cal.yearTitle': 'Load the national holiday schedule',
  'cal.year': 'Year',
  'cal.holidays': 'Holidays',
  'cal.workdays': 'Make-up working days',
  'cal.datesHint': 'Dates as YYYY-MM-DD separated by commas, spaces or new lines',
  'cal.loadYear': 'Save the year',
  'cal.yearLoaded': 'Schedule of {year} saved',
  'cal.loadedYears': 'Loaded',
  'cal.missingYear':
    'The national holiday schedule of {year} is not loaded; deadlines in that year are marked provisional.',
  'cal.goLoad': 'Load it',
};
