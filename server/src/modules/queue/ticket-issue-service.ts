/**
 * 取号: taking a ticket — at the kiosk (no sign-in; the hall's categories with how many wait and the expected wait),
 * at a desk (窗口代取号, any priority), or at an appointment's check-in inside its transaction. Each ticket gets the
 * next daily number of its prefix and the place and wait it is printed with, recorded in its trail and the audit.
 */
import { type Priority, ticketNumber, waitMinutes } from '../../domain/queue/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertHallAccess, findHall } from '../org/service.ts';
import { estimateFor, loadFloor, openWindowsFor } from './floor.ts';
import { assertQueueOpen } from './hours-service.ts';
import * as repo from './repository.ts';
import { presentTicket } from './ticket-view-service.ts';

/** A hall that exists; public callers get the same 404 for a wrong id as for none. */
export async function publicHall(db: Db, hallId: string) {
  const hall = await findHall(db, hallId);
  if (!hall) throw notFound('服务大厅', 'Hall');
  return hall;
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
