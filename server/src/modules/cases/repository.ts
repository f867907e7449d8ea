import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  CaseDocumentTable,
  CaseEventTable,
  CaseReceptionTable,
  CaseStepTable,
  CaseTable,
  RoutingSlipTable,
} from '../../platform/db/tables-cases.ts';

export type CaseRow = CaseTable;
export type EventRow = CaseEventTable;
export type DocumentRow = CaseDocumentTable;
export type StepRow = CaseStepTable;
export type ReceptionRow = CaseReceptionTable;
export type SlipRow = RoutingSlipTable;

/**
 * The next number of a series (case numbers, each kind of document) for a hall and year. Call inside the
 * transaction that uses it: the upsert holds the counter row until commit, so concurrent acceptances queue on
 * it and never see the same value, and a rolled-back one gives its value back.
 */
export async function nextNumber(trx: Db, hallId: string, series: string, year: number): Promise<number> {
  const n = (await nextNumbers(trx, hallId, year, [series])).get(series);
  if (n === undefined) throw new Error(`no number drawn for ${series}`);
  return n;
}

/**
 * The next numbers of several series of one hall and year in one statement (an acceptance takes its case number
 * and its receipt's together, so the counters are held for one round trip less). Rows are locked in series
 * order, the same in every caller, so two acceptances never wait on each other crosswise.
 */
export async function nextNumbers(
  trx: Db,
  hallId: string,
  year: number,
  series: readonly string[],
): Promise<Map<string, number>> {
  const ordered = [...new Set(series)].sort();
  const rows = await trx
    .insertInto('number_counters')
    .values(ordered.map((s) => ({ hall_id: hallId, series: s, year, value: 1 })))
    .onConflict((oc) =>
      oc.columns(['hall_id', 'series', 'year']).doUpdateSet((eb) => ({ value: eb('number_counters.value', '+', 1) })),
    )
    .returning(['series', 'value'])
    .execute();
  return new Map(rows.map((r) => [r.series, Number(r.value)]));
}

export const insertCase = (db: Db, row: CaseRow) => db.insertInto('cases').values(row).execute();

export const findCase = (db: Db, id: string) =>
  db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();

export const findCaseByNo = (db: Db, caseNo: string) =>
  db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();

/**
 * Moves a case on only if it is still where the caller saw it: a concurrent change makes this update
 * nothing, and the caller reports a conflict instead of overwriting it.
 */
export async function updateCaseFrom(db: Db, id: string, fromState: string, patch: Partial<CaseRow>): Promise<boolean> {
  const res = await db
    .updateTable('cases')
    .set(patch)
    .where('id', '=', id)
    .where('state', '=', fromState)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const insertReception = (db: Db, row: ReceptionRow) => db.insertInto('case_receptions').values(row).execute();

export const latestReception = (db: Db, caseId: string) =>
  db
    .selectFrom('case_receptions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('round', 'desc')
    .limit(1)
    .executeTakeFirst();

export const receptionsOf = (db: Db, caseId: string) =>
  db.selectFrom('case_receptions').selectAll().where('case_id', '=', caseId).orderBy('round').execute();

/**
 * Appends one case's events with its next sequence numbers, taken in the insert itself: one statement however
 * many events (the acceptance writes three). Each event is a branch of a UNION ALL that reads the case's highest
 * number as it stood before the statement, plus the event's place in the list. Callers hold the case row (guarded
 * update or fresh insert), so the numbers cannot race. The values are cast so that PostgreSQL knows their types in
 * a SELECT list.
 */
export async function insertEvents(db: Db, rows: readonly Omit<EventRow, 'seq'>[]): Promise<void> {
  const [first, ...rest] = rows;
  if (!first) return;
  if (rest.some((r) => r.case_id !== first.case_id)) throw new Error('insertEvents takes the events of one case');
  const text = (v: string | null) => sql<string>`cast(${v} as text)`;
  const branch = (row: Omit<EventRow, 'seq'>, place: number) =>
    db
      .selectFrom('case_events')
      .where('case_id', '=', row.case_id)
      .select([
        text(row.id).as('id'),
        text(row.case_id).as('case_id'),
        sql<number>`cast(${row.at} as bigint)`.as('at'),
        text(row.user_id).as('user_id'),
        text(row.username).as('username'),
        text(row.display_name).as('display_name'),
        text(row.action).as('action'),
        text(row.from_state).as('from_state'),
        text(row.to_state).as('to_state'),
        text(row.detail).as('detail'),
        sql<number>`coalesce(max(seq), 0) + ${sql.lit(place)}`.as('seq'),
      ]);
  let all = branch(first, 1);
  rest.forEach((row, i) => {
    all = all.unionAll(branch(row, i + 2));
  });
  await db
    .insertInto('case_events')
    .columns([
      'id',
      'case_id',
      'at',
      'user_id',
      'username',
      'display_name',
      'action',
      'from_state',
      'to_state',
      'detail',
      'seq',
    ])
    .expression(all)
    .execute();
}

export const eventsOf = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', 'in', caseIds.length ? caseIds : [''])
    .orderBy('at')
    .orderBy('case_id')
    .orderBy('seq')
    .execute();

export const insertDocument = (db: Db, row: DocumentRow) => db.insertInto('case_documents').values(row).execute();

export const findDocument = (db: Db, id: string) =>
  db.selectFrom('case_documents').selectAll().where('id', '=', id).executeTakeFirst();

export const documentsOf = (db: Db, caseIds: string[]) =>
  db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', 'in', caseIds.length ? caseIds : [''])
    .orderBy('issued_at')
    .orderBy('doc_no')
    .execute();

export const closeOpenNotices = (db: Db, caseId: string) =>
  db
    .updateTable('case_documents')
    .set({ status: 'closed' })
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();

export const openNotice = (db: Db, caseId: string) =>
  db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', 'one_time_notice')
    .where('status', '=', 'open')
    .executeTakeFirst();

export const insertSteps = (db: Db, rows: StepRow[]) =>
  rows.length ? db.insertInto('case_steps').values(rows).execute() : Promise.resolve([]);

export const stepsOf = (db: Db, caseId: string) =>
  db
    .selectFrom('case_steps')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('step_order')
    .orderBy('step_key')
    .execute();

export const insertSlips = (db: Db, rows: SlipRow[]) =>
  rows.length ? db.insertInto('routing_slips').values(rows).execute() : Promise.resolve([]);

export const slipsOf = (db: Db, caseId: string) =>
  db.selectFrom('routing_slips').selectAll().where('case_id', '=', caseId).orderBy('at').execute();

export const casesOfApplicant = (db: Db, applicantId: string) =>
  db
    .selectFrom('cases')
    .selectAll()
    .where((eb) => eb.or([eb('applicant_id', '=', applicantId), eb('agent_id', '=', applicantId)]))
    .orderBy('priority')
    .orderBy('received_at', 'desc')
    .execute();

export interface CaseFilter {
  hallIds: string[];
  states?: string[];
  itemId?: string;
  departmentId?: string;
  windowId?: string;
  personId?: string;
  from?: string;
  to?: string;
  urgency?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Beyond this many matches the list says "more than" instead of counting a hall's whole history. */
export const COUNT_CAP = 10_000;

/** A whole case or document number as printed (QCX-ZWFW-2026-000123, QCX-ZWFW-GZ-2026-000045). */
const wholeNumber = /^[A-Z0-9]+(-[A-Z0-9]+)*-\d{4}-\d{6}$/;

/**
 * Cases with their applicant's name; urgent (green channel) first, then the newest. The order is that of the
 * cases_hall_order index (and its state and item variants), so a page is read straight off an index. `total`
 * counts at most COUNT_CAP + 1 matches: a hall's years of history are not counted for every page.
 */
export async function listCases(db: Db, f: CaseFilter) {
  let q = db.selectFrom('cases').where('cases.hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.states?.length) q = q.where('cases.state', 'in', f.states);
  if (f.itemId) q = q.where('cases.item_id', '=', f.itemId);
  if (f.windowId) q = q.where('cases.window_id', '=', f.windowId);
  if (f.urgency) q = q.where('cases.urgency', '=', f.urgency);
  if (f.from) q = q.where('cases.received_day', '>=', f.from);
  if (f.to) q = q.where('cases.received_day', '<=', f.to);
  if (f.personId) {
    const p = f.personId;
    // A person's cases: those they received or own as first-question owner, and those with a step of theirs.
    q = q.where((eb) =>
      eb.or([
        eb('cases.received_by', '=', p),
        eb('cases.first_owner_id', '=', p),
        eb.exists(
          eb
            .selectFrom('case_steps')
            .select('case_steps.id')
            .whereRef('case_steps.case_id', '=', 'cases.id')
            .where('case_steps.assignee_id', '=', p),
        ),
      ]),
    );
  }
  if (f.departmentId) {
    const d = f.departmentId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_steps')
          .select('case_steps.id')
          .whereRef('case_steps.case_id', '=', 'cases.id')
          .where('case_steps.department_id', '=', d),
      ),
    );
  }
  const whole = f.q?.toUpperCase();
  if (whole && wholeNumber.test(whole)) {
    // A number typed or scanned in full: the case that has it, or the case of the document (a returning
    // applicant brings the one-time notice, whose number finds the case before it has a case number). Both
    // are unique indexes; looked up first, so the planner sees the one or two ids and not a hall to walk.
    const ids = await db
      .selectFrom('cases')
      .select('id')
      .where('case_no', '=', whole)
      .union(db.selectFrom('case_documents').select('case_id as id').where('doc_no', '=', whole))
      .execute();
    q = q.where('cases.id', 'in', ids.length ? ids.map((r) => r.id) : ['']);
  } else if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) =>
      eb.or([
        eb('cases.case_no', 'like', like),
        eb.exists(
          eb
            .selectFrom('applicants as a')
            .select('a.id')
            .whereRef('a.id', '=', 'cases.applicant_id')
            .where('a.name', 'like', like),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .innerJoin('applicants', 'applicants.id', 'cases.applicant_id')
      .selectAll('cases')
      .select([
        'applicants.name as applicant_name',
        'applicants.kind as applicant_kind',
        'applicants.doc_number_masked as applicant_doc_number',
        'applicants.phone_masked as applicant_phone',
      ])
      .orderBy('cases.priority')
      .orderBy('cases.received_at', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    db
      .selectFrom(
        q
          .select('cases.id')
          .limit(COUNT_CAP + 1)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

export const findStep = (db: Db, id: string) =>
  db.selectFrom('case_steps').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes a step only while it has the status and holder the caller read; false when someone else moved it first. */
export async function updateStepFrom(
  db: Db,
  id: string,
  status: string,
  assigneeId: string | null | undefined,
  patch: Partial<StepRow>,
) {
  let q = db.updateTable('case_steps').set(patch).where('id', '=', id).where('status', '=', status);
  q = assigneeId ? q.where('assignee_id', '=', assigneeId) : q.where('assignee_id', 'is', null);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A case that ends without a result (终止, 撤回): its open steps will not be worked any more (不再办理). */
export const skipOpenSteps = (db: Db, caseId: string) =>
  db
    .updateTable('case_steps')
    .set({ status: 'skipped' })
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'active'])
    .execute();

export const updateStep = (db: Db, id: string, patch: Partial<StepRow>) =>
  db.updateTable('case_steps').set(patch).where('id', '=', id).execute();

/** The case's suspensions, for the deadline of a step that starts now. */
export const pausesOf = (db: Db, caseId: string) =>
  db
    .selectFrom('case_pauses')
    .select(['from_day', 'to_day'])
    .where('case_id', '=', caseId)
    .orderBy('started_at')
    .execute();
