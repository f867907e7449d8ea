import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { listOf, pageQuery, pageWindow } from '../../platform/schemas.ts';
import { searchAuditLog, verifyChain } from './service.ts';
import { intParam } from '../../platform/numeric-params.ts';

const recordSchema = z.object({
  seq: z.number(),
  at: z.number(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});

const auditQuery = pageQuery.extend({
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(64).optional(),
  targetId: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: intParam({ min: 0 }).optional(),
  to: intParam({ min: 0 }).optional(),
});

const checkSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenSeq: z.number().nullable(),
  problem: z
    .enum([
      'altered',
      'missing',
      'downgraded',
      'unknown-key',
      'checkpoint-mismatch',
      'behind-checkpoint',
      'checkpoint-forged',
    ])
    .nullable(),
  legacyRecords: z.number(),
  checkpoints: z
    .object({
      lines: z.number(),
      newestSeq: z.number().nullable(),
      newestAt: z.number().nullable(),
      restores: z.number(),
      setAside: z.number(),
      forged: z.number(),
    })
    .nullable(),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['审计 audit'];

  r.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags, querystring: auditQuery, response: { 200: listOf(recordSchema) } },
    },
    async (req) => searchAuditLog(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );

  r.post(
    '/api/audit/verify',
    { config: { access: 'audit.verify' }, schema: { tags, response: { 200: checkSchema } } },
    async (req) => verifyChain(ctx, actorOf(req)),
  );
}
