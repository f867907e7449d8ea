import { type WebhookEventType, webhookEventTypes } from '../../domain/webhooks/index.ts';
import type { AttemptRow, DeliveryRow, EndpointRow } from './repository.ts';

/** Instants as epoch milliseconds, like the rest of the API. */
const ms = (v: number | null) => (v === null ? null : Number(v));

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
  secretRotatedAt: ms(e.secret_rotated_at)!,
  createdAt: ms(e.created_at)!,
  updatedAt: ms(e.updated_at)!,
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
  nextAttemptAt: d.state === 'pending' || d.state === 'retrying' ? ms(d.next_attempt_at) : null,
  lastStatus: d.last_status === null ? null : Number(d.last_status),
  lastError: d.last_error,
  createdAt: ms(d.created_at)!,
  deliveredAt: ms(d.delivered_at),
  payload: d.payload,
  log: attempts
    .filter((a) => a.delivery_id === d.id)
    .map((a) => ({
      at: ms(a.at)!,
      statusCode: a.status_code === null ? null : Number(a.status_code),
      ok: a.ok === 1,
      error: a.error,
      durationMs: Number(a.duration_ms),
    })),
});
