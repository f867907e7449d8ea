/**
 * 统计分析 over the API, on both databases: a known June 2026 (cases accepted and completed, tickets with known
 * times, on-site and 好差评 ratings, complaints) and every figure of /api/stats/overview checked twice: against numbers
 * worked out by hand, and against an independent computation in this file from the raw rows of the tables. Then the
 * refusals naming the field, the access rule, and the export read back sheet by sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase, completeByTrail } from '../../../test/completion-fixtures.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { publishedItem } from '../../../test/intake-fixtures.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

/** China time → epoch. */
const at = (day: string, hh = 9, mm = 0) =>
  Date.parse(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
const MIN = 60_000;

let hall: TestHall;
let clerk: Session;
let head: Session;
let hallId: string;
let departmentId: string;
let itemId: string;
let windowId: string;
let categoryId: string;
let handlerId: string;

async function setDay(day: string) {
  hall.clock.set(at(day));
  clerk = await signedIn(hall.app, 'clerk');
  head = await signedIn(hall.app, 'head');
}

const accept = (name: string): Promise<{ id: string }> => acceptCase(hall, clerk, { hallId, itemId, windowId }, name);

const completeCase = (caseId: string) => completeByTrail(hall, caseId, handlerId);

let seq = 0;
/** A ticket: arrival, first call, service start and finish as minutes after 09:00 of the day (null: never). */
async function ticket(day: string, arrive: number, called: number | null, start: number | null, end: number | null) {
  seq += 1;
  const t = (m: number | null) => (m === null ? null : at(day) + m * MIN);
  const id = `t-ov-${seq}`;
  await hall.ctx.db
    .insertInto('queue_tickets')
    .values({
      id,
      hall_id: hallId,
      day,
      category_id: categoryId,
      number: `Y${String(seq).padStart(3, '0')}`,
      seq: 900 + seq,
      priority: 'normal',
      weight: 0,
      appointment_at: null,
      arrived_at: t(arrive)!,
      status: end !== null ? 'done' : called !== null ? 'no_show' : 'expired',
      window_id: windowId,
      target_window_id: null,
      walk_in: 1,
      first_called_at: t(called),
      called_at: t(called),
      recall_count: 0,
      serving_started_at: t(start),
      finished_at: t(end),
      served_by: null,
      wait_ms: null,
      service_ms: 0,
      transfers: 0,
      people_ahead_at_issue: 0,
      estimated_wait_ms: null,
      outcome_kind: null,
      outcome_id: null,
      issued_by: null,
      created_at: t(arrive)!,
      updated_at: t(arrive)!,
    })
    .execute();
  return id;
}

async function padRating(ticketId: string, day: string, level: string) {
  await hall.ctx.db
    .insertInto('ratings')
    .values({
      id: `r-${ticketId}`,
      hall_id: hallId,
      ticket_id: ticketId,
      window_id: windowId,
      staff_user_id: null,
      outcome_kind: null,
      outcome_id: null,
      level,
      score: 3,
      is_bad: level.includes('dissatisfied') ? 1 : 0,
      reasons: '[]',
      comment: '',
      channel: 'pad',
      day,
      created_at: at(day, 10),
    })
    .execute();
}

async function caseRating(caseId: string, day: string, level: string, excluded: number) {
  await hall.ctx.db
    .insertInto('case_rating_invitations')
    .values({
      case_id: caseId,
      hall_id: hallId,
      token_hash: `h-${caseId}`,
      rerate_token_hash: null,
      case_no: `N-${caseId}`,
      item_id: itemId,
      item_name: '事项',
      department_id: null,
      window_id: null,
      staff_user_id: null,
      staff_name: null,
      applicant_id: 'x',
      created_at: at(day),
    })
    .execute();
  await hall.ctx.db
    .insertInto('case_ratings')
    .values({
      id: `cr-${caseId}`,
      hall_id: hallId,
      case_id: caseId,
      round: 1,
      level,
      score: 3,
      is_bad: level.includes('dissatisfied') ? 1 : 0,
      reasons: '[]',
      comment: '',
      channel: 'web',
      staff_user_id: null,
      excluded,
      day,
      created_at: at(day, 11),
    })
    .execute();
}

let complaintSeq = 0;
async function complaint(day: string, category: string) {
  complaintSeq += 1;
  await hall.ctx.db
    .insertInto('complaints')
    .values({
      id: `c-ov-${complaintSeq}`,
      hall_id: hallId,
      number: `TS-OV-${complaintSeq}`,
      lookup_hash: `lk-ov-${complaintSeq}`,
      kind: 'complaint',
      channel: 'phone',
      work_order_no: null,
      category,
      anonymous: 1,
      name_enc: null,
      phone_enc: null,
      phone_masked: null,
      email_enc: null,
      matter: '测试',
      case_id: null,
      case_no: null,
      item_name: null,
      department_id: null,
      window_id: null,
      staff_user_id: null,
      state: 'open',
      simple: 0,
      cause: null,
      responsible_id: null,
      received_day: day,
      due_day: day,
      provisional: 0,
      round: 1,
      progress_noticed_round: 0,
      reply: null,
      rectification: null,
      replied_at: null,
      replied_day: null,
      replied_by: null,
      satisfaction: null,
      rated_at: null,
      acknowledged_at: at(day),
      created_by: null,
      created_at: at(day),
      month: day.slice(0, 7),
      updated_at: at(day),
    })
    .execute();
}

/** The figures worked out from the raw rows of the tables, independently of the services. */
async function independent(from: string, to: string) {
  const db = hall.ctx.db;
  const cases = await db.selectFrom('cases').selectAll().where('hall_id', '=', hallId).execute();
  const received = cases.filter((c) => c.accepted_day && c.accepted_day >= from && c.accepted_day <= to);
  const events = await db.selectFrom('case_events').selectAll().where('to_state', '=', 'completed').execute();
  const firstCompletion = new Map<string, number>();
  for (const e of events.sort((a, b) => Number(a.seq) - Number(b.seq)))
    if (!firstCompletion.has(e.case_id)) firstCompletion.set(e.case_id, Number(e.at));
  const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const finished = cases
    .map((c) => ({ c, day: firstCompletion.has(c.id) ? chinaDay(firstCompletion.get(c.id)!) : null }))
    .filter((x) => x.day && x.day >= from && x.day <= to);
  const onTime = finished.filter((x) => x.c.deadline !== null && x.day! <= x.c.deadline!);
  const tickets = (await db.selectFrom('queue_tickets').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (t) => t.day >= from && t.day <= to,
  );
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const pads = (await db.selectFrom('ratings').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (r) => r.day >= from && r.day <= to,
  );
  const online = (await db.selectFrom('case_ratings').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (r) => r.day >= from && r.day <= to && Number(r.excluded) === 0,
  );
  const all = [...pads, ...online];
  const complaints = (await db.selectFrom('complaints').selectAll().where('hall_id', '=', hallId).execute()).filter(
    (c) => c.received_day >= from && c.received_day <= to,
  );
  const byCategory: Record<string, number> = {};
  for (const c of complaints) byCategory[c.category] = (byCategory[c.category] ?? 0) + 1;
  return {
    received: received.length,
    receivedByDay: Object.fromEntries(
      [...new Set(received.map((c) => c.accepted_day!))].map((d) => [
        d,
        received.filter((c) => c.accepted_day === d).length,
      ]),
    ),
    receivedByItem: received.filter((c) => c.item_id === itemId).length,
    receivedByWindow: received.filter((c) => c.window_id === windowId).length,
    finished: finished.length,
    finishedByDay: Object.fromEntries(
      [...new Set(finished.map((x) => x.day!))].map((d) => [d, finished.filter((x) => x.day === d).length]),
    ),
    onTime: onTime.length,
    tickets: tickets.length,
    wait: avg(
      tickets
        .filter((t) => t.first_called_at !== null)
        .map((t) => (Number(t.first_called_at) - Number(t.arrived_at)) / MIN),
    ),
    service: avg(
      tickets
        .filter((t) => t.serving_started_at !== null && t.finished_at !== null)
        .map((t) => (Number(t.finished_at) - Number(t.serving_started_at)) / MIN),
    ),
    ratings: all.length,
    levels: Object.fromEntries(
      ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'].map((l) => [
        l,
        all.filter((r) => r.level === l).length,
      ]),
    ),
    goodRate: all.length
      ? all.filter((r) => !['dissatisfied', 'very_dissatisfied'].includes(r.level)).length / all.length
      : null,
    byCategory,
  };
}

const Q = 'from=2026-06-01&to=2026-06-30';
let cases: { id: string }[] = [];

beforeAll(async () => {
  hall = await buildTestHall();
  await setDay('2026-06-01');
  const me = json(await head.get('/api/auth/me'));
  hallId = me.halls[0].id;
  const reviewer = await signedIn(hall.app, 'reviewer');
  departmentId = json(await reviewer.get('/api/auth/me')).departments[0].id;
  handlerId = json(await (await signedIn(hall.app, 'handler')).get('/api/auth/me')).id;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'OV-1');
  categoryId = (
    await hall.ctx.db
      .selectFrom('queue_categories')
      .select('id')
      .where('hall_id', '=', hallId)
      .executeTakeFirstOrThrow()
  ).id;

  // Cases: three accepted on 1 June, one on 2 June; one finished 3 June (on time), one 30 June (after its deadline),
  // one 1 July (outside the period); one still open.
  cases = [await accept('赵一'), await accept('钱二'), await accept('孙三')];
  await setDay('2026-06-02');
  cases.push(await accept('李四'));
  await setDay('2026-06-03');
  await completeCase(cases[0]!.id);
  await setDay('2026-06-30');
  await completeCase(cases[1]!.id);
  await setDay('2026-07-01');
  await completeCase(cases[2]!.id);

  // Tickets on 3 June: waits 10 and 20 minutes, one served 20 minutes; 4 June: one served (wait 4, service 30),
  // one never called. July: outside.
  const t1 = await ticket('2026-06-03', 0, 10, 11, 31);
  const t2 = await ticket('2026-06-03', 5, 25, null, null);
  const t3 = await ticket('2026-06-04', 0, 4, 5, 35);
  await ticket('2026-06-04', 30, null, null, null);
  const t5 = await ticket('2026-07-02', 0, 50, 50, 100);
  await padRating(t1, '2026-06-03', 'very_satisfied');
  await padRating(t2, '2026-06-03', 'satisfied');
  await padRating(t3, '2026-06-04', 'dissatisfied');
  await padRating(t5, '2026-07-02', 'very_dissatisfied');
  await caseRating(cases[0]!.id, '2026-06-05', 'basically_satisfied', 0);
  await caseRating(cases[1]!.id, '2026-06-30', 'very_dissatisfied', 1); // excluded on appeal
  await complaint('2026-06-10', 'attitude');
  await complaint('2026-06-11', 'attitude');
  await complaint('2026-06-12', 'efficiency');
  await complaint('2026-07-01', 'integrity');
  await setDay('2026-07-02');
});
afterAll(() => hall.close());

describe('statistics overview', () => {
  it('answers every figure of a known month, by hand and from the raw rows', async () => {
    const res = await head.get(`/api/stats/overview?hallId=${hallId}&${Q}`);
    expect(res.statusCode).toBe(200);
    const o = json(res);
    const ind = await independent('2026-06-01', '2026-06-30');

    // By hand.
    expect(o.totals).toEqual({
      received: 4,
      finished: 2,
      onTime: 1,
      onTimeRate: 0.5,
      tickets: 4,
      meanWaitMinutes: 11.33, // (10 + 20 + 4) / 3, to two places
      meanServiceMinutes: 25,
      ratings: 4,
      goodRate: 0.75,
      complaints: 3,
    });
    // The same from the raw rows.
    expect(o.totals.received).toBe(ind.received);
    expect(o.totals.finished).toBe(ind.finished);
    expect(o.totals.onTime).toBe(ind.onTime);
    expect(o.totals.tickets).toBe(ind.tickets);
    expect(o.totals.meanWaitMinutes).toBeCloseTo(ind.wait!, 2);
    expect(o.totals.meanServiceMinutes).toBeCloseTo(ind.service!, 2);
    expect(o.totals.ratings).toBe(ind.ratings);
    expect(o.totals.goodRate).toBe(ind.goodRate);

    expect(o.casesByDay).toHaveLength(30);
    for (const d of o.casesByDay) {
      expect(d.received).toBe(ind.receivedByDay[d.day] ?? 0);
      expect(d.finished).toBe(ind.finishedByDay[d.day] ?? 0);
    }
    expect(o.casesByDay.filter((d: any) => d.received || d.finished)).toEqual([
      { day: '2026-06-01', received: 3, finished: 0 },
      { day: '2026-06-02', received: 1, finished: 0 },
      { day: '2026-06-03', received: 0, finished: 1 },
      { day: '2026-06-30', received: 0, finished: 1 },
    ]);

    const item = o.byItem.find((r: any) => r.key === itemId);
    expect(item).toMatchObject({ received: ind.receivedByItem, finished: 2, onTime: 1, onTimeRate: 0.5 });
    expect(item.received).toBe(4);
    expect(o.byDepartment.find((r: any) => r.key === departmentId)).toMatchObject({
      received: 4,
      finished: 2,
      onTime: 1,
    });
    expect(o.byWindow.find((r: any) => r.key === windowId)).toMatchObject({
      received: ind.receivedByWindow,
      finished: 2,
    });
    expect(o.byPerson).toEqual([expect.objectContaining({ name: '张伟', received: 4, finished: 2, onTimeRate: 0.5 })]);
    // The same grouping as the on-time page, figure for figure.
    for (const by of ['item', 'department', 'window', 'person'] as const) {
      const sup = json(await head.get(`/api/supervision/on-time?hallId=${hallId}&${Q}&by=${by}`));
      const mine = o[`by${by[0]!.toUpperCase()}${by.slice(1)}`];
      for (const g of sup.groups)
        expect(mine.find((r: any) => r.key === g.key)).toMatchObject({
          finished: g.finished,
          onTime: g.onTime,
          onTimeRate: g.rate,
        });
    }

    expect(o.ticketsByDay.filter((d: any) => d.tickets)).toEqual([
      { day: '2026-06-03', tickets: 2, meanWaitMinutes: 15, meanServiceMinutes: 20 },
      { day: '2026-06-04', tickets: 2, meanWaitMinutes: 4, meanServiceMinutes: 30 },
    ]);
    expect(o.ticketsByDay[0]).toEqual({
      day: '2026-06-01',
      tickets: 0,
      meanWaitMinutes: null,
      meanServiceMinutes: null,
    });

    expect(Object.fromEntries(o.satisfaction.map((s: any) => [s.level, s.total]))).toEqual(ind.levels);
    expect(o.satisfaction.map((s: any) => [s.name, s.onSite, s.online])).toEqual([
      ['非常满意', 1, 0],
      ['满意', 1, 0],
      ['基本满意', 0, 1],
      ['不满意', 1, 0],
      ['非常不满意', 0, 0],
    ]);
    expect(o.complaintsByCategory).toEqual([
      { category: 'attitude', name: '服务态度', count: 2 },
      { category: 'efficiency', name: '办事效率', count: 1 },
    ]);
    expect(Object.fromEntries(o.complaintsByCategory.map((c: any) => [c.category, c.count]))).toEqual(ind.byCategory);
  });

  it('answers an empty period with zeros and no rates', async () => {
    const o = json(await head.get(`/api/stats/overview?hallId=${hallId}&from=2026-08-03&to=2026-08-09`));
    expect(o.totals).toEqual({
      received: 0,
      finished: 0,
      onTime: 0,
      onTimeRate: null,
      tickets: 0,
      meanWaitMinutes: null,
      meanServiceMinutes: null,
      ratings: 0,
      goodRate: null,
      complaints: 0,
    });
    expect(o.casesByDay).toHaveLength(7);
    expect(o.byItem).toEqual([]);
  });

  it('refuses a bad or reversed period naming the field, and more than 366 days', async () => {
    const field = async (q: string) => {
      const r = await head.get(`/api/stats/overview?${q}`);
      expect(r.statusCode).toBe(400);
      return json(r).field;
    };
    expect(await field('from=2026-02-30&to=2026-03-01')).toBe('from');
    expect(await field('from=2026-03-01&to=2026-13-01')).toBe('to');
    expect(await field('from=2026-03-31&to=2026-03-01')).toBe('to');
    expect(await field('from=2025-01-01&to=2026-01-02')).toBe('to'); // 367 days
    expect(await field('to=2026-01-01')).toBe('from');
    expect((await head.get('/api/stats/overview?from=2025-01-01&to=2026-01-01')).statusCode).toBe(200); // 366 days
    expect((await head.get('/api/stats/overview/export?from=2026-03-31&to=2026-03-01')).statusCode).toBe(400);
  });

  it('is for supervisors, station heads and inspectors; another hall is refused', async () => {
    expect((await clerk.get(`/api/stats/overview?${Q}`)).statusCode).toBe(403);
    for (const u of ['supervisor', 'inspector'])
      expect((await (await signedIn(hall.app, u)).get(`/api/stats/overview?${Q}`)).statusCode).toBe(200);
    const other = await head.get(`/api/stats/overview?hallId=nowhere&${Q}`);
    expect(other.statusCode).toBeGreaterThanOrEqual(400);
    expect(other.statusCode).toBeLessThan(500);
  });

  it('exports the same tables as a workbook of typed sheets, and the export is audited', async () => {
    const res = await head.get(`/api/stats/overview/export?hallId=${hallId}&${Q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheets = await readWorkbook(res.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual([
      '概况',
      '每日受理办结',
      '按事项',
      '按部门',
      '按窗口',
      '按人员',
      '每日排队',
      '满意度',
      '投诉类别',
    ]);
    const [overview, daily, byItem, , , , queue, sat, comp] = sheets;
    expect(overview!.rows[0]).toMatchObject({
      受理量: 4,
      办结量: 2,
      按时办结率: 0.5,
      取号量: 4,
      好评率: 0.75,
      投诉举报: 3,
    });
    expect(overview!.rows[0]!['开始日期']).toBeInstanceOf(Date);
    expect(daily!.rows).toHaveLength(30);
    expect(daily!.rows[0]!['日期']).toBeInstanceOf(Date);
    expect(daily!.rows[0]).toMatchObject({ 受理量: 3, 办结量: 0 });
    expect(byItem!.rows.find((r) => r['受理量'] === 4)).toMatchObject({ 办结量: 2, 按时办结: 1, 按时办结率: 0.5 });
    expect(byItem!.sheet.getRow(2).getCell(5).numFmt).toContain('%');
    expect(queue!.rows[2]).toMatchObject({ 取号量: 2, '平均等候(分钟)': 15, '平均办理(分钟)': 20 });
    expect(sat!.rows.map((r) => r['合计'])).toEqual([1, 1, 1, 1, 0]);
    expect(comp!.rows).toEqual([
      { 问题类别: '服务态度', 件数: 2 },
      { 问题类别: '办事效率', 件数: 1 },
    ]);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'stats_overview_export.read')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
