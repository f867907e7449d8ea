/**
 * AB岗 on the trail: whom a step's holder took it for. A step routed to B while A was away (detail.cover) or worked by
 * B as A's (detail.actingFor) stays with B once A is back; this finds A so B can hand it back (交还).
 */
import type { Db } from '../../platform/db/database.ts';
import { actingFor } from '../staff/service.ts';

interface TrailEvent {
  user_id: string;
  action: string;
  detail: string | null;
}

interface CoverEntry {
  stepId?: string;
  forId?: string;
  forName?: string;
  actingId?: string;
}

/** Moves that put a new holder on the step: the latest of them decides whether the holder took it as cover. */
const giving = new Set(['claimStep', 'assignStep', 'handOverStep', 'handBackStep']);

/** The person the holder covers on this step, read from the trail's latest giving of the step; null if none. */
export function coverOriginOf(events: readonly TrailEvent[], stepId: string, holderId: string) {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    const d = e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {};
    const cover = (Array.isArray(d.cover) ? (d.cover as CoverEntry[]) : []).find((x) => x.stepId === stepId);
    if (cover)
      return cover.actingId === holderId && cover.forId ? { id: cover.forId, name: cover.forName ?? '' } : null;
    const acting = d.actingFor as { stepId?: string; id?: string; name?: string } | undefined;
    if (acting?.stepId === stepId && acting.id && e.user_id === holderId)
      return { id: acting.id, name: acting.name ?? '' };
    if (giving.has(e.action) && d.stepId === stepId) return null;
  }
  return null;
}

/** The active steps the actor may hand back now: taken as someone's cover, and that person is back (nobody acts for them). */
export async function handBackable(
  db: Db,
  actorId: string,
  steps: readonly { id: string; status: string; assignee_id?: string | null | undefined }[],
  events: readonly TrailEvent[],
  now: number,
): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  for (const s of steps) {
    if (s.status !== 'active' || s.assignee_id !== actorId) continue;
    const origin = coverOriginOf(events, s.id, actorId);
    if (origin) out.set(s.id, origin);
  }
  if (!out.size) return out;
  const acting = await actingFor(
    db,
    [...out.values()].map((o) => o.id),
    now,
  );
  for (const [stepId, o] of out) if (acting.get(o.id)?.forId) out.delete(stepId);
  return out;
}
