import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function feeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['收费 fees'];
  const fees = { 200: s.caseFeesSchema };

  r.get(
    '/api/cases/:id/fees',
    { config: { access: 'case.read' }, schema: { tags, params: idParams, response: fees } },
    async (req) => service.caseFees(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/fees/payments',
    { config: { access: 'fee.collect' }, schema: { tags, params: idParams, body: s.paymentInput, response: fees } },
    async (req) => service.recordPayment(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/fees/refunds',
    { config: { access: 'fee.collect' }, schema: { tags, params: idParams, body: s.refundInput, response: fees } },
    async (req) => service.requestRefund(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/fees/refunds',
    {
      config: { access: 'fee.approve' },
      schema: { tags, querystring: s.hallQuery, response: { 200: z.object({ items: z.array(s.entrySchema) }) } },
    },
    async (req) => service.waitingRefunds(ctx, actorOf(req), req.query.hallId),
  );
  r.post(
    '/api/fees/refunds/:id/decision',
    {
      config: { access: 'fee.approve' },
      schema: { tags, params: idParams, body: s.decisionInput, response: { 200: s.entrySchema } },
    },
    async (req) => service.decideRefund(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/fees/daily',
    {
      config: { access: 'fee.report' },
      schema: { tags, querystring: s.reportQuery, response: { 200: s.reportSchema } },
    },
    async (req) => service.dayReport(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/fees/daily/export',
    {
      config: { access: 'fee.report', auditRead: 'fee_daily_export' },
      schema: { tags, querystring: s.reportQuery, response: { 200: z.any().describe('.xlsx workbook') } },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await service.dayReportXlsx(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
}
