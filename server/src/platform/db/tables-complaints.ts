/** 投诉 / 举报 (R9, R19.8) and 异议 (R19.9). */
export interface ComplaintTable {
  id: string;
  hall_id: string;
  number: string;
  lookup_hash: string;
  kind: string;
  channel: string;
  work_order_no: string | null;
  category: string;
  anonymous: number;
  name_enc: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  email_enc: string | null;
  matter: string;
  case_id: string | null;
  case_no: string | null;
  item_name: string | null;
  department_id: string | null;
  window_id: string | null;
  staff_user_id: string | null;
  state: string;
  simple: number;
  cause: string | null;
  responsible_id: string | null;
  received_day: string;
  due_day: string;
  provisional: number;
  round: number;
  progress_noticed_round: number;
  reply: string | null;
  rectification: string | null;
  replied_at: number | null;
  replied_day: string | null;
  replied_by: string | null;
  satisfaction: string | null;
  rated_at: number | null;
  acknowledged_at: number;
  created_by: string | null;
  created_at: number;
  month: string;
  updated_at: number;
}

export interface ComplaintStepTable {
  id: string;
  complaint_id: string;
  seq: number;
  action: string;
  note_kind: string | null;
  text: string;
  from_state: string | null;
  to_state: string;
  user_id: string | null;
  user_name: string;
  at: number;
}

export interface ComplaintTypeDaysTable {
  hall_id: string;
  category: string;
  days: number;
  updated_at: number;
}

export interface ObjectionTable {
  id: string;
  hall_id: string;
  case_id: string;
  case_no: string;
  decision_kind: string;
  reason: string;
  channel: string;
  recorded_by: string | null;
  recorded_by_name: string;
  status: string;
  due_day: string;
  provisional: number;
  outcome: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: number | null;
  created_at: number;
}

export interface ComplaintTables {
  complaints: ComplaintTable;
  complaint_steps: ComplaintStepTable;
  complaint_type_days: ComplaintTypeDaysTable;
  objections: ObjectionTable;
}
