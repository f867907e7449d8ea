import { type WebhookEventType, webhookEventTypes } from '../../domain/webhooks/index.ts';
import type { AttemptRow, DeliveryRow, EndpointRow } from './repository.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export const parseList = (text: string): string[] => {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** An endpoint as the administrator sees it: never its secret, which is shown once when made or rotated. */
export const presentEndpoint = (e: EndpointRow) => ({
  id: e.id,
  name: e.name,
  url: e.url,
  events: parseList(e.events) as WebhookEventType[],
  hallIds: parseList(e.hall_ids),
  active: e.active === 1,
  secretRotatedAt: iso(e.secret_rotated_at)!,
  createdAt: iso(e.created_at)!,
  updatedAt: iso(e.updated_at)!,
});

const eventLabel = (type: string) =>
  type in webhookEventTypes ? webhookEventTypes[type as WebhookEventType] : type === 'webhook.test' ? '测试事件' : type;

export const presentDelivery = (d: DeliveryRow, attempts: AttemptRow[]) => ({
  id: d.id,
  eventId: d.event_id,
  endpointId: d.endpoint_id,
  eventType: d.event_type,
  eventLabel: eventLabel(d.event_type),
  caseId: d.case_id,
  caseNo: d.case_no,
  state: d.state as 'pending' | 'retrying' | 'delivered' | 'failed',
  attempts: Number(d.attempts),
  nextAttemptAt: d.state === 'pending' || d.state === 'retrying' ? iso(d.next_attempt_at) : null,
  lastStatus: d.last_status === null ? null : Number(d.last_status),
  lastError: d.last_error,
  createdAt: iso(d.created_at)!,
  deliveredAt: iso(d.delivered_at),
  payload: d.payload,
  log: attempts
    .filter((a) => a.delivery_id === d.id)
    .map((a) => ({
      at: iso(a.at)!,
      statusCode: a.status_code === null ? null : Number(a.status_code),
      ok: a.ok === 1,
      error: a.error,
      durationMs: Number(a.duration_ms),
    })),
});
