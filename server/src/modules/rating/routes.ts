import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import { installStreamShutdown, serveEventStream } from '../queue/service.ts';
import { caseRatingRoutes } from './case-rating-routes.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function ratingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['现场评价 on-site rating'];
  installStreamShutdown(app);

  // The window's rating pad: a tablet facing the applicant, authorised by its own token (header, or query for the stream).
  r.get(
    '/api/public/pads/:windowId',
    {
      config: { access: 'public' },
      schema: {
        summary: "评价器状态 The rating pad's state",
        tags,
        params: s.windowParams,
        headers: s.padHeaders,
        response: { 200: s.padStateSchema },
      },
    },
    async (req) => service.padState(ctx, req.params.windowId, req.headers['x-pad-token']),
  );
  r.get(
    '/api/public/pads/:windowId/stream',
    {
      config: { access: 'public' },
      schema: {
        summary: "评价器推送 The rating pad's event stream",
        tags,
        params: s.windowParams,
        querystring: s.padStreamQuery,
        response: { 200: z.string().describe('text/event-stream: finish, rated') },
      },
    },
    async (req, reply) => {
      const window = await service.checkPad(ctx, req.params.windowId, req.query.token);
      serveEventStream(app, req, reply, (send) => service.subscribePad(ctx, window.hall_id, window.id, send));
    },
  );
  r.post(
    '/api/public/pads/:windowId/ratings',
    {
      config: { access: 'public' },
      schema: {
        summary: '现场评价 Rate the service at the window',
        tags,
        params: s.windowParams,
        headers: s.padHeaders,
        body: s.ratingInput,
        response: { 201: s.ratingSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.rateService(ctx, req.params.windowId, req.headers['x-pad-token'], req.body)),
  );

  r.post(
    '/api/rating/pads/:windowId/token',
    {
      config: { access: 'queue.manage' },
      schema: {
        summary: '评价器令牌 Issue a rating pad token',
        tags,
        params: s.windowParams,
        response: { 201: s.padTokenSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.issuePadToken(ctx, actorOf(req), req.params.windowId)),
  );

  r.get(
    '/api/rating/follow-ups',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '差评回访列表 Bad on-site ratings to call back',
        tags,
        querystring: s.followUpQuery,
        response: { 200: listOf(s.followUpSchema) },
      },
    },
    async (req) => service.listFollowUps(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/rating/follow-ups/:id/call-back',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '差评回访 Record a call-back',
        tags,
        params: idParams,
        body: s.callBackInput,
        response: { 200: s.followUpSchema },
      },
    },
    async (req) => service.recordCallBack(ctx, actorOf(req), req.params.id, req.body.note),
  );
  caseRatingRoutes(app, ctx);
}
