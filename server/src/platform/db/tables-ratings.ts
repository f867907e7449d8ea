/** 好差评 of the case (migration 0031): invitations, ratings, the 差评 loop, evidence, appeals, suggestions. */
export interface CaseRatingInvitationTable {
  case_id: string;
  hall_id: string;
  token_hash: string;
  rerate_token_hash: string | null;
  case_no: string;
  item_id: string;
  item_name: string;
  department_id: string | null;
  window_id: string | null;
  staff_user_id: string | null;
  staff_name: string | null;
  applicant_id: string;
  created_at: number;
}

export interface CaseRatingTable {
  id: string;
  hall_id: string;
  case_id: string;
  round: number;
  level: string;
  score: number;
  is_bad: number;
  reasons: string;
  comment: string;
  channel: string;
  staff_user_id: string | null;
  excluded: number;
  day: string;
  created_at: number;
}

export interface CaseRatingTaskTable {
  id: string;
  hall_id: string;
  case_id: string;
  rating_id: string;
  stage: string;
  due_day: string | null;
  call_back_due: string;
  verify_due: string | null;
  rectify_due: string | null;
  rerate_due: string | null;
  reached: number | null;
  call_back_note: string | null;
  called_back_at: number | null;
  called_back_name: string | null;
  finding: string | null;
  verified_at: number | null;
  verified_name: string | null;
  plan: string | null;
  responsible: string | null;
  rectified_at: number | null;
  rectified_note: string | null;
  rerating_id: string | null;
  closed_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface CaseRatingTaskEventTable {
  id: string;
  task_id: string;
  seq: number;
  action: string;
  from_stage: string;
  to_stage: string;
  detail: string;
  by_name: string;
  at: number;
}

export interface CaseRatingEvidenceTable {
  id: string;
  task_id: string;
  case_id: string;
  name: string;
  content_type: string;
  sha256: string;
  size: number;
  by_name: string;
  at: number;
}

export interface CaseRatingAppealTable {
  id: string;
  hall_id: string;
  rating_id: string;
  staff_user_id: string;
  staff_name: string;
  reasons: string;
  status: string;
  decision_note: string | null;
  decided_by_name: string | null;
  decided_at: number | null;
  created_at: number;
}

export interface CaseRatingSuggestionTable {
  id: string;
  hall_id: string;
  case_id: string;
  rating_id: string;
  text: string;
  tags: string;
  status: string;
  department_id: string | null;
  department_name: string | null;
  forwarded_at: number | null;
  forwarded_name: string | null;
  answer: string | null;
  answered_at: number | null;
  answered_name: string | null;
  created_at: number;
}

export interface CaseRatingTables {
  case_rating_invitations: CaseRatingInvitationTable;
  case_ratings: CaseRatingTable;
  case_rating_tasks: CaseRatingTaskTable;
  case_rating_task_events: CaseRatingTaskEventTable;
  case_rating_evidence: CaseRatingEvidenceTable;
  case_rating_appeals: CaseRatingAppealTable;
  case_rating_suggestions: CaseRatingSuggestionTable;
}
