import { expect } from 'vitest';
import { addDays } from '../src/domain/calendar/days.ts';
import { type Permission, permissionsOf } from '../src/domain/roles.ts';
import { newId } from '../src/platform/ids.ts';
import { loadHistory } from './history-fixtures.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from './helpers.ts';

/**
 * 考核 tests: a generated month (March 2026) plus the records the generator does not fill (sanctions, upheld
 * complaints, inspection findings, training, a roster with clock-ins), and every person's figures recomputed from the
 * raw rows with SQL of the test (never the assessment code).
 */
export const MONTH = '2026-03';
export const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
export const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
export type Line = { code: string; actual: number | null; target: number; score: number | null; weight: number };

export interface AssessmentHall {
  hall: TestHall;
  head: Session;
  supervisor: Session;
  clerk: Session;
  hallId: string;
  clerkId: string;
  windowId: string;
}

export async function assessmentHall(): Promise<AssessmentHall> {
  let hallId: string;
  let clerkId: string;
  let windowId: string;
  const hall = await buildTestHall();
  hall.clock.set(at('2026-03-20', '10:00'));
  await loadHistory(hall, { cases: 400, seed: 11, historyDays: 45 });
  const head = await signedIn(hall.app, 'head');
  const supervisor = await signedIn(hall.app, 'supervisor');
  const clerk = await signedIn(hall.app, 'clerk');
  const me = json(await clerk.get('/api/auth/me'));
  hallId = me.halls[0].id;
  clerkId = me.id;
  windowId = json(await supervisor.get(`/api/windows?hallId=${hallId}`)).items[0].id;

  // 奖惩: a sanction for the clerk this month.
  const sanction = await supervisor.post('/api/conduct/records', {
    userId: clerkId,
    kind: 'sanction',
    category: 'service',
    measure: 'warning',
    facts: '窗口服务时擅自离岗',
    occurredOn: '2026-03-12',
  });
  expect(sanction.statusCode, sanction.body).toBe(201);
  // 投诉: one upheld (replied with a rectification) and one replied without, both against the clerk.
  for (const rectification of ['加强服务规范培训', '']) {
    const c = await supervisor.post('/api/complaints', {
      hallId,
      kind: 'complaint',
      channel: 'visit',
      category: 'attitude',
      anonymous: false,
      name: '张三',
      phone: '13800138000',
      matter: '办事时态度冷淡',
      windowId,
      staffUserId: clerkId,
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = json(c).id;
    expect(
      (await supervisor.post(`/api/complaints/${id}/assign`, { responsibleId: clerkId, cause: '态度' })).statusCode,
    ).toBe(200);
    const r = await supervisor.post(`/api/complaints/${id}/reply`, { reply: '已调查核实', rectification });
    expect(r.statusCode, r.body).toBe(200);
  }
  // 监督检查: a sample of this month's cases, one finding and the others passed.
  const inspector = await signedIn(hall.app, 'inspector');
  const drawn = json(
    await inspector.post('/api/inspections/samples', {
      hallId,
      scope: 'all',
      from: '2026-03-01',
      to: '2026-03-19',
      size: 6,
      seed: 5,
    }),
  );
  for (const [k, item] of (drawn.items as { id: string }[]).entries()) {
    const res = await inspector.post(`/api/inspection-items/${item.id}/findings`, {
      checks: { registration: 'ok', review: 'ok', routing: k === 0 ? 'problem' : 'ok' },
      note: k === 0 ? '流转单缺少交接时间' : '',
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // 培训: attended minutes (rows as a session's results leave them).
  await hall.ctx.db
    .insertInto('training_records')
    .values(
      [90, 150].map((minutes, k) => ({
        id: newId(at('2026-03-10', '09:00') + k),
        session_id: null,
        plan_id: null,
        hall_id: hallId,
        user_id: clerkId,
        subject: k ? 'service' : 'policy',
        day: `2026-03-1${k}`,
        year: 2026,
        attended: 1,
        minutes,
        score: null,
        passed: 1,
        certificate_no: null,
        note: '',
        recorded_by: clerkId,
        recorded_at: at('2026-03-10', '09:00'),
        updated_at: at('2026-03-10', '09:00'),
      })),
    )
    .execute();
  // 考勤: the clerk rostered every session of March up to the 19th, clocked in on some days.
  for (let week = '2026-02-23'; week <= '2026-03-16'; week = addDays(week, 7)) {
    const plan = json(await supervisor.get(`/api/staff/roster?hallId=${hallId}&week=${week}`));
    const slots = plan.days
      .filter((d: { day: string }) => d.day >= '2026-03-01' && d.day <= '2026-03-19')
      .flatMap((d: { day: string; sessions: { session: string }[] }) =>
        d.sessions.map((s) => ({ day: d.day, session: s.session, windowId, userId: clerkId, post: 'clerk' })),
      );
    expect((await supervisor.put('/api/staff/roster', { hallId, week, slots })).statusCode).toBe(200);
  }
  await hall.ctx.db
    .insertInto('staff_attendance')
    .values(
      ['2026-03-02', '2026-03-03', '2026-03-04'].flatMap((day) =>
        [
          ['in', '08:55'],
          ['out', '17:05'],
        ].map(([kind, time]) => ({
          id: newId(at(day, time!)),
          hall_id: hallId,
          user_id: clerkId,
          day,
          kind: kind!,
          at: at(day, time!),
          window_id: windowId,
          stand_in_id: null,
          reason: null,
        })),
      ),
    )
    .execute();
  return { hall, head, supervisor, clerk, hallId, clerkId, windowId };
}

/** Every indicator of a person recomputed from the raw tables. */
export async function expectedFigures(h: AssessmentHall, userId: string) {
  const { hall, supervisor, hallId } = h;
  const db = hall.ctx.db;
  const from = '2026-03-01';
  const to = '2026-03-31';
  const fromMs = at(from, '00:00');
  const toMs = at('2026-04-01', '00:00');
  const n = (rows: unknown[]) => rows.length;
  const rate = (num: number, den: number) => (den ? Math.round((10000 * num) / den) / 100 : null);
  const received = await db
    .selectFrom('cases')
    .select('id')
    .where('hall_id', '=', hallId)
    .where('received_by', '=', userId)
    .where('accepted_day', '>=', from)
    .where('accepted_day', '<=', to)
    .execute();
  const completedEvents = await db
    .selectFrom('case_events')
    .select(['case_id', 'at', 'seq'])
    .where('to_state', '=', 'completed')
    .orderBy('seq')
    .execute();
  const firstCompletion = new Map<string, number>();
  for (const e of completedEvents) if (!firstCompletion.has(e.case_id)) firstCompletion.set(e.case_id, Number(e.at));
  const allCases = await db.selectFrom('cases').selectAll().where('hall_id', '=', hallId).execute();
  const ownerOf = (c: (typeof allCases)[number]) => c.first_owner_id ?? c.received_by;
  const finished = allCases.filter((c) => {
    const t = firstCompletion.get(c.id);
    return t !== undefined && t >= fromMs && t < toMs && ownerOf(c) === userId;
  });
  const dayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const onTime = finished.filter((c) => c.deadline !== null && dayOf(firstCompletion.get(c.id)!) <= c.deadline).length;
  const mine = new Set(allCases.filter((c) => ownerOf(c) === userId).map((c) => c.id));
  const decisions = (
    await db
      .selectFrom('case_events')
      .select(['case_id', 'action'])
      .where('action', 'in', ['passReview', 'returnForRework'])
      .where('at', '>=', fromMs)
      .where('at', '<', toMs)
      .execute()
  ).filter((e) => mine.has(e.case_id));
  const passed = decisions.filter((e) => e.action === 'passReview').length;
  // 办理环节数: the back office's own steps (承办、审核、审批 posts) done in the period, by who did them.
  const steps = await db
    .selectFrom('case_steps')
    .innerJoin('cases', 'cases.id', 'case_steps.case_id')
    .select('case_steps.id')
    .where('cases.hall_id', '=', hallId)
    .where('case_steps.status', '=', 'done')
    .where('case_steps.role', 'in', ['handler', 'reviewer', 'approver', 'station_head'])
    .where('case_steps.assignee_id', '=', userId)
    .where('case_steps.done_at', '>=', fromMs)
    .where('case_steps.done_at', '<', toMs)
    .execute();
  const answered = await db
    .selectFrom('consultations')
    .select('id')
    .where('hall_id', '=', hallId)
    .where('answered_by', '=', userId)
    .where('answered_at', '>=', fromMs)
    .where('answered_at', '<', toMs)
    .execute();
  const served = await db
    .selectFrom('queue_tickets')
    .select('id')
    .where('hall_id', '=', hallId)
    .where('served_by', '=', userId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('finished_at', 'is not', null)
    .where('serving_started_at', 'is not', null)
    .execute();
  const pad = await db
    .selectFrom('ratings')
    .select(['level', 'is_bad'])
    .where('hall_id', '=', hallId)
    .where('staff_user_id', '=', userId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  const online = await db
    .selectFrom('case_ratings')
    .select(['level', 'is_bad'])
    .where('hall_id', '=', hallId)
    .where('staff_user_id', '=', userId)
    .where('excluded', '=', 0)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  const ratings = [...pad, ...online];
  const good = ratings.filter((r) => r.level !== 'dissatisfied' && r.level !== 'very_dissatisfied').length;
  const complaints = await db
    .selectFrom('complaints')
    .select('id')
    .where('hall_id', '=', hallId)
    .where('staff_user_id', '=', userId)
    .where('kind', '=', 'complaint')
    .where('state', 'in', ['replied', 'closed'])
    .where('rectification', '<>', '')
    .where('received_day', '>=', from)
    .where('received_day', '<=', to)
    .execute();
  const checked = await db
    .selectFrom('inspection_items as i')
    .innerJoin('inspections as n', 'n.id', 'i.inspection_id')
    .select('i.result')
    .where('i.hall_id', '=', hallId)
    .where('i.subject_id', '=', userId)
    .where('n.kind', '=', 'records')
    .where('i.result', 'in', ['pass', 'finding'])
    .where('i.checked_day', '>=', from)
    .where('i.checked_day', '<=', to)
    .execute();
  const sanctions = await db
    .selectFrom('conduct_records')
    .select('id')
    .where('user_id', '=', userId)
    .where('hall_id', '=', hallId)
    .where('kind', '=', 'sanction')
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .execute();
  const minutes = await db
    .selectFrom('training_records')
    .select('minutes')
    .where('user_id', '=', userId)
    .where('attended', '=', 1)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  // A volume indicator is 不适用 (null) for someone whose posts do not do that work and who did none of it.
  const roleRows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  const held = permissionsOf(roleRows.map((r) => r.role));
  const volume = (count: number, ...work: Permission[]) => (count > 0 || work.some((p) => held.has(p)) ? count : null);
  const sheet = json(await supervisor.get(`/api/staff/attendance?hallId=${hallId}&month=${MONTH}`));
  const row = sheet.rows.find((r: { userId: string }) => r.userId === userId);
  return {
    cases_received: volume(n(received), 'reception.register'),
    consultations_answered: volume(n(answered), 'consult.handle'),
    tickets_served: volume(n(served), 'queue.serve'),
    steps_finished: volume(n(steps), 'case.process', 'case.review', 'case.approve'),
    review_pass_rate: rate(passed, decisions.length),
    rework_rate: rate(decisions.length - passed, finished.length),
    accuracy_rate: rate(checked.filter((c) => c.result === 'pass').length, checked.length),
    on_time_rate: rate(onTime, finished.length),
    good_rate: rate(good, ratings.length),
    bad_ratings: ratings.filter((r) => r.is_bad).length,
    complaints_upheld: n(complaints),
    attendance_rate: row?.rosteredDays ? rate(row.rosteredDays - row.absentDays, row.rosteredDays) : null,
    sanctions: n(sanctions),
    training_hours: Math.round((minutes.reduce((a, m) => a + Number(m.minutes), 0) / 60) * 100) / 100,
    finishedCount: finished.length,
  } as Record<string, number | null>;
}
