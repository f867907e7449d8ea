/**
 * The generated history beyond the cases (history.test.ts covers those): 好差评 ratings with their 差评 loop and
 * appeals, complaints, attendance on the roster, training and conduct, inspections and their rectifications —
 * each checked against the owning module's own rules, so the history is one the services could have written.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_DAYS } from '../../domain/complaints/index.ts';
import { drawSample } from '../../domain/inspections/index.ts';
import { openLoop } from '../../domain/ratings/loop.ts';
import { chinaDay } from '../../platform/clock.ts';
import { pii } from '../../platform/pii/index.ts';
import { calendarOf } from '../../modules/calendar/service.ts';
import { json, signedIn, type TestHall } from '../../../test/helpers.ts';
import { historyHall } from '../../../test/history-fixtures.ts';

const N = 800;
let hall: TestHall;

beforeAll(async () => {
  hall = await historyHall({ cases: N, seed: 11 });
}, 180_000);
afterAll(() => hall.close());

const db = () => hall.ctx.db;

describe('the generated history around the cases', () => {
  it('rates completed cases once (好差评), a bad rating opening its loop, re-rated only once rectified', async () => {
    const [cases, invitations, ratings, tasks, events] = await Promise.all([
      db().selectFrom('cases').select(['id', 'completed_at', 'received_by']).execute(),
      db().selectFrom('case_rating_invitations').selectAll().execute(),
      db().selectFrom('case_ratings').selectAll().execute(),
      db().selectFrom('case_rating_tasks').selectAll().execute(),
      db().selectFrom('case_rating_task_events').selectAll().orderBy('task_id').orderBy('seq').execute(),
    ]);
    const byId = new Map(cases.map((c) => [c.id, c]));
    expect(ratings.filter((r) => r.round === 1).length).toBeGreaterThan(N / 10);
    for (const i of invitations) expect(byId.get(i.case_id)?.completed_at, i.case_id).not.toBeNull();
    const invited = new Set(invitations.map((i) => i.case_id));
    for (const r of ratings) {
      expect(invited.has(r.case_id)).toBe(true);
      expect(Number(r.created_at)).toBeGreaterThan(Number(byId.get(r.case_id)!.completed_at));
      expect(r.staff_user_id).toBe(byId.get(r.case_id)!.received_by);
      expect(r.is_bad).toBe(r.score <= 2 ? 1 : 0);
    }
    const bad = ratings.filter((r) => r.round === 1 && r.is_bad === 1);
    expect(bad.length).toBeGreaterThan(0);
    expect(tasks.map((t) => t.rating_id).sort()).toEqual(bad.map((r) => r.id).sort());
    const cal = await calendarOf(db(), tasks[0]!.hall_id);
    for (const t of tasks) {
      const rating = bad.find((r) => r.id === t.rating_id)!;
      expect(t.call_back_due).toBe(openLoop(cal, rating.day).callBackDue);
      const trail = events.filter((e) => e.task_id === t.id);
      expect(trail.map((e) => e.seq)).toEqual(trail.map((_, k) => k + 1));
      expect(trail.at(-1)!.to_stage).toBe(t.stage);
      const second = ratings.find((r) => r.case_id === t.case_id && r.round === 2);
      expect(second?.id ?? null).toBe(t.rerating_id);
      if (t.rerating_id) expect(t.stage).toBe('closed');
      if (t.rectified_at !== null)
        expect(invitations.find((i) => i.case_id === t.case_id)!.rerate_token_hash).toBeTruthy();
    }
    expect(tasks.some((t) => t.stage === 'closed')).toBe(true);
  });

  it('decides appeals as the supervisor would: an upheld one leaves the rating out of the figures', async () => {
    const appeals = await db().selectFrom('case_rating_appeals').selectAll().execute();
    const ratings = await db().selectFrom('case_ratings').select(['id', 'excluded', 'is_bad']).execute();
    expect(appeals.length).toBeGreaterThan(0);
    for (const a of appeals) {
      const r = ratings.find((x) => x.id === a.rating_id)!;
      expect(r.is_bad).toBe(1);
      expect(r.excluded).toBe(a.status === 'upheld' ? 1 : 0);
    }
    expect(ratings.filter((r) => r.excluded === 1).length).toBe(appeals.filter((a) => a.status === 'upheld').length);
  });

  it('registers complaints about real cases, numbered without gaps each year, due in the type’s working days', async () => {
    const rows = await db().selectFrom('complaints').selectAll().orderBy('number').execute();
    const steps = await db().selectFrom('complaint_steps').selectAll().orderBy('complaint_id').orderBy('seq').execute();
    const cases = new Map(
      (await db().selectFrom('cases').select(['id', 'case_no', 'received_day']).execute()).map((c) => [c.id, c]),
    );
    expect(rows.length).toBeGreaterThan(4);
    const cal = await calendarOf(db(), rows[0]!.hall_id);
    const perYear = new Map<string, number[]>();
    for (const c of rows) {
      const k = cases.get(c.case_id!);
      expect(k, c.number).toBeDefined();
      expect(c.case_no).toBe(k!.case_no);
      expect(c.received_day >= k!.received_day).toBe(true);
      expect(c.due_day).toBe(cal.addWorkingDays(c.received_day, c.simple ? 0 : DEFAULT_REPLY_DAYS).deadline);
      const year = c.number.slice(2, 6);
      expect(year).toBe(c.received_day.slice(0, 4));
      perYear.set(year, [...(perYear.get(year) ?? []), Number(c.number.slice(6))]);
      const trail = steps.filter((s) => s.complaint_id === c.id);
      expect(trail[0]).toMatchObject({ seq: 1, action: 'registered', to_state: 'open' });
      expect(trail.at(-1)!.to_state).toBe(c.state);
      expect(c.replied_at !== null).toBe(c.state === 'replied' || c.state === 'closed');
      if (c.anonymous === 0) {
        const phone = pii().decrypt('complaints.phone', c.id, c.phone_enc!);
        expect(c.phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      } else expect(c.name_enc).toBeNull();
    }
    for (const numbers of perYear.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, k) => k + 1));
    // Some answered late, some found to be true and rectified.
    expect(rows.some((c) => c.rectification !== null)).toBe(true);
    expect(rows.some((c) => (c.replied_day ?? chinaDay(hall.clock.now())) > c.due_day)).toBe(true);
  });

  it('lets the next real complaint take the next number of the year', async () => {
    const supervisor = await signedIn(hall.app, 'supervisor');
    const hallId = json(await supervisor.get('/api/auth/me')).halls[0].id as string;
    const year = chinaDay(hall.clock.now()).slice(0, 4);
    const before = await db()
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('number', 'like', `TS${year}%`)
      .executeTakeFirstOrThrow();
    const res = await supervisor.post('/api/complaints', {
      hallId,
      kind: 'complaint',
      channel: 'phone',
      category: 'attitude',
      anonymous: false,
      name: '张三',
      phone: '13800001111',
      matter: '窗口态度不好',
      simple: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).number).toBe(`TS${year}${String(Number(before.n) + 1).padStart(5, '0')}`);
  });

  it('clocks staff in only on their roster days, never on approved leave, some late, some absent', async () => {
    const roster = await db().selectFrom('staff_roster').select(['user_id', 'day', 'session']).execute();
    const clocks = await db().selectFrom('staff_attendance').select(['user_id', 'day', 'kind', 'at']).execute();
    const leaves = await db().selectFrom('staff_leaves').selectAll().execute();
    expect(clocks.length).toBeGreaterThan(100);
    const slots = new Set(roster.map((r) => `${r.user_id}|${r.day}`));
    for (const c of clocks) expect(slots.has(`${c.user_id}|${c.day}`), `${c.user_id} ${c.day}`).toBe(true);
    expect(leaves.length).toBeGreaterThan(0);
    for (const l of leaves) {
      expect(l.status).toBe('approved');
      expect(l.b_user_id).not.toBe(l.user_id);
      expect(clocks.some((c) => c.user_id === l.user_id && c.day >= l.from_day && c.day <= l.to_day)).toBe(false);
    }
    const ins = new Set(clocks.filter((c) => c.kind === 'in').map((c) => `${c.user_id}|${c.day}`));
    expect(roster.some((r) => !ins.has(`${r.user_id}|${r.day}`))).toBe(true);
    const late = clocks.filter((c) => c.kind === 'in' && new Date(Number(c.at) + 8 * 3_600_000).getUTCHours() >= 9);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(ins.size / 5);
  });

  it('samples each recent month by the module’s own draw, and turns only findings into rectification notices', async () => {
    const inspections = await db().selectFrom('inspections').selectAll().execute();
    const items = await db().selectFrom('inspection_items').selectAll().execute();
    const notices = await db().selectFrom('rectifications').selectAll().execute();
    const records = inspections.filter((i) => i.kind === 'records');
    expect(records.length).toBeGreaterThan(2);
    for (const i of records) {
      const population = await db()
        .selectFrom('cases')
        .select('id')
        .where('hall_id', '=', i.hall_id)
        .where('case_no', 'is not', null)
        .where('accepted_day', '>=', i.period_from!)
        .where('accepted_day', '<=', i.period_to!)
        .execute();
      expect(population.length).toBe(i.population);
      const drawn = drawSample(population, i.sample_size, Number(i.seed)).map((c) => c.id);
      const mine = items.filter((x) => x.inspection_id === i.id).sort((a, b) => a.seq - b.seq);
      expect(mine.map((x) => x.case_id)).toEqual(drawn);
    }
    expect(inspections.some((i) => i.kind === 'norms')).toBe(true);
    const findings = items.filter((x) => x.result === 'finding');
    expect(notices.map((n) => n.inspection_item_id).sort()).toEqual(findings.map((f) => f.id).sort());
    for (const n of notices) {
      const item = items.find((x) => x.id === n.inspection_item_id)!;
      expect(n.inspection_id).toBe(item.inspection_id);
      expect(n.responsible_id).toBe(item.subject_id);
      expect(n.due_day).toBe((await calendarOf(db(), n.hall_id)).addWorkingDays(n.issued_day, 10).deadline);
      expect(n.status === 'closed').toBe(n.closed_day !== null);
    }
    expect(notices.filter((n) => n.status === 'closed').length).toBeGreaterThan(notices.length / 2);
  });

  it('keeps training records to their sessions, and conduct records acknowledged', async () => {
    const records = await db()
      .selectFrom('training_records as r')
      .innerJoin('training_sessions as s', 's.id', 'r.session_id')
      .select(['r.attended', 'r.minutes', 's.minutes as sessionMinutes', 'r.day', 's.day as sessionDay'])
      .execute();
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) {
      expect(r.day).toBe(r.sessionDay);
      expect(r.minutes).toBe(r.attended ? r.sessionMinutes : 0);
    }
    const conduct = await db().selectFrom('conduct_records').selectAll().execute();
    expect(conduct.some((c) => c.kind === 'sanction')).toBe(true);
    expect(conduct.every((c) => c.status === 'acknowledged')).toBe(true);
    if (hall.ctx.dialect === 'sqlite') expect((await sql`pragma foreign_key_check`.execute(db())).rows).toEqual([]);
  });
});
