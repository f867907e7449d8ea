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
    {
      config: { access: 'case.read' },
      schema: { summary: "办件收费 A case's fees", tags, params: idParams, response: fees },
    },
    async (req) => service.caseFees(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/fees/payments',
    {
      config: { access: 'fee.collect' },
      schema: { summary: '登记收费 Record a payment', tags, params: idParams, body: s.paymentInput, response: fees },
    },
    async (req) => service.recordPayment(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/fees/refunds',
    {
      config: { access: 'fee.collect' },
      schema: { summary: '申请退费 Ask for a refund', tags, params: idParams, body: s.refundInput, response: fees },
    },
    async (req) => service.requestRefund(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/fees/refunds',
    {
      config: { access: 'fee.approve' },
      schema: {
        summary: '退费申请列表 List refunds',
        tags,
        querystring: s.hallQuery,
        response: { 200: z.object({ items: z.array(s.entrySchema) }) },
      },
    },
    async (req) => service.waitingRefunds(ctx, actorOf(req), req.query.hallId),
  );
  r.post(
    '/api/fees/refunds/:id/decision',
    {
      config: { access: 'fee.approve' },
      schema: {
        summary: '审批退费 Decide a refund',
        tags,
        params: idParams,
        body: s.decisionInput,
        response: { 200: s.entrySchema },
      },
    },
    async (req) => service.decideRefund(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/fees/daily',
    {
      config: { access: 'fee.report' },
      schema: {
        summary: '收费日报 Daily fee report',
        tags,
        querystring: s.reportQuery,
        response: { 200: s.reportSchema },
      },
    },
    async (req) => service.dayReport(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/fees/daily/export',
    {
      config: { access: 'fee.report', auditRead: 'fee_daily_export' },
      schema: {
        summary: '导出收费日报 Export the daily fee report',
        tags,
        querystring: s.reportQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
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
