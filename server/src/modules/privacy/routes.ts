import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicantSchema } from '../applicants/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function privacyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['个人信息 personal data'];

  // An access request (个人信息查询): everything held about the applicant, as JSON and as a printed summary.
  r.get(
    '/api/applicants/:id/personal-data',
    {
      config: { access: 'personal.export' },
      schema: {
        summary: "个人信息查阅 An applicant's personal data",
        tags,
        params: idParams,
        response: { 200: s.exportSchema },
      },
    },
    async (req) => service.personalDataExport(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/applicants/:id/personal-data/pdf',
    {
      config: { access: 'personal.export' },
      schema: {
        summary: "个人信息查阅 PDF An applicant's personal data as PDF",
        tags,
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { number, pdf } = await service.personalDataPdf(ctx, actorOf(req), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
    },
  );

  r.post(
    '/api/applicants/:id/seal',
    {
      config: { access: 'personal.seal' },
      schema: {
        summary: "封存个人信息 Seal an applicant's personal data",
        tags,
        params: idParams,
        body: s.sealInput,
        response: { 200: applicantSchema },
      },
    },
    async (req) => service.sealApplicant(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/applicants/:id/unseal-requests',
    {
      config: { access: 'personal.seal' },
      schema: {
        summary: '申请解封个人信息 Ask to unseal personal data',
        tags,
        params: idParams,
        body: s.unsealRequestInput,
        response: { 201: s.requestSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.requestUnseal(ctx, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/privacy/unseal-requests',
    {
      config: { access: 'personal.unseal' },
      schema: {
        summary: '解封申请列表 List unseal requests',
        tags,
        querystring: s.requestQuery,
        response: { 200: z.object({ items: z.array(s.requestSchema) }) },
      },
    },
    async (req) => service.unsealRequests(ctx, actorOf(req), req.query.status),
  );
  r.post(
    '/api/privacy/unseal-requests/:id/decision',
    {
      config: { access: 'personal.unseal' },
      schema: {
        summary: '审批解封申请 Decide an unseal request',
        tags,
        params: idParams,
        body: s.decisionInput,
        response: { 200: s.requestSchema },
      },
    },
    async (req) => service.decideUnseal(ctx, actorOf(req), req.params.id, req.body),
  );
}
