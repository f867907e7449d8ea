/** Tables of the back office after acceptance (R4–R7, R14.1). Instants are epoch ms; days 'YYYY-MM-DD'; JSON as text. */

/** 沟通核实: a question from the back office to the front desk and its answer (R4.3). */
export interface CaseVerificationTable {
  id: string;
  case_id: string;
  step_id: string | null;
  question: string;
  response_deadline: string;
  /** Added by 0014: 1 when the reply date touches a year without a published schedule (待定). */
  response_deadline_provisional?: number;
  asked_by: string;
  asked_by_name: string;
  asked_at: number;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: number | null;
}

/** 暂停计时 (R6.2): from_day counts, the days after it up to and including to_day do not. */
export interface CasePauseTable {
  id: string;
  case_id: string;
  /** A suspensionKinds key. */
  kind: string;
  reason: string;
  from_day: string;
  to_day: string | null;
  started_at: number;
  started_by_name: string;
  ended_at: number | null;
}

/** 延期 (R6.3): requested by the handler, decided by the station head. */
export interface CaseExtensionTable {
  id: string;
  case_id: string;
  extra_days: number;
  reason: string;
  /** 'requested' | 'approved' | 'refused' */
  status: string;
  requested_by_name: string;
  requested_at: number;
  decided_by_name: string | null;
  decided_at: number | null;
  decision_note: string | null;
  new_deadline: string | null;
  /** Added by 0014: 1 when the new deadline touches a year without a published schedule (待定). */
  new_deadline_provisional?: number;
}

/** An uploaded file kept with the case; the bytes live under DATA_DIR/files/<caseId>/<id>, never here. */
export interface CaseFileTable {
  id: string;
  case_id: string;
  /** 'result' (a result document) | 'other' */
  kind: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by_name: string;
  uploaded_at: number;
}

/** 领取或送达 (R7.4). The collector's ID number is kept for the record and masked in every answer. */
export interface CaseDeliveryTable {
  id: string;
  case_id: string;
  /** 'collect' | 'mail' */
  method: string;
  collected_by: string | null;
  id_doc_type: string | null;
  /** Encrypted (platform/pii), shown masked. */
  id_doc_number_enc: string | null;
  id_doc_number_masked: string | null;
  carrier: string | null;
  tracking_number: string | null;
  at: number;
  by_name: string;
}

/** 归档 (R14.1): one archive file per finished case, numbered per hall and year. */
export interface CaseArchiveTable {
  id: string;
  case_id: string;
  hall_id: string;
  archive_no: string;
  /** JSON: the retention rule of the paper and electronic parts. */
  retention: string;
  /** JSON: documents, files, materials record and trail as filed. */
  manifest: string;
  at: number;
  by_name: string;
}

export interface BackofficeTables {
  case_verifications: CaseVerificationTable;
  case_pauses: CasePauseTable;
  case_extensions: CaseExtensionTable;
  case_files: CaseFileTable;
  case_deliveries: CaseDeliveryTable;
  case_archives: CaseArchiveTable;
}
