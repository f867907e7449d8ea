import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 奖惩 (records and the person's acknowledgement), 例会 (minutes, follow-ups) and one's own work list. */
export function conductRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['奖惩与例会 conduct and meetings'];

  r.get(
    '/api/conduct/records',
    {
      config: { access: 'conduct.manage' },
      schema: {
        summary: '奖惩记录 List commendations and discipline',
        tags,
        querystring: s.conductQuery,
        response: { 200: listOf(s.conductSchema) },
      },
    },
    async (req) => service.listConduct(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/conduct/records',
    {
      config: { access: 'conduct.manage' },
      schema: {
        summary: '登记奖惩 Record a commendation or discipline',
        tags,
        body: s.conductInput,
        response: { 201: s.conductSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordConduct(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/conduct/records/:id/acknowledge',
    {
      config: { access: 'user' },
      schema: {
        summary: '确认奖惩记录 Acknowledge a record',
        tags,
        params: idParams,
        body: s.acknowledgeInput,
        response: { 200: s.conductSchema },
      },
    },
    async (req) => service.acknowledgeConduct(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.get(
    '/api/meetings',
    {
      config: { access: 'conduct.manage' },
      schema: {
        summary: '例会列表 List meetings',
        tags,
        querystring: s.meetingQuery,
        response: { 200: listOf(s.meetingSchema) },
      },
    },
    async (req) => service.listMeetings(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/meetings',
    {
      config: { access: 'conduct.manage' },
      schema: { summary: '登记例会 Record a meeting', tags, body: s.meetingInput, response: { 201: s.meetingSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.recordMeeting(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/meetings/:id',
    {
      config: { access: 'conduct.manage' },
      schema: { summary: '例会详情 Meeting detail', tags, params: idParams, response: { 200: s.meetingSchema } },
    },
    async (req) => service.getMeeting(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/meeting-tasks/:id/done',
    {
      config: { access: 'user' },
      schema: {
        summary: '完成例会任务 Finish a meeting task',
        tags,
        params: idParams,
        body: s.taskDoneInput,
        response: { 200: s.taskSchema },
      },
    },
    async (req) => service.finishTask(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.get(
    '/api/my/work',
    {
      config: { access: 'user' },
      schema: {
        summary: '我的例会任务 My meeting tasks',
        tags,
        querystring: z.object({ includeDone: z.enum(['true', 'false']).default('false') }),
        response: { 200: s.myWorkSchema },
      },
    },
    async (req) => service.myWork(ctx, actorOf(req), req.query.includeDone === 'true'),
  );
}
