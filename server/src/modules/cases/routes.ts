import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { throttle } from '../../platform/rate-limit.ts';
import { idParams, pageWindow } from '../../platform/schemas.ts';
import { applicantFileSchema } from '../applicants/schema.ts';
import { applicantFile } from './applicant-file.ts';
import { exportCases } from './export.ts';
import { publicProgress } from './progress.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function caseRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['办件 cases'];
  // Enough for a person checking a few cases; far too few to guess case numbers and phone digits.
  const lookups = throttle(10, 60_000);

  // 一企一档: the applicant's file is the cases' record, so the case core answers it.
  r.get(
    '/api/applicants/:id/file',
    {
      config: { access: 'case.read', auditRead: 'applicant_file' },
      schema: {
        summary: "申请人办件档案 An applicant's case file",
        tags: ['申请人 applicants'],
        params: idParams,
        response: { 200: applicantFileSchema },
      },
    },
    async (req) => applicantFile(ctx, actorOf(req), req.params.id),
  );

  r.get(
    '/api/cases',
    {
      config: { access: 'case.read' },
      schema: { summary: '办件列表 List cases', tags, querystring: s.caseQuery, response: { 200: s.caseListSchema } },
    },
    async (req) => service.listCases(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  // The list as an Excel workbook: the same filters as GET /api/cases (paging ignored, at most 5000 rows), personal numbers masked.
  r.get(
    '/api/cases/export',
    {
      config: { access: 'case.export', auditRead: 'case_list_export' },
      schema: {
        summary: '导出办件 Export cases',
        tags,
        querystring: s.caseQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await exportCases(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
  r.get(
    '/api/cases/:id/notices',
    {
      config: { access: 'case.read' },
      schema: {
        summary: "办件通知 A case's notices",
        tags,
        params: idParams,
        response: { 200: z.array(s.caseNoticeSchema) },
      },
    },
    async (req) => service.caseNotices(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/cases/:id',
    {
      config: { access: 'case.read' },
      schema: { summary: '办件详情 Case detail', tags, params: idParams, response: { 200: s.caseDetailSchema } },
    },
    async (req) => service.caseDetail(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/withdraw',
    {
      config: { access: 'reception.register' },
      schema: {
        summary: '撤件 Withdraw a case',
        tags,
        params: idParams,
        body: s.withdrawInput,
        response: { 200: s.caseDetailSchema },
      },
    },
    async (req) => service.withdrawCase(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.get(
    '/api/cases/:id/documents/:docId/pdf',
    {
      config: { access: 'case.read', auditRead: 'case_document' },
      schema: {
        summary: '办件文书 PDF A case document as PDF',
        tags,
        params: s.documentParams,
        response: { 200: z.any().describe('A4 PDF (application/pdf)') },
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await service.documentPdf(ctx, actorOf(req), req.params.id, req.params.docId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf); // a Buffer is sent as it is, past the JSON serialiser
    },
  );

  r.get(
    '/api/public/progress',
    {
      config: { access: 'public', rateLimit: lookups },
      schema: {
        summary: "办件进度查询 Look up a case's progress",
        tags: ['公开查询 public'],
        querystring: s.progressQuery,
        response: { 200: s.progressSchema },
      },
    },
    async (req) => publicProgress(ctx, req.query),
  );
}
