/** Tables of emergencies (R17) and fees (R19.13). Instants are epoch ms; days 'YYYY-MM-DD'; money integer fen. */

/** 补录: a case entered after an outage, with its paper receipt number and real times. */
export interface CaseBackEntryTable {
  case_id: string;
  hall_id: string;
  paper_receipt_no: string;
  received_at: number;
  accepted_at: number;
  entered_at: number;
  entered_by: string;
  entered_by_name: string;
}

/** 收费: a payment or a refund of a case's fee. */
export interface CaseFeeEntryTable {
  id: string;
  case_id: string;
  hall_id: string;
  window_id: string | null;
  /** 'payment' | 'refund' */
  kind: string;
  /** 'done' | 'requested' | 'rejected' */
  status: string;
  amount_fen: number;
  /** 'cash' | 'card' | 'scan' */
  method: string;
  receipt_no: string;
  reason: string;
  refund_of: string | null;
  /** The report day: the payment's day or the refund's approval day; null while a refund waits. */
  day: string | null;
  at: number;
  by_id: string;
  by_name: string;
  decided_at: number | null;
  decided_by_name: string | null;
}

export interface EmergencyPlanTable {
  id: string;
  hall_id: string;
  kind: string;
  title: string;
  organisation: string;
  response_steps: string;
  measures: string;
  recovery: string;
  updated_at: number;
  updated_by_name: string;
}

export interface EmergencyDrillTable {
  id: string;
  plan_id: string;
  hall_id: string;
  day: string;
  participants: string;
  review: string;
  recorded_at: number;
  recorded_by_name: string;
}

export interface IncidentTable {
  id: string;
  hall_id: string;
  kind: string;
  title: string;
  status: string;
  opened_at: number;
  opened_by_name: string;
  closed_at: number | null;
  closed_by_name: string | null;
  review: string | null;
}

export interface IncidentActionTable {
  id: string;
  incident_id: string;
  at: number;
  by_name: string;
  text: string;
}

export interface CrowdingWatchTable {
  hall_id: string;
  max_waiting: number;
  max_wait_minutes: number;
  notice: string;
  /** 1: the hall display shows the notice while the alarm stands. */
  show_notice: number;
  over: number;
  crossings: number;
  changed_at: number;
}

export interface EmergencyTables {
  case_back_entries: CaseBackEntryTable;
  case_fee_entries: CaseFeeEntryTable;
  emergency_plans: EmergencyPlanTable;
  emergency_drills: EmergencyDrillTable;
  incidents: IncidentTable;
  incident_actions: IncidentActionTable;
  crowding_watch: CrowdingWatchTable;
}
