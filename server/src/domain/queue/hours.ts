/**
 * Opening hours of a hall or a window by weekday (办公时间): up to three sessions a day, e.g. 上午 09:00–12:00 and
 * 下午 13:30–17:00. Pure: the checks the API answers with, the Chinese summary, and when a day's last session ends
 * (the moment tickets still waiting are no longer called). Times are Beijing time, minutes past midnight.
 */
import { type CalendarDay, dayOfWeek } from '../calendar/days.ts';

export interface Session {
  from: string;
  to: string;
}
/** weekday: 1 = Monday … 7 = Sunday, as on a Chinese timetable. */
export interface DayHours {
  weekday: number;
  sessions: Session[];
}
export type WeeklyHours = DayHours[];

export const MAX_SESSIONS = 3;
export const weekdayLabels = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const weekdayEn = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** 'HH:MM' from 00:00 to 24:00. */
export const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export interface HoursProblem {
  field: string;
  zh: string;
  en: string;
}

/** The first thing wrong with a timetable, naming the field; null when it holds. */
export function hoursProblem(week: WeeklyHours, prefix = 'weeklyHours'): HoursProblem | null {
  const seen = new Set<number>();
  for (const [i, d] of week.entries()) {
    const label = weekdayLabels[d.weekday - 1];
    if (!label)
      return {
        field: `${prefix}.${i}.weekday`,
        zh: '星期应为 1（周一）至 7（周日）',
        en: 'The weekday is 1 (Monday) to 7 (Sunday)',
      };
    if (seen.has(d.weekday))
      return {
        field: `${prefix}.${i}.weekday`,
        zh: `${label}重复设置`,
        en: `${weekdayEn[d.weekday - 1]} is given twice`,
      };
    seen.add(d.weekday);
    if (d.sessions.length > MAX_SESSIONS) {
      return {
        field: `${prefix}.${i}.sessions`,
        zh: `${label}最多设置 ${MAX_SESSIONS} 个时段`,
        en: `At most ${MAX_SESSIONS} sessions a day`,
      };
    }
    let previousEnd = -1;
    for (const [j, s] of d.sessions.entries()) {
      const at = `${prefix}.${i}.sessions.${j}`;
      for (const k of ['from', 'to'] as const) {
        if (!timePattern.test(s[k]))
          return { field: `${at}.${k}`, zh: `${label}的时间应为“时:分”，如 09:00`, en: 'A time is HH:MM, e.g. 09:00' };
      }
      const from = minutesOf(s.from);
      const to = minutesOf(s.to);
      if (to <= from)
        return {
          field: `${at}.to`,
          zh: `${label}第 ${j + 1} 个时段的结束时间应晚于开始时间`,
          en: 'A session ends after it starts',
        };
      if (from < previousEnd) {
        return {
          field: `${at}.from`,
          zh: `${label}第 ${j + 1} 个时段与上一时段重叠或顺序颠倒`,
          en: 'Sessions of a day are in order and do not overlap',
        };
      }
      previousEnd = to;
    }
  }
  return null;
}

/** Monday first; days without a session are left out (closed). */
export function normaliseHours(week: WeeklyHours): WeeklyHours {
  return week
    .filter((d) => d.sessions.length > 0)
    .map((d) => ({
      weekday: d.weekday,
      sessions: [...d.sessions].sort((a, b) => minutesOf(a.from) - minutesOf(b.from)),
    }))
    .sort((a, b) => a.weekday - b.weekday);
}

/** 周一至周五 09:00-12:00、13:30-17:00；周六 09:00-12:00 — consecutive days with the same sessions are joined. */
export function describeHours(week: WeeklyHours): string {
  const days = normaliseHours(week);
  const text = (d: DayHours) => d.sessions.map((s) => `${s.from}-${s.to}`).join('、');
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (
      j + 1 < days.length &&
      days[j + 1]!.weekday === days[j]!.weekday + 1 &&
      text(days[j + 1]!) === text(days[i]!)
    )
      j++;
    const first = weekdayLabels[days[i]!.weekday - 1];
    const last = weekdayLabels[days[j]!.weekday - 1];
    parts.push(`${i === j ? first : `${first}至${last}`} ${text(days[i]!)}`);
    i = j + 1;
  }
  return parts.join('；');
}

/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (day: CalendarDay) => dayOfWeek(day) || 7;

/** Minutes past midnight when the day's last session ends; null when the timetable has no session that day. */
export function closingMinute(week: WeeklyHours, day: CalendarDay): number | null {
  const d = week.find((x) => x.weekday === weekdayOf(day));
  if (!d || d.sessions.length === 0) return null;
  return Math.max(...d.sessions.map((s) => minutesOf(s.to)));
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The instant (epoch ms) the day's last session ends, Beijing time; null without a session that day. */
export function closingInstant(week: WeeklyHours, day: CalendarDay): number | null {
  const m = closingMinute(week, day);
  return m === null ? null : Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS + m * 60_000;
}

/** When the day's queue closes: the latest end among the timetables given; null when none has a session that day. */
export function closingOf(weeks: readonly WeeklyHours[], day: CalendarDay): number | null {
  const ends = weeks.map((w) => closingInstant(w, day)).filter((x): x is number => x !== null);
  return ends.length ? Math.max(...ends) : null;
}

/**
 * Is a ticket still waiting from `ticketDay` past its queue's close at `now`? A ticket of an earlier China day
 * always is (tickets never carry over); one of today once the day's last session has ended, when known.
 */
export function pastClosing(closing: number | null, ticketDay: CalendarDay, today: CalendarDay, now: number): boolean {
  if (ticketDay < today) return true;
  if (ticketDay > today) return false;
  return closing !== null && now >= closing;
}
