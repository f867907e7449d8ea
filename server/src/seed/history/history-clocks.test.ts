/**
 * The generated history keeps time the way live cases do: every stored case and step deadline is what the
 * live clock (modules/cases/deadlines.ts) computes from the stored suspensions, so the board and the
 * on-time rate see no false reds in a bulk load.
 */
import { historyHall } from '../../../test/history-fixtures.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../platform/clock.ts';
import type { TestHall } from '../../../test/helpers.ts';
import { calendarOf } from '../../modules/calendar/service.ts';
import type { CaseRow } from '../../modules/cases/repository.ts';
import { watch } from '../../modules/supervision/watch.ts';
import { deadlineOf, pausesFrom, stepDeadlineColumns, stepDeadlineOf } from '../../modules/cases/deadlines.ts';
import type { PauseRow } from '../../modules/cases/records-repository.ts';

const N = process.env.DATABASE_URL ? 2000 : 4000;
let hall: TestHall;

beforeAll(async () => {
  hall = await historyHall({ cases: N, seed: 11 });
}, 300_000);
afterAll(() => hall.close());

async function loaded() {
  const db = hall.ctx.db;
  const cases = (await db.selectFrom('cases').selectAll().execute()) as CaseRow[];
  const steps = await db.selectFrom('case_steps').selectAll().execute();
  const pauseRows = (await db.selectFrom('case_pauses').selectAll().execute()) as PauseRow[];
  const pauses = new Map<string, PauseRow[]>();
  for (const p of pauseRows) pauses.set(p.case_id, [...(pauses.get(p.case_id) ?? []), p]);
  const completions = await db
    .selectFrom('case_events')
    .select(['case_id', 'at'])
    .where('to_state', '=', 'completed')
    .execute();
  const calendars = new Map<string, Awaited<ReturnType<typeof calendarOf>>>();
  for (const c of cases) if (!calendars.has(c.hall_id)) calendars.set(c.hall_id, await calendarOf(db, c.hall_id));
  return { cases, steps, pauses, pauseRows, completions, calendars };
}

describe('clocks of a generated history', () => {
  it('stores every case and step deadline as the live clock computes it from the stored suspensions', async () => {
    const { cases, steps, pauses, pauseRows, calendars } = await loaded();
    expect(cases).toHaveLength(N);
    const byId = new Map(cases.map((c) => [c.id, c]));
    const suspended = new Set(pauseRows.map((p) => p.case_id));
    // A share of the cases is suspended at some time (the story's rate is about 1 in 100 after its cuts).
    expect(suspended.size).toBeGreaterThan(N / 200);
    const wrong: string[] = [];
    let movedBySuspension = 0;
    for (const c of cases) {
      if (!c.accepted_day) continue;
      const d = deadlineOf(calendars.get(c.hall_id)!, c, pausesFrom(pauses.get(c.id) ?? []));
      if (d.deadline !== c.deadline || (d.provisional ? 1 : 0) !== Number(c.deadline_provisional)) {
        wrong.push(`case ${c.case_no}: stored ${c.deadline}, live ${d.deadline}`);
      }
    }
    for (const s of steps) {
      if (s.activated_at === null) continue;
      const c = byId.get(s.case_id)!;
      const cal = calendars.get(c.hall_id)!;
      const live = stepDeadlineColumns(cal, s, pausesFrom(pauses.get(c.id) ?? []));
      if (live.deadline !== (s.deadline ?? null) || live.deadline_provisional !== Number(s.deadline_provisional)) {
        wrong.push(
          `step ${s.name} of ${c.case_no}: stored ${s.deadline}/${s.deadline_provisional}, live ${live.deadline}/${live.deadline_provisional}`,
        );
      }
      if (suspended.has(c.id) && live.deadline !== stepDeadlineOf(cal, s, [])) movedBySuspension += 1;
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // The check is not empty: suspensions do move step deadlines in this history.
    expect(movedBySuspension).toBeGreaterThan(10);
  }, 120_000);

  it('stores on each completed case the instant and day of its one completion event, which the figures read', async () => {
    const { cases, completions } = await loaded();
    const eventsOf = new Map<string, number[]>();
    for (const e of completions) eventsOf.set(e.case_id, [...(eventsOf.get(e.case_id) ?? []), Number(e.at)]);
    const wrong = cases.filter((c) => {
      const at = eventsOf.get(c.id);
      if (!at) return c.completed_at != null;
      return at.length !== 1 || Number(c.completed_at) !== at[0] || c.completed_day !== chinaDay(at[0]!);
    });
    expect(wrong.map((c) => c.case_no)).toEqual([]);
    expect(eventsOf.size).toBeGreaterThan(N / 4);
  });

  it('counts no case red that completed on time by its trail, and lights the board only by the live clock', async () => {
    const { cases, steps, pauses, completions, calendars } = await loaded();
    const completedAt = new Map<string, number>();
    for (const e of completions)
      completedAt.set(e.case_id, Math.min(Number(e.at), completedAt.get(e.case_id) ?? Number.POSITIVE_INFINITY));
    const stepsOf = new Map<string, typeof steps>();
    for (const s of steps) stepsOf.set(s.case_id, [...(stepsOf.get(s.case_id) ?? []), s]);
    let onTime = 0;
    const falseReds: string[] = [];
    let countedRed = 0;
    for (const c of cases) {
      const at = completedAt.get(c.id);
      if (at === undefined || !c.accepted_day) continue;
      const live = deadlineOf(calendars.get(c.hall_id)!, c, pausesFrom(pauses.get(c.id) ?? [])).deadline!;
      if (chinaDay(at) > live) continue;
      onTime += 1;
      // On time by the trail and the live clock: the stored deadline says so too.
      expect(chinaDay(at) <= c.deadline!, c.case_no!).toBe(true);
      // None of its steps is counted late unless the live step clock says so (the story may make a step late).
      const cal = calendars.get(c.hall_id)!;
      for (const s of stepsOf.get(c.id) ?? []) {
        if (s.done_at === null || !s.deadline) continue;
        const doneDay = chinaDay(Number(s.done_at));
        const live = stepDeadlineOf(cal, s, pausesFrom(pauses.get(c.id) ?? []))!;
        if (doneDay > s.deadline) countedRed += 1;
        if (doneDay > s.deadline && doneDay <= live)
          falseReds.push(`${c.case_no} ${s.name}: done ${doneDay}, due ${live}`);
      }
    }
    expect(falseReds).toEqual([]);
    expect(countedRed).toBeGreaterThan(0);
    expect(onTime).toBeGreaterThan(N / 3);

    // Every red step on the board is red by the live step clock.
    const w = await watch(hall.ctx.db, [...calendars.keys()], hall.clock.now(), 1);
    const byStep = new Map(steps.map((s) => [s.id, s]));
    const byCase = new Map(cases.map((c) => [c.id, c]));
    const today = chinaDay(hall.clock.now());
    expect(w.steps.length).toBeGreaterThan(0);
    for (const f of w.steps) {
      const s = byStep.get(f.stepId)!;
      const c = byCase.get(f.caseId)!;
      const cal = calendars.get(c.hall_id)!;
      const live = stepDeadlineOf(cal, s, pausesFrom(pauses.get(c.id) ?? []));
      expect(f.deadline, `${c.case_no} ${s.name}`).toBe(live);
      expect(f.level).toBe(cal.lightFor(today, live!, c.warning_days));
    }
  }, 120_000);
});
