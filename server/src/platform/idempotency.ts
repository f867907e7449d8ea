import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

const KEEP_MS = 48 * 3_600_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { owner: string; key: string } | null;
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
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITE_METHODS.has(req.method)) return;
    if (key.length < 8 || key.length > 128) {
      throw new AppError(400, 'VALIDATION', 'Idempotency-Key 长度应为 8–128 个字符', 'Idempotency-Key must be 8–128 characters', 'Idempotency-Key');
    }
    const owner = ownerOf(req);
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const now = ctx.clock.now();
    const found = await ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', owner)
      .where('key', '=', key)
      .executeTakeFirst();
    if (found && Number(found.created_at) > now - KEEP_MS) {
      if (found.request_hash !== requestHash) {
        throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一个请求', 'This Idempotency-Key was used for a different request', 'Idempotency-Key');
      }
      if (found.status_code === null) {
        throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求仍在处理中', 'The same request is still being processed', 'Idempotency-Key');
      }
      reply.header('idempotent-replay', 'true');
      reply.status(found.status_code).type('application/json').serializer((p: unknown) => p as string);
      return reply.send(found.response_body ?? '');
    }
    if (found) await ctx.db.deleteFrom('idempotency_keys').where('user_id', '=', owner).where('key', '=', key).execute();
    try {
      await ctx.db
        .insertInto('idempotency_keys')
        .values({ key, user_id: owner, request_hash: requestHash, status_code: null, response_body: null, created_at: now })
        .execute();
    } catch {
      throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求仍在处理中', 'The same request is still being processed', 'Idempotency-Key');
    }
    req.idempotency = { owner, key };
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const marker = req.idempotency;
    if (!marker) return payload;
    req.idempotency = null;
    const q = ctx.db.updateTable('idempotency_keys').where('user_id', '=', marker.owner).where('key', '=', marker.key);
    if (reply.statusCode >= 500) {
      // A failed attempt wrote nothing, so the client may try the same key again.
      await ctx.db.deleteFrom('idempotency_keys').where('user_id', '=', marker.owner).where('key', '=', marker.key).execute();
    } else {
      await q.set({ status_code: reply.statusCode, response_body: typeof payload === 'string' ? payload : '' }).execute();
    }
    return payload;
  });
}
