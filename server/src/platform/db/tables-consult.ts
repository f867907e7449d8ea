/** Tables of consultations (咨询 / 首问负责制) and the staff knowledge base. Instants are epoch ms; JSON is text. */
export interface ConsultationTable {
  id: string;
  hall_id: string;
  /** Shown to the person and printed on notices, e.g. ZX20260302-0001. */
  number: string;
  /** Lets the person look the reply up online without any personal data. */
  lookup_code: string;
  channel: string;
  person_name: string;
  /** Encrypted (platform/pii); found by its blind index, listed masked. */
  contact_phone_enc: string;
  contact_phone_index: string;
  contact_phone_masked: string;
  question: string;
  item_id: string | null;
  status: string;
  /** 首问人: whoever registered it (online: the first member of staff who took it); never changes after. */
  first_owner_id: string | null;
  first_owner_name: string | null;
  handler_id: string | null;
  handler_name: string | null;
  answer: string | null;
  answered_at: number | null;
  answered_by: string | null;
  promised_days: number | null;
  due_date: string | null;
  /** Added by 0014: 1 when the promised reply date touches a year without a published schedule (待定). */
  due_provisional?: number;
  referral_text: string | null;
  referral_department_id: string | null;
  registered_day: string;
  created_at: number;
  updated_at: number;
}

/** The trail of a consultation: who did what, when. */
export interface ConsultationEventTable {
  id: string;
  consultation_id: string;
  at: number;
  user_id: string | null;
  user_name: string | null;
  action: string;
  detail: string | null;
}

/** Departments consulted by the first-question owner on a matter for several of them, and their answers. */
export interface ConsultationDepartmentTable {
  id: string;
  consultation_id: string;
  department_id: string;
  department_name: string;
  question: string;
  asked_at: number;
  asked_by: string;
  answer: string | null;
  answered_at: number | null;
  answered_by: string | null;
}

/** Every one-time notice issued for a consultation: the printed content is kept so a copy can be reprinted. */
export interface ConsultationNoticeTable {
  id: string;
  consultation_id: string;
  number: string;
  item_id: string;
  item_version: number;
  content: string;
  issued_at: number;
  issued_by: string;
}

export interface KnowledgeEntryTable {
  id: string;
  hall_id: string;
  kind: string;
  title: string;
  body: string;
  /** JSON array of tags. */
  tags: string;
  /** Tags joined as `|a|b|` so a substring search works on both databases. */
  tags_text: string;
  /** JSON array of linked service item ids. */
  item_ids: string;
  status: string;
  version: number;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

export interface KnowledgeVersionTable {
  entry_id: string;
  version: number;
  kind: string;
  title: string;
  body: string;
  tags: string;
  item_ids: string;
  note: string;
  edited_at: number;
  edited_by: string;
}

export interface ConsultTables {
  consultations: ConsultationTable;
  consultation_events: ConsultationEventTable;
  consultation_departments: ConsultationDepartmentTable;
  consultation_notices: ConsultationNoticeTable;
  knowledge_entries: KnowledgeEntryTable;
  knowledge_versions: KnowledgeVersionTable;
}
