/**
 * Migration 0041: a completed case without its completion instant on the row takes its first completion event's
 * instant and China day, so the on-time figures (read off the row's instant) count it; down and up again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptCase, completeByTrail } from '../../../test/completion-fixtures.ts';
import { buildTestHall, json, migrateDownThrough, signedIn, type TestHall } from '../../../test/helpers.ts';
import { receptionDesk } from '../../../test/intake-fixtures.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';

let hall: TestHall;

beforeAll(async () => {
  hall = await buildTestHall();
  // 23:30 Beijing time: the China day differs from the UTC day, so a day taken in UTC would show.
  hall.clock.set(Date.parse('2026-03-02T23:30:00+08:00'));
});
afterAll(() => hall.close());

it('fills the instant and day of a completion missing on the case, and the on-time figure counts it', async () => {
  const head = await signedIn(hall.app, 'head');
  const clerk = await signedIn(hall.app, 'clerk');
  const handler = json(await (await signedIn(hall.app, 'handler')).get('/api/auth/me')).id as string;
  const desk = await receptionDesk(head, 'MIG-41');
  const done = await acceptCase(hall, clerk, desk, '孙一');
  await acceptCase(hall, clerk, desk, '孙二');
  await completeByTrail(hall, done.id, handler);
  const event = await hall.ctx.db
    .selectFrom('case_events')
    .select('at')
    .where('case_id', '=', done.id)
    .where('to_state', '=', 'completed')
    .executeTakeFirstOrThrow();

  await migrateDownThrough(hall.ctx.db, '2026_12_04_0041_cases_completed');
  await hall.ctx.db
    .updateTable('cases')
    .set({ completed_at: null, completed_day: null })
    .where('id', '=', done.id)
    .execute();
  await migrateToLatest(hall.ctx.db);

  const rows = await hall.ctx.db
    .selectFrom('cases')
    .select(['id', 'completed_at', 'completed_day'])
    .where('hall_id', '=', desk.hallId)
    .execute();
  expect(rows.map((r) => [r.id, r.completed_at === null ? null : Number(r.completed_at), r.completed_day])).toEqual(
    expect.arrayContaining([
      [done.id, Number(event.at), '2026-03-02'],
      [expect.any(String), null, null],
    ]),
  );
  const supervisor = await signedIn(hall.app, 'supervisor');
  const d = json(
    await supervisor.get(`/api/supervision/on-time/cases?from=2026-03-02&to=2026-03-02&by=item&key=${desk.itemId}`),
  );
  expect(d.finishedCases.map((c: { caseId: string }) => c.caseId)).toEqual([done.id]);
});
