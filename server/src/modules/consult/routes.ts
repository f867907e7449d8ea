import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, clientIp } from '../../platform/http.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import * as handling from './handling.ts';
import { issueNotice, noticePdf } from './notice.ts';
import { throttle } from '../../platform/rate-limit.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function consultRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['咨询 consultations'];
  const detail = { 200: s.detailSchema };
  const handle = { access: 'consult.handle' as const };
  // Five online consultations per address in ten minutes; lookups are cheaper but guard the codes.
  const submitLimit = throttle(5, 10 * 60_000, { zh: '提交', en: 'submissions' });
  const lookupLimit = throttle(30, 10 * 60_000);

  r.post(
    '/api/public/consultations',
    {
      config: { access: 'public', rateLimit: submitLimit },
      schema: {
        summary: '网上咨询 Ask a question online',
        tags,
        body: s.publicInput,
        response: { 201: s.publicReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(await service.registerOnline(ctx, req.body, clientIp(req))),
  );
  r.get(
    '/api/public/consultations/lookup',
    {
      config: { access: 'public', rateLimit: lookupLimit },
      schema: {
        summary: "查询咨询答复 Look up a consultation's answer",
        tags,
        querystring: s.lookupQuery,
        response: { 200: s.publicStatus },
      },
    },
    async (req) => service.publicLookup(ctx, req.query),
  );

  r.get(
    '/api/consultations',
    {
      config: handle,
      schema: {
        summary: '咨询列表 List consultations',
        tags,
        querystring: s.listQuery,
        response: { 200: listOf(s.summarySchema) },
      },
    },
    async (req) => service.listConsultations(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.get(
    '/api/consultations/staff',
    {
      config: handle,
      schema: {
        summary: '可转办人员 Staff to refer to',
        tags,
        querystring: z.object({ hallId: z.string().min(1).max(64) }),
        response: { 200: listOf(s.staffSchema) },
      },
    },
    async (req) => {
      const items = await service.handlingStaff(ctx, actorOf(req), req.query.hallId);
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/consultations',
    {
      config: { access: 'consult.register' },
      schema: {
        summary: '登记咨询 Record a consultation',
        tags,
        body: s.registerInput,
        response: { 201: s.detailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.registerConsultation(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/consultations/:id',
    { config: handle, schema: { summary: '咨询详情 Consultation detail', tags, params: idParams, response: detail } },
    async (req) => service.consultationDetail(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/consultations/:id/contact',
    {
      config: { access: 'personal.view' },
      schema: {
        summary: "查看咨询人联系方式 Reveal the asker's contact",
        tags,
        params: idParams,
        response: { 200: s.contactSchema },
      },
    },
    async (req) => service.revealContact(ctx, actorOf(req), req.params.id),
  );

  r.post(
    '/api/consultations/:id/take',
    { config: handle, schema: { summary: '领取咨询 Take a consultation', tags, params: idParams, response: detail } },
    async (req) => handling.takeConsultation(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/consultations/:id/answer',
    {
      config: handle,
      schema: {
        summary: '答复咨询 Answer a consultation',
        tags,
        params: idParams,
        body: s.answerInput,
        response: detail,
      },
    },
    async (req) => handling.answerConsultation(ctx, actorOf(req), req.params.id, req.body.answer),
  );
  r.post(
    '/api/consultations/:id/promise',
    {
      config: handle,
      schema: {
        summary: '承诺限时答复 Promise an answer by a time',
        tags,
        params: idParams,
        body: s.promiseInput,
        response: detail,
      },
    },
    async (req) => handling.promiseReply(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/consultations/:id/refer',
    {
      config: handle,
      schema: {
        summary: '转办咨询 Refer a consultation',
        tags,
        params: idParams,
        body: s.referInput,
        response: detail,
      },
    },
    async (req) => handling.referConsultation(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/consultations/:id/coordinate',
    {
      config: handle,
      schema: {
        summary: '发起多部门会商 Ask several departments',
        tags,
        params: idParams,
        body: s.coordinateInput,
        response: detail,
      },
    },
    async (req) => handling.coordinateConsultation(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/consultations/:id/departments/:rowId/answer',
    {
      config: handle,
      schema: {
        summary: "部门会商答复 A department's answer",
        tags,
        params: s.rowParams,
        body: s.departmentAnswerInput,
        response: detail,
      },
    },
    async (req) => handling.recordDepartmentAnswer(ctx, actorOf(req), req.params.id, req.params.rowId, req.body.answer),
  );
  r.post(
    '/api/consultations/:id/handover',
    {
      config: handle,
      schema: {
        summary: '移交咨询 Hand a consultation over',
        tags,
        params: idParams,
        body: s.handoverInput,
        response: detail,
      },
    },
    async (req) => handling.handOver(ctx, actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/consultations/:id/item',
    {
      config: handle,
      schema: {
        summary: '关联事项 Link a catalogue item',
        tags,
        params: idParams,
        body: s.itemInput,
        response: detail,
      },
    },
    async (req) => handling.setItem(ctx, actorOf(req), req.params.id, req.body.itemId),
  );

  r.post(
    '/api/consultations/:id/notices',
    {
      config: handle,
      schema: {
        summary: '出具咨询告知书 Issue a consultation notice',
        tags,
        params: idParams,
        response: { 201: s.noticeCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await issueNotice(ctx, actorOf(req), req.params.id)),
  );
  r.get(
    '/api/consultations/:id/notices/:noticeId/pdf',
    {
      config: { ...handle, auditRead: 'consult_notice' },
      schema: {
        summary: '咨询告知书 PDF A consultation notice as PDF',
        tags,
        params: s.noticeParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { number, pdf } = await noticePdf(ctx, actorOf(req), req.params.id, req.params.noticeId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
    },
  );
}
