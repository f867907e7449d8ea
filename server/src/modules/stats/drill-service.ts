/**
 * 统计分析 drill-down and live floor (R16.1). The drill-down lists the records behind one figure of the overview,
 * chosen exactly as overview-service.ts counts them, so the list's length is the figure: the cases received (by
 * item, department, window, person or day), the cases finished or finished on time (the on-time service's own
 * list), the tickets of a day (waiting and service times), the complaints of a category. The live floor is the
 * day's queue right now, from the queue service.
 */
import { chinaDay } from '../../platform/clock.ts';
import { categoryLabels, type ComplaintCategory } from '../../domain/complaints/index.ts';
import { type Actor, type AppContext, figuresDbOf } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { acceptedBetween, caseDepartments } from '../cases/service.ts';
import { categoriesReceivedBetween } from '../complaints/service.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import { daySummary, listWindows, ticketTimesBetween, waitingNow } from '../queue/service.ts';
import { onTimeCases } from '../supervision/service.ts';
import { periodDays } from './overview-service.ts';
import type { DrillQuery, Drill, LiveFloor } from './schema.ts';

const minutes = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.round(((b - a) / 60_000) * 100) / 100;

export async function drill(ctx: AppContext, actor: Actor, q: DrillQuery): Promise<Drill> {
  const days = periodDays(q.from, q.to);
  if (q.hallId) assertHallAccess(actor, q.hallId);
  const hallIds = visibleHallIds(actor, q.hallId);
  const from = days[0]!;
  const to = days[days.length - 1]!;
  if (q.day && (q.day < from || q.day > to))
    throw invalid('day', '日期不在统计期间内', 'The day is outside the period');
  if (q.key !== undefined && !q.dim) throw invalid('dim', '请指定统计维度', 'Give the dimension of the key');
  const out: Drill = { figure: q.figure, total: 0, cases: [], tickets: [], complaints: [] };

  if (q.figure === 'received') {
    let rows = await acceptedBetween(figuresDbOf(ctx), hallIds, from, to);
    if (q.day) rows = rows.filter((c) => c.accepted_day === q.day);
    if (q.dim && q.key !== undefined) {
      const key = q.key;
      if (q.dim === 'department') {
        const inDept = new Set(
          (
            await caseDepartments(
              figuresDbOf(ctx),
              rows.map((c) => c.id),
            )
          )
            .filter((r) => r.department_id === key)
            .map((r) => r.case_id),
        );
        rows = rows.filter((c) => inDept.has(c.id));
      } else
        rows = rows.filter(
          (c) => (q.dim === 'item' ? c.item_id : q.dim === 'window' ? c.window_id : c.received_by) === key,
        );
    }
    out.cases = rows
      .map((c) => ({
        id: c.id,
        caseNo: c.case_no,
        itemName: c.item_name,
        state: c.state,
        receivedDay: c.received_day,
        acceptedDay: c.accepted_day,
        completedDay: null,
        deadline: null,
        onTime: null,
      }))
      .sort(
        (a, b) =>
          (a.acceptedDay ?? '').localeCompare(b.acceptedDay ?? '') || (a.caseNo ?? '').localeCompare(b.caseNo ?? ''),
      );
    out.total = out.cases.length;
  } else if (q.figure === 'finished' || q.figure === 'onTime') {
    const r = await onTimeCases(ctx, actor, { from, to, hallId: q.hallId, by: q.dim ?? 'item', key: q.key });
    out.cases = (q.figure === 'onTime' ? r.onTimeCases : r.finishedCases)
      .filter((c) => !q.day || c.completedDay === q.day)
      .map((c) => ({
        id: c.caseId,
        caseNo: c.caseNo,
        itemName: c.itemName,
        state: null,
        receivedDay: null,
        acceptedDay: null,
        completedDay: c.completedDay,
        deadline: c.deadline,
        onTime: c.onTime,
      }));
    out.total = out.cases.length;
  } else if (q.figure === 'tickets') {
    const rows = (await ticketTimesBetween(figuresDbOf(ctx), hallIds, from, to)).filter(
      (t) => !q.day || t.day === q.day,
    );
    out.tickets = rows
      .map((t) => ({
        id: t.id,
        number: t.number,
        day: t.day,
        status: t.status,
        arrivedAt: t.arrivedAt,
        waitMinutes: minutes(t.arrivedAt, t.calledAt),
        serviceMinutes: minutes(t.servingStartedAt, t.finishedAt),
      }))
      .sort((a, b) => a.arrivedAt - b.arrivedAt);
    out.total = out.tickets.length;
  } else {
    const rows = (await categoriesReceivedBetween(figuresDbOf(ctx), hallIds, from, to)).filter(
      (c) => !q.category || c.category === q.category,
    );
    out.complaints = rows
      .map((c) => ({
        id: c.id,
        number: c.number,
        kind: c.kind,
        category: c.category,
        categoryName: categoryLabels[c.category as ComplaintCategory] ?? c.category,
        state: c.state,
        receivedDay: c.received_day,
        dueDay: c.due_day,
        caseNo: c.case_no,
      }))
      .sort((a, b) => a.receivedDay.localeCompare(b.receivedDay) || a.number.localeCompare(b.number));
    out.total = out.complaints.length;
  }
  return out;
}

/** 今日大厅实况: the day's tickets, the queue now, the windows open and serving; read afresh on every call. */
export async function liveFloor(ctx: AppContext, actor: Actor, hallIdParam?: string): Promise<LiveFloor> {
  const hallId = hallIdParam ?? actor.hallIds[0];
  if (!hallId) throw invalid('hallId', '请选择服务大厅', 'Choose a hall');
  assertHallAccess(actor, hallId);
  const now = ctx.clock.now();
  const [day, queue, windows] = await Promise.all([
    daySummary(ctx, actor, { hallId }),
    waitingNow(ctx.db, hallId, now),
    listWindows(ctx, actor, hallId),
  ]);
  return {
    hallId,
    day: chinaDay(now),
    at: now,
    issued: day.issued,
    waiting: queue.waiting,
    longestWaitMinutes: queue.waiting ? queue.longestWaitMinutes : null,
    windowsTotal: windows.length,
    windowsOpen: windows.filter((w) => w.state !== 'closed').length,
    windowsServing: windows.filter((w) => w.current !== null).length,
    served: day.done,
  };
}
