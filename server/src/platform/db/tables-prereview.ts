/** Tables of online pre-review (网上预审). Instants are epoch ms; days are YYYY-MM-DD in China time. */

export interface PrereviewApplicationTable {
  id: string;
  hall_id: string;
  number: string;
  lookup_code: string;
  item_id: string;
  item_version: number;
  item_name: string;
  /** 'person' | 'enterprise' */
  applicant_kind: string;
  applicant_name: string;
  doc_type: string;
  /** Encrypted (platform/pii), shown masked. */
  doc_number_enc: string;
  doc_number_masked: string;
  phone_enc: string;
  phone_masked: string;
  address: string;
  legal_representative: string;
  contact_name: string;
  /** 'draft' | 'submitted' | 'returned' | 'passed' | 'accepted' */
  state: string;
  round: number;
  limit_days: number;
  submitted_at: number | null;
  submitted_day: string | null;
  due_day: string | null;
  due_provisional: number;
  reviewed_by_id: string | null;
  reviewed_by_name: string | null;
  reviewed_at: number | null;
  notice: string | null;
  pass_note: string | null;
  case_id: string | null;
  case_no: string | null;
  accepted_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface PrereviewUploadTable {
  id: string;
  application_id: string;
  material_key: string;
  material_name: string;
  display_name: string;
  content_type: string;
  size: number;
  sha256: string;
  round: number;
  removed_at: number | null;
  uploaded_at: number;
}

export interface PrereviewEventTable {
  id: string;
  application_id: string;
  seq: number;
  at: number;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_state: string | null;
  to_state: string;
  detail: string;
}

export interface PrereviewTables {
  prereview_applications: PrereviewApplicationTable;
  prereview_uploads: PrereviewUploadTable;
  prereview_events: PrereviewEventTable;
}
