import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 容缺材料: the deferred materials of a case, their arrival, and ending a case whose promise lapsed (终止). */
export function deferralRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['容缺材料 deferred materials'];

  r.get(
    '/api/cases/:id/deferred-materials',
    {
      config: { access: 'case.read' },
      schema: {
        summary: "容缺材料清单 A case's deferred materials",
        tags,
        params: idParams,
        response: { 200: s.deferralSchema },
      },
    },
    async (req) => service.deferralOf(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/deferred-materials/:key/arrival',
    {
      config: { access: 'reception.register' },
      schema: {
        summary: "登记补交材料 Record a deferred material's arrival",
        tags,
        params: s.materialParams,
        body: s.arrivalInput,
        response: { 200: s.deferralSchema },
      },
    },
    async (req) => service.recordArrival(ctx, actorOf(req), req.params.id, req.params.key, req.body),
  );
  r.post(
    '/api/cases/:id/terminate',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '终止容缺办件 Terminate a case whose materials never came',
        tags,
        params: idParams,
        body: s.terminateInput,
        response: { 200: s.deferralSchema },
      },
    },
    async (req) => service.terminateCase(ctx, actorOf(req), req.params.id, req.body),
  );
}
