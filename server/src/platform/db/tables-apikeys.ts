/** Tables of the API keys of machine clients (接口密钥). Instants are epoch ms. */

/**
 * A key issued to a machine client. `user_id` is the key's own identity (an account of status 'machine' that cannot
 * sign in), so what the key writes names it wherever a record points at a person. `permissions` and `hall_ids` are
 * JSON arrays: the key's scope.
 */
export interface ApiKeyTable {
  id: string;
  user_id: string;
  name: string;
  holder_org: string;
  holder_contact: string;
  permissions: string;
  hall_ids: string;
  /** The prefix of the newest secret (a rotation changes it). */
  prefix: string;
  rate_per_minute: number;
  expires_at: number;
  status: 'active' | 'revoked';
  created_by: string;
  created_at: number;
  updated_at: number;
  revoked_at: number | null;
  revoke_reason: string | null;
  last_used_at: number | null;
  last_used_ip: string | null;
}

/** One secret of a key: only its sha256 is kept. A rotated secret works until `retires_at` (null: the current one). */
export interface ApiKeySecretTable {
  secret_hash: string;
  key_id: string;
  prefix: string;
  created_at: number;
  retires_at: number | null;
}

/** The key's trail: who issued, rotated, rescoped or revoked it, when, and why. */
export interface ApiKeyEventTable {
  id: string;
  key_id: string;
  /** 1, 2, … per key: every change after the issue is guarded by the key row, so they come one at a time. */
  seq: number;
  at: number;
  action: 'issue' | 'rotate' | 'rescope' | 'revoke';
  actor_id: string;
  actor_name: string;
  reason: string | null;
  detail: string | null;
}

export interface ApiKeyTables {
  api_keys: ApiKeyTable;
  api_key_secrets: ApiKeySecretTable;
  api_key_events: ApiKeyEventTable;
}
