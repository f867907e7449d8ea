import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { paperReceiptBlank } from './paper-receipt-pdf.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function emergencyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['应急 emergency'];
  const record = 'incident.record' as const;
  const manage = 'emergency.manage' as const;
  const incident = { 200: s.incidentSchema };

  r.get(
    '/api/emergency/plans',
    {
      config: { access: record },
      schema: {
        summary: '应急预案 List emergency plans',
        tags,
        querystring: s.hallQuery,
        response: { 200: z.object({ items: z.array(s.planSchema) }) },
      },
    },
    async (req) => service.listPlans(ctx, actorOf(req), req.query.hallId),
  );
  r.post(
    '/api/emergency/plans',
    {
      config: { access: manage },
      schema: {
        summary: '新建应急预案 Create an emergency plan',
        tags,
        body: s.planInput,
        response: { 201: s.planSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPlan(ctx, actorOf(req), req.body)),
  );
  r.put(
    '/api/emergency/plans/:id',
    {
      config: { access: manage },
      schema: {
        summary: '修改应急预案 Update an emergency plan',
        tags,
        params: idParams,
        body: s.planInput,
        response: { 200: s.planSchema },
      },
    },
    async (req) => service.updatePlan(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/emergency/drills',
    {
      config: { access: record },
      schema: {
        summary: '应急演练 List drills',
        tags,
        querystring: s.hallQuery,
        response: { 200: z.object({ items: z.array(s.drillSchema) }) },
      },
    },
    async (req) => service.listDrills(ctx, actorOf(req), req.query.hallId),
  );
  r.post(
    '/api/emergency/drills',
    {
      config: { access: manage },
      schema: { summary: '登记应急演练 Record a drill', tags, body: s.drillInput, response: { 201: s.drillSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.recordDrill(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/emergency/incidents',
    {
      config: { access: record },
      schema: {
        summary: '突发事件 List incidents',
        tags,
        querystring: s.incidentQuery,
        response: { 200: z.object({ items: z.array(s.incidentSchema) }) },
      },
    },
    async (req) => service.listIncidents(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/emergency/incidents',
    {
      config: { access: record },
      schema: {
        summary: '登记突发事件 Record an incident',
        tags,
        body: s.incidentInput,
        response: { 201: s.incidentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.openIncident(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/emergency/incidents/:id/actions',
    {
      config: { access: record },
      schema: {
        summary: '登记处置措施 Record an action on an incident',
        tags,
        params: idParams,
        body: s.actionInput,
        response: incident,
      },
    },
    async (req) => service.recordAction(ctx, actorOf(req), req.params.id, req.body.text),
  );
  r.post(
    '/api/emergency/incidents/:id/close',
    {
      config: { access: manage },
      schema: {
        summary: '结束突发事件 Close an incident',
        tags,
        params: idParams,
        body: s.closeInput,
        response: incident,
      },
    },
    async (req) => service.closeIncident(ctx, actorOf(req), req.params.id, req.body.review),
  );
  r.get(
    '/api/emergency/crowding',
    {
      config: { access: record },
      schema: {
        summary: '人流拥挤状态 Crowding state',
        tags,
        querystring: z.object({ hallId: z.string().min(1).max(64) }),
        response: { 200: s.crowdingSchema },
      },
    },
    async (req) => service.crowding(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/emergency/crowding',
    {
      config: { access: manage },
      schema: {
        summary: '设置人流拥挤状态 Set the crowding state',
        tags,
        body: s.thresholdsInput,
        response: { 200: s.crowdingSchema },
      },
    },
    async (req) => service.saveThresholds(ctx, actorOf(req), req.body),
  );
  // The hall display asks for the notice; it is public like the display itself.
  r.get(
    '/api/public/halls/:id/crowding-notice',
    {
      config: { access: 'public' },
      schema: {
        summary: "大厅拥挤提示 A hall's crowding notice",
        tags,
        params: idParams,
        response: { 200: z.object({ notice: z.string().nullable() }) },
      },
    },
    async (req) => service.crowdingNotice(ctx, req.params.id),
  );
  // 纸质回执空白表: printed in advance and kept at each window for an outage.
  r.get(
    '/api/emergency/paper-receipt.pdf',
    {
      config: { access: 'reception.register' },
      schema: {
        summary: '停机纸质收件单 Paper receipt for an outage',
        tags,
        querystring: z.object({ hallId: z.string().min(1).max(64) }),
        response: { 200: z.any().describe('A4 PDF') },
      },
    },
    async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('纸质回执空白表.pdf')}`)
        .send(await renderPdf(paperReceiptBlank(await service.hallName(ctx, actorOf(req), req.query.hallId)))),
  );
}
