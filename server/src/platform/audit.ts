import { createHash } from 'node:crypto';
import type { Db } from './db/database.ts';
import { markIdempotentWrite } from './idempotency.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  at: number;
  userId: string | null;
  username: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

const GENESIS = '0'.repeat(64);

function chainHash(seq: number, e: Omit<AuditEntry, 'detail'> & { detail: string | null }, prev: string): string {
  const canonical = JSON.stringify([
    seq,
    e.at,
    e.userId,
    e.username,
    e.action,
    e.targetType ?? null,
    e.targetId ?? null,
    e.outcome,
    e.ip ?? null,
    e.detail,
    prev,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one record, chained to the previous by hash. Call inside the transaction of the write it
 * records; the UPDATE on the head row serialises concurrent appenders on both databases.
 */
/** Records one event in its own transaction (for events that are not part of a larger write). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

export async function appendAudit(db: Db, entry: AuditEntry): Promise<number> {
  // The write this record belongs to applies the request's Idempotency-Key in the same transaction.
  await markIdempotentWrite(db);
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq);
  const detail = entry.detail ? JSON.stringify(entry.detail) : null;
  const hash = chainHash(seq, { ...entry, detail }, head.hash);
  await db
    .insertInto('audit_log')
    .values({
      seq,
      at: entry.at,
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
      detail,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return seq;
}

/** Creates the chain's head row once; safe to call on every start. */
export async function ensureAuditHead(db: Db): Promise<void> {
  const row = await db.selectFrom('audit_head').select('id').where('id', '=', 1).executeTakeFirst();
  if (!row) await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS }).execute();
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

/** Recomputes every hash in order; a changed, removed or inserted record breaks the chain there. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainCheck> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      const recomputed = chainHash(
        seq,
        {
          at: Number(r.at),
          userId: r.user_id,
          username: r.username,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          outcome: r.outcome as AuditOutcome,
          ip: r.ip,
          detail: r.detail,
        },
        prev,
      );
      if (seq !== expectedSeq || r.prev_hash !== prev || r.hash !== recomputed) {
        return { ok: false, checked, firstBrokenSeq: Math.min(seq, expectedSeq) };
      }
      prev = r.hash;
      expectedSeq = seq + 1;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== checked || head.hash !== prev)) {
    return { ok: false, checked, firstBrokenSeq: checked + 1 };
  }
  return { ok: true, checked, firstBrokenSeq: null };
}

/** An audit entry for a successful action by a signed-in user. */
export function byActor(
  actor: { userId: string; username: string; ip: string | null },
  at: number,
  action: string,
  targetType: string,
  targetId: string,
  detail?: Record<string, unknown>,
): AuditEntry {
  return {
    at,
    userId: actor.userId,
    username: actor.username,
    action,
    targetType,
    targetId,
    outcome: 'success',
    ip: actor.ip,
    detail: detail ?? null,
  };
}
