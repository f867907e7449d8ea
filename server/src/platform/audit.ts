import { createHash } from 'node:crypto';
import { type AuditAnchor, type AnchorState, readAnchor } from './audit-anchor.ts';
import { type AuditKeyRing, auditSettings, loadAuditKeyRing, mac } from './audit-keys.ts';
import { loadConfig } from './config.ts';
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
/** 1: plain SHA-256, records written before the chain had a key; 2: HMAC-SHA256 under a named key. */
const LEGACY = 1;
const KEYED = 2;

type Fields = Omit<AuditEntry, 'detail'> & { detail: string | null };

const fieldsOf = (seq: number, e: Fields) => [
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
];

/** The plain SHA-256 link of records chained before the key existed (and all an attacker can recompute). */
export function legacyHash(seq: number, e: Fields, prev: string): string {
  return createHash('sha256')
    .update(JSON.stringify([...fieldsOf(seq, e), prev]))
    .digest('hex');
}

function keyedHash(ring: AuditKeyRing, keyId: string, seq: number, e: Fields, prev: string): string | null {
  const key = ring.byId.get(keyId);
  return key ? mac(key, 'chain', JSON.stringify([KEYED, keyId, ...fieldsOf(seq, e), prev])) : null;
}

let installedKeys: AuditKeyRing | null = null;

/** Installs the process's key ring (at start, or a fixed one in tests). */
export function installAuditKeys(ring: AuditKeyRing | null): void {
  installedKeys = ring;
}

/** The installed key ring; a process that installed none loads it once from the environment, as `serve` does. */
export function auditKeys(): AuditKeyRing {
  if (!installedKeys) installedKeys = loadAuditKeyRing(auditSettings(process.env, loadConfig().dataDir)).ring;
  return installedKeys;
}

/** Records one event in its own transaction (for events that are not part of a larger write). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

/**
 * Appends one record, chained to the previous by an HMAC under the current key. Call inside the transaction of
 * the write it records; the UPDATE on the head row serialises concurrent appenders on both databases.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<number> {
  const key = auditKeys().current;
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
  const fields = { ...entry, detail };
  const hash = mac(key, 'chain', JSON.stringify([KEYED, key.id, ...fieldsOf(seq, fields), head.hash]));
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
      chain: KEYED,
      key_id: key.id,
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

/**
 * Where the chain broke: a record changed or forged (altered), a gap or a head that does not match the last
 * record (missing), a plain-hash record after a keyed one (downgraded), a key the ring lacks (unknown-key), a
 * record that differs from its checkpoint, a database behind its newest checkpoint (an old copy put back, or the
 * tail cut off), or a checkpoint line whose signature does not hold.
 */
export type ChainProblem =
  | 'altered'
  | 'missing'
  | 'downgraded'
  | 'unknown-key'
  | 'checkpoint-mismatch'
  | 'behind-checkpoint'
  | 'checkpoint-forged';

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: ChainProblem | null;
  /** Records chained by plain SHA-256 before the key existed; the first keyed record seals them. */
  legacyRecords: number;
  /** The checkpoints outside the database; null when none are configured for this check. */
  checkpoints: AnchorState | null;
}

export interface VerifyOptions {
  keys?: AuditKeyRing;
  /** The checkpoint file to hold the chain against. */
  anchor?: AuditAnchor | null;
  pageSize?: number;
}

/** Recomputes every hash in order and holds the chain against the checkpoints kept outside the database. */
export async function verifyAuditChain(db: Db, opts: VerifyOptions = {}): Promise<ChainCheck> {
  const ring = opts.keys ?? auditKeys();
  const anchor = opts.anchor ? readAnchor(opts.anchor, ring) : null;
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let legacy = 0;
  let keyedSeen = false;
  const fail = (seq: number | null, problem: ChainProblem): ChainCheck => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    problem,
    legacyRecords: legacy,
    checkpoints: anchor?.state ?? null,
  });
  if (anchor && anchor.state.forged > 0) return fail(null, 'checkpoint-forged');
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(opts.pageSize ?? 5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return fail(Math.min(seq, expectedSeq), 'missing');
      if (r.prev_hash !== prev) return fail(seq, 'altered');
      const fields: Fields = {
        at: Number(r.at),
        userId: r.user_id,
        username: r.username,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        outcome: r.outcome as AuditOutcome,
        ip: r.ip,
        detail: r.detail,
      };
      const version = Number(r.chain);
      if (version === KEYED) {
        const recomputed = keyedHash(ring, r.key_id ?? '', seq, fields, prev);
        if (recomputed === null) return fail(seq, 'unknown-key');
        if (r.hash !== recomputed) return fail(seq, 'altered');
        keyedSeen = true;
      } else if (version === LEGACY) {
        if (keyedSeen) return fail(seq, 'downgraded');
        if (r.hash !== legacyHash(seq, fields, prev)) return fail(seq, 'altered');
        legacy++;
      } else {
        return fail(seq, 'altered');
      }
      const pinned = anchor?.hashAt.get(seq);
      if (pinned !== undefined && pinned !== r.hash) return fail(seq, 'checkpoint-mismatch');
      prev = r.hash;
      expectedSeq = seq + 1;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if ((head && (Number(head.seq) !== checked || head.hash !== prev)) || (!head && checked > 0)) {
    return fail(checked + 1, 'missing');
  }
  if (anchor && (anchor.state.newestSeq ?? 0) > checked) return fail(checked + 1, 'behind-checkpoint');
  return {
    ok: true,
    checked,
    firstBrokenSeq: null,
    problem: null,
    legacyRecords: legacy,
    checkpoints: anchor?.state ?? null,
  };
}

/**
 * Seals a chain begun before the key existed: its records keep their plain hashes, and one keyed record now
 * covers their head, so none of them can change unnoticed from here on. Only an intact legacy chain is sealed.
 */
export async function sealLegacyChain(db: Db, at: number): Promise<ChainCheck | null> {
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'chain'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || Number(last.chain) !== LEGACY) return null;
  const check = await verifyAuditChain(db);
  if (!check.ok) return check;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  await recordAudit(db, {
    at,
    userId: null,
    username: 'system',
    action: 'audit.chain.keyed',
    targetType: 'audit_log',
    targetId: 'chain',
    outcome: 'success',
    detail: {
      legacyRecords: check.checked,
      legacyHeadSeq: Number(head.seq),
      legacyHead: head.hash,
      keyId: auditKeys().current.id,
    },
  });
  return check;
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
