/**
 * The staffing forecast (R19.11): from the last weeks' tickets, each weekday-hour's arrivals (the mean over the
 * weeks looked at) and service time, the windows Erlang C needs for the hall's target, set against the roster.
 * Pure: the caller reads the tickets and the roster.
 */
import { dayOfWeek } from '../calendar/days.ts';
import { windowsNeeded } from './erlang-c.ts';

const HOUR = 3_600_000;
const CHINA_OFFSET = 8 * HOUR;
/** The service time assumed when the weeks looked at hold no finished service at all. */
export const DEFAULT_SERVICE_MINUTES = 10;

/** Weekday (1 = Monday … 7 = Sunday) and hour (0–23) of an instant, in China time. */
export function weekdayHourOf(ms: number): { weekday: number; hour: number } {
  const d = new Date(ms + CHINA_OFFSET);
  return { weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(), hour: d.getUTCHours() };
}

export interface TicketFact {
  categoryId: string;
  arrivedAt: number;
  /** serving_started_at → finished_at; null while not served to the end. */
  serviceMs: number | null;
}

export interface StaffingTarget {
  targetWaitSeconds: number;
  /** A fraction: 0.8 = 80 % called within the target wait. */
  targetServiceLevel: number;
  /** How many past weeks the forecast averages. */
  weeks: number;
}

export interface ForecastDay {
  day: string;
  working: boolean;
  /** Open spans in minutes of the day. */
  open: { from: number; to: number }[];
  /** Windows rostered per hour (0–23). */
  rostered: number[];
}

export interface ForecastCell {
  day: string;
  weekday: number;
  hour: number;
  open: boolean;
  arrivalsPerHour: number;
  serviceMinutes: number;
  byCategory: { categoryId: string; arrivalsPerHour: number }[];
  needed: number;
  serviceLevel: number;
  rostered: number;
  short: boolean;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;
const overlaps = (open: { from: number; to: number }[], hour: number) =>
  open.some((s) => s.from < (hour + 1) * 60 && s.to > hour * 60);

/**
 * Each hour of next week's days: the forecast arrivals (tickets of that weekday and hour over the past weeks, divided
 * by the number of those weekdays the hall was open, else by `weeks`), the mean service time of those tickets (else of all the weeks' tickets, else the default), the windows
 * Erlang C needs for the target, the rostered windows and whether the hour is short (needed > rostered). A day the
 * hall calendar closes needs nothing. The hours listed are those any day opens or any forecast reaches.
 */
export function forecastWeek(
  tickets: TicketFact[],
  days: ForecastDay[],
  target: StaffingTarget,
  /** Per weekday (1–7), how many of the past days looked at the hall calendar kept open; a holiday does not dilute. */
  openDays: Record<number, number> = {},
): ForecastCell[] {
  const divisor = (weekday: number) => Math.max(1, openDays[weekday] || target.weeks);
  const arrivals = new Map<string, Map<string, number>>();
  const services = new Map<string, number[]>();
  const allServices: number[] = [];
  for (const t of tickets) {
    const { weekday, hour } = weekdayHourOf(t.arrivedAt);
    const key = `${weekday}|${hour}`;
    const cats = arrivals.get(key) ?? new Map<string, number>();
    cats.set(t.categoryId, (cats.get(t.categoryId) ?? 0) + 1);
    arrivals.set(key, cats);
    if (t.serviceMs !== null && t.serviceMs > 0) {
      services.set(key, [...(services.get(key) ?? []), t.serviceMs]);
      allServices.push(t.serviceMs);
    }
  }
  const fallbackMinutes = (mean(allServices) ?? DEFAULT_SERVICE_MINUTES * 60_000) / 60_000;
  const hours = new Set<number>();
  for (const d of days) {
    for (let h = 0; h < 24; h++) if (d.working && overlaps(d.open, h)) hours.add(h);
    if (d.working)
      for (const key of arrivals.keys())
        if (key.startsWith(`${dayOfWeek(d.day)}|`)) hours.add(Number(key.split('|')[1]));
  }
  const listed = [...hours].sort((a, b) => a - b);
  return days.flatMap((d) =>
    listed.map((hour) => {
      const weekday = dayOfWeek(d.day);
      const key = `${weekday}|${hour}`;
      const cats = d.working ? (arrivals.get(key) ?? new Map<string, number>()) : new Map<string, number>();
      const weeks = divisor(weekday);
      const total = [...cats.values()].reduce((a, b) => a + b, 0) / weeks;
      const serviceMinutes = (mean(services.get(key) ?? []) ?? fallbackMinutes * 60_000) / 60_000;
      const answer = windowsNeeded({
        arrivalsPerHour: total,
        serviceMinutes,
        targetWaitSeconds: target.targetWaitSeconds,
        targetServiceLevel: target.targetServiceLevel,
      });
      const rostered = d.rostered[hour] ?? 0;
      return {
        day: d.day,
        weekday,
        hour,
        open: d.working && overlaps(d.open, hour),
        arrivalsPerHour: round(total),
        serviceMinutes: round(serviceMinutes),
        byCategory: [...cats.entries()]
          .map(([categoryId, n]) => ({ categoryId, arrivalsPerHour: round(n / weeks) }))
          .sort((a, b) => b.arrivalsPerHour - a.arrivalsPerHour),
        needed: answer.windows,
        serviceLevel: round(answer.serviceLevel, 4),
        rostered,
        short: answer.windows > rostered,
      };
    }),
  );
}
