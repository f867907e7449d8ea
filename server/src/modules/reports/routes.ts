import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';
import * as tasks from './tasks-service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (reply: FastifyReply, type: string, fileName: string, bytes: Buffer) =>
  reply
    .type(type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(bytes);

/** 工作报告 (R16.2), 上报记录 and 上级交办事项 (R19.15). */
export function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['工作报告 reports'];
  const manage = { access: 'report.manage' } as const;

  r.get(
    '/api/reports',
    {
      config: manage,
      schema: {
        summary: '工作报告列表 List reports',
        tags,
        querystring: s.reportQuery,
        response: { 200: listOf(s.reportSchema) },
      },
    },
    async (req) => service.listReports(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/reports',
    {
      config: manage,
      schema: {
        summary: '生成工作报告 Draw up a report',
        tags,
        body: s.generateInput,
        response: { 201: s.reportDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.generateReport(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/reports/:id',
    {
      config: manage,
      schema: {
        summary: '工作报告详情 Report detail',
        tags,
        params: idParams,
        response: { 200: s.reportDetailSchema },
      },
    },
    async (req) => service.reportDetail(ctx, actorOf(req), req.params.id),
  );
  r.put(
    '/api/reports/:id/next-steps',
    {
      config: manage,
      schema: {
        summary: '填写下步计划 Write the next steps',
        tags,
        params: idParams,
        body: s.nextStepsInput,
        response: { 200: s.reportDetailSchema },
      },
    },
    async (req) => service.setNextSteps(ctx, actorOf(req), req.params.id, req.body.text),
  );
  const fileSummary = { pdf: '工作报告 PDF A report as PDF', xlsx: '工作报告 Excel A report as a workbook' } as const;
  for (const kind of ['pdf', 'xlsx'] as const)
    r.get(
      `/api/reports/:id/${kind}`,
      {
        config: { ...manage, auditRead: `periodic_report_${kind}` },
        schema: {
          summary: fileSummary[kind],
          tags,
          params: idParams,
          response: { 200: z.any().describe(`the stored .${kind}`) },
        },
      },
      async (req, reply) => {
        const f = await service.reportFile(ctx, actorOf(req), req.params.id, kind);
        return attachment(reply, kind === 'pdf' ? 'application/pdf' : XLSX, f.fileName, f.bytes);
      },
    );

  r.post(
    '/api/reports/:id/submissions',
    {
      config: manage,
      schema: {
        summary: '报送上级 Submit a report upward',
        tags,
        params: idParams,
        body: s.submissionInput,
        response: { 201: s.submissionSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.recordSubmission(ctx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/report-submissions',
    {
      config: manage,
      schema: {
        summary: '报送记录 List submissions',
        tags,
        querystring: s.submissionQuery,
        response: { 200: listOf(s.submissionSchema) },
      },
    },
    async (req) => service.listSubmissions(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/report-submissions/export',
    {
      config: { ...manage, auditRead: 'report_submissions_export' },
      schema: {
        summary: '导出报送记录 Export submissions',
        tags,
        querystring: s.submissionQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await service.submissionsXlsx(ctx, actorOf(req), req.query);
      return attachment(reply, XLSX, fileName, xlsx);
    },
  );

  // 上级交办事项: managers keep them; the owner (any signed-in person) sees and works their own.
  r.get(
    '/api/handed-down-tasks',
    {
      config: { access: 'user' },
      schema: {
        summary: '上级交办任务 List tasks from superiors',
        tags,
        querystring: s.taskQuery,
        response: { 200: listOf(s.taskSchema) },
      },
    },
    async (req) => tasks.listTasks(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/handed-down-tasks/owners',
    {
      config: manage,
      schema: {
        summary: '可负责人员 People to own a task',
        tags,
        querystring: z.object({ hallId: z.string().min(1) }),
        response: { 200: listOf(z.object({ id: z.string(), displayName: z.string() })) },
      },
    },
    async (req) => tasks.possibleOwners(ctx, actorOf(req), req.query.hallId),
  );
  r.post(
    '/api/handed-down-tasks',
    {
      config: manage,
      schema: {
        summary: '登记交办任务 Record a task from superiors',
        tags,
        body: s.taskInput,
        response: { 201: s.taskSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await tasks.createTask(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/handed-down-tasks/:id',
    {
      config: { access: 'user' },
      schema: { summary: '交办任务详情 Task detail', tags, params: idParams, response: { 200: s.taskSchema } },
    },
    async (req) => tasks.getTask(ctx, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/handed-down-tasks/:id',
    {
      config: manage,
      schema: {
        summary: '修改交办任务 Update a task',
        tags,
        params: idParams,
        body: s.taskPatch,
        response: { 200: s.taskSchema },
      },
    },
    async (req) => tasks.updateTask(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/handed-down-tasks/:id/progress',
    {
      config: { access: 'user' },
      schema: {
        summary: "报告任务进展 Report a task's progress",
        tags,
        params: idParams,
        body: s.noteInput,
        response: { 200: s.taskSchema },
      },
    },
    async (req) => tasks.reportProgress(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/handed-down-tasks/:id/complete',
    {
      config: { access: 'user' },
      schema: {
        summary: '完成交办任务 Complete a task',
        tags,
        params: idParams,
        body: s.noteInput,
        response: { 200: s.taskSchema },
      },
    },
    async (req) => tasks.completeTask(ctx, actorOf(req), req.params.id, req.body.note),
  );
}
