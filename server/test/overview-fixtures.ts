/**
 * The known June 2026 of the statistics overview tests: cases accepted and completed through the API, and tickets
 * with known times, on-site and 好差评 ratings and complaints written straight into their tables. The clock is left
 * on 2 July 2026, with the clerk and the station head signed in that day.
 */
import { acceptCase, completeByTrail } from './completion-fixtures.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from './helpers.ts';
import { publishedItem } from './intake-fixtures.ts';

/** China time → epoch. */
const at = (day: string, hh = 9, mm = 0) =>
  Date.parse(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
export const MIN = 60_000;

/** The seeded month as a query string. */
export const Q = 'from=2026-06-01&to=2026-06-30';

export interface JuneHall {
  hall: TestHall;
  clerk: Session;
  head: Session;
  hallId: string;
  departmentId: string;
  itemId: string;
  windowId: string;
}

/** What the rows written straight into the tables point at, and the counters that keep their ids apart. */
interface Rows {
  hall: TestHall;
  hallId: string;
  itemId: string;
  windowId: string;
  categoryId: string;
  tickets: number;
  complaints: number;
}

/** A ticket: arrival, first call, service start and finish as minutes after 09:00 of the day (null: never). */
async function ticket(
  r: Rows,
  day: string,
  arrive: number,
  called: number | null,
  start: number | null,
  end: number | null,
) {
  r.tickets += 1;
  const seq = r.tickets;
  const t = (m: number | null) => (m === null ? null : at(day) + m * MIN);
  const id = `t-ov-${seq}`;
  await r.hall.ctx.db
    .insertInto('queue_tickets')
    .values({
      id,
      hall_id: r.hallId,
      day,
      category_id: r.categoryId,
      number: `Y${String(seq).padStart(3, '0')}`,
      seq: 900 + seq,
      priority: 'normal',
      weight: 0,
      appointment_at: null,
      arrived_at: t(arrive)!,
      status: end !== null ? 'done' : called !== null ? 'no_show' : 'expired',
      window_id: r.windowId,
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

async function padRating(r: Rows, ticketId: string, day: string, level: string) {
  await r.hall.ctx.db
    .insertInto('ratings')
    .values({
      id: `r-${ticketId}`,
      hall_id: r.hallId,
      ticket_id: ticketId,
      window_id: r.windowId,
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

async function caseRating(r: Rows, caseId: string, day: string, level: string, excluded: number) {
  await r.hall.ctx.db
    .insertInto('case_rating_invitations')
    .values({
      case_id: caseId,
      hall_id: r.hallId,
      token_hash: `h-${caseId}`,
      rerate_token_hash: null,
      case_no: `N-${caseId}`,
      item_id: r.itemId,
      item_name: '事项',
      department_id: null,
      window_id: null,
      staff_user_id: null,
      staff_name: null,
      applicant_id: 'x',
      created_at: at(day),
    })
    .execute();
  await r.hall.ctx.db
    .insertInto('case_ratings')
    .values({
      id: `cr-${caseId}`,
      hall_id: r.hallId,
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

async function complaint(r: Rows, day: string, category: string) {
  r.complaints += 1;
  const n = r.complaints;
  await r.hall.ctx.db
    .insertInto('complaints')
    .values({
      id: `c-ov-${n}`,
      hall_id: r.hallId,
      number: `TS-OV-${n}`,
      lookup_hash: `lk-ov-${n}`,
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

/** A fresh hall holding the known June (and a little of July, outside the period). */
export async function juneHall(): Promise<JuneHall> {
  const hall = await buildTestHall();
  let clerk!: Session;
  let head!: Session;
  async function setDay(day: string) {
    hall.clock.set(at(day));
    clerk = await signedIn(hall.app, 'clerk');
    head = await signedIn(hall.app, 'head');
  }
  await setDay('2026-06-01');
  const me = json(await head.get('/api/auth/me'));
  const hallId: string = me.halls[0].id;
  const reviewer = await signedIn(hall.app, 'reviewer');
  const departmentId: string = json(await reviewer.get('/api/auth/me')).departments[0].id;
  const handlerId: string = json(await (await signedIn(hall.app, 'handler')).get('/api/auth/me')).id;
  const windowId: string = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  const itemId = await publishedItem(head, hallId, departmentId, 'OV-1');
  const categoryId = (
    await hall.ctx.db
      .selectFrom('queue_categories')
      .select('id')
      .where('hall_id', '=', hallId)
      .executeTakeFirstOrThrow()
  ).id;
  const accept = (name: string): Promise<{ id: string }> => acceptCase(hall, clerk, { hallId, itemId, windowId }, name);
  const completeCase = (caseId: string) => completeByTrail(hall, caseId, handlerId);
  const r: Rows = { hall, hallId, itemId, windowId, categoryId, tickets: 0, complaints: 0 };

  // Cases: three accepted on 1 June, one on 2 June; one finished 3 June (on time), one 30 June (after its deadline),
  // one 1 July (outside the period); one still open.
  const cases = [await accept('赵一'), await accept('钱二'), await accept('孙三')];
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
  const t1 = await ticket(r, '2026-06-03', 0, 10, 11, 31);
  const t2 = await ticket(r, '2026-06-03', 5, 25, null, null);
  const t3 = await ticket(r, '2026-06-04', 0, 4, 5, 35);
  await ticket(r, '2026-06-04', 30, null, null, null);
  const t5 = await ticket(r, '2026-07-02', 0, 50, 50, 100);
  await padRating(r, t1, '2026-06-03', 'very_satisfied');
  await padRating(r, t2, '2026-06-03', 'satisfied');
  await padRating(r, t3, '2026-06-04', 'dissatisfied');
  await padRating(r, t5, '2026-07-02', 'very_dissatisfied');
  await caseRating(r, cases[0]!.id, '2026-06-05', 'basically_satisfied', 0);
  await caseRating(r, cases[1]!.id, '2026-06-30', 'very_dissatisfied', 1); // excluded on appeal
  await complaint(r, '2026-06-10', 'attitude');
  await complaint(r, '2026-06-11', 'attitude');
  await complaint(r, '2026-06-12', 'efficiency');
  await complaint(r, '2026-07-01', 'integrity');
  await setDay('2026-07-02');
  return { hall, clerk, head, hallId, departmentId, itemId, windowId };
}
