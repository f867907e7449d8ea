import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/days.ts';
import { newId } from '../../platform/ids.ts';
import { generateHistory } from '../../seed/history/generate.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

/**
 * A generated month (March 2026) plus the records the generator does not fill (sanctions, upheld complaints,
 * inspection findings, training, a roster with clock-ins), then every person's figures recomputed from the raw rows
 * with SQL of this test (never the assessment code) and compared with the API's.
 */
let hall: TestHall;
let head: Session;
let supervisor: Session;
let clerk: Session;
let hallId: string;
let clerkId: string;
let windowId: string;
const MONTH = '2026-03';
const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

beforeAll(async () => {
  hall = await buildTestHall();
  hall.clock.set(at('2026-03-20', '10:00'));
  await generateHistory(hall.ctx.db, hall.ctx.dialect, {
    cases: 400,
    seed: 11,
    now: hall.clock.now(),
    baseUrl: 'http://hall.test',
    historyDays: 45,
  });
  head = await signedIn(hall.app, 'head');
  supervisor = await signedIn(hall.app, 'supervisor');
  clerk = await signedIn(hall.app, 'clerk');
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
}, 240_000);
afterAll(() => hall.close());

type Line = { code: string; actual: number | null; target: number; score: number | null; weight: number };
const card = async (s: Session, kind: string, subjectId: string) =>
  s.get(`/api/assessment/card?${q({ hallId, period: MONTH, kind, subjectId })}`);

/** Every indicator of a person recomputed from the raw tables. */
async function expected(userId: string) {
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
  const sheet = json(await supervisor.get(`/api/staff/attendance?hallId=${hallId}&month=${MONTH}`));
  const row = sheet.rows.find((r: { userId: string }) => r.userId === userId);
  return {
    cases_received: n(received),
    consultations_answered: n(answered),
    tickets_served: n(served),
    review_pass_rate: rate(passed, decisions.length),
    rework_rate: rate(decisions.length - passed, finished.length),
    accuracy_rate: rate(checked.filter((c) => c.result === 'pass').length, checked.length),
    on_time_rate: rate(onTime, finished.length),
    good_rate: rate(good, ratings.length),
    bad_ratings: ratings.filter((r) => r.is_bad).length,
    complaints_upheld: n(complaints),
    attendance_rate: row && row.rosteredDays ? rate(row.rosteredDays - row.absentDays, row.rosteredDays) : null,
    sanctions: n(sanctions),
    training_hours: Math.round((minutes.reduce((a, m) => a + Number(m.minutes), 0) / 60) * 100) / 100,
    finishedCount: finished.length,
  } as Record<string, number | null>;
}

describe('scorecards computed from the records', () => {
  it('match every figure recomputed from the raw rows, for every person', async () => {
    const list = json(await head.get(`/api/assessment/cards?${q({ hallId, period: MONTH, kind: 'person' })}`));
    expect(list.items.length).toBeGreaterThan(3);
    let nonEmpty = 0;
    for (const item of list.items) {
      const c = json(await card(head, 'person', item.subjectId));
      const want = await expected(item.subjectId);
      const got = Object.fromEntries((c.lines as Line[]).map((l) => [l.code, l.actual]));
      for (const code of Object.keys(want).filter((k) => k !== 'finishedCount'))
        expect(got[code], `${item.subjectName} ${code}`).toBe(want[code]);
      expect(c.lines.find((l: Line) => l.code === 'handling_days').actual === null).toBe(want.finishedCount === 0);
      if ((want.cases_received ?? 0) + (want.finishedCount ?? 0) > 0) nonEmpty++;
      expect(item.total).toBe(c.total);
    }
    expect(nonEmpty).toBeGreaterThan(0);
    const mine = await expected(clerkId);
    expect(mine).toMatchObject({ sanctions: 1, complaints_upheld: 1 });
    // The demo hall's own training records of March plus the 4 hours added here.
    expect(mine.training_hours).toBeGreaterThanOrEqual(4);
    expect(mine.attendance_rate).not.toBeNull();
  });

  it('drills every figure down to its records', async () => {
    const c = json(await card(head, 'person', clerkId));
    for (const line of c.lines as (Line & { records: number })[]) {
      const res = await head.get(
        `/api/assessment/card/records?${q({ hallId, period: MONTH, kind: 'person', subjectId: clerkId, code: line.code })}`,
      );
      expect(res.statusCode).toBe(200);
      expect(json(res).items).toHaveLength(line.records);
    }
    const complaints = json(
      await head.get(
        `/api/assessment/card/records?${q({ hallId, period: MONTH, kind: 'person', subjectId: clerkId, code: 'complaints_upheld' })}`,
      ),
    );
    expect(complaints.items[0].ref).toMatch(/^T|^J|\d/);
  });

  it('computes window and department cards, counting only what applies to them', async () => {
    for (const kind of ['window', 'department']) {
      const list = json(await head.get(`/api/assessment/cards?${q({ hallId, period: '2026-Q1', kind })}`));
      expect(list.items.length).toBeGreaterThan(0);
      const c = json(
        await head.get(
          `/api/assessment/card?${q({ hallId, period: '2026-Q1', kind, subjectId: list.items[0].subjectId })}`,
        ),
      );
      expect(c.lines.find((l: Line) => l.code === 'attendance_rate').actual).toBeNull();
      expect(c.lines.find((l: Line) => l.code === 'cases_received').target).toBe(120);
    }
    const xlsx = await head.get(`/api/assessment/cards/export?${q({ hallId, period: MONTH, kind: 'person' })}`);
    expect(xlsx.statusCode).toBe(200);
    const book = await readWorkbook(xlsx.rawPayload);
    expect(book.map((s: { name: string }) => s.name)).toEqual(['考核汇总', '指标明细']);
  });
});

describe('remarks, sign-off, frozen versions and corrections', () => {
  const key = () => ({ hallId, period: MONTH, kind: 'person', subjectId: clerkId });

  it('the supervisor remarks; the station head signs; later data changes do not alter the signed card', async () => {
    const bad = await supervisor.put('/api/assessment/card/remarks', {
      ...key(),
      remarks: '态度需改进',
      spotScore: 101,
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('spotScore');
    const remarked = await supervisor.put('/api/assessment/card/remarks', {
      ...key(),
      remarks: '态度需改进',
      spotScore: 70,
    });
    expect(remarked.statusCode, remarked.body).toBe(200);
    expect(json(remarked)).toMatchObject({ spotScore: 70, remarks: '态度需改进', version: 0 });
    expect((await supervisor.post('/api/assessment/card/sign', key())).statusCode).toBe(403);
    const signed = await head.post('/api/assessment/card/sign', key());
    expect(signed.statusCode, signed.body).toBe(200);
    const frozen = json(signed);
    expect(frozen).toMatchObject({ version: 1, spotScore: 70, remarks: '态度需改进' });
    expect((await head.post('/api/assessment/card/sign', key())).statusCode).toBe(409);
    expect(
      (await supervisor.put('/api/assessment/card/remarks', { ...key(), remarks: 'x', spotScore: 1 })).statusCode,
    ).toBe(409);

    // A second sanction after the sign-off: the live figure would change, the signed card does not.
    await supervisor.post('/api/conduct/records', {
      userId: clerkId,
      kind: 'sanction',
      category: 'attendance',
      measure: 'reminder',
      facts: '迟到',
      occurredOn: '2026-03-18',
    });
    const after = json(await card(head, 'person', clerkId));
    expect(after).toEqual(frozen);
    const records = json(await head.get(`/api/assessment/card/records?${q({ ...key(), code: 'sanctions' })}`));
    expect(records).toMatchObject({ frozen: true });
    expect(records.items).toHaveLength(1);
  });

  it('a correction is a new version with its reason, audited, and listed with the history', async () => {
    const noReason = await head.post('/api/assessment/card/correct', { ...key(), reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).field).toBe('reason');
    const corrected = await head.post('/api/assessment/card/correct', {
      ...key(),
      reason: '补录违纪记录后重算',
      spotScore: 80,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const c = json(corrected);
    expect(c).toMatchObject({ version: 2, spotScore: 80, reason: '补录违纪记录后重算' });
    expect(c.lines.find((l: Line) => l.code === 'sanctions').actual).toBe(2);
    const versions = json(await head.get(`/api/assessment/card/versions?${q(key())}`)).items;
    expect(versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '补录违纪记录后重算'],
    ]);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'assessment.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['assessment.correct', 'assessment.remarks', 'assessment.sign']);
  });

  it('a person sees only their own signed cards', async () => {
    const mine = json(await clerk.get('/api/assessment/mine'));
    expect(mine.items.map((c: { period: string; version: number }) => [c.period, c.version])).toEqual([[MONTH, 2]]);
    expect((await clerk.get(`/api/assessment/cards?${q({ hallId, period: MONTH, kind: 'person' })}`)).statusCode).toBe(
      403,
    );
    expect((await clerk.get(`/api/assessment/card?${q(key())}`)).statusCode).toBe(403);
    expect(json(await supervisor.get('/api/assessment/mine')).items).toEqual([]);
  });

  it('suggests training for the indicators below target and creates the plan through the training service', async () => {
    const c = json(await card(head, 'person', clerkId));
    expect(c.suggestedTopics).toContain('廉洁自律与工作纪律');
    const res = await supervisor.post('/api/assessment/card/training-plan', { ...key(), dueDay: '2026-04-30' });
    expect(res.statusCode, res.body).toBe(201);
    const plans = json(await supervisor.get(`/api/training/individual-plans?hallId=${hallId}&userId=${clerkId}`));
    const plan = plans.items.find((p: { id: string }) => p.id === json(res).planId);
    expect(plan.topics).toContain('廉洁自律与工作纪律');
    const past = await supervisor.post('/api/assessment/card/training-plan', { ...key(), dueDay: '2026-01-01' });
    expect(json(past).field).toBe('dueDay');
  });
});

describe('indicators', () => {
  it('the default set totals 100; weights not totalling 100 are refused naming the field; edits are audited', async () => {
    const set = json(await head.get(`/api/assessment/indicators?hallId=${hallId}`));
    expect(set.items.reduce((n: number, i: { weight: number }) => n + i.weight, 0)).toBe(100);
    const changed = set.items.map((i: { code: string; weight: number }) =>
      i.code === 'sanctions' ? { ...i, weight: i.weight + 1 } : i,
    );
    const bad = await head.put('/api/assessment/indicators', { hallId, indicators: changed });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('indicators');
    const noName = await head.put('/api/assessment/indicators', {
      hallId,
      indicators: [{ ...set.items[0], name: '' }],
    });
    expect(json(noName).field).toBe('indicators.0.name');
    expect((await supervisor.put('/api/assessment/indicators', { hallId, indicators: set.items })).statusCode).toBe(
      403,
    );
    const raised = set.items.map((i: { code: string; target: number }) =>
      i.code === 'training_hours' ? { ...i, target: 8 } : i,
    );
    const ok = await head.put('/api/assessment/indicators', { hallId, indicators: raised });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok).items.find((i: { code: string }) => i.code === 'training_hours').target).toBe(8);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'assessment.indicators')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a bad period or kind naming the field', async () => {
    for (const [period, kind, field] of [
      ['2026-13', 'person', 'period'],
      ['2026-3', 'person', 'period'],
      [MONTH, 'team', 'kind'],
    ]) {
      const res = await head.get(`/api/assessment/cards?${q({ hallId, period: period!, kind: kind! })}`);
      expect(res.statusCode).toBe(400);
      expect(json(res).field).toBe(field);
    }
  });
});

describe('the annual post-responsibility review', () => {
  it('means the months (signed version where there is one) and is frozen once signed', async () => {
    const year = json(await head.get(`/api/assessment/annual?${q({ hallId, year: '2026' })}`));
    const row = year.items.find((r: { subjectId: string }) => r.subjectId === clerkId);
    expect(row.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const march = row.months.find((m: { month: string }) => m.month === MONTH);
    const signedMarch = json(await card(head, 'person', clerkId));
    expect(march).toEqual({ month: MONTH, total: signedMarch.total, signed: true });
    const totals = row.months.map((m: { total: number | null }) => m.total).filter((t: number | null) => t !== null);
    expect(row.total).toBeCloseTo(totals.reduce((a: number, b: number) => a + b, 0) / totals.length, 1);
    const signed = await head.post('/api/assessment/annual/sign', { hallId, year: '2026', subjectId: clerkId });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(json(signed)).toMatchObject({ version: 1, total: row.total });
    expect(
      (await head.post('/api/assessment/annual/sign', { hallId, year: '2026', subjectId: clerkId })).statusCode,
    ).toBe(409);
    expect(
      (await supervisor.post('/api/assessment/annual/sign', { hallId, year: '2026', subjectId: clerkId })).statusCode,
    ).toBe(403);
    expect(json(await clerk.get('/api/assessment/mine')).items.map((c: { period: string }) => c.period)).toEqual([
      MONTH,
      '2026',
    ]);
  });
});
