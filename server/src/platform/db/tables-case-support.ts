/** Tables beside the case: escalations, expert consultations, deferred-material arrivals. Instants epoch ms. */

/** 上报主管: a difficult case put to the window supervisor (or, referred on, the station head). */
export interface CaseEscalationTable {
  id: string;
  hall_id: string;
  case_id: string;
  /** 'supervisor' | 'station_head' */
  level: string;
  /** The escalation this one was referred on from (转站长). */
  parent_id: string | null;
  reason: string;
  raised_by: string;
  raised_by_name: string;
  raised_at: number;
  /** 'open' | 'decided' */
  status: string;
  /** 'proceed' (同意按…办理) | 'return' (退回) | 'refer' (转站长) */
  decision: string | null;
  note: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: number | null;
}

/** 专家意见: an expert called in by a back-office step, with a time limit in working days. */
export interface ExpertConsultationTable {
  id: string;
  hall_id: string;
  case_id: string;
  step_id: string;
  step_name: string;
  /** 'internal' | 'external' */
  expert_kind: string;
  expert_user_id: string | null;
  expert_name: string;
  organisation: string;
  /** An outside expert's phone, shown masked. */
  phone: string | null;
  question: string;
  days: number;
  due_day: string;
  due_provisional: number;
  requested_by: string;
  requested_by_name: string;
  requested_at: number;
  /** 'open' | 'answered' */
  status: string;
  opinion: string | null;
  opinion_by_name: string | null;
  opinion_at: number | null;
  opinion_day: string | null;
}

/** A material deferred at 容缺受理, recorded when the applicant hands it in. */
export interface DeferredArrivalTable {
  id: string;
  hall_id: string;
  case_id: string;
  material_key: string;
  material_name: string;
  copies: number;
  pages: number;
  note: string;
  arrived_at: number;
  arrived_day: string;
  recorded_by: string;
  recorded_by_name: string;
}

export interface CaseSupportTables {
  case_escalations: CaseEscalationTable;
  expert_consultations: ExpertConsultationTable;
  deferred_arrivals: DeferredArrivalTable;
}
