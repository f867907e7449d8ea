/**
 * 预约 (appointments), pure rules: the slots of a day from the hall's timetable and calendar, what a check-in at
 * the kiosk earns (appointment priority within the grace, an ordinary ticket after it), when a booking not checked
 * in becomes a no-show, and when repeated no-shows block online booking. Times are Beijing time.
 */
import { addDays, type CalendarDay } from '../calendar/days.ts';
import { minutesOf, type WeeklyHours, weekdayOf } from '../queue/hours.ts';

export interface Slot {
  /** 'HH:MM', the slot's key. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const clockOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * The slots of `day`: none on a day the hall calendar closes; on a working day its weekday's sessions cut into
 * `slotMinutes` pieces (a piece that would run past the session's end is left out). A working weekend day (调休)
 * has no sessions of its own on a Monday–Friday timetable, so it takes those of the first weekday that has some.
 */
export function slotsOfDay(week: WeeklyHours, day: CalendarDay, working: boolean, slotMinutes: number): Slot[] {
  if (!working || slotMinutes <= 0) return [];
  const own = week.find((d) => d.weekday === weekdayOf(day))?.sessions ?? [];
  const sessions = own.length
    ? own
    : ([1, 2, 3, 4, 5].map((w) => week.find((d) => d.weekday === w)?.sessions ?? []).find((s) => s.length > 0) ?? []);
  const out: Slot[] = [];
  for (const s of sessions) {
    const end = minutesOf(s.to);
    for (let m = minutesOf(s.from); m + slotMinutes <= end; m += slotMinutes) {
      out.push({ from: clockOf(m), to: clockOf(m + slotMinutes) });
    }
  }
  return out;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** The instant of a Beijing clock time on a day. */
export const instantOf = (day: CalendarDay, time: string) =>
  Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS + minutesOf(time) * 60_000;

/** The days one may book from `today`: today and the next `daysAhead` days. */
export const bookableDays = (today: CalendarDay, daysAhead: number): CalendarDay[] =>
  Array.from({ length: daysAhead + 1 }, (_, i) => addDays(today, i));

/** A slot can still be booked (or changed to) until it starts. */
export const slotOpen = (startsAt: number, now: number) => now < startsAt;

export type CheckIn = 'priority' | 'late';

/**
 * What a check-in earns: up to `graceMs` after the slot's start the applicant keeps the appointment priority
 * (an early arrival too: the queue gives the weight from shortly before the slot); later the ticket is ordinary.
 */
export function checkInOutcome(now: number, startsAt: number, graceMs: number): CheckIn {
  return now <= startsAt + graceMs ? 'priority' : 'late';
}

/** A booking still not checked in is a no-show once its slot's end plus the grace has passed. */
export const isNoShow = (now: number, endsAt: number, graceMs: number) => now > endsAt + graceMs;

export interface NoShowRule {
  /** So many no-shows … */
  limit: number;
  /** … within so many days … */
  withinDays: number;
  /** … block online booking for so many days from the last of them. */
  blockDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Until when online booking is blocked, from the instants of a person's no-shows; null when it is not blocked
 * at `now`. A block starts at the no-show that makes `limit` of them within `withinDays` days.
 */
export function blockedUntil(noShows: readonly number[], rule: NoShowRule, now: number): number | null {
  if (rule.limit < 1 || rule.blockDays < 1) return null;
  const times = [...noShows].sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = rule.limit - 1; i < times.length; i++) {
    const first = times[i - rule.limit + 1]!;
    if (times[i]! - first <= rule.withinDays * DAY_MS) {
      const end = times[i]! + rule.blockDays * DAY_MS;
      if (until === null || end > until) until = end;
    }
  }
  return until !== null && until > now ? until : null;
}

/** Booking codes: no 0/O, 1/I/L, so a code read out on the phone is not misheard. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
export const codePattern = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
export const normaliseCode = (raw: string) => raw.trim().toUpperCase().replace(/[\s-]/g, '');

/** Why the applicant is sent an SMS about a booking. */
export type AppointmentPurpose = 'confirmed' | 'changed' | 'cancelled' | 'reminder';
