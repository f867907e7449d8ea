/**
 * 考勤: a person's month against the roster and the hall's hours on the hall calendar. Each rostered working day
 * is one of: present (on time), late (clocked in after the first rostered session began), early (clocked out before
 * the last rostered session ended, or never clocked out), late and early, absent (no clock-in), or on leave. Pure.
 */
import { minutesOf, type WeeklyHours } from '../queue/hours.ts';
import { dayOfWeek } from '../calendar/days.ts';

export type Session = 'am' | 'pm';
export interface RosterSlot {
  day: string;
  session: Session;
}

/**
 * The hall's hours on a working day: the sessions of its weekday, or, on a made-up working weekend day (调休) with
 * no hours of its own, those of Monday (the first weekday with hours).
 */
export function sessionsOn(week: WeeklyHours, day: string): { from: number; to: number }[] {
  const own = week.find((d) => d.weekday === dayOfWeek(day))?.sessions ?? [];
  const pick = own.length
    ? own
    : ([...week].sort((a, b) => a.weekday - b.weekday).find((d) => d.sessions.length)?.sessions ?? []);
  return pick.map((s) => ({ from: minutesOf(s.from), to: minutesOf(s.to) }));
}

/** A roster session's span: am = the day's first session, pm = its last (one session: both). */
export function sessionSpan(week: WeeklyHours, day: string, session: Session) {
  const all = sessionsOn(week, day);
  return session === 'am' ? all[0] : all.at(-1);
}

export const dayStatuses = ['present', 'late', 'early', 'late_early', 'absent', 'leave'] as const;
export type DayStatus = (typeof dayStatuses)[number];

export interface DayRecord {
  day: string;
  status: DayStatus;
  expectedFrom: number;
  expectedTo: number;
  /** Minutes, or null. */
  clockIn: number | null;
  clockOut: number | null;
  lateMinutes: number;
  earlyMinutes: number;
}

export interface MonthInput {
  /** Working days of the month on the hall calendar. */
  workingDays: ReadonlySet<string>;
  week: WeeklyHours;
  slots: readonly RosterSlot[];
  /** Clock records (minutes of day) per day. */
  clocks: ReadonlyMap<string, readonly { kind: string; minute: number }[]>;
  leaveDays: ReadonlySet<string>;
}

export interface MonthSheet {
  days: DayRecord[];
  rosteredDays: number;
  presentDays: number;
  lateCount: number;
  earlyCount: number;
  absentDays: number;
  leaveDays: number;
  lateMinutes: number;
  earlyMinutes: number;
}

export function monthSheet(m: MonthInput): MonthSheet {
  const byDay = new Map<string, Session[]>();
  for (const s of m.slots) {
    if (!m.workingDays.has(s.day)) continue;
    byDay.set(s.day, [...(byDay.get(s.day) ?? []), s.session]);
  }
  const days: DayRecord[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const spans = byDay
      .get(day)!
      .map((s) => sessionSpan(m.week, day, s))
      .filter((x): x is { from: number; to: number } => !!x);
    if (!spans.length) continue;
    const expectedFrom = Math.min(...spans.map((s) => s.from));
    const expectedTo = Math.max(...spans.map((s) => s.to));
    const recs = m.clocks.get(day) ?? [];
    const ins = recs.filter((r) => r.kind === 'in').map((r) => r.minute);
    const outs = recs.filter((r) => r.kind === 'out').map((r) => r.minute);
    const clockIn = ins.length ? Math.min(...ins) : null;
    const clockOut = outs.length ? Math.max(...outs) : null;
    const base = { day, expectedFrom, expectedTo, clockIn, clockOut };
    if (m.leaveDays.has(day)) {
      days.push({ ...base, status: 'leave', lateMinutes: 0, earlyMinutes: 0 });
      continue;
    }
    if (clockIn === null) {
      days.push({ ...base, status: 'absent', lateMinutes: 0, earlyMinutes: 0 });
      continue;
    }
    const lateMinutes = Math.max(0, clockIn - expectedFrom);
    const earlyMinutes =
      clockOut === null ? expectedTo - Math.max(clockIn, expectedFrom) : Math.max(0, expectedTo - clockOut);
    const late = lateMinutes > 0;
    const early = earlyMinutes > 0;
    const status: DayStatus = late && early ? 'late_early' : late ? 'late' : early ? 'early' : 'present';
    days.push({ ...base, status, lateMinutes, earlyMinutes: Math.max(0, earlyMinutes) });
  }
  const count = (f: (d: DayRecord) => boolean) => days.filter(f).length;
  return {
    days,
    rosteredDays: days.length,
    presentDays: count((d) => d.status === 'present'),
    lateCount: count((d) => d.status === 'late' || d.status === 'late_early'),
    earlyCount: count((d) => d.status === 'early' || d.status === 'late_early'),
    absentDays: count((d) => d.status === 'absent'),
    leaveDays: count((d) => d.status === 'leave'),
    lateMinutes: days.reduce((n, d) => n + d.lateMinutes, 0),
    earlyMinutes: days.reduce((n, d) => n + d.earlyMinutes, 0),
  };
}

/** Leave approval by authority level: up to three working days the supervisor, longer (or a supervisor's own) the station head. */
export function leaveApprover(workingDays: number, requesterRoles: readonly string[]): 'supervisor' | 'station_head' {
  if (requesterRoles.includes('supervisor') || requesterRoles.includes('station_head')) return 'station_head';
  return workingDays > 3 ? 'station_head' : 'supervisor';
}

export const leaveKinds = ['annual', 'sick', 'personal', 'trip', 'training'] as const;
export type LeaveKind = (typeof leaveKinds)[number];
export const leaveKindLabels: Record<LeaveKind, string> = {
  annual: '年休假',
  sick: '病假',
  personal: '事假',
  trip: '出差',
  training: '培训',
};

/** The hours a roster and attendance use when the hall has set none: 09:00–12:00 and 13:30–17:00, Monday to Friday. */
export const DEFAULT_STAFF_HOURS: WeeklyHours = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  sessions: [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:00' },
  ],
}));
