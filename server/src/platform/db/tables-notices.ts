/** 通知: the outbox of notices to applicants, their delivery attempts and the hall's templates. */
export interface NoticeTable {
  id: string;
  hall_id: string;
  case_id: string | null;
  case_no: string | null;
  applicant_id: string | null;
  event: string;
  legal: number;
  /** 'sms' | 'email' | 'inapp' */
  channel: string;
  /** Encrypted (platform/pii); shown as recipient_masked. */
  recipient_enc: string | null;
  recipient_masked: string;
  subject: string;
  body: string;
  /** 'pending' | 'sent' | 'failed' | 'unconfigured' | 'opted_out' */
  state: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  idempotency_key: string;
  dedupe_key: string | null;
  created_at: number;
  created_day: string;
  sent_at: number | null;
  updated_at: number;
}

export interface NoticeAttemptTable {
  id: string;
  notice_id: string;
  at: number;
  channel: string;
  ok: number;
  answer: string;
  duration_ms: number;
}

export interface NoticeTemplateTable {
  hall_id: string;
  event: string;
  subject: string;
  body: string;
  updated_at: number;
  updated_by: string;
}

export interface NoticeTables {
  notices: NoticeTable;
  notice_attempts: NoticeAttemptTable;
  notice_templates: NoticeTemplateTable;
}
