/**
 * The notice worker: takes due notices under a lease, sends each through its channel outside any transaction,
 * then records the try and the new state. Delivery is at least once: a crash after the send and before the
 * record lets the lease run out and the notice is sent again with the same idempotency key, which the provider
 * (webhook, Aliyun OutId, the e-mail Message-ID) recognises.
 */
import { afterAttempt, type NoticeChannel } from '../../domain/notices/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { type Channels, channelsFrom } from './channels.ts';
import * as repo from './repository.ts';
import { recipientOf } from './enqueue-service.ts';

const BATCH = 20;

export interface PassResult {
  sent: number;
  retried: number;
  failed: number;
  unconfigured: number;
}

/** One pass: every due notice, in batches, until none is due. Returns what became of them. */
export async function deliverDueNotices(ctx: AppContext, channels?: Channels): Promise<PassResult> {
  const result: PassResult = { sent: 0, retried: 0, failed: 0, unconfigured: 0 };
  const ch = channels ?? channelsFrom(ctx.config.notices, () => ctx.clock.now());
  for (let round = 0; round < 50; round++) {
    const now = ctx.clock.now();
    const leaseUntil = now + ctx.config.notices.leaseMs;
    const batch = await ctx.db.transaction().execute((trx) => repo.claimDue(trx, ctx.dialect, now, leaseUntil, BATCH));
    if (batch.length === 0) break;
    for (const n of batch) await deliverOne(ctx, ch, n, leaseUntil, result);
    if (batch.length < BATCH) break;
  }
  return result;
}

async function deliverOne(ctx: AppContext, ch: Channels, n: repo.NoticeRow, leaseUntil: number, result: PassResult) {
  const channel = ch[n.channel as NoticeChannel];
  const started = ctx.clock.now();
  if (!channel?.configured) {
    // Nothing to try: kept and listed as 未发送（未配置通道） until the supervisor resends it once configured.
    await ctx.db.transaction().execute(async (trx) => {
      await repo.finishAttempt(trx, n.id, leaseUntil, {
        state: 'unconfigured',
        last_error: '未配置通道',
        updated_at: started,
      });
    });
    result.unconfigured++;
    return;
  }
  let answer: { ok: boolean; answer: string };
  try {
    answer = await channel.send({
      id: n.id,
      idempotencyKey: n.idempotency_key,
      to: recipientOf(n),
      subject: n.subject,
      body: n.body,
      event: n.event,
      caseNo: n.case_no,
    });
  } catch (err) {
    answer = { ok: false, answer: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err) };
  }
  const now = ctx.clock.now();
  const attempts = n.attempts + 1;
  const { maxAttempts, retryBaseMs } = ctx.config.notices;
  const next = afterAttempt(answer.ok, attempts, now, maxAttempts, retryBaseMs);
  await ctx.db.transaction().execute(async (trx) => {
    const held = await repo.finishAttempt(trx, n.id, leaseUntil, {
      state: next.state,
      attempts,
      next_attempt_at: next.state === 'pending' ? next.nextAttemptAt : Number(n.next_attempt_at),
      last_error: answer.ok ? null : answer.answer,
      sent_at: answer.ok ? now : null,
      updated_at: now,
    });
    // A lease that ran out meanwhile belongs to another worker now; its try is recorded by it.
    if (!held) return;
    await repo.insertAttempt(trx, {
      id: newId(now),
      notice_id: n.id,
      at: now,
      channel: n.channel,
      ok: answer.ok ? 1 : 0,
      answer: answer.answer,
      duration_ms: Math.max(0, now - started),
    });
  });
  if (next.state === 'sent') result.sent++;
  else if (next.state === 'failed') {
    result.failed++;
    ctx.log.warn({ notice: n.id, event: n.event, channel: n.channel }, 'notice failed after its last try');
  } else result.retried++;
}

/** In the serving process, every NOTICE_POLL_MS (5 s by default); several nodes may run it at once. */
export function startNoticeWorker(ctx: AppContext): () => void {
  return runPeriodically(ctx.log, 'notice delivery', ctx.config.notices.pollMs, () => deliverDueNotices(ctx));
}
