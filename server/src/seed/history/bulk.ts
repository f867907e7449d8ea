/**
 * Bulk inserts for a history load: rows are buffered per table in chunks of a fixed number of rows and written
 * with multi-row INSERT statements, so the SQL text repeats and is prepared once, and PostgreSQL gets few round
 * trips. Raw SQL on purpose: building a Kysely query per row would cost more than the insert itself.
 */
import { CompiledQuery } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';

export type Value = string | number | null;

/** Where the statements go: the application's Kysely connection, or a SQLite connection of the load's own. */
export interface Sink {
  dialect: Dialect;
  /** Runs one multi-row INSERT. */
  insert(sql: string, params: Value[]): Promise<void> | void;
}

export const kyselySink = (db: Db, dialect: Dialect): Sink => ({
  dialect,
  async insert(sql, params) {
    await db.executeQuery(CompiledQuery.raw(sql, params));
  },
});

/** SQLite allows 32,766 bound values per statement, PostgreSQL 65,535. */
const MAX_VALUES = 30_000;
const MAX_ROWS = 200;

export class TableBuffer {
  private chunks: Value[][] = [];
  private chunk: Value[] = [];
  private readonly texts = new Map<number, string>();
  private readonly perStatement: number;
  private readonly width: number;
  rows = 0;
  written = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    private readonly dialect: Dialect,
  ) {
    this.width = columns.length;
    this.perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VALUES / columns.length)));
  }

  /** Appends one row; the values in the order of `columns`. Returns a handle for `set`. */
  add(...row: Value[]): [Value[], number] {
    if (row.length !== this.width) throw new Error(`${this.table}: ${row.length} values for ${this.width} columns`);
    const at = this.chunk.length;
    for (const v of row) this.chunk.push(v);
    const handle: [Value[], number] = [this.chunk, at];
    this.rows++;
    if (this.chunk.length === this.perStatement * this.width) {
      this.chunks.push(this.chunk);
      this.chunk = [];
    }
    return handle;
  }

  /** Changes one value of a row already added (a notice closed later in the same case). */
  set(handle: [Value[], number], column: string, value: Value): void {
    handle[0][handle[1] + this.columns.indexOf(column)] = value;
  }

  private text(rows: number): string {
    let t = this.texts.get(rows);
    if (t) return t;
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) {
      const slots: string[] = [];
      for (let c = 0; c < this.width; c++) slots.push(this.dialect === 'postgres' ? `$${r * this.width + c + 1}` : '?');
      tuples.push(`(${slots.join(',')})`);
    }
    t = `insert into ${this.table} (${this.columns.join(',')}) values ${tuples.join(',')}`;
    this.texts.set(rows, t);
    return t;
  }

  async flush(sink: Sink): Promise<void> {
    if (this.chunk.length) this.chunks.push(this.chunk);
    for (const c of this.chunks) await sink.insert(this.text(c.length / this.width), c);
    this.written += this.rows;
    this.chunks = [];
    this.chunk = [];
    this.rows = 0;
  }
}

/** Every table a history load writes, flushed parents first (foreign keys are checked per statement). */
export function historyTables(dialect: Dialect) {
  const t = (table: string, columns: string) => new TableBuffer(table, columns.split(/\s*,\s*/), dialect);
  return {
    applicants: t(
      'applicants',
      'id, hall_id, kind, name, doc_type, doc_number_enc, doc_number_index, doc_number_masked, phone_enc, phone_index, phone_masked, address, legal_representative, contact_name, created_at, updated_at, created_by',
    ),
    cases: t(
      'cases',
      [
        'id, hall_id, case_no, item_id, item_version, item_name, applicant_id, agent_id, attorney_checked, state, resume_to, urgency, priority',
        'importance, window_id, received_by, received_by_name, received_at, received_day, first_owner_id, first_owner_name, accepted_at',
        'accepted_day, promised_days, warning_days, deadline, deadline_provisional, deferred_items, deferred_deadline, closed_reason, updated_at',
        'extra_days, approval_escalated, outcome, completed_at, completed_day',
      ].join(', '),
    ),
    receptions: t('case_receptions', 'id, case_id, round, materials, window_id, clerk_id, clerk_name, at'),
    events: t(
      'case_events',
      'id, case_id, seq, at, user_id, username, display_name, action, from_state, to_state, detail',
    ),
    steps: t(
      'case_steps',
      'id, case_id, step_key, name, step_order, role, department_id, limit_days, status, activated_at, done_at, assignee_id, assignee_name, claimed_at, deadline, deadline_provisional',
    ),
    slips: t('routing_slips', 'id, case_id, at, step_id, handed_over_by, handed_over_by_name, department_id'),
    documents: t(
      'case_documents',
      'id, hall_id, case_id, kind, doc_no, status, issued_at, issued_by, issued_by_name, content',
    ),
    verifications: t(
      'case_verifications',
      'id, case_id, step_id, question, response_deadline, asked_by, asked_by_name, asked_at, answer, answered_by_name, answered_at, response_deadline_provisional',
    ),
    pauses: t('case_pauses', 'id, case_id, kind, reason, from_day, to_day, started_at, started_by_name, ended_at'),
    deliveries: t(
      'case_deliveries',
      'id, case_id, method, collected_by, id_doc_type, id_doc_number_enc, id_doc_number_masked, carrier, tracking_number, at, by_name',
    ),
    archives: t('case_archives', 'id, case_id, hall_id, archive_no, retention, manifest, at, by_name'),
    // The archive register (档案管理) beside the case's own archive record, numbered from the same counters.
    archiveFiles: t(
      'archive_files',
      'id, hall_id, archive_no, category_code, category_name, year, seq, case_id, case_no, item_name, applicant_id, applicant_name, outcome, confidentiality, paper_years, paper_until, electronic_until, status, filed_day, filed_at, filed_by',
    ),
    archiveEvents: t('archive_events', 'id, file_id, at, by_name, action, detail'),
    tickets: t(
      'queue_tickets',
      [
        'id, hall_id, day, category_id, number, seq, priority, weight, appointment_at, arrived_at, status, window_id, target_window_id, walk_in',
        'first_called_at, called_at, recall_count, serving_started_at, finished_at, served_by, wait_ms, service_ms, transfers',
        'people_ahead_at_issue, estimated_wait_ms, outcome_kind, outcome_id, issued_by, created_at, updated_at',
      ].join(', '),
    ),
    ratings: t(
      'ratings',
      'id, hall_id, ticket_id, window_id, staff_user_id, outcome_kind, outcome_id, level, score, is_bad, reasons, comment, channel, day, created_at',
    ),
    followUps: t(
      'rating_follow_ups',
      'id, hall_id, rating_id, status, due_day, provisional, assigned_role, note, called_back_at, called_back_by, created_at, updated_at',
    ),
    // 好差评 of the case and its 差评 loop (rating module), complaints (complaints module): aftercare.ts.
    invitations: t(
      'case_rating_invitations',
      'case_id, hall_id, token_hash, rerate_token_hash, case_no, item_id, item_name, department_id, window_id, staff_user_id, staff_name, applicant_id, created_at',
    ),
    caseRatings: t(
      'case_ratings',
      'id, hall_id, case_id, round, level, score, is_bad, reasons, comment, channel, staff_user_id, excluded, day, created_at',
    ),
    caseRatingTasks: t(
      'case_rating_tasks',
      [
        'id, hall_id, case_id, rating_id, stage, due_day, call_back_due, verify_due, rectify_due, rerate_due, reached',
        'call_back_note, called_back_at, called_back_name, finding, verified_at, verified_name, plan, responsible',
        'rectified_at, rectified_note, rerating_id, closed_at, created_at, updated_at',
      ].join(', '),
    ),
    caseRatingEvents: t(
      'case_rating_task_events',
      'id, task_id, seq, action, from_stage, to_stage, detail, by_name, at',
    ),
    caseRatingEvidence: t(
      'case_rating_evidence',
      'id, task_id, case_id, name, content_type, sha256, size, by_name, at',
    ),
    caseRatingAppeals: t(
      'case_rating_appeals',
      'id, hall_id, rating_id, staff_user_id, staff_name, reasons, status, decision_note, decided_by_name, decided_at, created_at',
    ),
    complaints: t(
      'complaints',
      [
        'id, hall_id, number, lookup_hash, kind, channel, work_order_no, category, anonymous, name_enc, phone_enc',
        'phone_masked, email_enc, matter, case_id, case_no, item_name, department_id, window_id, staff_user_id, state',
        'simple, cause, responsible_id, received_day, due_day, provisional, round, progress_noticed_round, reply',
        'rectification, replied_at, replied_day, replied_by, satisfaction, rated_at, acknowledged_at, created_by',
        'created_at, month, updated_at',
      ].join(', '),
    ),
    complaintSteps: t(
      'complaint_steps',
      'id, complaint_id, seq, action, note_kind, text, from_state, to_state, user_id, user_name, at',
    ),
    // The hall's people over the history (staff, training, conduct modules) and its inspections: staffing.ts.
    roster: t('staff_roster', 'id, hall_id, day, session, window_id, user_id, post, created_at'),
    attendance: t('staff_attendance', 'id, hall_id, user_id, day, kind, at, window_id, stand_in_id, reason'),
    leaves: t(
      'staff_leaves',
      [
        'id, hall_id, user_id, user_name, kind, from_day, to_day, working_days, reason, contact, b_user_id, b_user_name',
        'b_confirmed_at, approver_role, status, decided_by_id, decided_by_name, decided_at, decision_note, created_at',
      ].join(', '),
    ),
    trainingPlans: t(
      'training_plans',
      'id, hall_id, title, kind, subject, year, description, pass_score, created_by, created_at, updated_at',
    ),
    trainingSessions: t(
      'training_sessions',
      'id, plan_id, hall_id, day, minutes, place, trainer, created_by, created_at',
    ),
    trainingRecords: t(
      'training_records',
      'id, session_id, plan_id, hall_id, user_id, subject, day, year, attended, minutes, score, passed, certificate_no, note, recorded_by, recorded_at, updated_at',
    ),
    conduct: t(
      'conduct_records',
      'id, hall_id, user_id, kind, category, measure, facts, occurred_on, status, ack_note, acknowledged_at, recorded_by, recorded_by_name, created_at',
    ),
    inspections: t(
      'inspections',
      'id, hall_id, kind, scope, scope_id, scope_name, period_from, period_to, seed, population, sample_size, created_by, created_by_name, created_at',
    ),
    inspectionItems: t(
      'inspection_items',
      'id, inspection_id, hall_id, seq, case_id, case_no, item_name, subject_id, subject_name, window_id, checks, result, note, checked_by_name, checked_at, checked_day',
    ),
    rectifications: t(
      'rectifications',
      [
        'id, hall_id, inspection_id, inspection_item_id, responsible_id, responsible_name, finding, issued_by, issued_by_name',
        'issued_at, issued_day, working_days, due_day, due_provisional, status, report_text, evidence_name, evidence_sha256',
        'evidence_size, reported_at, return_note, returns, closed_at, closed_day, verified_by_name, updated_at',
      ].join(', '),
    ),
  };
}
export type HistoryTables = ReturnType<typeof historyTables>;

export async function flushAll(sink: Sink, tables: HistoryTables): Promise<void> {
  for (const t of Object.values(tables)) await t.flush(sink);
}
