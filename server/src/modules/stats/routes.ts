import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import * as s from './schema.ts';
import { drill, liveFloor } from './drill-service.ts';
import { overview, overviewXlsx } from './overview-service.ts';
import * as service from './service.ts';

export function statsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['统计 stats'];
  // The forecast sits beside the roster: those who keep the roster (supervisor, station head) see and set it.
  const access = 'staff.manage' as const;

  r.get(
    '/api/stats/staffing/erlang-c',
    {
      config: { access },
      schema: {
        summary: 'Erlang C 人员测算 Erlang C staffing calculation',
        tags,
        querystring: s.erlangCQuery,
        response: { 200: s.erlangCSchema },
      },
    },
    async (req) => service.erlangC(req.query),
  );
  r.get(
    '/api/stats/staffing/target',
    {
      config: { access },
      schema: {
        summary: '服务目标 The staffing service target',
        tags,
        querystring: s.staffingTargetQuery,
        response: { 200: s.staffingTargetSchema },
      },
    },
    async (req) => service.staffingTarget(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/stats/staffing/target',
    {
      config: { access },
      schema: {
        summary: '设置服务目标 Set the staffing service target',
        tags,
        body: s.staffingTargetInput,
        response: { 200: s.staffingTargetSchema },
      },
    },
    async (req) => service.saveStaffingTarget(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/stats/staffing/forecast',
    {
      config: { access },
      schema: {
        summary: '人员配置预测 Staffing forecast',
        tags,
        querystring: s.forecastQuery,
        response: { 200: s.forecastSchema },
      },
    },
    async (req) => service.staffingForecast(ctx, actorOf(req), req.query.hallId, req.query.week),
  );

  // 统计分析: for those who watch the hall's figures (supervisor, station head, inspector).
  r.get(
    '/api/stats/overview',
    {
      config: { access: 'supervision.view' },
      schema: {
        summary: '统计总览 Statistics overview',
        tags,
        querystring: s.overviewQuery,
        response: { 200: s.overviewSchema },
      },
    },
    async (req) => overview(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/overview/records',
    {
      config: { access: 'supervision.view' },
      schema: {
        summary: '统计明细 Records behind a figure',
        tags,
        querystring: s.drillQuery,
        response: { 200: s.drillSchema },
      },
    },
    async (req) => drill(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/floor',
    {
      config: { access: 'supervision.view' },
      schema: {
        summary: '大厅现场统计 Hall floor figures',
        tags,
        querystring: s.floorQuery,
        response: { 200: s.floorSchema },
      },
    },
    async (req) => liveFloor(ctx, actorOf(req), req.query.hallId),
  );
  r.get(
    '/api/stats/overview/export',
    {
      config: { access: 'supervision.view', auditRead: 'stats_overview_export' },
      schema: {
        summary: '导出统计总览 Export the overview',
        tags,
        querystring: s.overviewQuery,
        response: { 200: z.any().describe('.xlsx workbook, one sheet per table') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await overviewXlsx(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
}
