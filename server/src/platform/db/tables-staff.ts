/** 窗口人员管理: staff files, AB posts, rosters, attendance and leave. */
export interface StaffProfileTable {
  user_id: string;
  staff_no: string;
  photo: string | null;
  /** JSON array of window ids. */
  window_ids: string;
  entry_date: string | null;
  confidentiality_signed_at: number | null;
  updated_at: number;
}

export interface StaffAbPairTable {
  id: string;
  hall_id: string;
  /** 'post' | 'window' | 'stand_in' */
  kind: string;
  subject: string;
  a_user_id: string;
  b_user_id: string;
  from_day: string | null;
  to_day: string | null;
  created_at: number;
}

export interface StaffRosterTable {
  id: string;
  hall_id: string;
  day: string;
  /** 'am' | 'pm' */
  session: string;
  window_id: string;
  user_id: string;
  post: string;
  created_at: number;
}

export interface StaffAttendanceTable {
  id: string;
  hall_id: string;
  user_id: string;
  day: string;
  /** 'in' | 'out' | 'away' | 'back' */
  kind: string;
  at: number;
  window_id: string | null;
  stand_in_id: string | null;
  reason: string | null;
}

export interface StaffLeaveTable {
  id: string;
  hall_id: string;
  user_id: string;
  user_name: string;
  kind: string;
  from_day: string;
  to_day: string;
  working_days: number;
  reason: string;
  contact: string;
  b_user_id: string;
  b_user_name: string;
  b_confirmed_at: number | null;
  approver_role: string;
  status: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: number | null;
  decision_note: string | null;
  created_at: number;
}

export interface StaffTables {
  staff_profiles: StaffProfileTable;
  staff_ab_pairs: StaffAbPairTable;
  staff_roster: StaffRosterTable;
  staff_attendance: StaffAttendanceTable;
  staff_leaves: StaffLeaveTable;
}
