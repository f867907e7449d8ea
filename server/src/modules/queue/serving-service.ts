import { callOrder, ticketNumber } from '../../domain/queue/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { categoriesOfWindow, loadFloor, queued } from './floor.ts';
import * as repo from './repository.ts';
import { busy, event, heldSession, notOpen, view } from './window-access.ts';

/**
 * Calls the next ticket this window may serve. The session row is locked first (one call at a time per window);
 * then candidates in call order are claimed with a conditional UPDATE until one succeeds, so two windows
 * calling at once never get the same ticket.
 */
export async function callNext(ctx: AppContext, actor: Actor, windowId: string) {
  const { window, session } = await heldSession(ctx, actor, windowId);
  const now = ctx.clock.now();
  const floor = await loadFloor(ctx.db, window.hall_id);
  const categoryIds = categoriesOfWindow(floor, windowId);
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockOpenSession(trx, session.id, now))) throw notOpen();
    if ((await repo.currentOf(trx, [windowId])).length) throw busy();
    const candidates = callOrder(
      (await repo.waitingFor(trx, window.hall_id, chinaDay(now), windowId, categoryIds)).map((t) => ({
        ...queued(t),
        row: t,
      })),
      now,
      floor.rules,
    );
    for (const c of candidates) {
      const t = c.row;
      const firstCall = t.first_called_at === null;
      const waitMs = now - Number(t.arrived_at);
      const ok = await repo.claimTicket(trx, t, {
        status: 'called',
        window_id: windowId,
        called_at: now,
        recall_count: 0,
        updated_at: now,
        ...(firstCall && { first_called_at: now, wait_ms: waitMs }),
      });
      if (!ok) continue;
      await event(trx, t, now, 'called', windowId, actor, now - Number(t.updated_at), { windowNumber: window.number });
      await appendAudit(
        trx,
        byActor(actor, now, 'queue.ticket.call', 'queue_ticket', t.id, { number: t.number, window: window.number }),
      );
      return t;
    }
    return null;
  });
  if (!claimed) return { ticket: null };
  await ctx.events.publish({
    hallId: window.hall_id,
    type: 'call',
    ticketId: claimed.id,
    number: claimed.number,
    windowId,
    windowNumber: window.number,
    windowName: window.name,
    recall: 0,
    at: now,
  });
  return { ticket: await view(ctx, claimed.id) };
}

/** The ticket, which must be at this actor's window in one of the given states. */
async function ticketAtMyWindow(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  states: string[],
  zh: string,
  en: string,
) {
  const t = await repo.findTicket(ctx.db, ticketId);
  if (!t) throw notFound('排队号', 'Ticket');
  if (!actor.hallIds.includes(t.hall_id)) throw outOfScope(notFound('排队号', 'Ticket'), 'ticket', t.id);
  if (!states.includes(t.status) || t.window_id === null) throw new AppError(409, 'TICKET_STATE', zh, en);
  const { window, session } = await heldSession(ctx, actor, t.window_id);
  return { t, window, session };
}

/** Calls the same ticket again; past the hall's recall limit the ticket becomes a no-show instead. */
export async function recall(ctx: AppContext, actor: Actor, ticketId: string) {
  const { t, window } = await ticketAtMyWindow(
    ctx,
    actor,
    ticketId,
    ['called'],
    '只能重呼已叫号未到的号',
    'Only a called ticket can be recalled',
  );
  const floor = await loadFloor(ctx.db, t.hall_id);
  if (t.recall_count >= floor.settings.recallLimit) return markNoShow(ctx, actor, ticketId, 'recall_limit');
  const now = ctx.clock.now();
  const count = t.recall_count + 1;
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updateTicketIf(
        trx,
        t.id,
        { status: 'called', window_id: window.id },
        { recall_count: count, called_at: now, updated_at: now },
      ))
    ) {
      throw conflict('号的状态已变化，请刷新', 'The ticket changed; refresh');
    }
    await event(trx, t, now, 'recalled', window.id, actor, null, { count });
    await appendAudit(trx, byActor(actor, now, 'queue.ticket.recall', 'queue_ticket', t.id, { count }));
  });
  await ctx.events.publish({
    hallId: t.hall_id,
    type: 'call',
    ticketId: t.id,
    number: t.number,
    windowId: window.id,
    windowNumber: window.number,
    windowName: window.name,
    recall: count,
    at: now,
  });
  return view(ctx, t.id);
}

export async function markNoShow(ctx: AppContext, actor: Actor, ticketId: string, why = 'marked') {
  const { t, window } = await ticketAtMyWindow(
    ctx,
    actor,
    ticketId,
    ['called'],
    '只能将已叫号未到的号记为过号',
    'Only a called ticket can be a no-show',
  );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updateTicketIf(
        trx,
        t.id,
        { status: 'called', window_id: window.id },
        { status: 'no_show', finished_at: now, updated_at: now },
      ))
    ) {
      throw conflict('号的状态已变化，请刷新', 'The ticket changed; refresh');
    }
    await event(trx, t, now, 'no_show', window.id, actor, null, { why, recalls: t.recall_count });
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.ticket.no_show', 'queue_ticket', t.id, { why, recalls: t.recall_count }),
    );
  });
  await ctx.events.publish({ hallId: t.hall_id, type: 'window', windowId: window.id });
  return view(ctx, t.id);
}

export async function startServing(ctx: AppContext, actor: Actor, ticketId: string) {
  const { t, window } = await ticketAtMyWindow(
    ctx,
    actor,
    ticketId,
    ['called'],
    '只能对已叫到的号开始办理',
    'Only a called ticket can be served',
  );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updateTicketIf(
        trx,
        t.id,
        { status: 'called', window_id: window.id },
        { status: 'serving', serving_started_at: now, served_by: actor.userId, updated_at: now },
      ))
    ) {
      throw conflict('号的状态已变化，请刷新', 'The ticket changed; refresh');
    }
    await event(trx, t, now, 'serving', window.id, actor, now - Number(t.called_at ?? now));
    await appendAudit(trx, byActor(actor, now, 'queue.ticket.start', 'queue_ticket', t.id, { window: window.number }));
  });
  return view(ctx, t.id);
}

/** Ends the service and links it to what was done: a consultation, a case received, or nothing. */
export async function finishServing(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  outcome: { outcomeKind: string; outcomeId: string | null },
) {
  if (outcome.outcomeKind === 'none' && outcome.outcomeId !== null)
    throw invalid('outcomeId', '未关联业务时不填编号', 'No id without a linked record');
  if (outcome.outcomeKind !== 'none' && outcome.outcomeId === null)
    throw invalid('outcomeId', '请填写咨询或办件的编号', 'Give the id of the consultation or case');
  const { t, window } = await ticketAtMyWindow(
    ctx,
    actor,
    ticketId,
    ['serving'],
    '只能办结正在办理的号',
    'Only a ticket being served can be finished',
  );
  // A case received for the ticket at 收件受理 stays linked when the clerk finishes without naming one.
  if (outcome.outcomeKind === 'none' && t.outcome_kind === 'case' && t.outcome_id !== null)
    outcome = { outcomeKind: 'case', outcomeId: t.outcome_id };
  const now = ctx.clock.now();
  const serviceMs = Number(t.service_ms) + (now - Number(t.serving_started_at ?? now));
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updateTicketIf(
        trx,
        t.id,
        { status: 'serving', window_id: window.id },
        {
          status: 'done',
          finished_at: now,
          service_ms: serviceMs,
          outcome_kind: outcome.outcomeKind,
          outcome_id: outcome.outcomeId,
          updated_at: now,
        },
      ))
    )
      throw conflict('号的状态已变化，请刷新', 'The ticket changed; refresh');
    await event(trx, t, now, 'finished', window.id, actor, now - Number(t.serving_started_at ?? now), outcome);
    await appendAudit(trx, byActor(actor, now, 'queue.ticket.finish', 'queue_ticket', t.id, { ...outcome, serviceMs }));
  });
  await ctx.events.publish({
    hallId: t.hall_id,
    type: 'finish',
    ticketId: t.id,
    number: t.number,
    windowId: window.id,
    windowNumber: window.number,
    staffName: actor.displayName,
    at: now,
  });
  return view(ctx, t.id);
}

/** Sends the ticket back to the queue of another category or window; it keeps its first arrival time. */
export async function transfer(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  to: { categoryId: string | null; windowId: string | null; reason: string },
) {
  if (!to.categoryId && !to.windowId)
    throw invalid('categoryId', '请选择转往的类别或窗口', 'Choose a category or a window');
  const { t, window } = await ticketAtMyWindow(
    ctx,
    actor,
    ticketId,
    ['called', 'serving'],
    '只能转移已叫号或办理中的号',
    'Only a called or serving ticket can be transferred',
  );
  const floor = await loadFloor(ctx.db, t.hall_id);
  let categoryId = t.category_id;
  if (to.categoryId) {
    const c = floor.categories.find((x) => x.id === to.categoryId && x.active === 1);
    if (!c) throw invalid('categoryId', '请选择本大厅的办理类别', 'Choose a service category of this hall');
    categoryId = c.id;
  }
  if (to.windowId) {
    if (to.windowId === window.id) throw invalid('windowId', '不能转给本窗口', 'Choose another window');
    if (!floor.windows.some((w) => w.id === to.windowId))
      throw invalid('windowId', '窗口不属于该大厅', 'The window is not in this hall');
  }
  const now = ctx.clock.now();
  const servedMs = t.status === 'serving' ? now - Number(t.serving_started_at ?? now) : 0;
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updateTicketIf(
        trx,
        t.id,
        { status: t.status, window_id: window.id },
        {
          status: 'waiting',
          category_id: categoryId,
          target_window_id: to.windowId,
          window_id: null,
          called_at: null,
          recall_count: 0,
          serving_started_at: null,
          service_ms: Number(t.service_ms) + servedMs,
          transfers: t.transfers + 1,
          updated_at: now,
        },
      ))
    )
      throw conflict('号的状态已变化，请刷新', 'The ticket changed; refresh');
    await event(trx, t, now, 'transferred', window.id, actor, servedMs || null, {
      fromCategoryId: t.category_id,
      toCategoryId: categoryId,
      toWindowId: to.windowId,
      reason: to.reason,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.ticket.transfer', 'queue_ticket', t.id, {
        toCategoryId: categoryId,
        toWindowId: to.windowId,
      }),
    );
  });
  await ctx.events.publish({ hallId: t.hall_id, type: 'window', windowId: window.id });
  return view(ctx, t.id);
}

/** Serves someone who came to the window without a ticket: a ticket is made for the record, already being served. */
export async function serveWalkIn(ctx: AppContext, actor: Actor, windowId: string, categoryId: string | null) {
  const { window, session } = await heldSession(ctx, actor, windowId);
  if (session.status !== 'open') throw notOpen();
  const floor = await loadFloor(ctx.db, window.hall_id);
  const mine = categoriesOfWindow(floor, windowId);
  const category = floor.categories.find((c) => c.id === (categoryId ?? mine[0]) && c.active === 1);
  if (!category) throw invalid('categoryId', '请选择办理类别', 'Choose a service category');
  const now = ctx.clock.now();
  const day = chinaDay(now);
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.currentOf(trx, [windowId])).length) throw busy();
    const seq = await repo.nextSeq(trx, window.hall_id, day, category.prefix);
    const number = ticketNumber(category.prefix, seq);
    await repo.insertTicket(trx, {
      id,
      hall_id: window.hall_id,
      day,
      category_id: category.id,
      number,
      seq,
      priority: 'normal',
      weight: 0,
      appointment_at: null,
      arrived_at: now,
      status: 'serving',
      window_id: windowId,
      target_window_id: null,
      walk_in: 1,
      first_called_at: now,
      called_at: now,
      recall_count: 0,
      serving_started_at: now,
      finished_at: null,
      served_by: actor.userId,
      wait_ms: 0,
      service_ms: 0,
      transfers: 0,
      people_ahead_at_issue: 0,
      estimated_wait_ms: null,
      outcome_kind: null,
      outcome_id: null,
      issued_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const row = (await repo.findTicket(trx, id))!;
    await event(trx, row, now, 'walk_in', windowId, actor, null, { windowNumber: window.number });
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.ticket.walk_in', 'queue_ticket', id, { number, window: window.number }),
    );
  });
  await ctx.events.publish({ hallId: window.hall_id, type: 'window', windowId });
  return view(ctx, id);
}
