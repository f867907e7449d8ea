import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function applicantRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['申请人 applicants'];

  r.get(
    '/api/applicants',
    {
      config: { access: 'applicant.registry' },
      schema: {
        summary: '申请人列表 List applicants',
        tags,
        querystring: s.applicantQuery,
        response: { 200: listOf(s.applicantSchema) },
      },
    },
    async (req) => service.findApplicants(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.post(
    '/api/applicants/search',
    {
      config: { access: 'applicant.registry' },
      schema: {
        summary: '按证件号查找申请人 Find an applicant by ID number',
        tags,
        body: s.applicantSearch,
        response: { 200: listOf(s.applicantSchema) },
      },
    },
    async (req) => service.findApplicants(ctx, actorOf(req), { ...req.body, ...pageWindow(req.body) }),
  );
  // 201 for a new applicant; 200 with the one already registered under the same document number.
  r.post(
    '/api/applicants',
    {
      config: { access: 'reception.register' },
      schema: {
        summary: '登记申请人 Register an applicant',
        tags,
        body: s.applicantInput,
        response: { 200: s.applicantSchema, 201: s.applicantSchema },
      },
    },
    async (req, reply) => {
      const { applicant, created } = await service.registerApplicant(ctx, actorOf(req), req.body);
      return reply.status(created ? 201 : 200).send(applicant);
    },
  );
  r.get(
    '/api/applicants/:id',
    {
      config: { access: 'case.read', auditRead: 'applicant' },
      schema: { summary: '申请人详情 Applicant detail', tags, params: idParams, response: { 200: s.applicantSchema } },
    },
    async (req) => service.applicantDetail(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/applicants/:id/personal',
    {
      config: { access: 'personal.view' },
      schema: {
        summary: "查看申请人完整信息 Reveal an applicant's full details",
        tags,
        params: idParams,
        response: { 200: s.personalSchema },
      },
    },
    async (req) => service.viewPersonal(ctx, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/applicants/:id',
    {
      config: { access: 'applicant.edit' },
      schema: {
        summary: '修改申请人 Update an applicant',
        tags,
        params: idParams,
        body: s.applicantPatch,
        response: { 200: s.applicantSchema },
      },
    },
    async (req) => service.updateApplicant(ctx, actorOf(req), req.params.id, req.body),
  );
}
