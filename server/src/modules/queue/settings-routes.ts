import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as figures from './figures-service.ts';
import * as hours from './hours-service.ts';
import * as s from './schema.ts';
import * as settings from './settings-service.ts';
import * as windows from './window-service.ts';

/** The routes that keep the floor (the manager's settings and the day's figures), beside the ones that run it. */
export function queueSettingsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['排队叫号 hall floor'];
  const serve = { access: 'queue.serve' } as const;
  const manage = { access: 'queue.manage' } as const;
  const windowView = { 200: s.windowViewSchema };

  // Keeping the floor: categories, weights and limits, opening hours; the estimate's accuracy for statistics.
  r.get(
    '/api/queue/categories',
    {
      config: { access: 'user' },
      schema: {
        summary: '业务类别 List queue categories',
        tags,
        querystring: s.hallParams,
        response: { 200: listOf(s.categorySchema) },
      },
    },
    async (req) => {
      const items = await settings.listCategories(ctx, actorOf(req), req.query.hallId);
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/queue/categories',
    {
      config: manage,
      schema: {
        summary: '新建业务类别 Create a queue category',
        tags,
        body: s.categoryInput,
        response: { 201: s.categorySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await settings.createCategory(ctx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/queue/categories/:id',
    {
      config: manage,
      schema: {
        summary: '修改业务类别 Update a queue category',
        tags,
        params: idParams,
        body: s.categoryPatch,
        response: { 200: s.categorySchema },
      },
    },
    async (req) => settings.updateCategory(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/queue/halls/:hallId/settings',
    {
      config: { access: 'user' },
      schema: {
        summary: "叫号设置 A hall's queue settings",
        tags,
        params: s.hallParams,
        response: { 200: s.hallSettingsSchema },
      },
    },
    async (req) => settings.hallSettings(ctx, actorOf(req), req.params.hallId),
  );
  r.put(
    '/api/queue/halls/:hallId/settings',
    {
      config: manage,
      schema: {
        summary: "修改叫号设置 Update a hall's queue settings",
        tags,
        params: s.hallParams,
        body: s.hallSettingsSchema,
        response: { 200: s.hallSettingsSchema },
      },
    },
    async (req) => settings.saveHallSettings(ctx, actorOf(req), req.params.hallId, req.body),
  );
  r.put(
    '/api/queue/windows/:windowId/settings',
    {
      config: manage,
      schema: {
        summary: "修改窗口叫号设置 Update a window's queue settings",
        tags,
        params: s.windowParams,
        body: s.windowSettingsInput,
        response: windowView,
      },
    },
    async (req) => windows.saveWindowSettings(ctx, actorOf(req), req.params.windowId, req.body),
  );
  r.get(
    '/api/queue/halls/:hallId/hours',
    {
      config: { access: 'user' },
      schema: {
        summary: "取号时间 A hall's ticket hours",
        tags,
        params: s.hallParams,
        response: { 200: s.hallHoursSchema },
      },
    },
    async (req) => hours.hallHours(ctx, actorOf(req), req.params.hallId),
  );
  r.put(
    '/api/queue/halls/:hallId/hours',
    {
      config: manage,
      schema: {
        summary: "修改取号时间 Update a hall's ticket hours",
        tags,
        params: s.hallParams,
        body: s.hallHoursInput,
        response: { 200: s.hallHoursSchema },
      },
    },
    async (req) => hours.saveHallHours(ctx, actorOf(req), req.params.hallId, req.body.weeklyHours),
  );
  r.get(
    '/api/queue/day-summary',
    {
      config: serve,
      schema: {
        summary: "当日排队汇总 Today's queue summary",
        tags,
        querystring: s.daySummaryQuery,
        response: { 200: s.daySummarySchema },
      },
    },
    async (req) => figures.daySummary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/queue/estimate-accuracy',
    {
      config: manage,
      schema: {
        summary: '等候时间预估准确度 Accuracy of wait estimates',
        tags,
        querystring: s.accuracyQuery,
        response: { 200: s.accuracySchema },
      },
    },
    async (req) => figures.estimateAccuracy(ctx, actorOf(req), req.query),
  );
}
