import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 监督检查与整改: samples of case records, service-norm checks, rectification notices, the quality report. */
export function inspectionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['监督检查与整改 inspections'];
  const manage = { access: 'inspection.manage' } as const;

  r.post(
    '/api/inspections/samples',
    {
      config: manage,
      schema: {
        summary: '抽取检查样本 Draw an inspection sample',
        tags,
        body: s.sampleInput,
        response: { 201: s.inspectionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.drawInspectionSample(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/inspections/norms',
    {
      config: manage,
      schema: {
        summary: '登记规范检查 Record a conduct check',
        tags,
        body: s.normInput,
        response: { 201: s.inspectionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordNormCheck(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/inspections',
    {
      config: manage,
      schema: {
        summary: '检查列表 List inspections',
        tags,
        querystring: s.inspectionQuery,
        response: { 200: listOf(s.inspectionSchema) },
      },
    },
    async (req) => service.listInspections(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/inspections/report',
    {
      config: manage,
      schema: {
        summary: '检查汇总 Inspection report',
        tags,
        querystring: s.reportQuery,
        response: { 200: s.qualityReportSchema },
      },
    },
    async (req) => service.qualityReport(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/inspections/report/export',
    {
      config: manage,
      schema: {
        summary: '导出检查汇总 Export the inspection report',
        tags,
        querystring: s.reportQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await service.qualityReportXlsx(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
  r.get(
    '/api/inspections/:id',
    {
      config: manage,
      schema: { summary: '检查详情 Inspection detail', tags, params: idParams, response: { 200: s.inspectionSchema } },
    },
    async (req) => service.getInspection(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/inspection-items/:id/findings',
    {
      config: manage,
      schema: {
        summary: '登记检查结论 Record a finding',
        tags,
        params: idParams,
        body: s.findingInput,
        response: { 200: s.inspectionSchema },
      },
    },
    async (req) => service.recordFinding(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/rectifications',
    {
      config: { access: 'user' },
      schema: {
        summary: '整改列表 List rectifications',
        tags,
        querystring: s.rectificationQuery,
        response: { 200: listOf(s.rectificationSchema) },
      },
    },
    async (req) => service.listRectifications(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/rectifications/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: '整改详情 Rectification detail',
        tags,
        params: idParams,
        response: { 200: s.rectificationSchema },
      },
    },
    async (req) => service.getRectification(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/rectifications/:id/report',
    {
      config: { access: 'user' },
      schema: {
        summary: '报告整改 Report a rectification',
        tags,
        params: idParams,
        body: s.reportInput,
        response: { 200: s.rectificationSchema },
      },
    },
    async (req) => service.reportRectification(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/rectifications/:id/verify',
    {
      config: manage,
      schema: {
        summary: '验收整改 Verify a rectification',
        tags,
        params: idParams,
        body: s.verifyInput,
        response: { 200: s.rectificationSchema },
      },
    },
    async (req) => service.verifyRectification(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/rectifications/:id/evidence',
    {
      config: { access: 'user', auditRead: 'rectification_evidence' },
      schema: {
        summary: '下载整改材料 Download rectification evidence',
        tags,
        params: idParams,
        response: { 200: z.any().describe('the evidence file') },
      },
    },
    async (req, reply) => {
      const f = await service.evidenceFile(ctx, actorOf(req), req.params.id);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  );
}
