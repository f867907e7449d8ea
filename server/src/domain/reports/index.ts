/**
 * 工作报告 (R16.2): the periods a report covers, the 环比 / 同比 change, the risks surfaced automatically, and the
 * overdue rule of a task handed down by a superior (上级交办事项). Pure: no I/O, no clock.
 */

export const reportKinds = ['monthly', 'quarterly', 'yearly'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKind, string> = { monthly: '月度', quarterly: '季度', yearly: '年度' };

const PERIOD: Record<ReportKind, RegExp> = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  yearly: /^(\d{4})$/,
};
const QUARTER_NAMES = ['一', '二', '三', '四'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export interface Period {
  kind: ReportKind;
  /** 'YYYY-MM', 'YYYY-Qn' or 'YYYY'. */
  key: string;
  from: string;
  to: string;
  /** As the title says it: 2026年11月, 2026年第四季度, 2026年. */
  label: string;
}

/** The months [first, last] (1-based) a period spans and its year, or null for a key that is not of the kind. */
function span(kind: ReportKind, key: string): { year: number; first: number; last: number } | null {
  const m = PERIOD[kind].exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2999) return null;
  if (kind === 'monthly') return { year, first: Number(m[2]), last: Number(m[2]) };
  if (kind === 'quarterly') return { year, first: Number(m[2]) * 3 - 2, last: Number(m[2]) * 3 };
  return { year, first: 1, last: 12 };
}

export function parsePeriod(kind: ReportKind, key: string): Period | null {
  const s = span(kind, key);
  if (!s) return null;
  const label =
    kind === 'monthly'
      ? `${s.year}年${s.first}月`
      : kind === 'quarterly'
        ? `${s.year}年第${QUARTER_NAMES[s.last / 3 - 1]}季度`
        : `${s.year}年`;
  return {
    kind,
    key,
    from: `${s.year}-${pad(s.first)}-01`,
    to: `${s.year}-${pad(s.last)}-${pad(lastDayOf(s.year, s.last))}`,
    label,
  };
}

/** The period of the kind that contains a day ('YYYY-MM-DD'). */
export function periodOf(kind: ReportKind, day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (kind === 'monthly') return day.slice(0, 7);
  if (kind === 'quarterly') return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

/** The period n periods before (n = 1: 上期, the 环比 base). */
export function shiftPeriod(kind: ReportKind, key: string, back: number): string {
  const s = span(kind, key);
  if (!s) throw new Error(`not a ${kind} period: ${key}`);
  if (kind === 'yearly') return String(s.year - back);
  const step = kind === 'monthly' ? 1 : 3;
  const index = s.year * 12 + (s.first - 1) - back * step;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return kind === 'monthly' ? `${y}-${pad(m)}` : `${y}-Q${Math.ceil(m / 3)}`;
}

export const previousPeriod = (kind: ReportKind, key: string) => shiftPeriod(kind, key, 1);

/** 同比: the same period of the year before. */
export function sameLastYear(kind: ReportKind, key: string): string {
  return shiftPeriod(kind, key, kind === 'monthly' ? 12 : kind === 'quarterly' ? 4 : 1);
}

/** The period just ended on `today`: the one before the period that contains today. */
export const periodJustEnded = (kind: ReportKind, today: string) => previousPeriod(kind, periodOf(kind, today));

/** Relative change against a base (0.25 = +25%); null when the base is missing or zero (not comparable). */
export function change(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return (current - base) / base;
}

/** A rate's change in percentage points (0.9 → 0.8 = −0.1); null when either is missing. */
export function pointChange(current: number | null, base: number | null): number | null {
  if (current === null || base === null) return null;
  return current - base;
}

export interface RiskThresholds {
  /** An item's on-time rate falling by more than this (in rate points, 0.1 = 10 个百分点) is a risk. */
  onTimeDrop: number;
  /** Items with fewer finished cases than this in either period are too small to judge. */
  minFinished: number;
  /** A category is rising when it has at least this many complaints and more than the period before. */
  minComplaints: number;
}
export const DEFAULT_THRESHOLDS: RiskThresholds = { onTimeDrop: 0.1, minFinished: 3, minComplaints: 2 };

export interface ItemRate {
  key: string;
  name: string;
  finished: number;
  onTimeRate: number | null;
}
export interface WindowWait {
  key: string;
  name: string;
  tickets: number;
  meanWaitMinutes: number | null;
}
export interface CategoryCount {
  category: string;
  name: string;
  count: number;
}

export type Risk =
  | { kind: 'on_time_drop'; key: string; name: string; current: number; previous: number; text: string }
  | { kind: 'long_wait'; key: string; name: string; meanWaitMinutes: number; targetMinutes: number; text: string }
  | { kind: 'complaints_rising'; key: string; name: string; current: number; previous: number; text: string };

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
const minutes = (m: number) => (Math.round(m * 10) / 10).toFixed(1);

/** Items whose on-time rate fell by more than the threshold against the previous period. */
export function onTimeDrops(current: ItemRate[], previous: ItemRate[], t = DEFAULT_THRESHOLDS): Risk[] {
  const before = new Map(previous.map((p) => [p.key, p]));
  const risks: Risk[] = [];
  for (const c of current) {
    const p = before.get(c.key);
    if (!p || c.onTimeRate === null || p.onTimeRate === null) continue;
    if (c.finished < t.minFinished || p.finished < t.minFinished) continue;
    // Compared in thousandths so 0.9 − 0.8 is exactly 10 points, not 10.000000000000002.
    const drop = Math.round((p.onTimeRate - c.onTimeRate) * 1000);
    if (drop <= Math.round(t.onTimeDrop * 1000)) continue;
    risks.push({
      kind: 'on_time_drop',
      key: c.key,
      name: c.name,
      current: c.onTimeRate,
      previous: p.onTimeRate,
      text: `事项“${c.name}”按时办结率由上期 ${pct(p.onTimeRate)} 降至 ${pct(c.onTimeRate)}`,
    });
  }
  return risks.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Windows whose mean wait is longer than the hall's target wait. */
export function longWaits(windows: WindowWait[], targetMinutes: number): Risk[] {
  return windows
    .filter((w) => w.meanWaitMinutes !== null && w.meanWaitMinutes > targetMinutes)
    .map((w) => ({
      kind: 'long_wait' as const,
      key: w.key,
      name: w.name,
      meanWaitMinutes: w.meanWaitMinutes!,
      targetMinutes,
      text: `${w.name}平均等候 ${minutes(w.meanWaitMinutes!)} 分钟，超过目标 ${minutes(targetMinutes)} 分钟`,
    }))
    .sort((a, b) => b.meanWaitMinutes - a.meanWaitMinutes || a.name.localeCompare(b.name, 'zh'));
}

/** Complaint categories with more complaints than the period before (and at least the minimum). */
export function risingComplaints(current: CategoryCount[], previous: CategoryCount[], t = DEFAULT_THRESHOLDS): Risk[] {
  const before = new Map(previous.map((p) => [p.category, p.count]));
  return current
    .filter((c) => c.count >= t.minComplaints && c.count > (before.get(c.category) ?? 0))
    .map((c) => ({
      kind: 'complaints_rising' as const,
      key: c.category,
      name: c.name,
      current: c.count,
      previous: before.get(c.category) ?? 0,
      text: `“${c.name}”类投诉举报 ${c.count} 件，上期 ${before.get(c.category) ?? 0} 件，呈上升趋势`,
    }))
    .sort((a, b) => b.current - a.current || a.key.localeCompare(b.key));
}

export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskStatusLabels: Record<TaskStatus, string> = { open: '办理中', done: '已办结' };

/** A task handed down is overdue (red) while open after its due day; a done one never is. */
export function taskOverdue(t: { status: string; dueDay: string | null }, today: string): boolean {
  return t.status !== 'done' && t.dueDay !== null && today > t.dueDay;
}
