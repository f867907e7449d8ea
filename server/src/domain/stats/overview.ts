/**
 * 统计分析 (R16.1): the pure arithmetic of the dashboard's queue and satisfaction figures, and its period rule.
 *
 * - 平均等候 (mean waiting minutes) = mean of (first call − arrival) over the tickets that were called;
 * - 平均办理 (mean service minutes) = mean of (finish − serving start) over the tickets served to the end;
 *   both in minutes to two decimals, null when no ticket qualifies (never 0).
 * - 好评率 (good-rating rate) = ratings other than 不满意 / 非常不满意 ÷ all ratings; null when there are none.
 * - A period is 1 to 366 China days, from ≤ to.
 */
import { addDays } from '../calendar/days.ts';

export const MAX_PERIOD_DAYS = 366;
const MINUTE = 60_000;

export interface TicketTimes {
  day: string;
  arrivedAt: number;
  calledAt: number | null;
  servingStartedAt: number | null;
  finishedAt: number | null;
}

export interface TicketFigure {
  tickets: number;
  meanWaitMinutes: number | null;
  meanServiceMinutes: number | null;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

export function ticketFigure(tickets: readonly TicketTimes[]): TicketFigure {
  const waits = tickets.filter((t) => t.calledAt !== null).map((t) => (t.calledAt! - t.arrivedAt) / MINUTE);
  const services = tickets
    .filter((t) => t.servingStartedAt !== null && t.finishedAt !== null)
    .map((t) => (t.finishedAt! - t.servingStartedAt!) / MINUTE);
  return { tickets: tickets.length, meanWaitMinutes: mean(waits), meanServiceMinutes: mean(services) };
}

/** The figure of each day of the period (every day, an empty one too), by the ticket's issue day. */
export function ticketsByDay(tickets: readonly TicketTimes[], days: readonly string[]) {
  const on = new Map<string, TicketTimes[]>();
  for (const t of tickets) on.set(t.day, [...(on.get(t.day) ?? []), t]);
  return days.map((day) => ({ day, ...ticketFigure(on.get(day) ?? []) }));
}

export const BAD_LEVELS: readonly string[] = ['dissatisfied', 'very_dissatisfied'];

export function goodRate(levels: readonly string[]): number | null {
  return levels.length ? levels.filter((l) => !BAD_LEVELS.includes(l)).length / levels.length : null;
}

/** The days of [from, to]; null when reversed or longer than MAX_PERIOD_DAYS (the caller names the field). */
export function daysOf(from: string, to: string): string[] | null {
  if (to < from) return null;
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > MAX_PERIOD_DAYS) return null;
  }
  return days;
}
