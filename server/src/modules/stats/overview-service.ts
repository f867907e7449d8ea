/**
 * 统计分析 (R16.1): the director's figures for a hall and a period of China days, each read from the records through
 * the owning module's service (never its tables). The definitions, also in README "统计分析":
 *
 * - 受理量 (received): cases whose stored acceptance day (`accepted_day`, China time) lies in the period.
 * - 办结量 (finished) and 按时办结率 (on-time rate): exactly /api/supervision/on-time (supervision/service.ts `onTime`):
 *   cases whose completion event falls on a day of the period; on time when completed on or before the stored
 *   deadline. Per item, department (every department with a step of the case), window and person (the first
 *   owner, else the receiving clerk) as that service groups them.
 * - Volume per item / window / person: received counted by the case's item, its receiving window and its receiving
 *   clerk; per department: every department with a step of the received case (a case in two counts in both).
 * - 取号量 (tickets) per day: the tickets issued on that day (`queue_tickets.day`).
 *   平均等候 (mean waiting minutes): over the day's tickets that were called, first call − arrival.
 *   平均办理 (mean service minutes): over the day's tickets served to the end, finish − serving start.
 * - 满意度: the on-site pad ratings and the 好差评 ratings (except those excluded on an upheld appeal) given on a day of
 *   the period, counted per level; 好评率 (good-rating rate) = ratings not 不满意 / 非常不满意 ÷ all ratings.
 * - 投诉 (complaints): complaints and reports received (`received_day`) in the period, per category.
 * A rate or mean over nothing is null (shown as —), never 0.
 */
import { InvalidDayError, parseDay } from '../../domain/calendar/index.ts';
import { categoryLabels, type ComplaintCategory } from '../../domain/complaints/index.ts';
import {
  addSums,
  daysOf,
  figureOfSums,
  goodRateOfCounts,
  MAX_PERIOD_DAYS,
  noTickets,
  ticketsByDay,
} from '../../domain/stats/index.ts';
import { type Actor, type AppContext, figuresDbOf } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { receivedCounts } from '../cases/service.ts';
import { categoryCountsBetween } from '../complaints/service.ts';
import { assertHallAccess, departmentsByIds, findWindow, visibleHallIds } from '../org/service.ts';
import { ticketSumsBetween } from '../queue/service.ts';
import { caseLevelCountsBetween, padLevelCountsBetween } from '../rating/service.ts';
import { ratingLevels } from '../rating/schema.ts';
import { onTimeFigures } from '../supervision/service.ts';
import type { Overview } from './schema.ts';

const levelNames: Record<string, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

function dayField(value: string, field: string): string {
  try {
    return parseDay(value, field);
  } catch (e) {
    if (e instanceof InvalidDayError) throw invalid(field, e.zh, e.en);
    throw e;
  }
}

/** The period's days, checked: real days, not reversed, at most 366 of them. */
export function periodDays(fromText: string, toText: string): string[] {
  const from = dayField(fromText, 'from');
  const to = dayField(toText, 'to');
  if (to < from) throw invalid('to', '结束日期不能早于开始日期', 'The end date is before the start date');
  const days = daysOf(from, to);
  if (!days)
    throw invalid('to', `统计期间不能超过 ${MAX_PERIOD_DAYS} 天`, `The period is at most ${MAX_PERIOD_DAYS} days`);
  return days;
}

type Dim = 'item' | 'department' | 'window' | 'person';
const byKey = { item: 'byItem', department: 'byDepartment', window: 'byWindow', person: 'byPerson' } as const;

/**
 * Every figure is counted in the database and only the counts come back: a year of a big hall (the yearly 工作报告)
 * is hundreds of thousands of cases and tickets, and holding their rows would take the server's memory.
 */
export async function overview(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; from: string; to: string },
): Promise<Overview> {
  const days = periodDays(q.from, q.to);
  if (q.hallId) assertHallAccess(actor, q.hallId);
  const hallIds = visibleHallIds(actor, q.hallId);
  const from = days[0]!;
  const to = days[days.length - 1]!;
  const [received, ticketDays, pad, online, complaints, finished] = await Promise.all([
    receivedCounts(figuresDbOf(ctx), hallIds, from, to),
    ticketSumsBetween(figuresDbOf(ctx), hallIds, from, to, 'day'),
    padLevelCountsBetween(figuresDbOf(ctx), hallIds, from, to),
    caseLevelCountsBetween(figuresDbOf(ctx), hallIds, from, to),
    categoryCountsBetween(figuresDbOf(ctx), hallIds, from, to),
    onTimeFigures(ctx, actor, { from, to, hallId: q.hallId }),
  ]);

  // Volume per dimension: received from the accepted cases, finished and on time from the on-time service.
  const volumes = async (by: Dim) => {
    const rows = new Map<string, Overview['byItem'][number]>();
    const row = (key: string) => {
      const r = rows.get(key) ?? { key, name: key, received: 0, finished: 0, onTime: 0, onTimeRate: null };
      rows.set(key, r);
      return r;
    };
    for (const c of received[byKey[by]]) {
      const r = row(c.key);
      r.received = c.count;
      if (c.name) r.name = c.name;
    }
    for (const g of finished[by]) {
      const r = row(g.key);
      r.name = g.name;
      r.finished = g.finished;
      r.onTime = g.onTime;
      r.onTimeRate = g.rate;
    }
    if (by === 'department') {
      const unnamed = [...rows.values()].filter((r) => r.name === r.key);
      const found = await departmentsByIds(
        figuresDbOf(ctx),
        unnamed.map((r) => r.key),
      );
      for (const d of found) rows.get(d.id)!.name = d.name;
    }
    if (by === 'window')
      for (const r of rows.values())
        if (r.name === r.key) {
          const w = await findWindow(figuresDbOf(ctx), r.key);
          if (w) r.name = `${w.number}号窗口 ${w.name}`;
        }
    return [...rows.values()].sort(
      (a, b) => b.received - a.received || b.finished - a.finished || a.name.localeCompare(b.name),
    );
  };
  const [byItem, byDepartment, byWindow, byPerson] = await Promise.all([
    volumes('item'),
    volumes('department'),
    volumes('window'),
    volumes('person'),
  ]);

  const countOf = (rows: { level: string; n: number | string }[], level: string) =>
    Number(rows.find((r) => r.level === level)?.n ?? 0);
  const satisfaction = ratingLevels.map((level) => {
    const onSite = countOf(pad, level);
    const onl = countOf(online, level);
    return { level, name: levelNames[level] ?? level, onSite, online: onl, total: onSite + onl };
  });
  const levelCounts = [...pad, ...online].map((r) => ({ level: r.level, count: Number(r.n) }));
  const ratings = levelCounts.reduce((n, r) => n + r.count, 0);
  const allTickets = figureOfSums([...ticketDays.values()].reduce(addSums, noTickets));
  const receivedOn = new Map(received.byDay.map((d) => [d.key, d.count]));
  const finishedOn = new Map(finished.byDay.map((d) => [d.key, d.finished]));

  return {
    hallIds,
    from,
    to,
    totals: {
      received: received.byDay.reduce((n, d) => n + d.count, 0),
      finished: finished.overall.finished,
      onTime: finished.overall.onTime,
      onTimeRate: finished.overall.rate,
      tickets: allTickets.tickets,
      meanWaitMinutes: allTickets.meanWaitMinutes,
      meanServiceMinutes: allTickets.meanServiceMinutes,
      ratings,
      goodRate: goodRateOfCounts(levelCounts),
      complaints: complaints.reduce((n, c) => n + Number(c.n), 0),
    },
    casesByDay: days.map((day) => ({
      day,
      received: receivedOn.get(day) ?? 0,
      finished: finishedOn.get(day) ?? 0,
    })),
    byItem,
    byDepartment,
    byWindow,
    byPerson,
    ticketsByDay: ticketsByDay(ticketDays, days),
    satisfaction,
    complaintsByCategory: complaints
      .map((c) => ({
        category: c.category,
        name: categoryLabels[c.category as ComplaintCategory] ?? c.category,
        count: Number(c.n),
      }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
  };
}

/** The overview as a workbook: one sheet per table of the page, typed columns (dates, integers, percents). */
export async function overviewXlsx(ctx: AppContext, actor: Actor, q: { hallId?: string; from: string; to: string }) {
  const o = await overview(ctx, actor, q);
  const volumeSheet = (name: string, label: string, rows: Overview['byItem']) => ({
    name,
    columns: [
      { header: label, type: 'text' },
      { header: '受理量', type: 'integer' },
      { header: '办结量', type: 'integer' },
      { header: '按时办结', type: 'integer' },
      { header: '按时办结率', type: 'percent' },
    ] satisfies Column[],
    rows: rows.map((r) => [r.name, r.received, r.finished, r.onTime, r.onTimeRate]),
  });
  const t = o.totals;
  const xlsx = await workbook([
    {
      name: '概况',
      columns: [
        { header: '开始日期', type: 'date' },
        { header: '结束日期', type: 'date' },
        { header: '受理量', type: 'integer' },
        { header: '办结量', type: 'integer' },
        { header: '按时办结率', type: 'percent' },
        { header: '取号量', type: 'integer' },
        { header: '平均等候(分钟)', type: 'decimal' },
        { header: '平均办理(分钟)', type: 'decimal' },
        { header: '评价数', type: 'integer' },
        { header: '好评率', type: 'percent' },
        { header: '投诉举报', type: 'integer' },
      ] satisfies Column[],
      rows: [
        [
          o.from,
          o.to,
          t.received,
          t.finished,
          t.onTimeRate,
          t.tickets,
          t.meanWaitMinutes,
          t.meanServiceMinutes,
          t.ratings,
          t.goodRate,
          t.complaints,
        ],
      ],
    },
    {
      name: '每日受理办结',
      columns: [
        { header: '日期', type: 'date' },
        { header: '受理量', type: 'integer' },
        { header: '办结量', type: 'integer' },
      ] satisfies Column[],
      rows: o.casesByDay.map((d) => [d.day, d.received, d.finished]),
    },
    volumeSheet('按事项', '事项', o.byItem),
    volumeSheet('按部门', '部门', o.byDepartment),
    volumeSheet('按窗口', '窗口', o.byWindow),
    volumeSheet('按人员', '人员', o.byPerson),
    {
      name: '每日排队',
      columns: [
        { header: '日期', type: 'date' },
        { header: '取号量', type: 'integer' },
        { header: '平均等候(分钟)', type: 'decimal' },
        { header: '平均办理(分钟)', type: 'decimal' },
      ] satisfies Column[],
      rows: o.ticketsByDay.map((d) => [d.day, d.tickets, d.meanWaitMinutes, d.meanServiceMinutes]),
    },
    {
      name: '满意度',
      columns: [
        { header: '评价等级', type: 'text' },
        { header: '现场评价', type: 'integer' },
        { header: '好差评', type: 'integer' },
        { header: '合计', type: 'integer' },
      ] satisfies Column[],
      rows: o.satisfaction.map((s) => [s.name, s.onSite, s.online, s.total]),
    },
    {
      name: '投诉类别',
      columns: [
        { header: '问题类别', type: 'text' },
        { header: '件数', type: 'integer' },
      ] satisfies Column[],
      rows: o.complaintsByCategory.map((c) => [c.name, c.count]),
    },
  ]);
  return { xlsx, fileName: `统计分析_${o.from}_${o.to}.xlsx` };
}
