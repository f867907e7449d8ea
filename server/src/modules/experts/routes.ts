import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 专家意见: call in an expert from a step, record the opinion once, an expert's own open requests. */
export function expertRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['专家意见 experts'];

  r.get(
    '/api/cases/:id/experts',
    {
      config: { access: 'case.read' },
      schema: {
        summary: "专家意见列表 A case's expert opinions",
        tags,
        params: idParams,
        response: { 200: s.caseConsultationsSchema },
      },
    },
    async (req) => service.caseConsultations(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/cases/:id/experts/candidates',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '可邀请专家 Experts to invite',
        tags,
        params: idParams,
        response: { 200: s.colleaguesSchema },
      },
    },
    async (req) => service.expertCandidates(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/experts',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '邀请专家 Invite an expert',
        tags,
        params: idParams,
        body: s.requestInput,
        response: { 200: s.caseConsultationsSchema },
      },
    },
    async (req) => service.requestOpinion(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/experts/:id/opinion',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '提交专家意见 Give an expert opinion',
        tags,
        params: idParams,
        body: s.opinionInput,
        response: { 200: s.caseConsultationsSchema },
      },
    },
    async (req) => service.recordOpinion(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/experts/mine',
    {
      config: { access: 'case.read' },
      schema: { summary: '我的专家邀请 My expert invitations', tags, response: { 200: s.mineSchema } },
    },
    async (req) => service.myConsultations(ctx, actorOf(req)),
  );
}
