/** 监督检查与整改 (R13): inspections, their checked items, rectification notices. */
export interface InspectionTable {
  id: string;
  hall_id: string;
  /** 'records' (案卷抽查) | 'norms' (服务规范检查) */
  kind: string;
  /** 'all' | 'item' | 'department' | 'person' (a norms inspection: 'person') */
  scope: string;
  scope_id: string | null;
  scope_name: string | null;
  period_from: string | null;
  period_to: string | null;
  /** The PRNG seed the sample was drawn with: the same seed over the same records draws the same sample. */
  seed: number;
  population: number;
  sample_size: number;
  created_by: string;
  created_by_name: string;
  created_at: number;
}

export interface InspectionItemTable {
  id: string;
  inspection_id: string;
  hall_id: string;
  seq: number;
  case_id: string | null;
  case_no: string | null;
  item_name: string | null;
  /** The person answerable for the record (the case's first owner or receiver) or the person inspected. */
  subject_id: string;
  subject_name: string;
  window_id: string | null;
  /** JSON { [checkKey]: 'ok' | 'problem' } once checked. */
  checks: string | null;
  /** 'pending' | 'pass' | 'finding' */
  result: string;
  note: string | null;
  checked_by_name: string | null;
  checked_at: number | null;
  checked_day: string | null;
}

export interface RectificationTable {
  id: string;
  hall_id: string;
  inspection_id: string;
  inspection_item_id: string;
  responsible_id: string;
  responsible_name: string;
  finding: string;
  issued_by: string;
  issued_by_name: string;
  issued_at: number;
  issued_day: string;
  working_days: number;
  due_day: string;
  due_provisional: number;
  /** 'issued' | 'reported' | 'returned' | 'closed' */
  status: string;
  report_text: string | null;
  evidence_name: string | null;
  evidence_sha256: string | null;
  evidence_size: number | null;
  reported_at: number | null;
  return_note: string | null;
  returns: number;
  closed_at: number | null;
  closed_day: string | null;
  verified_by_name: string | null;
  updated_at: number;
}

export interface InspectionTables {
  inspections: InspectionTable;
  inspection_items: InspectionItemTable;
  rectifications: RectificationTable;
}
