/**
 * The push worker: takes due deliveries under a lease, POSTs each signed body outside any transaction, then
 * records the try and the next state. At least once: a crash after the POST and before the record lets the lease
 * run out and the same event id is sent again, which the receiver dedupes.
 */
import { afterDeliveryAttempt, signWebhook } from '../../domain/webhooks/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import * as repo from './repository.ts';
import { endpointSecret } from './service.ts';

const BATCH = 10;
export const ATTEMPT_TIMEOUT_MS = 5_000;
/** Longer than a batch of timed-out tries, so a slow batch never loses its lease to another node mid-way. */
const LEASE_MS = 2 * BATCH * ATTEMPT_TIMEOUT_MS;
const POLL_MS = 5_000;

export interface PushResult {
  delivered: number;
  retrying: number;
  failed: number;
}

type Answer = { ok: boolean; status: number | null; error: string | null };

async function post(ctx: AppContext, d: repo.ClaimedDelivery): Promise<Answer> {
  if (d.active !== 1) return { ok: false, status: null, error: '推送地址已停用' };
  const t = Math.floor(ctx.clock.now() / 1000);
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'OneWindow-Webhooks/1',
        'x-onewindow-event': d.event_type,
        'x-onewindow-delivery': d.event_id,
        'x-onewindow-signature': signWebhook(
          endpointSecret({ id: d.endpoint_id, secret_enc: d.secret_enc }),
          t,
          d.payload,
        ),
      },
      body: d.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const ok = res.status >= 200 && res.status < 300;
    const text = ok ? '' : (await res.text().catch(() => '')).slice(0, 200);
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}${text ? `: ${text}` : ''}` };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const why = e.name === 'TimeoutError' ? `超时（${ATTEMPT_TIMEOUT_MS / 1000} 秒）` : `${e.name}: ${e.message}`;
    return { ok: false, status: null, error: why.slice(0, 300) };
  }
}

/** One pass: every due delivery, in batches, until none is due. */
export async function deliverDueWebhooks(ctx: AppContext): Promise<PushResult> {
  const result: PushResult = { delivered: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < 50; round++) {
    const now = ctx.clock.now();
    const leaseUntil = now + LEASE_MS;
    const batch = await ctx.db.transaction().execute((trx) => repo.claimDue(trx, ctx.dialect, now, leaseUntil, BATCH));
    if (batch.length === 0) break;
    for (const d of batch) await deliverOne(ctx, d, leaseUntil, result);
    if (batch.length < BATCH) break;
  }
  return result;
}

async function deliverOne(ctx: AppContext, d: repo.ClaimedDelivery, leaseUntil: number, result: PushResult) {
  const started = ctx.clock.now();
  const answer = await post(ctx, d);
  const now = ctx.clock.now();
  const attempts = Number(d.attempts) + 1;
  // A stopped endpoint is not tried again by itself; 重新发送 after it is switched back on.
  const next = d.active === 1 ? afterDeliveryAttempt(answer.ok, attempts, now) : { state: 'failed' as const };
  await ctx.db.transaction().execute(async (trx) => {
    const held = await repo.finishAttempt(trx, d.id, leaseUntil, {
      state: next.state,
      attempts,
      next_attempt_at: next.state === 'retrying' ? next.nextAttemptAt : Number(d.next_attempt_at),
      last_status: answer.status,
      last_error: answer.error,
      delivered_at: answer.ok ? now : null,
      updated_at: now,
    });
    // A lease that ran out meanwhile belongs to another worker now; its try is recorded by it.
    if (!held) return;
    await repo.insertAttempt(trx, {
      id: newId(now),
      delivery_id: d.id,
      at: now,
      status_code: answer.status,
      ok: answer.ok ? 1 : 0,
      error: answer.error,
      duration_ms: Math.max(0, now - started),
    });
  });
  if (next.state === 'delivered') result.delivered++;
  else if (next.state === 'failed') {
    result.failed++;
    ctx.log.warn({ delivery: d.id, event: d.event_type, endpoint: d.endpoint_id }, 'webhook failed after its last try');
  } else result.retrying++;
}

/** In the serving process, every 5 s; several nodes may run it at once. */
export function startWebhookWorker(ctx: AppContext): () => void {
  return runPeriodically(ctx.log, 'webhook delivery', POLL_MS, () => deliverDueWebhooks(ctx));
}
