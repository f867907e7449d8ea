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

/** The sums a ticket figure is made from: integer milliseconds, so a sum in SQL and one in code agree exactly. */
export interface TicketSums {
  tickets: number;
  called: number;
  waitMs: number;
  served: number;
  serviceMs: number;
}

const meanMinutes = (totalMs: number, n: number) => (n ? Math.round((totalMs / n / MINUTE) * 100) / 100 : null);

export function figureOfSums(s: TicketSums): TicketFigure {
  return {
    tickets: s.tickets,
    meanWaitMinutes: meanMinutes(s.waitMs, s.called),
    meanServiceMinutes: meanMinutes(s.serviceMs, s.served),
  };
}

export const noTickets: TicketSums = { tickets: 0, called: 0, waitMs: 0, served: 0, serviceMs: 0 };

export const addSums = (a: TicketSums, b: TicketSums): TicketSums => ({
  tickets: a.tickets + b.tickets,
  called: a.called + b.called,
  waitMs: a.waitMs + b.waitMs,
  served: a.served + b.served,
  serviceMs: a.serviceMs + b.serviceMs,
});

export function sumsOf(tickets: readonly TicketTimes[]): TicketSums {
  const s = { ...noTickets, tickets: tickets.length };
  for (const t of tickets) {
    if (t.calledAt !== null) {
      s.called += 1;
      s.waitMs += t.calledAt - t.arrivedAt;
    }
    if (t.servingStartedAt !== null && t.finishedAt !== null) {
      s.served += 1;
      s.serviceMs += t.finishedAt - t.servingStartedAt;
    }
  }
  return s;
}

export const ticketFigure = (tickets: readonly TicketTimes[]): TicketFigure => figureOfSums(sumsOf(tickets));

/** The figure of each day of the period (every day, an empty one too), from the sums per issue day. */
export function ticketsByDay(sumsByDay: ReadonlyMap<string, TicketSums>, days: readonly string[]) {
  return days.map((day) => ({ day, ...figureOfSums(sumsByDay.get(day) ?? noTickets) }));
}

/** The sums per issue day of a list of tickets. */
export function sumsByDay(tickets: readonly TicketTimes[]): Map<string, TicketSums> {
  const on = new Map<string, TicketTimes[]>();
  for (const t of tickets) {
    const list = on.get(t.day);
    if (list) list.push(t);
    else on.set(t.day, [t]);
  }
  return new Map([...on].map(([day, list]) => [day, sumsOf(list)]));
}

export const BAD_LEVELS: readonly string[] = ['dissatisfied', 'very_dissatisfied'];

export function goodRate(levels: readonly string[]): number | null {
  return levels.length ? levels.filter((l) => !BAD_LEVELS.includes(l)).length / levels.length : null;
}

/** The same rate from counts per level (what the database returns). */
export function goodRateOfCounts(counts: readonly { level: string; count: number }[]): number | null {
  const all = counts.reduce((n, c) => n + c.count, 0);
  const bad = counts.filter((c) => BAD_LEVELS.includes(c.level)).reduce((n, c) => n + c.count, 0);
  return all ? (all - bad) / all : null;
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

/**
 * The period [from, to] cut at month ends: contiguous slices, each inside one calendar month, together covering the
 * period. A long period's figures are counted slice by slice (each count is additive: a case is accepted on one day
 * and first completed on one day), so one request never holds the database for a whole year at once.
 */
export function monthSlices(from: string, to: string): { from: string; to: string }[] {
  const slices: { from: string; to: string }[] = [];
  for (let start = from; start <= to; ) {
    const [y, m] = start.split('-').map(Number) as [number, number];
    const monthEnd = addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
    const end = monthEnd < to ? monthEnd : to;
    slices.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return slices;
}
