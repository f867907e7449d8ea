/**
 * 按时办结率 / On-time rate (R6.4)
 *
 *   按时办结率 = 统计期内办结且办结日不晚于截止日的办件数 ÷ 统计期内办结的办件数
 *   on-time rate = cases completed in the period on or before their deadline ÷ cases completed in the period
 *
 * A case is finished on the China calendar day of its completion event; its deadline is the stored case
 * deadline (promised days, suspensions and approved extensions already counted). Completed on the deadline
 * day itself is on time. A case without a stored deadline cannot show it was on time, so it counts as late.
 * No finished case in the period: the rate is null (not 0 and not 100%).
 */

export interface FinishedCase {
  id: string;
  /** 'YYYY-MM-DD' in China, the day of the completion event. */
  completedDay: string;
  deadline: string | null;
}

export interface OnTimeFigure {
  onTime: number;
  finished: number;
  /** onTime / finished in [0, 1]; null when nothing was finished. */
  rate: number | null;
}

export const isOnTime = (c: FinishedCase): boolean => c.deadline !== null && c.completedDay <= c.deadline;

export function onTimeRate(cases: readonly FinishedCase[]): OnTimeFigure {
  const onTime = cases.filter(isOnTime).length;
  return { onTime, finished: cases.length, rate: cases.length ? onTime / cases.length : null };
}

export interface GroupFigure extends OnTimeFigure {
  key: string;
}

/** The figure per group; a case in several groups (e.g. two departments) counts in each. */
export function onTimeByGroup<T extends FinishedCase>(
  cases: readonly T[],
  keysOf: (c: T) => readonly string[],
): GroupFigure[] {
  const groups = new Map<string, T[]>();
  for (const c of cases) {
    for (const key of new Set(keysOf(c))) {
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
  }
  return [...groups].map(([key, list]) => ({ key, ...onTimeRate(list) })).sort((a, b) => a.key.localeCompare(b.key));
}

/** Is a completion instant's day inside [from, to] (inclusive, 'YYYY-MM-DD')? */
export const inPeriod = (day: string, from: string, to: string): boolean => day >= from && day <= to;
