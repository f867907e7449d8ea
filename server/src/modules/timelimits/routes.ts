import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import { caseDetailSchema } from '../cases/schema.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** Suspensions, extensions and re-computation. Which posts may suspend or ask is the state machine's to say. */
export function timelimitRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['办理时限 time limits'];
  const detail = { 200: caseDetailSchema };

  r.post(
    '/api/cases/:id/suspend',
    {
      config: { access: 'case.read' },
      schema: { summary: '暂停计时 Suspend the clock', tags, params: idParams, body: s.suspendInput, response: detail },
    },
    async (req) => service.suspendClock(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/resume',
    {
      config: { access: 'case.read' },
      schema: { summary: '恢复计时 Resume the clock', tags, params: idParams, response: detail },
    },
    async (req) => service.resumeClock(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/extensions',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '申请延期 Ask for an extension',
        tags,
        params: idParams,
        body: s.extensionInput,
        response: detail,
      },
    },
    async (req) => service.requestExtension(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/extensions/:extId/approve',
    {
      config: { access: 'case.extend.approve' },
      schema: {
        summary: '批准延期 Approve an extension',
        tags,
        params: s.extensionParams,
        body: s.approveInput,
        response: detail,
      },
    },
    async (req) => service.approveExtension(ctx, actorOf(req), req.params.id, req.params.extId, req.body.note),
  );
  r.post(
    '/api/cases/:id/extensions/:extId/refuse',
    {
      config: { access: 'case.extend.approve' },
      schema: {
        summary: '驳回延期 Refuse an extension',
        tags,
        params: s.extensionParams,
        body: s.refuseInput,
        response: detail,
      },
    },
    async (req) => service.refuseExtension(ctx, actorOf(req), req.params.id, req.params.extId, req.body.reason),
  );
  r.post(
    '/api/timelimits/recompute',
    {
      config: { access: 'timelimits.recompute' },
      schema: {
        summary: '重算办理期限 Recompute deadlines',
        tags,
        body: s.recomputeInput,
        response: { 200: s.recomputeSchema },
      },
    },
    async (req) => service.recomputeDeadlines(ctx, actorOf(req), req.body.hallId),
  );
}
