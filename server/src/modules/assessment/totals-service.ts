/**
 * 考核 card lists (a month's or the year's cards of every person or window): the big sources — cases received and
 * finished, review decisions, back-office steps, tickets served and ratings — read as counts per person and window
 * instead of record by record. Each count becomes one fact carrying the count in its numerator and denominator, so
 * `actualOf` sums exactly what it sums over the single records of a card's drill-down (figures-service.ts): the
 * figures are the same numbers, and the tests compare the list with each card. A month of a million-case hall is
 * some 150,000 such records; their counts are a few thousand rows.
 */
import type { Period } from '../../domain/assessment/index.ts';
import type { AppContext } from '../../platform/context.ts';
import type { calendarOf } from '../calendar/service.ts';
import { finishedStepTotals, finishedTotals, receivedTotals, reviewTotals } from '../cases/service.ts';
import { servedTotals } from '../queue/service.ts';
import { caseRatingTotalsForAssessment, padRatingTotalsForAssessment } from '../rating/service.ts';
import { ratingLevels } from '../rating/schema.ts';
import type { Fact } from './figures-service.ts';

const badLevels = new Set<string>(ratingLevels.slice(-2));
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

export async function totalFactsOf(
  ctx: AppContext,
  hallId: string,
  p: Period,
  cal: Awaited<ReturnType<typeof calendarOf>>,
): Promise<Fact[]> {
  const fromMs = dayStart(p.from);
  const toMs = dayStart(p.to) + 86_400_000;
  const [received, finished, reviews, steps, served, pad, online] = await Promise.all([
    receivedTotals(ctx.db, hallId, p.from, p.to),
    finishedTotals(ctx.db, ctx.dialect, hallId, fromMs, toMs),
    reviewTotals(ctx.db, hallId, fromMs, toMs),
    finishedStepTotals(ctx.db, hallId, p.from, p.to),
    servedTotals(ctx.db, hallId, p.from, p.to),
    padRatingTotalsForAssessment(ctx.db, hallId, p.from, p.to),
    caseRatingTotalsForAssessment(ctx.db, hallId, p.from, p.to),
  ]);
  const facts: Fact[] = [];
  const add = (f: Pick<Fact, 'code' | 'person' | 'window' | 'num' | 'den'>) =>
    facts.push({ departments: [], ref: '', day: p.from, note: '', ...f });

  for (const r of received)
    add({ code: 'cases_received', person: r.received_by, window: r.window_id, num: Number(r.n), den: 0 });
  for (const r of finished) {
    const n = Number(r.n);
    const who = { person: r.person_id, window: r.window_id };
    add({ ...who, code: 'on_time_rate', num: Number(r.on_time) * n, den: n });
    add({ ...who, code: 'rework_rate', num: 0, den: n });
    if (r.accepted_day) {
      const days = cal.workingDaysBetween(r.accepted_day, r.day).workingDays;
      add({ ...who, code: 'handling_days', num: days * n, den: n });
    }
  }
  for (const r of reviews) {
    const n = Number(r.n);
    const who = { person: r.person_id, window: r.window_id };
    const passed = r.action === 'passReview';
    add({ ...who, code: 'review_pass_rate', num: passed ? n : 0, den: n });
    if (!passed) add({ ...who, code: 'rework_rate', num: n, den: 0 });
  }
  for (const s of steps)
    add({ code: 'steps_finished', person: s.assignee_id ?? null, window: null, num: Number(s.n), den: 0 });
  for (const t of served)
    add({ code: 'tickets_served', person: t.served_by, window: t.window_id, num: Number(t.n), den: 0 });
  for (const r of [...pad, ...online.map((r) => ({ ...r, window_id: null }))]) {
    const n = Number(r.n);
    const who = { person: r.staff_user_id, window: r.window_id };
    add({ ...who, code: 'good_rate', num: badLevels.has(r.level) ? 0 : n, den: n });
    if (r.is_bad) add({ ...who, code: 'bad_ratings', num: n, den: 0 });
  }
  return facts;
}
