/** Tables of account security. Instants are epoch ms. */

/** A person's TOTP second factor (two-factor sign-in). */
export interface UserTotpTable {
  user_id: string;
  secret: string | null;
  pending_secret: string | null;
  enabled_at: number | null;
  last_step: number | null;
  updated_at: number;
}

/** One-time recovery codes, stored as scrypt hashes; a used one keeps its used_at. */
export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: number;
  used_at: number | null;
}

/** Earlier password hashes, so the last N cannot be chosen again. */
export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: number;
}

/** A change to an administrator account, waiting for a second administrator's approval. */
export interface AdminRequestTable {
  id: string;
  /** 'create' | 'update' | 'reset_password' | 'reset_totp' */
  kind: string;
  target_user_id: string | null;
  payload: string;
  summary: string;
  /** 'pending' | 'approved' | 'rejected' | 'cancelled' */
  status: string;
  requested_by: string;
  requested_at: number;
  decided_by: string | null;
  decided_at: number | null;
  note: string | null;
}

export interface AccountSecurityTables {
  user_totp: UserTotpTable;
  recovery_codes: RecoveryCodeTable;
  password_history: PasswordHistoryTable;
  admin_requests: AdminRequestTable;
}
