/** Tables of training (培训), discipline and rewards (奖惩) and regular meetings (例会). Instants are epoch ms. */

export interface TrainingPlanTable {
  id: string;
  hall_id: string;
  title: string;
  /** 'internal' | 'external' | 'online' | 'case_study' */
  kind: string;
  /** 'pre_post' | 'confidentiality' | 'system_use' | 'business' | 'other' */
  subject: string;
  year: number;
  description: string;
  pass_score: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface TrainingSessionTable {
  id: string;
  plan_id: string;
  hall_id: string;
  day: string;
  minutes: number;
  place: string;
  trainer: string;
  created_by: string;
  created_at: number;
}

/** A person's attendance, score, pass and certificate for one session (or, without a session, a recognised pass). */
export interface TrainingRecordTable {
  id: string;
  session_id: string | null;
  plan_id: string | null;
  hall_id: string | null;
  user_id: string;
  subject: string;
  day: string;
  year: number;
  attended: number;
  minutes: number;
  score: number | null;
  passed: number;
  certificate_no: string | null;
  note: string;
  recorded_by: string;
  recorded_at: number;
  updated_at: number;
}

export interface IndividualTrainingPlanTable {
  id: string;
  hall_id: string;
  user_id: string;
  /** 'supervisor' | 'assessment' */
  source: string;
  source_ref: string | null;
  goal: string;
  topics: string;
  due_day: string;
  /** 'open' | 'done' */
  status: string;
  created_by: string;
  created_at: number;
  done_at: number | null;
  done_note: string | null;
}

export interface ConductRecordTable {
  id: string;
  hall_id: string;
  user_id: string;
  /** 'sanction' | 'reward' */
  kind: string;
  category: string;
  measure: string;
  facts: string;
  occurred_on: string;
  /** 'pending_ack' | 'acknowledged' */
  status: string;
  ack_note: string | null;
  acknowledged_at: number | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: number;
}

export interface MeetingTable {
  id: string;
  hall_id: string;
  title: string;
  held_on: string;
  minutes: string;
  created_by: string;
  created_by_name: string;
  created_at: number;
}

export interface MeetingAttendeeTable {
  meeting_id: string;
  user_id: string;
}

export interface MeetingTaskTable {
  id: string;
  meeting_id: string;
  hall_id: string;
  owner_id: string;
  content: string;
  working_days: number;
  due_day: string;
  due_provisional: number;
  /** 'open' | 'done' */
  status: string;
  done_note: string | null;
  done_at: number | null;
  created_at: number;
}

export interface PeopleTables {
  training_plans: TrainingPlanTable;
  training_sessions: TrainingSessionTable;
  training_records: TrainingRecordTable;
  individual_training_plans: IndividualTrainingPlanTable;
  conduct_records: ConductRecordTable;
  meetings: MeetingTable;
  meeting_attendees: MeetingAttendeeTable;
  meeting_tasks: MeetingTaskTable;
}
