import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { throttle } from '../../platform/rate-limit.ts';
import { idParams, pageWindow } from '../../platform/schemas.ts';
import { documentParams, progressQuery } from '../cases/schema.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function townshipRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['县乡联办 township reception'];
  const register = 'reception.register' as const;
  const one = { 200: s.stationCaseSchema };

  r.get(
    '/api/township/items',
    {
      config: { access: register },
      schema: {
        summary: '可联办事项 Items a township may receive',
        tags,
        querystring: s.stationQuery,
        response: { 200: z.object({ items: z.array(s.stationItemSchema) }) },
      },
    },
    async (req) => ({ items: await service.stationItems(ctx, actorOf(req), req.query.stationHallId) }),
  );
  r.post(
    '/api/township/acceptances',
    {
      config: { access: register },
      schema: {
        summary: '乡镇收件受理 Accept an application in a township',
        tags,
        body: s.stationAcceptInput,
        response: { 201: s.stationCaseSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.acceptAtStation(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/township/cases',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '联办办件列表 List township cases',
        tags,
        querystring: s.stationCaseQuery,
        response: { 200: s.stationCaseListSchema },
      },
    },
    async (req) => service.stationCases(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.get(
    '/api/township/cases/:id',
    {
      config: { access: 'case.read' },
      schema: { summary: '联办办件详情 Township case detail', tags, params: idParams, response: one },
    },
    async (req) => service.stationCase(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/township/cases/:id/notify',
    {
      config: { access: register },
      schema: {
        summary: '通知领取结果 Notify the applicant to collect',
        tags,
        params: idParams,
        body: s.notifyInput,
        response: one,
      },
    },
    async (req) => service.notifyAtStation(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/township/cases/:id/hand-over',
    {
      config: { access: register },
      schema: {
        summary: '乡镇交付结果 Hand the result over in the township',
        tags,
        params: idParams,
        body: s.handOverInput,
        response: one,
      },
    },
    async (req) => service.handOverAtStation(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/township/cases/:id/documents/:docId/pdf',
    {
      config: { access: 'case.read', auditRead: 'case_document' },
      schema: {
        summary: '联办文书 PDF A township case document as PDF',
        tags,
        params: documentParams,
        response: { 200: z.any().describe('A4 PDF (application/pdf)') },
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await service.stationDocument(ctx, actorOf(req), req.params.id, req.params.docId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );
  r.get(
    '/api/township/origins',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '多个办件的收件地 Where several cases were received',
        tags,
        querystring: s.originsQuery,
        response: { 200: s.originsSchema },
      },
    },
    async (req) => service.originsOf(ctx, actorOf(req), req.query.caseIds),
  );
  r.get(
    '/api/cases/:id/township',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '办件收件地 Where a case was received',
        tags,
        params: idParams,
        response: { 200: s.originSchema },
      },
    },
    async (req) => service.originOf(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/public/progress/places',
    {
      config: { access: 'public', rateLimit: throttle(10, 60_000) },
      schema: {
        summary: '办件收件与领取地点 Where a case was received and is collected',
        tags: ['公开查询 public'],
        querystring: progressQuery,
        response: { 200: s.placesSchema },
      },
    },
    async (req) => service.publicPlaces(ctx, req.query),
  );
}
