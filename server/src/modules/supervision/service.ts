/** Electronic supervision (电子监察, R6.4): the board of yellow and red clocks and the on-time rate. */
import { InvalidDayError, parseDay } from '../../domain/calendar/index.ts';
import { isOnTime, type OnTimeFigure, onTimeRate, tally } from '../../domain/supervision/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import { type Actor, type AppContext, figuresDbOf } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { caseDepartments, completions, type FinishedCount, finishedCounts } from '../cases/service.ts';
import { allHalls, visibleHallIds } from '../org/service.ts';
import { uncoveredNow } from '../staff/service.ts';
import * as repo from './repository.ts';
import { calendars, watch } from './watch.ts';
import { caseSupportBoard } from './case-support.ts';
import { prereviewBoard } from './prereview-board.ts';
import { faultsForBoard } from '../equipment/service.ts';
import { overdueLoansForBoard } from '../archives/service.ts';
import { ratingTasksForBoard } from '../rating/service.ts';
import { overdueRectificationsForBoard } from '../inspections/service.ts';

export { alertUncovered, markAlertRead, myAlerts, raiseHallAlert, sweepAlerts } from './alerts.ts';

const UNASSIGNED = 'unassigned';

async function names(ctx: AppContext, hallIds: string[], userIds: string[]) {
  const [departments, windows, users] = await Promise.all([
    repo.departments(ctx.db, hallIds),
    repo.windows(ctx.db, hallIds),
    repo.users(ctx.db, userIds),
  ]);
  return {
    department: new Map(departments.map((d) => [d.id, d.name])),
    window: new Map(windows.map((w) => [w.id, `${w.number}号窗口 ${w.name}`])),
    user: new Map([...users.map((u) => [u.id, u.display_name] as const), [UNASSIGNED, '未分配']]),
  };
}

const named = (m: Map<string, string>) => (t: { key: string; yellow: number; red: number }) => ({
  ...t,
  name: m.get(t.key) ?? t.key,
});

export async function board(ctx: AppContext, actor: Actor, q: { hallId?: string; stuckDays: number }) {
  const hallIds = visibleHallIds(actor, q.hallId);
  const now = ctx.clock.now();
  const w = await watch(ctx.db, hallIds, now, q.stuckDays);
  const people = [...w.cases.map((c) => c.ownerId), ...w.steps.flatMap((s) => (s.assigneeId ? [s.assigneeId] : []))];
  const n = await names(ctx, hallIds, people);
  const all = [...w.cases, ...w.steps];
  const cals = await calendars(ctx.db, hallIds);
  const today = chinaDay(now);
  const followUps = (await repo.openFollowUps(ctx.db, hallIds)).map((f) => ({
    id: f.id,
    dueDay: f.due_day,
    level: f.level,
    comment: f.comment,
    windowNumber: f.window_number,
    staffName: f.staff_name,
    createdAt: Number(f.created_at),
    // A call-back is due within its day; after it the task is red (R8.3).
    light: cals.get(f.hall_id)?.lightFor(today, f.due_day, 0) ?? 'green',
  }));
  return {
    today: w.today,
    stuckDays: q.stuckDays,
    cases: w.cases.map((c) => ({
      caseId: c.caseId,
      caseNo: c.caseNo,
      itemName: c.itemName,
      deadline: c.deadline,
      level: c.level,
      ownerName: c.ownerName,
      windowName: c.windowId ? (n.window.get(c.windowId) ?? null) : null,
      departmentNames: c.departmentIds.map((d) => n.department.get(d) ?? d),
      suspended: c.suspended,
    })),
    steps: w.steps.map((s) => ({
      stepId: s.stepId,
      caseId: s.caseId,
      caseNo: s.caseNo,
      itemName: s.itemName,
      stepName: s.stepName,
      deadline: s.deadline,
      level: s.level,
      assigneeName: s.assigneeName,
      departmentName: s.departmentId ? (n.department.get(s.departmentId) ?? null) : null,
      suspended: s.suspended,
    })),
    stuck: w.stuck.map((s) => ({
      stepId: s.stepId,
      caseId: s.caseId,
      caseNo: s.caseNo,
      itemName: s.itemName,
      stepName: s.stepName,
      activatedAt: s.activatedAt,
      waitingDays: s.waitingDays,
      departmentName: s.departmentId ? (n.department.get(s.departmentId) ?? null) : null,
    })),
    followUps,
    // AB岗: people away now with nobody covering (B away too, or no B): the supervisor names a stand-in.
    uncoveredStaff: await uncoveredStaffOf(ctx, hallIds, now),
    ...(await caseSupportBoard(ctx, hallIds)),
    ...(await prereviewBoard(ctx, hallIds)),
    equipmentFaults: await faultsForBoard(ctx, hallIds),
    overdueLoans: await overdueLoansForBoard(ctx, hallIds),
    caseRatingTasks: await ratingTasksForBoard(ctx, hallIds),
    overdueRectifications: await overdueRectificationsForBoard(ctx, hallIds),
    byDepartment: tally(all, (x) => (x.kind === 'case' ? x.departmentIds : x.departmentId ? [x.departmentId] : [])).map(
      named(n.department),
    ),
    byWindow: tally(all, (x) => (x.windowId ? [x.windowId] : [])).map(named(n.window)),
    byPerson: tally(all, (x) => [x.kind === 'case' ? x.ownerId : (x.assigneeId ?? UNASSIGNED)]).map(named(n.user)),
  };
}

export type Dimension = 'item' | 'department' | 'window' | 'person' | 'hall';

function dayField(value: string, field: string): string {
  try {
    return parseDay(value, field);
  } catch (e) {
    if (e instanceof InvalidDayError) throw invalid(field, e.zh, e.en);
    throw e;
  }
}

const startOfChinaDay = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** The cases finished in the period with every key they are counted under. */
async function finishedCases(
  ctx: AppContext,
  actor: Actor,
  q: { from: string; to: string; hallId?: string; by: Dimension },
) {
  const from = dayField(q.from, 'from');
  const to = dayField(q.to, 'to');
  if (to < from) throw invalid('to', '结束日期不能早于开始日期', 'The end date is before the start date');
  const hallIds = visibleHallIds(actor, q.hallId);
  const rows = await completions(figuresDbOf(ctx), hallIds, startOfChinaDay(from), startOfChinaDay(to) + 86_400_000);
  const depts = new Map<string, string[]>();
  // The departments of a month of a big hall's cases take a while to read: only when they are the grouping.
  const byDepartment =
    q.by === 'department'
      ? await caseDepartments(
          figuresDbOf(ctx),
          rows.map((c) => c.id),
        )
      : [];
  for (const r of byDepartment) {
    if (r.department_id) depts.set(r.case_id, [...(depts.get(r.case_id) ?? []), r.department_id]);
  }
  const cases = rows.map((c) => {
    const personId = c.first_owner_id ?? c.received_by;
    return {
      id: c.id,
      caseNo: c.case_no,
      itemName: c.item_name,
      deadline: c.deadline,
      completedAt: Number(c.completed_at),
      completedDay: chinaDay(Number(c.completed_at)),
      personName: c.first_owner_name ?? c.received_by_name,
      keys: {
        item: [c.item_id],
        department: [...new Set(depts.get(c.id) ?? [])],
        window: c.window_id ? [c.window_id] : [],
        person: [personId],
        hall: [c.hall_id],
      },
    };
  });
  return { from, to, hallIds, cases };
}

export async function onTime(
  ctx: AppContext,
  actor: Actor,
  q: { from: string; to: string; hallId?: string; by: Dimension },
) {
  const f = await onTimeFigures(ctx, actor, q, q.by === 'department');
  return { from: f.from, to: f.to, by: q.by, overall: f.overall, groups: f[q.by] };
}

const figureOf = (x: { finished: number; onTime: number }): OnTimeFigure => ({
  onTime: x.onTime,
  finished: x.finished,
  rate: x.finished ? x.onTime / x.finished : null,
});

/**
 * The period's on-time figures, overall, per China day of completion and per dimension (departments only when asked
 * for: they need the steps). They are counted in the database (a year of a big hall is hundreds of thousands of
 * cases); `onTimeCases` lists the same cases row by row for a drill-down, and the tests check each list's length
 * against its figure.
 */
export async function onTimeFigures(
  ctx: AppContext,
  actor: Actor,
  q: { from: string; to: string; hallId?: string },
  withDepartments = true,
) {
  const from = dayField(q.from, 'from');
  const to = dayField(q.to, 'to');
  if (to < from) throw invalid('to', '结束日期不能早于开始日期', 'The end date is before the start date');
  const hallIds = visibleHallIds(actor, q.hallId);
  const [counts, n, halls] = await Promise.all([
    finishedCounts(figuresDbOf(ctx), ctx.dialect, hallIds, from, to, withDepartments),
    names(ctx, hallIds, []),
    allHalls(figuresDbOf(ctx)),
  ]);
  const groups = (rows: FinishedCount[], label?: Map<string, string>) =>
    rows
      .map((r) => ({ key: r.key, ...figureOf(r), name: r.name ?? label?.get(r.key) ?? r.key }))
      .sort((a, b) => a.key.localeCompare(b.key));
  const hallName = new Map(halls.map((h) => [h.id, h.name]));
  // Over several halls the same item is published by each: its line says whose it is.
  const items =
    hallIds.length > 1
      ? counts.byItem.map((r) => ({ ...r, name: `${r.name}（${hallName.get(r.hallId ?? '') ?? ''}）` }))
      : counts.byItem;
  const total = counts.byDay.reduce((t, d) => ({ finished: t.finished + d.finished, onTime: t.onTime + d.onTime }), {
    finished: 0,
    onTime: 0,
  });
  return {
    from,
    to,
    hallIds,
    overall: figureOf(total),
    byDay: groups(counts.byDay),
    item: groups(items),
    department: groups(counts.byDepartment, n.department),
    window: groups(counts.byWindow, n.window),
    person: groups(counts.byPerson),
    hall: groups(counts.byHall, hallName).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}

/** The cases behind a figure: the denominator (every finished case) with the numerator marked on time. */
export async function onTimeCases(
  ctx: AppContext,
  actor: Actor,
  q: { from: string; to: string; hallId?: string; by: Dimension; key?: string },
) {
  const { cases } = await finishedCases(ctx, actor, q);
  const picked = q.key ? cases.filter((c) => c.keys[q.by].includes(q.key!)) : cases;
  const items = picked
    .map((c) => ({
      caseId: c.id,
      caseNo: c.caseNo,
      itemName: c.itemName,
      deadline: c.deadline,
      completedDay: c.completedDay,
      onTime: isOnTime(c),
    }))
    .sort((a, b) => a.completedDay.localeCompare(b.completedDay) || (a.caseNo ?? '').localeCompare(b.caseNo ?? ''));
  return { ...onTimeRate(picked), onTimeCases: items.filter((c) => c.onTime), finishedCases: items };
}

const absenceLabel: Record<string, string> = { leave: '请假', away: '暂离', not_clocked_in: '未签到' };

async function uncoveredStaffOf(ctx: AppContext, hallIds: string[], now: number) {
  const rows = await uncoveredNow(ctx.db, hallIds, now);
  const names = new Map(
    (
      await repo.users(
        ctx.db,
        rows.flatMap((r) => [r.userId, ...(r.bId ? [r.bId] : [])]),
      )
    ).map((u) => [u.id, u.display_name]),
  );
  return rows.map((r) => ({
    userId: r.userId,
    name: names.get(r.userId) ?? r.userId,
    reason: absenceLabel[r.reason] ?? r.reason,
    bName: r.bId ? (names.get(r.bId) ?? r.bId) : null,
  }));
}
