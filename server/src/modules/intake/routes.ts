import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import { caseDetailSchema } from '../cases/schema.ts';
import { acceptOnTheSpot } from './on-the-spot.ts';
import { backEnter } from './back-entry.ts';
import * as s from './schema.ts';
import * as service from './service.ts';
import * as supplement from './supplement-service.ts';

export function intakeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['收件受理 reception'];
  const access = 'reception.register' as const;
  const detail = { 200: caseDetailSchema };

  r.post(
    '/api/intake/receptions',
    {
      config: { access },
      schema: {
        summary: '收件 Receive an application',
        tags,
        body: s.receptionInput,
        response: { 201: caseDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.registerReception(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/intake/acceptances',
    {
      config: { access },
      schema: {
        summary: '当场受理 Register and accept in one step',
        tags,
        body: s.receptionInput,
        response: { 201: s.acceptanceSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await acceptOnTheSpot(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/intake/back-entries',
    {
      config: { access },
      schema: {
        summary: '补录办件 Enter a case after the fact',
        tags,
        body: s.backEntryInput,
        response: { 201: caseDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await backEnter(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/cases/:id/accept',
    { config: { access }, schema: { summary: '受理 Accept a case', tags, params: idParams, response: detail } },
    async (req) => service.acceptCase(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/accept-deferred',
    {
      config: { access },
      schema: {
        summary: '容缺受理 Accept with materials deferred',
        tags,
        params: idParams,
        body: s.deferredInput,
        response: detail,
      },
    },
    async (req) => service.acceptWithDeferral(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/one-time-notice',
    {
      config: { access },
      schema: {
        summary: '一次性告知 Issue a one-time notice of missing materials',
        tags,
        params: idParams,
        body: s.noticeInput,
        response: detail,
      },
    },
    async (req) => supplement.issueOneTimeNotice(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/refuse',
    {
      config: { access },
      schema: {
        summary: '不予受理 Refuse to accept a case',
        tags,
        params: idParams,
        body: s.refusalInput,
        response: detail,
      },
    },
    async (req) => service.refuseAcceptance(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/supplement',
    {
      config: { access },
      schema: {
        summary: '补齐材料 Hand in the missing materials',
        tags,
        params: idParams,
        body: s.supplementInput,
        response: detail,
      },
    },
    async (req) => supplement.supplementMaterials(ctx, actorOf(req), req.params.id, req.body),
  );
}
