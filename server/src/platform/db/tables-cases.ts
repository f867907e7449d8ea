/** Tables of reception, acceptance and the case file (R3, R4.1, R14.1). Instants are epoch ms; JSON as text. */

/** A person or an organisation known to the hall; one row per document number per hall (一企一档). */
export interface ApplicantTable {
  id: string;
  hall_id: string;
  /** 'person' | 'enterprise' */
  kind: string;
  name: string;
  /** A documentTypeCodes value; 'credit_code' for an enterprise. */
  doc_type: string;
  /** Encrypted (platform/pii); found by doc_number_index, shown as doc_number_masked (a credit code in full). */
  doc_number_enc: string;
  /** Keyed blind index of the normalised number; unique per hall (one file per person or enterprise). */
  doc_number_index: string;
  doc_number_masked: string;
  phone_enc: string;
  phone_index: string;
  phone_masked: string;
  address: string;
  legal_representative: string;
  contact_name: string;
  created_at: number;
  updated_at: number;
  created_by: string;
  /** 封存: when sealed, the name and other details are moved, encrypted, into sealed_data. */
  sealed_at: number | null;
  sealed_by: string | null;
  sealed_reason: string | null;
  sealed_data: string | null;
  /** Anonymised by the retention purge. */
  purged_at: number | null;
  /** Added by 0022: e-mail for notices, 'sms' | 'email' | 'all', and 1 = no non-legal notices. */
  email: string | null;
  preferred_channel: string | null;
  notice_opt_out: number | null;
}

/** Changes to an applicant's information with old and new values (R5.4). */
export interface ApplicantEventTable {
  id: string;
  applicant_id: string;
  at: number;
  user_id: string;
  username: string;
  action: string;
  detail: string;
}

/** One counter per hall, series and year; incremented inside the transaction that uses the number. */
export interface NumberCounterTable {
  hall_id: string;
  series: string;
  year: number;
  value: number;
}

/** The case (办件) from the moment of receipt; it gets its number at acceptance. */
export interface CaseTable {
  id: string;
  hall_id: string;
  case_no: string | null;
  item_id: string;
  item_version: number;
  item_name: string;
  applicant_id: string;
  agent_id: string | null;
  attorney_checked: number;
  state: string;
  resume_to: string | null;
  /** 'regular' | 'urgent' | 'special' and its sort rank (urgent 0 first). */
  urgency: string;
  priority: number;
  importance: string;
  window_id: string | null;
  received_by: string;
  received_by_name: string;
  received_at: number;
  received_day: string;
  first_owner_id: string | null;
  first_owner_name: string | null;
  accepted_at: number | null;
  accepted_day: string | null;
  promised_days: number;
  warning_days: number;
  deadline: string | null;
  deadline_provisional: number;
  /** 容缺受理: the deferred material keys (JSON), promise and supplement deadline. */
  deferred_items: string | null;
  deferred_deadline: string | null;
  closed_reason: string | null;
  updated_at: number;
  /** Added by 0006: approved extensions in working days (null = none). */
  extra_days?: number | null;
  /** 1 once an approver referred the decision to the station head. */
  approval_escalated?: number | null;
  /** 'success' | 'failure' once completed (办结). */
  outcome?: string | null;
  completed_at?: number | null;
  completed_day?: string | null;
}

/** Each visit at the window: the checked materials list, copied forward on a supplement (R3.3, R3.6). */
export interface CaseReceptionTable {
  id: string;
  case_id: string;
  round: number;
  materials: string;
  window_id: string | null;
  clerk_id: string;
  clerk_name: string;
  at: number;
}

/** The case's trail: who, when, what, from → to (R4.2). */
export interface CaseEventTable {
  id: string;
  case_id: string;
  /** 1, 2, 3 … within the case. */
  seq: number;
  at: number;
  user_id: string;
  username: string;
  display_name: string;
  action: string;
  from_state: string | null;
  to_state: string;
  detail: string | null;
}

/** Printed documents with their own numbers: receipt, one-time notice, non-acceptance, promise letter. */
export interface CaseDocumentTable {
  id: string;
  hall_id: string;
  case_id: string;
  kind: string;
  doc_no: string;
  /** 'issued' | 'open' (a notice waiting for the applicant) | 'closed' */
  status: string;
  issued_at: number;
  issued_by: string;
  issued_by_name: string;
  content: string;
}

/** The process steps of one case, copied from the item version it was accepted under. */
export interface CaseStepTable {
  id: string;
  case_id: string;
  step_key: string;
  name: string;
  step_order: number;
  role: string;
  department_id: string | null;
  limit_days: number;
  /** 'pending' | 'active' | 'done' */
  status: string;
  activated_at: number | null;
  done_at: number | null;
  /** Added by 0006: who works the step now (claimed, assigned or handed over). */
  assignee_id?: string | null;
  assignee_name?: string | null;
  claimed_at?: number | null;
  /** The step's own deadline (环节时限), from its activation day and limit_days. */
  deadline?: string | null;
  /** Added by 0014: 1 when the step deadline touches a year without a published schedule (待定). */
  deadline_provisional?: number;
  /** Added by 0019: the authority level a sign-off step needs (审批权限), or none. */
  authority?: string | null;
}

/** 流转单: a hand-over of the case to a receiving department (R4.1). */
export interface RoutingSlipTable {
  id: string;
  case_id: string;
  at: number;
  step_id: string | null;
  handed_over_by: string;
  handed_over_by_name: string;
  department_id: string | null;
}

export interface CasesTables {
  applicants: ApplicantTable;
  applicant_events: ApplicantEventTable;
  number_counters: NumberCounterTable;
  cases: CaseTable;
  case_receptions: CaseReceptionTable;
  case_events: CaseEventTable;
  case_documents: CaseDocumentTable;
  case_steps: CaseStepTable;
  routing_slips: RoutingSlipTable;
}
