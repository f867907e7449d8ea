/**
 * What a 工作报告 says, gathered from the owning modules' services (never their tables), so each figure is the one
 * the dashboard shows for the same hall and period: the stats overview (volumes, on-time rate, tickets,
 * satisfaction, complaints), the rating module's open 差评整改 tasks, the inspections' monthly quality indicators and
 * overdue rectification notices, and the hall's target wait. The risks are worked out by the pure rules.
 */
import {
  change,
  longWaits,
  onTimeDrops,
  type Period,
  parsePeriod,
  pointChange,
  previousPeriod,
  type ReportKind,
  risingComplaints,
  sameLastYear,
} from '../../domain/reports/index.ts';
import { figureOfSums } from '../../domain/stats/index.ts';
import { type Actor, type AppContext, figuresDbOf } from '../../platform/context.ts';
import { readStaffingTarget } from '../../platform/settings.ts';
import { overdueRectificationsForBoard, qualityReport } from '../inspections/service.ts';
import { findHall, findWindow } from '../org/service.ts';
import { ticketSumsBetween } from '../queue/service.ts';
import { ratingTasksForBoard } from '../rating/service.ts';
import { overview } from '../stats/service.ts';
import type { ReportContent } from './schema.ts';

const BAD = new Set(['dissatisfied', 'very_dissatisfied']);

/** The months ('YYYY-MM') a period spans, for the inspections' monthly indicators. */
function monthsOf(p: Period): string[] {
  const months: string[] = [];
  for (let m = p.from.slice(0, 7); m <= p.to.slice(0, 7); ) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return months;
}

async function figuresOf(ctx: AppContext, actor: Actor, hallId: string, p: Period) {
  const o = await overview(ctx, actor, { hallId, from: p.from, to: p.to });
  return { o, figures: { period: p.key, label: p.label, from: p.from, to: p.to, ...pick(o.totals) } };
}
const pick = (t: { received: number; finished: number; onTime: number; onTimeRate: number | null }) => ({
  received: t.received,
  finished: t.finished,
  onTime: t.onTime,
  onTimeRate: t.onTimeRate,
});

export async function reportContent(
  ctx: AppContext,
  actor: Actor,
  hallId: string,
  kind: ReportKind,
  period: Period,
): Promise<ReportContent> {
  const previous = parsePeriod(kind, previousPeriod(kind, period.key))!;
  const lastYear = parsePeriod(kind, sameLastYear(kind, period.key))!;
  // The three periods' figures one after the other: each is a set of grouped counts from the database, and a year
  // of a big hall is heavy on its disk; a scheduled pass should not read three at once.
  const cur = await figuresOf(ctx, actor, hallId, period);
  const prev = await figuresOf(ctx, actor, hallId, previous);
  // A year's previous period is the same year before: counted once.
  const ly = lastYear.key === previous.key ? prev : await figuresOf(ctx, actor, hallId, lastYear);
  const [hall, tickets, target, ratingTasks, quality, overdue] = await Promise.all([
    findHall(figuresDbOf(ctx), hallId),
    ticketSumsBetween(figuresDbOf(ctx), [hallId], period.from, period.to, 'window'),
    readStaffingTarget(figuresDbOf(ctx), hallId),
    ratingTasksForBoard(ctx, [hallId]),
    Promise.all(monthsOf(period).map((month) => qualityReport(ctx, actor, { hallId, month }))),
    overdueRectificationsForBoard(ctx, [hallId]),
  ]);
  const o = cur.o;

  // 窗口服务: each window's tickets and mean wait, with the same arithmetic as the dashboard's.
  const byWindow = [];
  for (const [key, sums] of tickets) {
    const w = await findWindow(figuresDbOf(ctx), key);
    const f = figureOfSums(sums);
    byWindow.push({ key, name: w ? `${w.number}号窗口` : key, tickets: f.tickets, meanWaitMinutes: f.meanWaitMinutes });
  }
  byWindow.sort((a, b) => a.name.localeCompare(b.name, 'zh', { numeric: true }));
  const targetWaitMinutes = target.targetWaitSeconds / 60;

  // 监督检查: the monthly indicators summed over the period's months.
  const indicators = (quality[0]?.indicators ?? []).map((first, i) => {
    const numerator = quality.reduce((s, q) => s + q.indicators[i]!.numerator, 0);
    const denominator = quality.reduce((s, q) => s + q.indicators[i]!.denominator, 0);
    const value = denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10;
    return { name: first.name, target: first.target, numerator, denominator, value };
  });

  const previousCategories = new Map(prev.o.complaintsByCategory.map((c) => [c.category, c.count]));
  const risks = [
    ...onTimeDrops(o.byItem, prev.o.byItem),
    ...longWaits(byWindow, targetWaitMinutes),
    ...risingComplaints(o.complaintsByCategory, prev.o.complaintsByCategory),
  ].map((r) => ({ kind: r.kind, key: r.key, name: r.name, text: r.text }));

  return {
    hallName: hall?.name ?? hallId,
    overall: {
      current: cur.figures,
      previous: prev.figures,
      lastYear: ly.figures,
      changes: {
        receivedMoM: change(cur.figures.received, prev.figures.received),
        receivedYoY: change(cur.figures.received, ly.figures.received),
        finishedMoM: change(cur.figures.finished, prev.figures.finished),
        finishedYoY: change(cur.figures.finished, ly.figures.finished),
        onTimeMoM: pointChange(cur.figures.onTimeRate, prev.figures.onTimeRate),
        onTimeYoY: pointChange(cur.figures.onTimeRate, ly.figures.onTimeRate),
      },
    },
    byItem: o.byItem,
    byDepartment: o.byDepartment,
    windows: {
      tickets: o.totals.tickets,
      meanWaitMinutes: o.totals.meanWaitMinutes,
      meanServiceMinutes: o.totals.meanServiceMinutes,
      targetWaitMinutes,
      byWindow,
    },
    satisfaction: {
      ratings: o.totals.ratings,
      goodRate: o.totals.goodRate,
      bad: o.satisfaction.filter((s) => BAD.has(s.level)).reduce((n, s) => n + s.total, 0),
      levels: o.satisfaction.map((s) => ({ name: s.name, onSite: s.onSite, online: s.online, total: s.total })),
      openRectifications: ratingTasks.length,
      lateRectifications: ratingTasks.filter((t) => t.light === 'red').length,
    },
    complaints: {
      total: o.totals.complaints,
      previousTotal: prev.o.totals.complaints,
      byCategory: o.complaintsByCategory.map((c) => ({
        category: c.category,
        name: c.name,
        count: c.count,
        previous: previousCategories.get(c.category) ?? 0,
      })),
    },
    inspections: {
      indicators,
      overdueRectifications: overdue.map((r) => ({
        responsibleName: r.responsibleName,
        finding: r.finding,
        dueDay: r.dueDay,
        status: r.status,
      })),
    },
    risks,
  };
}
