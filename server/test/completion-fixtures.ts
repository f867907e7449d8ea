/**
 * Cases for the figures tests (supervision's on-time rate, the statistics overview): one accepted at the window
 * through the API, and one completed as 办结 records it, without the result documents a real completion needs.
 */
import { json, type Session, type TestHall } from './helpers.ts';
import { complete, person } from './intake-fixtures.ts';

/** A case received and accepted at the window for `name`, a second after the clock's time. */
export async function acceptCase(
  hall: TestHall,
  clerk: Session,
  at: { hallId: string; itemId: string; windowId: string },
  name: string,
): Promise<{ id: string; caseNo: string }> {
  hall.clock.advance(1000);
  const applicantId = await person(clerk, at.hallId, { name });
  const r = json(
    await clerk.post('/api/intake/receptions', {
      itemId: at.itemId,
      applicantId,
      windowId: at.windowId,
      materials: complete(),
    }),
  );
  const res = await clerk.post(`/api/cases/${r.id}/accept`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return json(res);
}

/**
 * Completion as 办结 records it: the case moves to 'completed' with its completion instant and day, and its trail
 * event at the same instant (the clock's time).
 */
export async function completeByTrail(hall: TestHall, caseId: string, handlerId: string) {
  const db = hall.ctx.db;
  const now = hall.clock.now();
  const last = await db
    .selectFrom('case_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const c = await db.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirstOrThrow();
  const day = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  await db
    .updateTable('cases')
    .set({ state: 'completed', completed_at: now, completed_day: day, updated_at: now })
    .where('id', '=', caseId)
    .execute();
  await db.updateTable('case_steps').set({ status: 'done', done_at: now }).where('case_id', '=', caseId).execute();
  await db
    .insertInto('case_events')
    .values({
      id: `ev-${caseId}-${now}`,
      case_id: caseId,
      seq: Number(last.seq) + 1,
      at: now,
      user_id: handlerId,
      username: 'handler',
      display_name: '杨帆',
      action: 'complete',
      from_state: c.state,
      to_state: 'completed',
      detail: null,
    })
    .execute();
}
