/** 档案管理 (R14) and the equipment register (R19.14). Instants are epoch milliseconds, days 'YYYY-MM-DD'. */
export interface ArchiveCategoryTable {
  id: string;
  hall_id: string;
  code: string;
  name: string;
  outcome: string;
  item_id: string | null;
  paper_years: number;
  electronic_years: number | null;
  confidentiality: string;
  updated_at: number;
}

export interface ArchiveFileTable {
  id: string;
  hall_id: string;
  archive_no: string;
  category_code: string;
  category_name: string;
  year: number;
  seq: number;
  case_id: string;
  case_no: string | null;
  item_name: string;
  applicant_id: string;
  applicant_name: string;
  outcome: string;
  confidentiality: string;
  paper_years: number;
  paper_until: string;
  electronic_until: string | null;
  status: string;
  filed_day: string;
  filed_at: number;
  filed_by: string;
}

export interface ArchiveEventTable {
  id: string;
  file_id: string;
  at: number;
  by_name: string;
  action: string;
  detail: string | null;
}

export interface ArchiveLoanTable {
  id: string;
  file_id: string;
  hall_id: string;
  borrower_id: string;
  borrower_name: string;
  purpose: string;
  medium: string;
  days: number;
  level_needed: number;
  status: string;
  requested_at: number;
  decided_by: string | null;
  decided_at: number | null;
  decision_note: string | null;
  lent_at: number | null;
  due_day: string | null;
  returned_at: number | null;
  return_complete: number | null;
  return_undamaged: number | null;
  return_note: string | null;
  reminders: number;
  view_token: string | null;
  view_until: number | null;
}

export interface ArchiveDisposalTable {
  id: string;
  hall_id: string;
  file_ids: string;
  opinion: string;
  status: string;
  proposed_by: string;
  proposed_by_id: string;
  proposed_at: number;
  decided_by: string | null;
  decided_at: number | null;
  decision_note: string | null;
  executed_by: string | null;
  executed_at: number | null;
  method: string | null;
}

export interface EquipmentTable {
  id: string;
  hall_id: string;
  window_id: string | null;
  kind: string;
  name: string;
  asset_no: string;
  location: string;
  status: string;
  maintenance_every_days: number | null;
  next_maintenance_day: string | null;
  created_at: number;
  updated_at: number;
}

export interface EquipmentMaintenanceTable {
  id: string;
  equipment_id: string;
  day: string;
  note: string;
  by_name: string;
  at: number;
}

export interface EquipmentFaultTable {
  id: string;
  equipment_id: string;
  hall_id: string;
  description: string;
  status: string;
  reported_by: string;
  reported_at: number;
  fixed_by: string | null;
  fixed_at: number | null;
  resolution: string | null;
}

export interface ArchiveTables {
  archive_categories: ArchiveCategoryTable;
  archive_files: ArchiveFileTable;
  archive_events: ArchiveEventTable;
  archive_loans: ArchiveLoanTable;
  archive_disposals: ArchiveDisposalTable;
  equipment: EquipmentTable;
  equipment_maintenance: EquipmentMaintenanceTable;
  equipment_faults: EquipmentFaultTable;
}
