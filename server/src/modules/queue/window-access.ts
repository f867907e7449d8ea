import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findWindow } from '../org/service.ts';
import { presentTicket } from './ticket-view-service.ts';
import * as repo from './repository.ts';

/** What every window action shares: finding the window, the session the actor must hold, and the ticket's trail. */
export const busy = () =>
  new AppError(
    409,
    'WINDOW_BUSY',
    '本窗口还有叫号中或办理中的号，请先处理',
    'This window still has a called or serving ticket',
  );
export const notOpen = () => new AppError(409, 'WINDOW_NOT_OPEN', '窗口未开放或已暂停', 'The window is not open');

export async function loadWindow(ctx: AppContext, actor: Actor, windowId: string) {
  const window = await findWindow(ctx.db, windowId);
  if (!window) throw notFound('窗口', 'Window');
  if (!actor.hallIds.includes(window.hall_id)) throw outOfScope(notFound('窗口', 'Window'), 'window', window.id);
  return window;
}

/** The window's open session, which the actor must hold (a supervisor may act for a clerk). */
export async function heldSession(ctx: AppContext, actor: Actor, windowId: string) {
  const window = await loadWindow(ctx, actor, windowId);
  const [session] = await repo.openSessions(ctx.db, [windowId]);
  if (!session) throw notOpen();
  if (session.user_id !== actor.userId && !actor.permissions.has('queue.manage')) {
    throw forbidden('该窗口由其他工作人员开启', 'Another member of staff holds this window');
  }
  return { window, session };
}

export const event = (
  trx: Db,
  t: repo.TicketRow,
  now: number,
  kind: string,
  windowId: string | null,
  actor: Actor,
  durationMs: number | null,
  detail?: object,
) =>
  repo.insertEvent(trx, {
    id: newId(now),
    ticket_id: t.id,
    hall_id: t.hall_id,
    at: now,
    kind,
    window_id: windowId,
    user_id: actor.userId,
    duration_ms: durationMs,
    detail: detail ? JSON.stringify(detail) : null,
  });

export async function view(ctx: AppContext, ticketId: string) {
  return presentTicket(ctx.db, (await repo.findTicket(ctx.db, ticketId))!, ctx.clock.now());
}

/** Windows of a hall as a clerk's screen shows them. */
