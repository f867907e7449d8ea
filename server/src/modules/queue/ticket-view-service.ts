/**
 * Tickets as the API shows them, and looking them up: the applicant's own ticket by its printed QR code, a ticket
 * and its trail for staff of its hall, the day's list. A waiting ticket shows its place and wait as of now.
 */
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { assertHallAccess, findHall } from '../org/service.ts';
import { estimateFor, type Floor, loadFloor, queued } from './floor.ts';
import { ticketView } from './presenter.ts';
import * as repo from './repository.ts';
import type { TicketView } from './schema.ts';

const num = (v: number | null) => (v === null ? null : Number(v));

/** Tickets as the API shows them; a waiting ticket shows its place and wait as of now. */
export async function presentTickets(db: Db, rows: repo.TicketRow[], now: number): Promise<TicketView[]> {
  const halls = new Map<string, { name: string; floor: Floor; waiting: repo.TicketRow[] }>();
  for (const hallId of new Set(rows.map((r) => r.hall_id))) {
    const [hall, floor, waiting] = await Promise.all([
      findHall(db, hallId),
      loadFloor(db, hallId),
      repo.waitingInHall(db, hallId, chinaDay(now)),
    ]);
    halls.set(hallId, { name: hall?.name ?? '', floor, waiting });
  }
  const out: TicketView[] = [];
  for (const t of rows) {
    const h = halls.get(t.hall_id);
    if (!h) continue;
    const category = h.floor.categories.find((c) => c.id === t.category_id);
    const window = h.floor.windows.find((w) => w.id === t.window_id);
    let ahead = t.people_ahead_at_issue;
    let estimateMs = num(t.estimated_wait_ms);
    if (t.status === 'waiting' && category) {
      const live = await estimateFor(db, h.floor, category, queued(t), h.waiting, now);
      ahead = live.ahead;
      estimateMs = live.waitMs;
    }
    out.push(ticketView(t, { hallName: h.name, category, window, ahead, estimateMs }));
  }
  return out;
}

export async function presentTicket(db: Db, row: repo.TicketRow, now: number): Promise<TicketView> {
  const [view] = await presentTickets(db, [row], now);
  if (!view) throw new Error('ticket of an unknown hall');
  return view;
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
