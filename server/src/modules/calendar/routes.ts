import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { listOf } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['工作日历 calendar'];

  // Public: the service guide, the reception screen and other systems ask "N working days from this day".
  r.get(
    '/api/calendar/deadline',
    {
      config: { access: 'public' },
      schema: {
        summary: '计算办理期限 Compute a deadline in working days',
        tags,
        querystring: s.deadlineQuery,
        response: { 200: s.deadlineSchema },
      },
    },
    async (req) => service.deadlineFor(ctx, req.query),
  );

  r.get(
    '/api/calendar/month',
    {
      config: { access: 'org.read' },
      schema: {
        summary: '月历 Working-day calendar of a month',
        tags,
        querystring: s.monthQuery,
        response: { 200: s.monthSchema },
      },
    },
    async (req) => service.monthView(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/calendar/status',
    {
      config: { access: 'user' },
      schema: { summary: '日历来源状态 Calendar source status', tags, response: { 200: s.statusSchema } },
    },
    async () => service.calendarStatus(ctx),
  );

  r.put(
    '/api/calendar/halls/:hallId/days/:date',
    {
      config: { access: 'calendar.manage' },
      schema: {
        summary: "设置大厅工作日 Set a hall's working day",
        tags,
        params: s.hallDayParams,
        body: s.hallDayInput.omit({ date: true }),
        response: { 200: z.object({ imported: z.number() }) },
      },
    },
    async (req) => service.setHallDays(ctx, actorOf(req), req.params.hallId, [{ ...req.body, date: req.params.date }]),
  );
  r.delete(
    '/api/calendar/halls/:hallId/days/:date',
    {
      config: { access: 'calendar.manage' },
      schema: {
        summary: "取消大厅日设置 Clear a hall's day setting",
        tags,
        params: s.hallDayParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.removeHallDay(ctx, actorOf(req), req.params.hallId, req.params.date);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/calendar/halls/:hallId/days/import',
    {
      config: { access: 'calendar.manage' },
      schema: {
        summary: "导入大厅日历 Import a hall's calendar",
        tags,
        params: s.hallParams,
        body: s.importInput,
        response: { 200: z.object({ imported: z.number() }) },
      },
    },
    async (req) => service.setHallDays(ctx, actorOf(req), req.params.hallId, req.body.days),
  );

  r.get(
    '/api/calendar/years',
    {
      config: { access: 'org.read' },
      schema: { summary: '节假日年份 Holiday years', tags, response: { 200: listOf(s.yearSchema) } },
    },
    async () => {
      const items = await service.listOfficialYears(ctx);
      return { items, total: items.length };
    },
  );
  r.put(
    '/api/calendar/years/:year',
    {
      config: { access: 'calendar.manage' },
      schema: {
        summary: "设置年度节假日 Set a year's holidays",
        tags,
        params: s.yearParams,
        body: s.yearInput,
        response: { 200: s.yearSchema },
      },
    },
    async (req) => service.loadOfficialYear(ctx, actorOf(req), req.params.year, req.body),
  );
}
