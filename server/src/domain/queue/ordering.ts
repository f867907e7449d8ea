import type { Priority, PriorityWeights } from './priorities.ts';

/** What the ordering rule needs to know of a waiting ticket. */
export interface QueuedTicket {
  id: string;
  priority: Priority;
  /** Epoch ms of the first arrival (kept across transfers). */
  arrivedAt: number;
  appointmentAt: number | null;
  seq: number;
}

export interface OrderingRules {
  weights: PriorityWeights;
  /** An appointment counts as due this long before its time. */
  appointmentEarlyMs: number;
}

export interface Rank {
  weight: number;
  /** The instant the ticket queues from: its arrival, or for a due appointment its booked time. */
  since: number;
}

/**
 * An appointment gets its weight from its booked time on (less the early allowance) and then queues by that
 * time; before it, it waits like a regular ticket, so an early arrival is never left standing by an empty hall.
 */
export function rankOf(t: QueuedTicket, now: number, rules: OrderingRules): Rank {
  if (t.priority === 'appointment') {
    if (t.appointmentAt !== null && now >= t.appointmentAt - rules.appointmentEarlyMs) {
      return { weight: rules.weights.appointment, since: t.appointmentAt };
    }
    return { weight: rules.weights.normal, since: t.arrivedAt };
  }
  return { weight: rules.weights[t.priority], since: t.arrivedAt };
}

/** Negative when `a` is called before `b`: higher weight first, then earlier, then lower sequence, then id. */
export function compareTickets(a: QueuedTicket, b: QueuedTicket, now: number, rules: OrderingRules): number {
  const ra = rankOf(a, now, rules);
  const rb = rankOf(b, now, rules);
  if (ra.weight !== rb.weight) return rb.weight - ra.weight;
  if (ra.since !== rb.since) return ra.since - rb.since;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The waiting tickets in the order a window calls them. */
export function callOrder<T extends QueuedTicket>(tickets: readonly T[], now: number, rules: OrderingRules): T[] {
  return [...tickets].sort((a, b) => compareTickets(a, b, now, rules));
}

/** How many of `others` would be called before `ticket` now. */
export function peopleAhead(
  ticket: QueuedTicket,
  others: readonly QueuedTicket[],
  now: number,
  rules: OrderingRules,
): number {
  return others.filter((o) => o.id !== ticket.id && compareTickets(o, ticket, now, rules) < 0).length;
}
