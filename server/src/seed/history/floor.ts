/**
 * The hall floor around each case: the queue ticket the applicant took before the window received the case,
 * and the rating left on the pad afterwards (a bad one with its call-back done).
 */
import { chinaDay } from '../../platform/clock.ts';
import type { HistoryTables } from './bulk.ts';
import type { HallPlan, ItemPlan, Staff } from './hall.ts';
import { type Random, seededId } from './random.ts';

const LEVELS = {
  very_satisfied: 0.62,
  satisfied: 0.27,
  basically_satisfied: 0.08,
  dissatisfied: 0.02,
  very_dissatisfied: 0.01,
};
const SCORE = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
} as const;

/** Last ticket number per hall, day and prefix (queue_counters). */
export class TicketCounters {
  readonly last = new Map<string, number>();
  next(hallId: string, day: string, prefix: string): number {
    const key = `${hallId}|${day}|${prefix}`;
    const n = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, n);
    return n;
  }
}

export function emitVisit(
  rnd: Random,
  t: HistoryTables,
  counters: TicketCounters,
  x: {
    hall: HallPlan;
    item: ItemPlan;
    caseId: string;
    receivedAt: number;
    visitEnd: number;
    clerk: Staff;
    windowId: string | null;
    urgent: boolean;
  },
): void {
  const cat = x.item.category;
  if (!cat || !x.windowId) return;
  const day = chinaDay(x.receivedAt);
  const seq = counters.next(x.hall.id, day, cat.prefix);
  const waitMs = Math.round(rnd.skewed(9, 0.7) * 60_000);
  const called = x.receivedAt - 60_000;
  const arrived = called - waitMs;
  const finished = x.visitEnd + 60_000;
  const id = seededId(rnd, arrived);
  t.tickets.add(
    id,
    x.hall.id,
    day,
    cat.id,
    `${cat.prefix}${String(seq).padStart(3, '0')}`,
    seq,
    x.urgent ? 'green' : 'normal',
    x.urgent ? 100 : 0,
    null,
    arrived,
    'done',
    x.windowId,
    null,
    0,
    called,
    called,
    0,
    called + 30_000,
    finished,
    x.clerk.id,
    waitMs,
    finished - called - 30_000,
    0,
    rnd.int(0, 12),
    Math.round(waitMs * (0.7 + rnd.next() * 0.6)),
    'case',
    x.caseId,
    null,
    arrived,
    finished,
  );
  if (!rnd.chance(0.35)) return;
  const level = rnd.weighted(LEVELS);
  const bad = level === 'dissatisfied' || level === 'very_dissatisfied';
  const ratedAt = finished + rnd.int(5, 90) * 1000;
  const ratingId = seededId(rnd, ratedAt);
  t.ratings.add(
    ratingId,
    x.hall.id,
    id,
    x.windowId,
    x.clerk.id,
    'case',
    x.caseId,
    level,
    SCORE[level],
    bad ? 1 : 0,
    JSON.stringify(bad ? ['等候时间长'] : level === 'very_satisfied' ? ['服务热情'] : []),
    '',
    'pad',
    day,
    ratedAt,
  );
  if (bad) {
    const due = x.hall.deadline(day, 1);
    const back = ratedAt + 86_400_000;
    t.followUps.add(
      seededId(rnd, ratedAt),
      x.hall.id,
      ratingId,
      'called_back',
      due.deadline,
      due.provisional ? 1 : 0,
      'feedback',
      '已电话回访，申请人表示理解',
      back,
      x.clerk.id,
      ratedAt,
      back,
    );
  }
}
