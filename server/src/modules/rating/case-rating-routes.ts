import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idempotentMultipart } from '../../platform/idempotency.ts';
import { readFilePart, sendStoredFile } from '../../platform/multipart.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as s from './case-rating-schema.ts';
import * as service from './service.ts';

const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** 好差评 of the case: the applicant's link, the 差评 loop, appeals, suggestions, the staff figures. */
export function caseRatingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['好差评 case ratings'];

  // The applicant's page, reached by the unguessable link in the SMS; the token is all it holds.
  r.get(
    '/api/public/case-ratings/:token',
    {
      config: { access: 'public' },
      schema: {
        summary: '好差评页面 The case rating page',
        tags,
        params: s.tokenParams,
        response: { 200: s.publicRatingSchema },
      },
    },
    async (req) => service.publicRating(ctx, req.params.token),
  );
  r.post(
    '/api/public/case-ratings/:token',
    {
      config: { access: 'public' },
      schema: {
        summary: '提交好差评 Rate a case',
        tags,
        params: s.tokenParams,
        body: s.caseRatingInput,
        response: { 201: s.ratedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.rateCase(ctx, req.params.token, req.body)),
  );

  r.get(
    '/api/rating/case-tasks',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '差评整改任务 List bad-rating tasks',
        tags,
        querystring: s.taskQuery,
        response: { 200: listOf(s.taskSchema) },
      },
    },
    async (req) => service.listTasks(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/rating/case-tasks/:id',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '差评整改详情 Bad-rating task detail',
        tags,
        params: idParams,
        response: { 200: s.taskSchema },
      },
    },
    async (req) => service.taskDetail(ctx, actorOf(req), req.params.id),
  );
  const move = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (id: string, input: z.infer<B>, req: Parameters<typeof actorOf>[0]) => Promise<unknown>,
  ) =>
    r.post(
      `/api/rating/case-tasks/:id/${path}`,
      {
        config: { access: 'rating.follow_up' },
        schema: { summary, tags, params: idParams, body, response: { 200: s.taskSchema } },
      },
      async (req) => run(req.params.id, req.body as z.infer<B>, req) as Promise<s.TaskView>,
    );
  move('call-back', '差评回访 Record the call-back', s.callBackInput, (id, b, req) =>
    service.recordCaseCallBack(ctx, actorOf(req), id, b),
  );
  move('verify', '差评核实 Record the verification', s.verifyInput, (id, b, req) =>
    service.verifyTask(ctx, actorOf(req), id, b),
  );
  move('plan', '整改方案 Record the rectification plan', s.planInput, (id, b, req) =>
    service.planRectification(ctx, actorOf(req), id, b),
  );
  move('rectified', '整改完成 Record the rectification done', s.rectifiedInput, (id, b, req) =>
    service.completeRectification(ctx, actorOf(req), id, b),
  );

  // Multipart parsing only inside this scope, as for scans.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 4 } });
    const m = scope.withTypeProvider<ZodTypeProvider>();
    m.post(
      '/api/rating/case-tasks/:id/evidence',
      {
        config: { access: 'rating.follow_up', acceptsMultipart: true },
        schema: {
          summary: '上传整改证据 Upload rectification evidence',
          tags,
          consumes: ['multipart/form-data'],
          params: idParams,
          description: 'multipart/form-data with one part `file` (PDF, JPEG or PNG): 整改证明',
          response: { 200: s.taskSchema },
        },
      },
      async (req, reply) => {
        const file = await readFilePart(req, EVIDENCE_MAX_BYTES);
        return idempotentMultipart(req, reply, [{ name: 'file', ...file }], async () =>
          reply.send(await service.uploadEvidence(ctx, actorOf(req), req.params.id, file)),
        );
      },
    );
  });
  r.get(
    '/api/rating/case-tasks/:id/evidence/:evidenceId',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '下载整改证据 Download rectification evidence',
        tags,
        params: s.evidenceParams,
        response: { 200: z.any().describe('the evidence file') },
      },
    },
    async (req, reply) =>
      sendStoredFile(
        reply,
        await service.evidenceContent(ctx, actorOf(req), req.params.id, req.params.evidenceId),
        false,
      ),
  );

  r.get(
    '/api/rating/case-ratings/mine',
    {
      config: { access: 'staff.self' },
      schema: { summary: '我的好差评 My case ratings', tags, response: { 200: listOf(s.myRatingSchema) } },
    },
    async (req) => service.myRatings(ctx, actorOf(req)),
  );
  r.post(
    '/api/rating/case-ratings/:id/appeal',
    {
      config: { access: 'staff.self' },
      schema: {
        summary: '差评申诉 Appeal a bad rating',
        tags,
        params: idParams,
        body: s.appealInput,
        response: { 201: s.appealSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.appeal(ctx, actorOf(req), req.params.id, req.body.reasons)),
  );
  r.get(
    '/api/rating/appeals',
    {
      config: { access: 'rating.appeal.decide' },
      schema: {
        summary: '差评申诉列表 List rating appeals',
        tags,
        querystring: s.appealQuery,
        response: { 200: listOf(s.appealSchema) },
      },
    },
    async (req) => service.listAppeals(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/rating/appeals/:id/decide',
    {
      config: { access: 'rating.appeal.decide' },
      schema: {
        summary: '审核差评申诉 Decide a rating appeal',
        tags,
        params: idParams,
        body: s.decideInput,
        response: { 200: s.appealSchema },
      },
    },
    async (req) => service.decideAppeal(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/rating/case-ratings/figures',
    {
      config: { access: 'rating.appeal.decide' },
      schema: {
        summary: '好差评统计 Case rating figures',
        tags,
        querystring: s.figuresQuery,
        response: { 200: listOf(s.figureSchema) },
      },
    },
    async (req) => service.staffFigures(ctx, actorOf(req), req.query),
  );

  r.get(
    '/api/rating/suggestions',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '评价建议 List rating suggestions',
        tags,
        querystring: s.suggestionQuery,
        response: { 200: listOf(s.suggestionSchema) },
      },
    },
    async (req) => service.listSuggestions(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/rating/suggestions/:id/forward',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '转交建议 Forward a suggestion',
        tags,
        params: idParams,
        body: s.forwardInput,
        response: { 200: s.suggestionSchema },
      },
    },
    async (req) => service.forwardSuggestion(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/rating/suggestions/:id/answer',
    {
      config: { access: 'rating.follow_up' },
      schema: {
        summary: '答复建议 Answer a suggestion',
        tags,
        params: idParams,
        body: s.answerInput,
        response: { 200: s.suggestionSchema },
      },
    },
    async (req) => service.answerSuggestion(ctx, actorOf(req), req.params.id, req.body.answer),
  );
}
