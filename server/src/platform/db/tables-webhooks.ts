/** 事件推送: the machine clients' endpoints and the outbox of signed case events, one row per event and endpoint. */
export interface WebhookEndpointTable {
  id: string;
  name: string;
  url: string;
  /** JSON array of event types (domain/webhooks). */
  events: string;
  /** JSON array of hall ids whose cases it hears of. */
  hall_ids: string;
  /** The signing secret, encrypted (platform/pii); shown once when made or rotated. */
  secret_enc: string;
  secret_rotated_at: number;
  active: number;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

export interface WebhookDeliveryTable {
  id: string;
  /** The event's id, the same on every try and every endpoint (X-OneWindow-Delivery), so receivers dedupe. */
  event_id: string;
  endpoint_id: string;
  event_type: string;
  hall_id: string | null;
  case_id: string | null;
  case_no: string | null;
  /** The exact body sent on every try (the signature covers these bytes). */
  payload: string;
  /** 'pending' (待发送) | 'retrying' (重试中) | 'delivered' (已送达) | 'failed' (失败) */
  state: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
  updated_at: number;
}

export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  at: number;
  /** The HTTP status, or null when no answer came (refused, timeout). */
  status_code: number | null;
  ok: number;
  error: string | null;
  duration_ms: number;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}
