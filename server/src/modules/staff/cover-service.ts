/**
 * AB岗 at an instant, for the case core (step assignment, inbox), the alert sweep and the window screen: who is away
 * now, who acts for whom, and who is away with nobody to cover. The rule itself is pure, in domain/staff/cover.ts.
 */
import { minutesOf } from '../../domain/queue/hours.ts';
import {
  type AbPair,
  type AbsenceReason,
  absencesAt,
  type Cover,
  coverFor,
  coveredBy,
  DEFAULT_STAFF_HOURS,
  sessionSpan,
} from '../../domain/staff/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { displayNamesOf, hallStaff } from '../accounts/service.ts';
import { timetablesOf } from '../queue/service.ts';
import * as repo from './repository.ts';

/** A person rostered and not clocked in this long after their first session began counts as away. */
export const NOT_CLOCKED_IN_GRACE_MINUTES = 15;

const minuteOfDay = (ms: number) => {
  const t = new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
  return minutesOf(t);
};

const toPair = (p: repo.PairRow): AbPair => ({
  aId: p.a_user_id,
  bId: p.b_user_id,
  kind: p.kind,
  fromDay: p.from_day,
  toDay: p.to_day,
});

/** Who of these people is away at `now`, and why. */
export async function absencesOf(db: Db, people: readonly string[], now: number): Promise<Map<string, AbsenceReason>> {
  if (!people.length) return new Map();
  const day = chinaDay(now);
  const [leaves, clocks, roster] = await Promise.all([
    repo.approvedLeaves(db, people, day, day),
    repo.clocksOf(db, people, day, day),
    repo.rosterOfPeople(db, people, day, day),
  ]);
  const byPerson = new Map<string, { kind: string; minute: number }[]>();
  for (const c of clocks)
    byPerson.set(c.user_id, [...(byPerson.get(c.user_id) ?? []), { kind: c.kind, minute: minuteOfDay(c.at) }]);
  const rosteredFrom = new Map<string, number>();
  if (roster.length) {
    const tables = await timetablesOf(db, [...new Set(roster.map((r) => r.hall_id))]);
    for (const r of roster) {
      const week = tables.get(r.hall_id)?.hall ?? DEFAULT_STAFF_HOURS;
      const span = week ? sessionSpan(week, day, r.session as 'am' | 'pm') : undefined;
      if (!span) continue;
      rosteredFrom.set(r.user_id, Math.min(rosteredFrom.get(r.user_id) ?? span.from, span.from));
    }
  }
  return absencesAt({
    day,
    minute: minuteOfDay(now),
    leaves: leaves.map((l) => ({ userId: l.user_id, fromDay: l.from_day, toDay: l.to_day })),
    clocks: byPerson,
    rosteredFrom,
    graceMinutes: NOT_CLOCKED_IN_GRACE_MINUTES,
  });
}

async function situation(db: Db, userIds: readonly string[], now: number) {
  const pairs = (await repo.pairsOfPeople(db, userIds)).map(toPair);
  const people = [...new Set([...userIds, ...pairs.flatMap((p) => [p.aId, p.bId])])];
  return { pairs, absent: await absencesOf(db, people, now), day: chinaDay(now) };
}

export interface Acting {
  /** Whom the work goes to now. */
  actingId: string;
  actingName: string;
  /** Set when someone acts for the person: B for A (B代A). */
  forId: string | null;
  forName: string | null;
  cover: Cover;
}

/** Who acts for each of these people at `now` (the person themself when present or uncovered). */
export async function actingFor(db: Db, userIds: readonly string[], now: number): Promise<Map<string, Acting>> {
  const ids = [...new Set(userIds)];
  const out = new Map<string, Acting>();
  if (!ids.length) return out;
  const s = await situation(db, ids, now);
  const covers = new Map(ids.map((id) => [id, coverFor(id, s.day, s.pairs, s.absent)]));
  const names = new Map(
    (
      await displayNamesOf(db, [
        ...new Set([...covers.values()].flatMap((c) => (c.kind === 'b' ? [c.actingId, c.forId] : []))),
      ])
    ).map((r) => [r.id, r.display_name]),
  );
  for (const [id, c] of covers) {
    if (c.kind === 'b')
      out.set(id, {
        actingId: c.actingId,
        actingName: names.get(c.actingId) ?? c.actingId,
        forId: id,
        forName: names.get(id) ?? id,
        cover: c,
      });
    else out.set(id, { actingId: id, actingName: '', forId: null, forName: null, cover: c });
  }
  return out;
}

/** The people `bId` acts for now (B's inbox shows their work as B代A). */
export async function coveredNow(db: Db, bId: string, now: number): Promise<string[]> {
  const mine = await repo.pairsOfPeople(db, [bId]);
  const as = [...new Set(mine.filter((p) => p.b_user_id === bId).map((p) => p.a_user_id))];
  if (!as.length) return [];
  const s = await situation(db, as, now);
  return coveredBy(bId, s.day, s.pairs, s.absent);
}

/** People of these halls away now whom nobody covers (B away too, or no B): the supervisor must name a stand-in. */
export async function uncoveredNow(db: Db, hallIds: readonly string[], now: number) {
  const day = chinaDay(now);
  const pairs = await repo.pairsInHalls(db, hallIds);
  const onLeave = await repo.approvedLeaves(db, null, day, day);
  const hallOf = new Map<string, string>();
  for (const p of pairs) hallOf.set(p.a_user_id, p.hall_id);
  for (const l of onLeave) if (hallIds.includes(l.hall_id)) hallOf.set(l.user_id, l.hall_id);
  const ids = [...hallOf.keys()];
  if (!ids.length) return [];
  const acting = await actingFor(db, ids, now);
  const out: { hallId: string; userId: string; reason: AbsenceReason; bId: string | null }[] = [];
  for (const [id, a] of acting)
    if (a.cover.kind === 'uncovered')
      out.push({ hallId: hallOf.get(id)!, userId: id, reason: a.cover.reason, bId: a.cover.bId });
  return out;
}

/** The departments of the people `bId` acts for now (B may open their department inbox). */
export async function coveredDepartments(db: Db, bId: string, now: number): Promise<string[]> {
  const as = await coveredNow(db, bId, now);
  if (!as.length) return [];
  const halls = [...new Set((await repo.pairsOfPeople(db, as)).map((p) => p.hall_id))];
  return [...new Set((await hallStaff(db, halls)).filter((u) => as.includes(u.id)).flatMap((u) => u.departmentIds))];
}

/** Told when who is away may have changed (a leave approved, a person leaving the post): the hall and the instant. */
export type CoverListener = (db: Db, hallIds: readonly string[], now: number) => Promise<unknown>;
const coverListeners = new Set<CoverListener>();

/**
 * A module placed after staff (supervision) listens here, so the supervisor hears of a gap at once rather than at the
 * next sweep; the same function registered twice is kept once.
 */
export function whenCoverChanges(fn: CoverListener) {
  coverListeners.add(fn);
}

/** Runs the listeners in the caller's transaction (what they write commits with the change that caused it). */
export async function coverChanged(db: Db, hallIds: readonly string[], now: number) {
  for (const fn of coverListeners) await fn(db, hallIds, now);
}
