/** 工作报告 (R16.2, R19.15): periodic reports, their submissions upward, tasks handed down. */
export interface PeriodicReportTable {
  id: string;
  hall_id: string;
  /** 'monthly' | 'quarterly' | 'yearly' */
  kind: string;
  /** 'YYYY-MM' | 'YYYY-Qn' | 'YYYY' */
  period: string;
  version: number;
  period_from: string;
  period_to: string;
  title: string;
  /** The figures as generated (JSON, read through the module's zod schema). */
  content: string;
  /** 八、下一步工作: the station head's text, printed in the files. */
  next_steps: string;
  pdf_sha256: string;
  xlsx_sha256: string;
  /** 'schedule' | 'demand' */
  origin: string;
  generated_by: string | null;
  generated_by_name: string;
  generated_at: number;
  updated_at: number;
}

export interface ReportSubmissionTable {
  id: string;
  hall_id: string;
  report_id: string;
  authority: string;
  sent_day: string;
  channel: string;
  document_no: string;
  note: string;
  sent_by: string;
  sent_by_name: string;
  created_at: number;
}

export interface HandedDownTaskTable {
  id: string;
  hall_id: string;
  authority: string;
  document_no: string;
  received_day: string;
  content: string;
  owner_id: string;
  owner_name: string;
  due_day: string;
  due_working_days: number | null;
  due_provisional: number;
  /** 'open' | 'done' */
  status: string;
  completion_note: string | null;
  completed_day: string | null;
  created_by: string;
  created_by_name: string;
  created_at: number;
  updated_at: number;
}

export interface HandedDownTaskEventTable {
  id: string;
  task_id: string;
  /** 1, 2, … per task: the trail's order (unique with the task). */
  seq: number;
  /** 'create' | 'update' | 'progress' | 'complete' */
  action: string;
  note: string;
  by_id: string;
  by_name: string;
  at: number;
}

export interface ReportTables {
  periodic_reports: PeriodicReportTable;
  report_submissions: ReportSubmissionTable;
  handed_down_tasks: HandedDownTaskTable;
  handed_down_task_events: HandedDownTaskEventTable;
}
