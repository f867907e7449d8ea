import { chinaDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { findHall } from '../org/service.ts';
import { estimateFor, type Floor, loadFloor, queued } from './floor.ts';
import { ticketView } from './presenter.ts';
import type * as repo from './repository.ts';
import { waitingInHall } from './repository.ts';
import type { TicketView } from './schema.ts';

const num = (v: number | null) => (v === null ? null : Number(v));

/** Tickets as the API shows them; a waiting ticket shows its place and wait as of now. */
export async function presentTickets(db: Db, rows: repo.TicketRow[], now: number): Promise<TicketView[]> {
  const halls = new Map<string, { name: string; floor: Floor; waiting: repo.TicketRow[] }>();
  for (const hallId of new Set(rows.map((r) => r.hall_id))) {
    const [hall, floor, waiting] = await Promise.all([
      findHall(db, hallId),
      loadFloor(db, hallId),
      waitingInHall(db, hallId, chinaDay(now)),
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
