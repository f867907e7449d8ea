/**
 * AB岗: who acts for a person at an instant. A is away on approved leave (annual, sick, personal, business trip,
 * training), while 暂离 (left the post), or when rostered and not clocked in by the grace time. Then B acts; if B is
 * away too, a stand-in the supervisor named acts; else nobody does and the supervisor must be alerted. Pure.
 */
export interface AbPair {
  aId: string;
  bId: string;
  /** 'post' | 'window' | 'stand_in'; a stand-in holds only from..to (days, inclusive). */
  kind: string;
  fromDay?: string | null;
  toDay?: string | null;
}

export type AbsenceReason = 'leave' | 'away' | 'not_clocked_in';

/** Who is away now and why (already worked out from leave, attendance and roster at this instant). */
export type Absences = ReadonlyMap<string, AbsenceReason>;

export type Cover =
  | { kind: 'self'; actingId: string }
  | { kind: 'b'; actingId: string; forId: string; reason: AbsenceReason; via: 'b' | 'stand_in' }
  | { kind: 'uncovered'; forId: string; reason: AbsenceReason; bId: string | null };

const holds = (p: AbPair, day: string) =>
  p.kind !== 'stand_in' || ((!p.fromDay || p.fromDay <= day) && (!p.toDay || day <= p.toDay));

/**
 * Who acts for `personId` on `day` given who is away: the person, their B (the first B not away, in the order
 * the pairs are given), or a stand-in; a stand-in the supervisor named comes before the standing B.
 */
export function coverFor(personId: string, day: string, pairs: readonly AbPair[], absent: Absences): Cover {
  const reason = absent.get(personId);
  if (!reason) return { kind: 'self', actingId: personId };
  const mine = pairs.filter((p) => p.aId === personId && p.bId !== personId && holds(p, day));
  const ordered = [...mine.filter((p) => p.kind === 'stand_in'), ...mine.filter((p) => p.kind !== 'stand_in')];
  const free = ordered.find((p) => !absent.has(p.bId));
  if (free)
    return {
      kind: 'b',
      actingId: free.bId,
      forId: personId,
      reason,
      via: free.kind === 'stand_in' ? 'stand_in' : 'b',
    };
  return { kind: 'uncovered', forId: personId, reason, bId: ordered[0]?.bId ?? null };
}

/** Whom new work for `personId` goes to: the acting person, or the person themself while nobody covers. */
export function actingId(c: Cover): string {
  return c.kind === 'uncovered' ? c.forId : c.actingId;
}

/** Everyone `bId` acts for now (A's whose cover resolves to B), for B's inbox. */
export function coveredBy(bId: string, day: string, pairs: readonly AbPair[], absent: Absences): string[] {
  const as = [...new Set(pairs.filter((p) => p.bId === bId).map((p) => p.aId))];
  return as.filter((a) => {
    const c = coverFor(a, day, pairs, absent);
    return c.kind === 'b' && c.actingId === bId;
  });
}

export interface LeaveSpan {
  userId: string;
  fromDay: string;
  toDay: string;
}

export interface PresenceInput {
  day: string;
  /** Minutes past midnight, Beijing time. */
  minute: number;
  leaves: readonly LeaveSpan[];
  /** Each person's clock records of the day, in time order. */
  clocks: ReadonlyMap<string, readonly { kind: string; minute: number }[]>;
  /** Each rostered person's first session start on the day (minutes). */
  rosteredFrom: ReadonlyMap<string, number>;
  /** Minutes after the session starts before a person not clocked in counts as away. */
  graceMinutes: number;
}

/** Who is away at this instant of the day and why. */
export function absencesAt(p: PresenceInput): Map<string, AbsenceReason> {
  const out = new Map<string, AbsenceReason>();
  for (const l of p.leaves) if (l.fromDay <= p.day && p.day <= l.toDay) out.set(l.userId, 'leave');
  for (const [userId, records] of p.clocks) {
    if (out.has(userId)) continue;
    const last = [...records].filter((r) => r.minute <= p.minute).at(-1);
    if (last?.kind === 'away') out.set(userId, 'away');
  }
  for (const [userId, from] of p.rosteredFrom) {
    if (out.has(userId)) continue;
    const clockedIn = (p.clocks.get(userId) ?? []).some((r) => r.kind === 'in' && r.minute <= p.minute);
    if (!clockedIn && p.minute >= from + p.graceMinutes) out.set(userId, 'not_clocked_in');
  }
  return out;
}
