import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function supervisionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['电子监察 supervision'];

  r.get(
    '/api/supervision/board',
    {
      config: { access: 'supervision.view' },
      schema: {
        summary: '电子监察看板 The supervision board',
        tags,
        querystring: s.boardQuery,
        response: { 200: s.boardSchema },
      },
    },
    async (req) => service.board(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/supervision/on-time',
    {
      config: { access: 'supervision.view' },
      schema: {
        summary: '按时办结率 On-time completion rate',
        tags,
        querystring: s.onTimeQuery,
        response: { 200: s.onTimeSchema },
      },
    },
    async (req) => service.onTime(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/supervision/on-time/cases',
    {
      config: { access: 'supervision.view' },
      schema: {
        summary: '按时办结明细 On-time completion cases',
        tags,
        querystring: s.onTimeCasesQuery,
        response: { 200: s.onTimeCasesSchema },
      },
    },
    async (req) => service.onTimeCases(ctx, actorOf(req), req.query),
  );

  // Every member of staff has their own alerts.
  r.get(
    '/api/alerts',
    {
      config: { access: 'user' },
      schema: { summary: '预警提醒 List alerts', tags, querystring: s.alertsQuery, response: { 200: s.alertsSchema } },
    },
    async (req) => service.myAlerts(ctx, actorOf(req), req.query.limit),
  );
  r.post(
    '/api/alerts/:id/read',
    {
      config: { access: 'user' },
      schema: { summary: '标记预警已读 Mark an alert read', tags, params: idParams, response: { 200: s.alertSchema } },
    },
    async (req) => service.markAlertRead(ctx, actorOf(req), req.params.id),
  );
}
