/**
 * 事件推送: the system administrator keeps the machine clients' endpoints; case events are queued here in the
 * case change's own transaction (one delivery per subscribed endpoint, one event id), and `delivery.ts` sends them.
 */
import { randomBytes } from 'node:crypto';
import {
  type CaseFacts,
  casePayload,
  endpointUrlProblem,
  TEST_EVENT,
  type WebhookEventType,
  webhookEventTypes,
} from '../../domain/webhooks/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pii } from '../../platform/pii/index.ts';
import { parseList, presentDelivery, presentEndpoint } from './presenter.ts';
import * as repo from './repository.ts';
import type { DeliveryQuery, EndpointInput } from './schema.ts';

export const SECRET_FIELD = 'webhook_endpoints.secret';

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
export const endpointSecret = (e: { id: string; secret_enc: string }) =>
  pii().decrypt(SECRET_FIELD, e.id, e.secret_enc);

/** An endpoint is the actor's when one of its halls is; it is changed only by someone who holds all of them. */
const visibleTo = (actor: Actor, e: repo.EndpointRow) => parseList(e.hall_ids).some((h) => actor.hallIds.includes(h));

async function loadEndpoint(db: Db, actor: Actor, id: string) {
  const e = await repo.findEndpoint(db, id);
  if (!e) throw notFound('推送地址', 'Endpoint');
  if (!visibleTo(actor, e)) throw outOfScope(notFound('推送地址', 'Endpoint'), 'webhook_endpoint', id);
  return e;
}

function checkInput(actor: Actor, input: EndpointInput) {
  const problem = endpointUrlProblem(input.url);
  if (problem) throw invalid('url', problem.zh, problem.en);
  if (input.hallIds.some((h) => !actor.hallIds.includes(h)))
    throw invalid('hallIds', '只能选择本人管理的大厅', 'Only halls you administer can be chosen');
}

const columnsOf = (input: EndpointInput) => ({
  name: input.name,
  url: input.url,
  events: JSON.stringify([...new Set(input.events)]),
  hall_ids: JSON.stringify([...new Set(input.hallIds)]),
  active: input.active ? 1 : 0,
});

export async function listEndpoints(ctx: AppContext, actor: Actor) {
  const rows = (await repo.allEndpoints(ctx.db)).filter((e) => visibleTo(actor, e));
  return { items: rows.map(presentEndpoint), total: rows.length };
}

export async function createEndpoint(ctx: AppContext, actor: Actor, input: EndpointInput) {
  checkInput(actor, input);
  const now = ctx.clock.now();
  const id = newId(now);
  const secret = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEndpoint(trx, {
      id,
      ...columnsOf(input),
      secret_enc: pii().encrypt(SECRET_FIELD, id, secret),
      secret_rotated_at: now,
      created_at: now,
      created_by: actor.userId,
      updated_at: now,
      updated_by: actor.userId,
    });
    // The audit record names the address and subscription, never the secret.
    await appendAudit(trx, byActor(actor, now, 'webhook.endpoint.create', 'webhook_endpoint', id, { ...input }));
  });
  return { endpoint: presentEndpoint((await repo.findEndpoint(ctx.db, id))!), secret };
}

export async function updateEndpoint(ctx: AppContext, actor: Actor, id: string, input: EndpointInput) {
  const before = await loadEndpoint(ctx.db, actor, id);
  checkInput(actor, input);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEndpoint(trx, id, { ...columnsOf(input), updated_at: now, updated_by: actor.userId });
    await appendAudit(
      trx,
      byActor(actor, now, 'webhook.endpoint.update', 'webhook_endpoint', id, {
        before: presentEndpoint(before),
        after: input,
      }),
    );
  });
  return presentEndpoint((await repo.findEndpoint(ctx.db, id))!);
}

/** A new secret at once; deliveries still waiting are signed with it from their next try on. */
export async function rotateSecret(ctx: AppContext, actor: Actor, id: string) {
  await loadEndpoint(ctx.db, actor, id);
  const now = ctx.clock.now();
  const secret = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEndpoint(trx, id, {
      secret_enc: pii().encrypt(SECRET_FIELD, id, secret),
      secret_rotated_at: now,
      updated_at: now,
      updated_by: actor.userId,
    });
    await appendAudit(trx, byActor(actor, now, 'webhook.endpoint.rotate_secret', 'webhook_endpoint', id));
  });
  return { endpoint: presentEndpoint((await repo.findEndpoint(ctx.db, id))!), secret };
}

/** A 测试事件 queued for this endpoint alone, sent by the worker like any other (and listed in its log). */
export async function sendTestEvent(ctx: AppContext, actor: Actor, id: string) {
  const e = await loadEndpoint(ctx.db, actor, id);
  const now = ctx.clock.now();
  const eventId = newId(now);
  const deliveryId = newId(now);
  const payload = JSON.stringify({
    id: eventId,
    type: TEST_EVENT,
    occurredAt: new Date(now).toISOString(),
    hallId: null,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDeliveries(trx, [
      {
        ...deliveryRow(deliveryId, eventId, e.id, TEST_EVENT, now, payload),
        hall_id: null,
        case_id: null,
        case_no: null,
      },
    ]);
    await appendAudit(trx, byActor(actor, now, 'webhook.endpoint.test', 'webhook_endpoint', id, { eventId }));
  });
  return presentDelivery((await repo.findDelivery(ctx.db, deliveryId))!, []);
}

const deliveryRow = (id: string, eventId: string, endpointId: string, type: string, now: number, payload: string) => ({
  id,
  event_id: eventId,
  endpoint_id: endpointId,
  event_type: type,
  payload,
  state: 'pending',
  attempts: 0,
  next_attempt_at: now,
  lease_until: null,
  last_status: null,
  last_error: null,
  created_at: now,
  delivered_at: null,
  updated_at: now,
});

export interface CaseEvent {
  type: WebhookEventType;
  at: number;
  to: string;
  statusLabel: string;
  detail?: Record<string, unknown> | undefined;
}

/**
 * Queues a case event for every active endpoint of the case's hall that subscribed to it, inside the caller's
 * transaction: a rolled-back change sends nothing, a committed one survives a restart. The case is read through
 * `facts` only when some endpoint wants the event, so a hall without endpoints pays one small read. Returns the
 * event id, or null when nobody listens.
 */
export async function enqueueCaseEvent(
  trx: Db,
  e: CaseEvent,
  facts: () => Promise<CaseFacts | null>,
): Promise<string | null> {
  const wanting = (await repo.activeEndpoints(trx)).filter((x) => parseList(x.events).includes(e.type));
  if (wanting.length === 0) return null;
  const c = await facts();
  const endpoints = c ? wanting.filter((x) => parseList(x.hall_ids).includes(c.hallId)) : [];
  if (!c || endpoints.length === 0) return null;
  const eventId = newId(e.at);
  const payload = JSON.stringify(casePayload(eventId, e.type, e.at, c, e));
  await repo.insertDeliveries(
    trx,
    endpoints.map((x) => ({
      ...deliveryRow(newId(e.at), eventId, x.id, e.type, e.at, payload),
      hall_id: c.hallId,
      case_id: c.id,
      case_no: c.caseNo,
    })),
  );
  return eventId;
}

export async function listDeliveries(
  ctx: AppContext,
  actor: Actor,
  q: DeliveryQuery & { limit: number; offset: number },
) {
  await loadEndpoint(ctx.db, actor, q.endpointId);
  const { items, total } = await repo.listDeliveries(ctx.db, q, q);
  const attempts = await repo.attemptsOf(
    ctx.db,
    items.map((d) => d.id),
  );
  return { items: items.map((d) => presentDelivery(d, attempts)), total };
}

/** 重新发送: the same event id and body again (receivers dedupe on the id), due now, with a fresh retry schedule. */
export async function resendDelivery(ctx: AppContext, actor: Actor, id: string) {
  const d = await repo.findDelivery(ctx.db, id);
  if (!d) throw notFound('推送记录', 'Delivery');
  await loadEndpoint(ctx.db, actor, d.endpoint_id).catch((err: unknown) => {
    throw err instanceof AppError ? outOfScope(notFound('推送记录', 'Delivery'), 'webhook_delivery', id) : err;
  });
  if (d.state === 'pending' || d.state === 'retrying')
    throw new AppError(409, 'DELIVERY_NOT_RESENDABLE', '该推送正在发送中', 'The delivery is still being sent');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDelivery(trx, id, {
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_until: null,
      updated_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'webhook.delivery.resend', 'webhook_delivery', id, {
        from: d.state,
        eventId: d.event_id,
        caseNo: d.case_no,
      }),
    );
  });
  return presentDelivery((await repo.findDelivery(ctx.db, id))!, await repo.attemptsOf(ctx.db, [id]));
}

export const eventTypes = () => ({
  items: Object.entries(webhookEventTypes).map(([type, label]) => ({ type, label })),
});
