import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, type Hmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Db } from './db/database.ts';
import { AppError } from './errors.ts';

const KEEP_MS = 48 * 3_600_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * status_code of a key whose business write committed but whose answer is not stored yet. It is set inside the
 * business transaction itself (see markIdempotentWrite), so it exists exactly when the write does.
 */
const APPLIED = -1;
/** A key still "in flight" after this long belongs to a process that died before committing anything. */
const ABANDONED_MS = 5 * 60_000;

const appliedError = () =>
  new AppError(
    409,
    'IDEMPOTENCY_APPLIED',
    '该请求已处理，请刷新查看结果',
    'This request was already carried out; reload to see its result',
    'Idempotency-Key',
  );

type Marker = { owner: string; key: string };
const current = new AsyncLocalStorage<Marker>();

/**
 * Called inside every business write transaction (appendAudit does it): records, atomically with the write,
 * that this request's Idempotency-Key has been applied. A crash or a 5xx after the commit then can never
 * let a retry with the same key write a second time.
 */
export async function markIdempotentWrite(trx: Db): Promise<void> {
  const marker = current.getStore();
  if (!marker) return;
  await trx
    .updateTable('idempotency_keys')
    .set({ status_code: APPLIED })
    .where('user_id', '=', marker.owner)
    .where('key', '=', marker.key)
    .where('status_code', 'is', null)
    .execute();
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { owner: string; key: string } | null;
    /** Set on a multipart write with a key: checks the key once the parts are read; true when it replied. */
    idempotencyClaim: ((fingerprintInput: (h: Hmac) => void) => Promise<boolean>) | null;
  }
}

/** One part of a multipart write, as the route read it. */
export interface ReadPart {
  name: string;
  fileName?: string;
  bytes: Buffer;
}

/**
 * A multipart write under an Idempotency-Key: the key is checked against a keyed hash of the parts the route read
 * (names, file names and bytes), so the same file sent again replays the first answer and another file under the
 * same key is refused, then the handler runs in the key's scope.
 */
export async function idempotentMultipart<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  parts: ReadPart[],
  handler: () => Promise<T>,
): Promise<T | FastifyReply> {
  const claim = req.idempotencyClaim;
  if (!claim) return handler();
  req.idempotencyClaim = null;
  const replied = await claim((h) => {
    for (const p of parts) {
      h.update(`\n${JSON.stringify([p.name, p.fileName ?? null, p.bytes.length])}\n`);
      h.update(p.bytes);
    }
  });
  if (replied) return reply;
  const marker = req.idempotency;
  return marker ? current.run(marker, handler) : handler();
}

const isMultipart = (req: FastifyRequest) =>
  String(req.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('multipart/');

/** Deletes the keys older than their window (48 hours); returns how many. */
export async function purgeIdempotencyKeys(db: Db, now: number): Promise<number> {
  const res = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', now - KEEP_MS)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * The key of the stored request fingerprints: IDEMPOTENCY_SECRET, else a random key kept beside the data
 * (mode 0600). The fingerprint is keyed so that a copy of the database does not let anyone test guesses of a
 * body — a password in a sign-in or a password change — against it.
 */
export function idempotencyKey(config: Pick<Config, 'idempotencySecret' | 'dataDir'>): Buffer {
  if (config.idempotencySecret) return Buffer.from(config.idempotencySecret, 'utf8');
  const file = path.join(config.dataDir, 'idempotency.key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch {
      // another process wrote it first: take theirs
    }
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer carries a secret shown once (an API key): the kept answer, and so a replay, goes without it. */
    answerHoldsSecret?: boolean;
  }
}

/** The answer as kept for replays: its `secret` blanked, so the key never rests in the database in the clear. */
function withoutSecret(body: string): string {
  try {
    return JSON.stringify({ ...(JSON.parse(body) as object), secret: null });
  } catch {
    return body;
  }
}

function ownerOf(req: FastifyRequest): string {
  return req.actor ? req.actor.userId : `anonymous:${req.ip}`;
}

/**
 * `Idempotency-Key` on any write: the same key and body answer with the first response again, the same key
 * with another body is refused (422), and a retry while the first is still running gets 409.
 */
export function installIdempotency(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('idempotency', null);
  app.decorateRequest('idempotencyClaim', null);
  const secret = idempotencyKey(ctx.config);
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITE_METHODS.has(req.method)) return;
    if (key.length < 8 || key.length > 128) {
      throw new AppError(
        400,
        'VALIDATION',
        'Idempotency-Key 长度应为 8–128 个字符',
        'Idempotency-Key must be 8–128 characters',
        'Idempotency-Key',
      );
    }
    const fingerprint = (more: (h: Hmac) => void) => {
      const h = createHmac('sha256', secret).update(`${req.method} ${req.url}\n`);
      more(h);
      return h.digest('hex');
    };
    if (isMultipart(req)) {
      // The parts are not read yet: the route checks the key once it has them (idempotentMultipart).
      req.idempotencyClaim = async (more) => claim(req, reply, key, fingerprint(more));
      return;
    }
    if (
      await claim(
        req,
        reply,
        key,
        fingerprint((h) => h.update(JSON.stringify(req.body ?? null))),
      )
    )
      return reply;
  });

  /** Replays, refuses or takes the key for this request; true when it has answered. */
  async function claim(req: FastifyRequest, reply: FastifyReply, key: string, requestHash: string): Promise<boolean> {
    const owner = ownerOf(req);
    const now = ctx.clock.now();
    const found = await ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', owner)
      .where('key', '=', key)
      .executeTakeFirst();
    if (found && Number(found.created_at) > now - KEEP_MS) {
      if (found.request_hash !== requestHash) {
        throw new AppError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          '该幂等键已用于另一个请求',
          'This Idempotency-Key was used for a different request',
          'Idempotency-Key',
        );
      }
      const stale = Number(found.created_at) < now - ABANDONED_MS;
      const abandoned = found.status_code === null && stale;
      if (found.status_code === APPLIED && stale) {
        // Written, but the process ended before the answer was stored: the write stands; it is not done again.
        throw appliedError();
      }
      if ((found.status_code === null || found.status_code === APPLIED) && !abandoned) {
        throw new AppError(
          409,
          'IDEMPOTENCY_IN_FLIGHT',
          '相同的请求仍在处理中',
          'The same request is still being processed',
          'Idempotency-Key',
        );
      }
      if (!abandoned) {
        reply.header('idempotent-replay', 'true');
        reply
          .status(found.status_code as number)
          .type('application/json')
          .serializer((p: unknown) => p as string);
        reply.send(found.response_body ?? '');
        return true;
      }
    }
    if (found) {
      // Expired, or abandoned before its write committed (no APPLIED mark): the key starts afresh. The guard on
      // the row read keeps two retries from both taking it over.
      const gone = await ctx.db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', owner)
        .where('key', '=', key)
        .where('created_at', '=', found.created_at)
        .where('status_code', found.status_code === null ? 'is' : '=', found.status_code)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) !== 1) {
        throw new AppError(
          409,
          'IDEMPOTENCY_IN_FLIGHT',
          '相同的请求仍在处理中',
          'The same request is still being processed',
          'Idempotency-Key',
        );
      }
    }
    try {
      await ctx.db
        .insertInto('idempotency_keys')
        .values({
          key,
          user_id: owner,
          request_hash: requestHash,
          status_code: null,
          response_body: null,
          created_at: now,
        })
        .execute();
    } catch {
      throw new AppError(
        409,
        'IDEMPOTENCY_IN_FLIGHT',
        '相同的请求仍在处理中',
        'The same request is still being processed',
        'Idempotency-Key',
      );
    }
    req.idempotency = { owner, key };
    return false;
  }
  // Runs the handler inside the key's scope, so the service's transaction can mark the key applied.
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.idempotency) current.run(req.idempotency, done);
    else done();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const marker = req.idempotency;
    if (!marker) return payload;
    req.idempotency = null;
    const q = ctx.db.updateTable('idempotency_keys').where('user_id', '=', marker.owner).where('key', '=', marker.key);
    if (reply.statusCode >= 500) {
      // A failure before any write committed: the client may try the same key again. After a committed write
      // (marked APPLIED in its own transaction) a retry is told so instead, and cannot write twice.
      const base = () =>
        ctx.db.deleteFrom('idempotency_keys').where('user_id', '=', marker.owner).where('key', '=', marker.key);
      await base().where('status_code', 'is', null).execute();
      const e = appliedError();
      await q
        .where('status_code', '=', APPLIED)
        .set({
          status_code: e.status,
          response_body: JSON.stringify({ code: e.code, message: e.message, field: e.field }),
        })
        .execute();
    } else {
      const body = typeof payload === 'string' ? payload : '';
      await q
        .set({
          status_code: reply.statusCode,
          response_body:
            req.routeOptions.config?.answerHoldsSecret && reply.statusCode < 300 ? withoutSecret(body) : body,
        })
        .execute();
    }
    return payload;
  });
}
