import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 上报主管: raise on a case, decide once, the pending list and its count. The service checks the posts. */
export function escalationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['上报主管 escalations'];

  r.get(
    '/api/cases/:id/escalations',
    {
      config: { access: 'case.read' },
      schema: {
        summary: "办件上报记录 A case's escalations",
        tags,
        params: idParams,
        response: { 200: s.caseEscalationsSchema },
      },
    },
    async (req) => service.caseEscalations(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/escalations',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '上报主管 Escalate to a supervisor',
        tags,
        params: idParams,
        body: s.raiseInput,
        response: { 200: s.caseEscalationsSchema },
      },
    },
    async (req) => service.raiseEscalation(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/escalations/:id/decision',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '主管决定 Decide an escalation',
        tags,
        params: idParams,
        body: s.decideInput,
        response: { 200: s.escalationSchema },
      },
    },
    async (req) => service.decideEscalation(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/escalations/pending',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '待决定上报 Pending escalations',
        tags,
        querystring: z.object({ hallId: z.string().max(64).optional() }),
        response: { 200: s.pendingSchema },
      },
    },
    async (req) => service.pendingEscalations(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/escalations/pending-count',
    {
      config: { access: 'user' },
      schema: { summary: '待决定上报数 Pending escalation count', tags, response: { 200: s.pendingCountSchema } },
    },
    async (req) => service.pendingCount(ctx, actorOf(req)),
  );
}
