import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { throttle } from '../../platform/rate-limit.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import { findHall } from '../org/service.ts';
import { analyse, analysisXlsx } from './analysis-service.ts';
import * as objections from './objections-service.ts';
import { complaintReplyModel, objectionAnswerModel, renderReply } from './reply-pdf.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 投诉举报 (R9, R19.8) and 异议 (R19.9). Reads are for the desk ('user' + the service's check of the two posts). */
export function complaintRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['投诉举报 complaints'];
  const submitLimit = throttle(5, 10 * 60_000, { zh: '提交', en: 'submissions' });
  const lookupLimit = throttle(30, 10 * 60_000);
  const detail = { 200: s.detailSchema };
  const handle = { access: 'complaint.handle' as const };
  const pdf = (reply: import('fastify').FastifyReply, name: string, body: Buffer) =>
    reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(body);
  const hallOf = async (id: string) => {
    const h = await findHall(ctx.db, id);
    return { name: h?.name ?? '', address: h?.address ?? '', phone: h?.phone ?? '' };
  };

  r.post(
    '/api/public/complaints',
    {
      config: { access: 'public', rateLimit: submitLimit },
      schema: {
        summary: '投诉举报 File a complaint or report',
        tags,
        body: s.publicInput,
        response: { 201: s.publicReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(await service.registerOnline(ctx, req.body)),
  );
  r.get(
    '/api/public/complaints/lookup',
    {
      config: { access: 'public', rateLimit: lookupLimit },
      schema: {
        summary: '查询投诉办理 Look up a complaint',
        tags,
        querystring: s.lookupQuery,
        response: { 200: s.publicStatus },
      },
    },
    async (req) => service.publicLookup(ctx, req.query),
  );
  r.post(
    '/api/public/complaints/rate',
    {
      config: { access: 'public', rateLimit: lookupLimit },
      schema: {
        summary: "评价投诉答复 Rate a complaint's answer",
        tags,
        body: s.publicRateInput,
        response: { 200: s.publicStatus },
      },
    },
    async (req) => service.publicRate(ctx, req.body),
  );
  r.post(
    '/api/public/complaints/objection',
    {
      config: { access: 'public', rateLimit: submitLimit },
      schema: {
        summary: "对投诉答复提出异议 Object to a complaint's answer",
        tags,
        body: s.publicObjectInput,
        response: { 200: s.publicStatus },
      },
    },
    async (req) => service.publicObject(ctx, req.body),
  );
  r.get(
    '/api/public/complaints/reply.pdf',
    {
      config: { access: 'public', rateLimit: lookupLimit },
      schema: {
        summary: '投诉答复书 PDF A complaint reply as PDF',
        tags,
        querystring: s.lookupQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const c = await service.publicReplyRow(ctx, req.query);
      const model = complaintReplyModel(await hallOf(c.hall_id), c, service.addresseeOf(c));
      return pdf(reply, c.number, await renderReply(model, Number(c.replied_at)));
    },
  );

  r.get(
    '/api/complaints',
    {
      config: { access: 'user' },
      schema: {
        summary: '投诉列表 List complaints',
        tags,
        querystring: s.listQuery,
        response: { 200: listOf(s.complaintSchema) },
      },
    },
    async (req) => service.listComplaints(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/complaints/export',
    {
      config: { access: 'user', auditRead: 'complaint_export' },
      schema: {
        summary: '导出投诉 Export complaints',
        tags,
        querystring: s.listQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await service.exportComplaints(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
  r.post(
    '/api/complaints',
    {
      config: handle,
      schema: {
        summary: '登记投诉 Record a complaint',
        tags,
        body: s.registerInput,
        response: { 201: s.detailSchema.extend({ lookupCode: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.registerComplaint(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/complaints/assignees',
    {
      config: { access: 'user' },
      schema: {
        summary: '可承办人员 People to assign to',
        tags,
        querystring: z.object({ hallId: z.string().max(64).optional() }),
        response: { 200: listOf(s.assigneeSchema) },
      },
    },
    async (req) => service.assignees(ctx, actorOf(req), req.query.hallId),
  );
  r.get(
    '/api/complaints/type-days',
    {
      config: { access: 'user' },
      schema: {
        summary: '投诉办理时限 Time limits by complaint type',
        tags,
        querystring: z.object({ hallId: z.string().min(1).max(64) }),
        response: { 200: s.typeDaysSchema },
      },
    },
    async (req) => service.listTypeDays(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/complaints/type-days',
    {
      config: { access: 'complaint.supervise' },
      schema: {
        summary: '设置投诉办理时限 Set time limits by complaint type',
        tags,
        body: s.typeDaysInput,
        response: { 200: s.typeDaysSchema },
      },
    },
    async (req) => service.setTypeDays(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/complaints/analysis',
    {
      config: { access: 'complaint.supervise' },
      schema: {
        summary: '投诉分析 Complaint analysis',
        tags,
        querystring: s.analysisQuery,
        response: { 200: s.analysisSchema },
      },
    },
    async (req) => analyse(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/complaints/analysis/export',
    {
      config: { access: 'complaint.supervise', auditRead: 'complaint_analysis_export' },
      schema: {
        summary: '导出投诉分析 Export the complaint analysis',
        tags,
        querystring: s.analysisQuery,
        response: { 200: z.any().describe('.xlsx workbook, one sheet per table') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await analysisXlsx(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
  r.get(
    '/api/complaints/:id',
    {
      config: { access: 'user', auditRead: 'complaint' },
      schema: { summary: '投诉详情 Complaint detail', tags, params: idParams, response: detail },
    },
    async (req) => service.complaintDetail(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/complaints/:id/assign',
    {
      config: handle,
      schema: { summary: '交办投诉 Assign a complaint', tags, params: idParams, body: s.assignInput, response: detail },
    },
    async (req) => service.assignComplaint(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/complaints/:id/notes',
    {
      config: handle,
      schema: {
        summary: '投诉办理记录 Add a note to a complaint',
        tags,
        params: idParams,
        body: s.noteInput,
        response: detail,
      },
    },
    async (req) => service.addNote(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/complaints/:id/reply',
    {
      config: handle,
      schema: {
        summary: '答复投诉 Reply to a complaint',
        tags,
        params: idParams,
        body: s.replyInput,
        response: detail,
      },
    },
    async (req) => service.replyComplaint(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/complaints/:id/satisfaction',
    {
      config: handle,
      schema: {
        summary: '登记满意度 Record satisfaction',
        tags,
        params: idParams,
        body: s.rateInput,
        response: detail,
      },
    },
    async (req) => service.rateByStaff(ctx, actorOf(req), req.params.id, req.body.satisfaction),
  );
  r.post(
    '/api/complaints/:id/reopen',
    {
      config: handle,
      schema: {
        summary: '重新办理投诉 Reopen a complaint',
        tags,
        params: idParams,
        body: s.reopenInput,
        response: detail,
      },
    },
    async (req) => service.reopenByStaff(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.get(
    '/api/complaints/:id/reply.pdf',
    {
      config: { access: 'user', auditRead: 'complaint_reply' },
      schema: {
        summary: '投诉答复书 PDF The complaint reply as PDF',
        tags,
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const c = await service.replyRow(ctx, actorOf(req), req.params.id);
      const model = complaintReplyModel(await hallOf(c.hall_id), c, service.addresseeOf(c));
      return pdf(reply, c.number, await renderReply(model, Number(c.replied_at)));
    },
  );

  // 异议 (R19.9)
  const otags = ['异议 objections'];
  r.post(
    '/api/public/objections',
    {
      config: { access: 'public', rateLimit: submitLimit },
      schema: {
        summary: '对办理结果提出异议 Object to a decision',
        tags: otags,
        body: s.publicObjectionInput,
        response: { 201: s.publicObjectionReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(await objections.recordPublicObjection(ctx, req.body)),
  );
  r.get(
    '/api/cases/:id/objections',
    {
      config: { access: 'case.read' },
      schema: {
        summary: "办件异议 A case's objections",
        tags: otags,
        params: idParams,
        response: { 200: listOf(s.objectionSchema) },
      },
    },
    async (req) => objections.caseObjections(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/objections',
    {
      config: { access: 'reception.register' },
      schema: {
        summary: '登记异议 Record an objection',
        tags: otags,
        params: idParams,
        body: s.objectionInput,
        response: { 200: listOf(s.objectionSchema) },
      },
    },
    async (req) => objections.recordObjection(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/objections',
    {
      config: { access: 'objection.decide' },
      schema: {
        summary: '异议列表 List objections',
        tags: otags,
        querystring: s.objectionListQuery,
        response: { 200: listOf(s.objectionSchema) },
      },
    },
    async (req) => objections.listObjections(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/objections/:id/answer',
    {
      config: { access: 'objection.decide' },
      schema: {
        summary: '答复异议 Answer an objection',
        tags: otags,
        params: idParams,
        body: s.answerInput,
        response: { 200: s.objectionSchema },
      },
    },
    async (req) => objections.answerObjection(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/objections/:id/answer.pdf',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '异议答复书 PDF The objection answer as PDF',
        tags: otags,
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const o = await objections.objectionRow(ctx, actorOf(req), req.params.id);
      const at = Number(o.answered_at);
      const model = objectionAnswerModel(await hallOf(o.hall_id), o, chinaDay(at));
      return pdf(reply, `YY-${o.case_no}`, await renderReply(model, at));
    },
  );
}
