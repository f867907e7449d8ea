import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { listOf, pageQuery, pageWindow } from '../../platform/schemas.ts';
import { auditChoices, exportAuditLog, searchAuditLog, verifyChain } from './service.ts';
import { intParam } from '../../platform/numeric-params.ts';

const recordSchema = z.object({
  seq: z.number(),
  at: z.number(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable().describe('姓名 (the account holder at the time of reading)'),
  action: z.string(),
  actionLabel: z.string().describe('操作, in Chinese, e.g. 办件 · 收件受理'),
  targetType: z.string().nullable(),
  targetLabel: z.string().nullable().describe('对象类型, in Chinese'),
  targetId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});

const auditCriteria = z.object({
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(64).optional(),
  targetId: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: intParam({ min: 0 }).optional(),
  to: intParam({ min: 0 }).optional(),
});
const auditQuery = pageQuery.extend(auditCriteria.shape);

const choicesSchema = z.object({
  areas: z.array(
    z.object({
      area: z.string(),
      areaLabel: z.string(),
      actions: z.array(z.object({ code: z.string(), label: z.string() })),
    }),
  ),
  targets: z.array(z.object({ code: z.string(), label: z.string() })),
  people: z.array(z.object({ username: z.string(), displayName: z.string() })),
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
      schema: {
        summary: '审计日志 Search the audit log',
        tags,
        querystring: auditQuery,
        response: { 200: listOf(recordSchema) },
      },
    },
    async (req) => searchAuditLog(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );

  r.get(
    '/api/audit/choices',
    {
      config: { access: 'audit.read' },
      schema: { summary: '审计筛选项 Audit log filter choices', tags, response: { 200: choicesSchema } },
    },
    async () => auditChoices(ctx),
  );

  r.get(
    '/api/audit/export',
    {
      config: { access: 'audit.read' },
      schema: {
        summary: '导出审计日志 Export the audit log',
        tags,
        querystring: auditCriteria,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await exportAuditLog(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );

  r.post(
    '/api/audit/verify',
    {
      config: { access: 'audit.verify' },
      schema: { summary: '校验审计日志 Verify the audit log chain', tags, response: { 200: checkSchema } },
    },
    async (req) => verifyChain(ctx, actorOf(req)),
  );
}
