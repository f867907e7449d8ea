import { meanAbsoluteError, type Priority, ticketNumber, waitMinutes } from '../../domain/queue/index.ts';
import type { TicketSums } from '../../domain/stats/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findHall } from '../org/service.ts';
import { assertHallAccess } from '../org/service.ts';
import { estimateFor, type Floor, jsonList, loadFloor, openWindowsFor, queued } from './floor.ts';
import { assertQueueOpen } from './hours-service.ts';
import { presentTicket, presentTickets } from './ticket-view-service.ts';
import * as repo from './repository.ts';
import type { CategoryInput, HallSettings } from './schema.ts';

export const presentCategory = (c: repo.CategoryRow) => ({
  id: c.id,
  hallId: c.hall_id,
  prefix: c.prefix,
  name: c.name,
  description: c.description,
  // written only through categoryInput, so the stored list holds catalogue categories
  itemCategories: jsonList(c.item_categories) as CategoryInput['itemCategories'],
  windowIds: jsonList(c.window_ids),
  defaultServiceMinutes: c.default_service_minutes,
  sortOrder: c.sort_order,
  active: c.active === 1,
});

/** A hall that exists; public callers get the same 404 for a wrong id as for none. */
export async function publicHall(db: Db, hallId: string) {
  const hall = await findHall(db, hallId);
  if (!hall) throw notFound('服务大厅', 'Hall');
  return hall;
}

async function checkWindows(floor: Floor, windowIds: string[]) {
  for (const id of windowIds) {
    if (!floor.windows.some((w) => w.id === id))
      throw invalid('windowIds', '窗口不属于该大厅', 'A window is not in this hall');
  }
}

export async function listCategories(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return (await repo.categoriesOf(ctx.db, hallId)).map(presentCategory);
}

export async function createCategory(ctx: AppContext, actor: Actor, input: CategoryInput) {
  assertHallAccess(actor, input.hallId);
  await checkWindows(await loadFloor(ctx.db, input.hallId), input.windowIds);
  const now = ctx.clock.now();
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertCategory(trx, {
        id,
        hall_id: input.hallId,
        prefix: input.prefix,
        name: input.name,
        description: input.description,
        item_categories: JSON.stringify(input.itemCategories),
        window_ids: JSON.stringify(input.windowIds),
        default_service_minutes: input.defaultServiceMinutes,
        sort_order: input.sortOrder,
        active: input.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'queue.category.create', 'queue_category', id, { prefix: input.prefix, name: input.name }),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('该大厅已有相同前缀的号段', 'A category with this prefix exists in the hall', 'prefix');
    throw e;
  }
  return presentCategory((await repo.findCategory(ctx.db, id))!);
}

export async function updateCategory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<Omit<CategoryInput, 'hallId'>>,
) {
  const category = await repo.findCategory(ctx.db, id);
  if (!category) throw notFound('号段', 'Queue category');
  if (!actor.hallIds.includes(category.hall_id))
    throw outOfScope(notFound('号段', 'Queue category'), 'queue_category', category.id);
  if (patch.windowIds) await checkWindows(await loadFloor(ctx.db, category.hall_id), patch.windowIds);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateCategory(trx, id, {
        ...(patch.prefix !== undefined && { prefix: patch.prefix }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.itemCategories !== undefined && { item_categories: JSON.stringify(patch.itemCategories) }),
        ...(patch.windowIds !== undefined && { window_ids: JSON.stringify(patch.windowIds) }),
        ...(patch.defaultServiceMinutes !== undefined && { default_service_minutes: patch.defaultServiceMinutes }),
        ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: now,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'queue.category.update', 'queue_category', id, {
          before: presentCategory(category),
          patch,
        }),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('该大厅已有相同前缀的号段', 'A category with this prefix exists in the hall', 'prefix');
    throw e;
  }
  return presentCategory((await repo.findCategory(ctx.db, id))!);
}

export async function hallSettings(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return (await loadFloor(ctx.db, hallId)).settings;
}

export async function saveHallSettings(ctx: AppContext, actor: Actor, hallId: string, s: HallSettings) {
  assertHallAccess(actor, hallId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveHallSettings(trx, {
      hall_id: hallId,
      recall_limit: s.recallLimit,
      priority_weights: JSON.stringify(s.priorityWeights),
      appointment_early_minutes: s.appointmentEarlyMinutes,
      rating_window_minutes: s.ratingWindowMinutes,
      kiosk_idle_seconds: s.kioskIdleSeconds,
      display_notices: JSON.stringify(s.displayNotices),
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'queue.settings.update', 'hall', hallId, { ...s }));
  });
  return hallSettings(ctx, actor, hallId);
}

/** The kiosk's choices: active categories with how many wait and the expected wait for a new ticket. */
export async function kioskCategories(ctx: AppContext, hallId: string) {
  await publicHall(ctx.db, hallId);
  const now = ctx.clock.now();
  const [floor, waiting] = await Promise.all([
    loadFloor(ctx.db, hallId),
    repo.waitingInHall(ctx.db, hallId, chinaDay(now)),
  ]);
  const out = [];
  for (const c of floor.categories.filter((x) => x.active === 1)) {
    const newcomer = {
      id: '\uffff',
      priority: 'normal' as const,
      arrivedAt: now,
      appointmentAt: null,
      seq: Number.MAX_SAFE_INTEGER,
    };
    const { ahead, waitMs } = await estimateFor(ctx.db, floor, c, newcomer, waiting, now);
    out.push({
      id: c.id,
      prefix: c.prefix,
      name: c.name,
      description: c.description,
      waiting: ahead,
      openWindows: openWindowsFor(floor, c),
      estimatedWaitMinutes: waitMinutes(waitMs),
    });
  }
  return out;
}

export interface IssueRequest {
  hallId: string;
  categoryId: string;
  priority: Priority;
  appointmentAt: number | null;
}

/** Issues a ticket: the next daily number of its prefix, with its place and expected wait at this moment. */
export async function issueTicket(ctx: AppContext, actor: Actor | null, req: IssueRequest) {
  const { id } = await ctx.db.transaction().execute((trx) => issueTicketIn(ctx, trx, actor, req));
  await ctx.events.publish({ hallId: req.hallId, type: 'queue' });
  return presentTicket(ctx.db, (await repo.findTicket(ctx.db, id))!, ctx.clock.now());
}

/**
 * Issues a ticket inside the caller's transaction (an appointment's check-in writes its booking in the same one);
 * the caller publishes the hall's 'queue' event after the commit.
 */
export async function issueTicketIn(ctx: AppContext, trx: Db, actor: Actor | null, req: IssueRequest) {
  const category = await repo.findCategory(trx, req.categoryId);
  if (!category || category.hall_id !== req.hallId || category.active !== 1) {
    throw invalid('categoryId', '请选择本大厅的办理类别', 'Choose a service category of this hall');
  }
  if (req.priority === 'appointment' && req.appointmentAt === null) {
    throw invalid('appointmentAt', '预约号须填写预约时间', 'An appointment needs its time');
  }
  const now = ctx.clock.now();
  const day = chinaDay(now);
  await assertQueueOpen(trx, req.hallId, day, now);
  const id = newId(now);
  const floor = await loadFloor(trx, req.hallId);
  const seq = await repo.nextSeq(trx, req.hallId, day, category.prefix);
  const me = { id, priority: req.priority, arrivedAt: now, appointmentAt: req.appointmentAt, seq };
  const { ahead, waitMs } = await estimateFor(
    trx,
    floor,
    category,
    me,
    await repo.waitingInHall(trx, req.hallId, day),
    now,
  );
  await repo.insertTicket(trx, {
    id,
    hall_id: req.hallId,
    day,
    category_id: category.id,
    number: ticketNumber(category.prefix, seq),
    seq,
    priority: req.priority,
    weight: floor.settings.priorityWeights[req.priority],
    appointment_at: req.appointmentAt,
    arrived_at: now,
    status: 'waiting',
    window_id: null,
    target_window_id: null,
    walk_in: 0,
    first_called_at: null,
    called_at: null,
    recall_count: 0,
    serving_started_at: null,
    finished_at: null,
    served_by: null,
    wait_ms: null,
    service_ms: 0,
    transfers: 0,
    people_ahead_at_issue: ahead,
    estimated_wait_ms: waitMs,
    outcome_kind: null,
    outcome_id: null,
    issued_by: actor?.userId ?? null,
    created_at: now,
    updated_at: now,
  });
  await repo.insertEvent(trx, {
    id: newId(now),
    ticket_id: id,
    hall_id: req.hallId,
    at: now,
    kind: 'issued',
    window_id: null,
    user_id: actor?.userId ?? null,
    duration_ms: null,
    detail: JSON.stringify({ priority: req.priority, ahead, estimatedWaitMs: waitMs }),
  });
  const entry = { priority: req.priority, number: ticketNumber(category.prefix, seq) };
  await appendAudit(
    trx,
    actor
      ? byActor(actor, now, 'queue.ticket.issue', 'queue_ticket', id, entry)
      : {
          at: now,
          userId: null,
          username: 'kiosk',
          action: 'queue.ticket.issue',
          targetType: 'queue_ticket',
          targetId: id,
          outcome: 'success',
          detail: entry,
        },
  );
  return { id, number: ticketNumber(category.prefix, seq) };
}

export async function issueStaffTicket(ctx: AppContext, actor: Actor, req: IssueRequest) {
  assertHallAccess(actor, req.hallId);
  return issueTicket(ctx, actor, req);
}

/** A ticket by its id (the id is unguessable; it is printed as a QR code for the applicant's own phone). */
export async function publicTicket(ctx: AppContext, ticketId: string) {
  const t = await repo.findTicket(ctx.db, ticketId);
  if (!t) throw notFound('排队号', 'Ticket');
  return presentTicket(ctx.db, t, ctx.clock.now());
}

export async function staffTicket(ctx: AppContext, actor: Actor, ticketId: string) {
  const t = await repo.findTicket(ctx.db, ticketId);
  if (!t) throw notFound('排队号', 'Ticket');
  if (!actor.hallIds.includes(t.hall_id)) throw outOfScope(notFound('排队号', 'Ticket'), 'ticket', t.id);
  return presentTicket(ctx.db, t, ctx.clock.now());
}

export async function ticketEvents(ctx: AppContext, actor: Actor, ticketId: string) {
  await staffTicket(ctx, actor, ticketId);
  return (await repo.eventsOf(ctx.db, ticketId)).map((e) => ({
    at: Number(e.at),
    kind: e.kind,
    windowId: e.window_id,
    userId: e.user_id,
    durationMs: e.duration_ms === null ? null : Number(e.duration_ms),
    detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
  }));
}

export async function listTickets(ctx: AppContext, actor: Actor, f: { hallId: string; day?: string; status?: string }) {
  assertHallAccess(actor, f.hallId);
  const rows = await repo.listTickets(ctx.db, { ...f, day: f.day ?? chinaDay(ctx.clock.now()) });
  const items = await presentTickets(ctx.db, rows, ctx.clock.now());
  return { items, total: items.length };
}

/** How far the estimates printed on tickets were from the real waits, over finished tickets of a period. */
export async function estimateAccuracy(
  ctx: AppContext,
  actor: Actor,
  f: { hallId: string; from: string; to: string; categoryId?: string },
) {
  assertHallAccess(actor, f.hallId);
  if (f.from > f.to) throw invalid('to', '结束日期不能早于开始日期', 'The end is before the start');
  const rows = await repo.estimatedAndCalled(ctx.db, f);
  const pairs = rows.map((r) => ({ estimatedMs: Number(r.estimated_wait_ms), actualMs: Number(r.wait_ms) }));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
  return {
    from: f.from,
    to: f.to,
    tickets: pairs.length,
    meanAbsoluteErrorMinutes: minutes(meanAbsoluteError(pairs)),
    meanEstimatedMinutes: minutes(mean(pairs.map((p) => p.estimatedMs))),
    meanActualMinutes: minutes(mean(pairs.map((p) => p.actualMs))),
  };
}

/**
 * The day's tickets by outcome (R16.1 waiting and service): 办结 done; 未办结 the expired (never called before the
 * hall closed), the no-shows and whatever still waits or is at a window; cancelled ones count in neither.
 */
export async function daySummary(ctx: AppContext, actor: Actor, q: { hallId: string; day?: string | undefined }) {
  assertHallAccess(actor, q.hallId);
  const day = q.day ?? chinaDay(ctx.clock.now());
  const n = await repo.statusCounts(ctx.db, q.hallId, day);
  const of = (s: string) => n.get(s) ?? 0;
  const waiting = of('waiting');
  const inService = of('called') + of('serving');
  return {
    day,
    issued: [...n.values()].reduce((a, b) => a + b, 0),
    waiting,
    inService,
    done: of('done'),
    noShow: of('no_show'),
    expired: of('expired'),
    cancelled: of('cancelled'),
    unfinished: of('expired') + of('no_show') + waiting + inService,
  };
}

export { queued };
/** The rating pad follows its window through the same event stream and reads the hall's rating settings. */
export { settingsOf } from './floor.ts';
export { installStreamShutdown, serveEventStream } from './sse.ts';
/** The hall's queue categories, for the appointments (a booking takes a place in its item's category). */
export const categoriesOfHall = async (db: Db, hallId: string) =>
  (await repo.categoriesOf(db, hallId)).map(presentCategory);

/** The hall's queue right now, for the crowding alarm: tickets waiting today and the longest wait in minutes. */
export async function waitingNow(db: Db, hallId: string, now: number) {
  const rows = await repo.waitingInHall(db, hallId, chinaDay(now));
  const longest = rows.reduce((m, t) => Math.max(m, now - Number(t.arrived_at)), 0);
  return { waiting: rows.length, longestWaitMinutes: Math.floor(longest / 60_000) };
}
/**
 * 拥挤提示上屏: the crowding alarm (emergency) sets the notice the hall display shows, or clears it (text null) when
 * the hall is calm; inside the caller's transaction, so the alarm's state and the screen move together. The caller
 * tells the displays after its commit with `displayNoticeChanged`.
 */
export async function setAlarmNotice(db: Db, hallId: string, text: string | null, now: number): Promise<void> {
  if (text === null) await repo.clearAlarmNotice(db, hallId);
  else await repo.putAlarmNotice(db, { hall_id: hallId, text, since: now });
}
export const displayNoticeChanged = (ctx: AppContext, hallId: string) =>
  ctx.events.publish({ hallId, type: 'queue', reason: 'notice' });

/** The appointments (slots) and the staff module (attendance, cover) read the timetables; staff also pauses a
 * window while its person is away (暂离). */
export { timetablesOf } from './hours-service.ts';
export { listWindows, pauseWindow, resumeWindow, takeOverWindow, windowHolder } from './window-service.ts';
/** The staffing forecast (stats) reads each ticket's arrival and service span on the days from–to. */
export async function arrivalsBetween(db: Db, hallId: string, from: string, to: string) {
  return (await repo.arrivalsBetween(db, hallId, from, to)).map((t) => ({
    categoryId: t.category_id,
    arrivedAt: Number(t.arrived_at),
    serviceMs:
      t.serving_started_at !== null && t.finished_at !== null
        ? Number(t.finished_at) - Number(t.serving_started_at)
        : null,
  }));
}

/** 统计分析: the waiting and service sums of the tickets issued on the days [from, to], per issue day or window. */
export async function ticketSumsBetween(
  db: Db,
  hallIds: readonly string[],
  from: string,
  to: string,
  by: 'day' | 'window',
): Promise<Map<string, TicketSums>> {
  const rows = await repo.ticketSumsBetween(db, hallIds, from, to, by === 'day' ? 'day' : 'window_id');
  return new Map(
    rows
      .filter((r) => r.key !== null)
      .map((r) => [
        r.key as string,
        {
          tickets: Number(r.tickets),
          called: Number(r.called),
          waitMs: Number(r.wait_ms ?? 0),
          served: Number(r.served),
          serviceMs: Number(r.service_ms ?? 0),
        },
      ]),
  );
}

/** 统计分析: the tickets issued on the days [from, to] with their arrival, first call, service start and finish. */
export async function ticketTimesBetween(db: Db, hallIds: readonly string[], from: string, to: string) {
  return (await repo.ticketTimesBetween(db, hallIds, from, to)).map((t) => ({
    id: t.id,
    number: t.number,
    status: t.status,
    day: t.day,
    // The window that called it (工作报告 compares each window's wait with the hall's target).
    windowId: t.window_id,
    arrivedAt: Number(t.arrived_at),
    calledAt: t.first_called_at === null ? null : Number(t.first_called_at),
    servingStartedAt: t.serving_started_at === null ? null : Number(t.serving_started_at),
    finishedAt: t.finished_at === null ? null : Number(t.finished_at),
  }));
}

/**
 * The ticket a reception names (收件受理 picks up the ticket being served): it must be served now at a window of
 * the case's hall, and at the reception's window when one is named.
 */
export async function servedTicketFor(db: Db, ticketId: string, hallId: string, windowId: string | null) {
  const t = await repo.findTicket(db, ticketId);
  if (!t || t.hall_id !== hallId || t.status !== 'serving' || (windowId !== null && t.window_id !== windowId))
    throw invalid(
      'ticketId',
      '该号不是本大厅窗口正在办理的号',
      'The ticket is not being served at a window of this hall',
    );
  return t;
}

/** Links the served ticket to the case received for it, in the reception's transaction (guarded by 'serving'). */
export async function linkTicketToCase(trx: Db, ticketId: string, caseId: string, now: number) {
  if (
    !(await repo.updateTicketIf(
      trx,
      ticketId,
      { status: 'serving' },
      { outcome_kind: 'case', outcome_id: caseId, updated_at: now },
    ))
  )
    throw conflict('号的状态已变化，请刷新', 'The ticket changed; refresh');
}

// 考核 reads these figures' records through the owner's service.
export { servedBetween, servedTotals } from './repository.ts';
