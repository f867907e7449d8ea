import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import { windowViewSchema } from '../queue/schema.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function staffRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['窗口人员 staff'];
  const manage = 'staff.manage' as const;
  const self = 'staff.self' as const;
  const ok = { 200: z.object({ ok: z.boolean() }) };

  r.get(
    '/api/staff/people',
    {
      config: { access: manage, auditRead: 'staff_files' },
      schema: {
        summary: '人员档案 List staff',
        tags,
        querystring: s.hallQuery,
        response: { 200: z.object({ items: z.array(s.staffFileSchema) }) },
      },
    },
    async (req) => service.listStaffFiles(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/staff/people/:id/profile',
    {
      config: { access: manage },
      schema: {
        summary: '修改人员档案 Update a staff profile',
        tags,
        params: idParams,
        querystring: s.hallQuery,
        body: s.profileInput,
        response: { 200: s.staffFileSchema },
      },
    },
    async (req) => service.saveProfile(ctx, actorOf(req), req.query.hallId, req.params.id, req.body),
  );
  r.get(
    '/api/staff/colleagues',
    {
      config: { access: self },
      schema: {
        summary: '同事列表 List colleagues',
        tags,
        querystring: s.hallQuery,
        response: {
          200: z.object({
            items: z.array(z.object({ userId: z.string(), name: z.string(), posts: z.array(z.string()) })),
          }),
        },
      },
    },
    async (req) => service.colleagues(ctx, actorOf(req), req.query.hallId),
  );
  r.get(
    '/api/staff/pairs',
    {
      config: { access: self },
      schema: {
        summary: 'AB 岗 List AB posts',
        tags,
        querystring: s.hallQuery,
        response: { 200: z.object({ items: z.array(s.pairSchema) }) },
      },
    },
    async (req) => service.listPairs(ctx, actorOf(req), req.query.hallId),
  );
  r.post(
    '/api/staff/pairs',
    {
      config: { access: manage },
      schema: { summary: '设置 AB 岗 Pair an AB post', tags, body: s.pairInput, response: { 201: s.pairSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addPair(ctx, actorOf(req), req.body)),
  );
  r.delete(
    '/api/staff/pairs/:id',
    {
      config: { access: manage },
      schema: { summary: '解除 AB 岗 Remove an AB post', tags, params: idParams, response: ok },
    },
    async (req) => service.removePair(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/staff/roster',
    {
      config: { access: self },
      schema: { summary: '排班表 The roster', tags, querystring: s.rosterQuery, response: { 200: s.rosterSchema } },
    },
    async (req) => service.roster(ctx, actorOf(req), req.query.hallId, req.query.week),
  );
  r.put(
    '/api/staff/roster',
    {
      config: { access: manage },
      schema: { summary: '排班 Set the roster', tags, body: s.rosterInput, response: { 200: s.rosterSchema } },
    },
    async (req) => service.saveRoster(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/staff/roster/copy',
    {
      config: { access: manage },
      schema: { summary: '复制排班 Copy a roster', tags, body: s.rosterCopyInput, response: { 200: s.rosterSchema } },
    },
    async (req) => service.copyRoster(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/staff/clock',
    {
      config: { access: self },
      schema: { summary: '打卡 Clock in or out', tags, body: s.clockInput, response: { 201: s.clockSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.clock(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/staff/attendance',
    {
      config: { access: manage },
      schema: { summary: '考勤记录 Attendance', tags, querystring: s.monthQuery, response: { 200: s.sheetSchema } },
    },
    async (req) => service.attendanceSheet(ctx, actorOf(req), req.query.hallId, req.query.month),
  );
  r.get(
    '/api/staff/attendance/export',
    {
      config: { access: manage, auditRead: 'attendance_export' },
      schema: {
        summary: '导出考勤 Export attendance',
        tags,
        querystring: s.monthQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await service.exportAttendance(ctx, actorOf(req), req.query.hallId, req.query.month);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
  r.get(
    '/api/staff/leaves',
    {
      config: { access: self },
      schema: {
        summary: '请假列表 List leaves',
        tags,
        querystring: s.leaveQuery,
        response: { 200: z.object({ items: z.array(s.leaveSchema) }) },
      },
    },
    async (req) => service.listLeaves(ctx, actorOf(req), req.query.hallId, req.query.status),
  );
  r.post(
    '/api/staff/leaves',
    {
      config: { access: self },
      schema: { summary: '请假 Ask for leave', tags, body: s.leaveInput, response: { 201: s.leaveSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.requestLeave(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/staff/leaves/:id/confirm',
    {
      config: { access: self },
      schema: {
        summary: '确认顶岗 Confirm covering a leave',
        tags,
        params: idParams,
        response: { 200: s.leaveSchema },
      },
    },
    async (req) => service.confirmLeave(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/staff/leaves/:id/decide',
    {
      config: { access: 'staff.leave.approve' },
      schema: {
        summary: '审批请假 Decide a leave',
        tags,
        params: idParams,
        body: s.leaveDecisionInput,
        response: { 200: s.leaveSchema },
      },
    },
    async (req) => service.decideLeave(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/staff/leaves/:id/cancel',
    {
      config: { access: self },
      schema: { summary: '撤销请假 Cancel a leave', tags, params: idParams, response: { 200: s.leaveSchema } },
    },
    async (req) => service.cancelLeave(ctx, actorOf(req), req.params.id),
  );
  // AB岗: B takes over the window of the person B covers now and serves its queue (B代A).
  r.post(
    '/api/staff/cover/windows/:windowId',
    {
      config: { access: 'queue.serve' },
      schema: {
        summary: 'B 岗代岗 Cover a window (B for A)',
        tags,
        params: z.object({ windowId: z.string().min(1).max(64) }),
        response: { 200: windowViewSchema },
      },
    },
    async (req) => service.coverWindow(ctx, actorOf(req), req.params.windowId),
  );
  r.get(
    '/api/staff/me/cover',
    {
      config: { access: self },
      schema: { summary: '我的代岗 Whom I cover now', tags, response: { 200: s.myCoverSchema } },
    },
    async (req) => service.myCover(ctx, actorOf(req)),
  );
  r.get(
    '/api/staff/uncovered',
    {
      config: { access: manage },
      schema: {
        summary: '无人值守窗口 Windows left uncovered',
        tags,
        querystring: s.hallQuery,
        response: { 200: s.uncoveredSchema },
      },
    },
    async (req) => service.uncovered(ctx, actorOf(req), req.query.hallId),
  );
}
