import { type Priority, waitMinutes } from '../../domain/queue/index.ts';
import type { CategoryRow, TicketRow } from './repository.ts';
import type { TicketView } from './schema.ts';

const num = (v: number | null) => (v === null ? null : Number(v));

/** What the view of a ticket is drawn from besides its row: its hall, category, window and live place. */
export interface TicketSurroundings {
  hallName: string;
  category: CategoryRow | undefined;
  window: { number: number } | undefined;
  /** People ahead and the estimated wait, live for a waiting ticket, as at issue otherwise. */
  ahead: number;
  estimateMs: number | null;
}

/** A ticket as the API shows it. */
export function ticketView(t: TicketRow, s: TicketSurroundings): TicketView {
  return {
    id: t.id,
    hallId: t.hall_id,
    hallName: s.hallName,
    day: t.day,
    number: t.number,
    categoryId: t.category_id,
    categoryName: s.category?.name ?? '',
    priority: t.priority as Priority,
    appointmentAt: num(t.appointment_at),
    arrivedAt: Number(t.arrived_at),
    status: t.status as TicketView['status'],
    windowId: t.window_id,
    windowNumber: s.window?.number ?? null,
    targetWindowId: t.target_window_id,
    walkIn: t.walk_in === 1,
    recallCount: t.recall_count,
    calledAt: num(t.called_at),
    servingStartedAt: num(t.serving_started_at),
    finishedAt: num(t.finished_at),
    waitMs: num(t.wait_ms),
    serviceMs: Number(t.service_ms),
    transfers: t.transfers,
    peopleAhead: s.ahead,
    estimatedWaitMinutes: s.estimateMs === null ? null : waitMinutes(s.estimateMs),
    outcomeKind: t.outcome_kind as TicketView['outcomeKind'],
    outcomeId: t.outcome_id,
  };
}
