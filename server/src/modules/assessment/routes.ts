import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { annualReview, exportCards, planTraining, signAnnual } from './annual-service.ts';
import * as s from './schema.ts';
import * as service from './service.ts';
import { cardVersions, correctCard, signCard } from './signoff-service.ts';

/** 考核: indicators, scorecards with their records, remarks, sign-off and corrections, the annual review. */
export function assessmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['考核 assessment'];
  // The supervisor reads and remarks; the station head also keeps the indicators, signs and corrects.
  const review = { access: 'assessment.review' } as const;
  const sign = { access: 'assessment.sign' } as const;

  r.get(
    '/api/assessment/indicators',
    {
      config: review,
      schema: {
        summary: '考核指标 Assessment indicators',
        tags,
        querystring: s.hallQuery,
        response: { 200: s.indicatorsSchema },
      },
    },
    async (req) => service.getIndicators(ctx, actorOf(req), req.query.hallId),
  );
  r.put(
    '/api/assessment/indicators',
    {
      config: sign,
      schema: {
        summary: '设置考核指标 Set assessment indicators',
        tags,
        body: s.indicatorsInput,
        response: { 200: s.indicatorsSchema },
      },
    },
    async (req) => service.saveIndicators(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/assessment/cards',
    {
      config: review,
      schema: {
        summary: '考核卡列表 List scorecards',
        tags,
        querystring: s.cardsQuery,
        response: { 200: s.cardListSchema },
      },
    },
    async (req) => service.listCards(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/cards/export',
    {
      config: { ...review, auditRead: 'assessment_cards_export' },
      schema: {
        summary: '导出考核卡 Export scorecards',
        tags,
        querystring: s.listQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await exportCards(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
  r.get(
    '/api/assessment/card',
    {
      config: review,
      schema: { summary: '考核卡 A scorecard', tags, querystring: s.cardQuery, response: { 200: s.cardSchema } },
    },
    async (req) => service.getCard(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/card/records',
    {
      config: review,
      schema: {
        summary: '考核依据记录 Records behind a score',
        tags,
        querystring: s.recordsQuery,
        response: { 200: s.recordsSchema },
      },
    },
    async (req) => service.cardRecords(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/card/versions',
    {
      config: review,
      schema: {
        summary: "考核卡版本 A scorecard's versions",
        tags,
        querystring: s.cardQuery,
        response: { 200: s.versionsSchema },
      },
    },
    async (req) => cardVersions(ctx, actorOf(req), req.query),
  );
  r.put(
    '/api/assessment/card/remarks',
    {
      config: review,
      schema: {
        summary: '填写考核评语 Write scorecard remarks',
        tags,
        body: s.remarksInput,
        response: { 200: s.cardSchema },
      },
    },
    async (req) => service.saveRemarks(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/assessment/card/sign',
    {
      config: sign,
      schema: { summary: '签署考核卡 Sign a scorecard', tags, body: s.cardQuery, response: { 200: s.cardSchema } },
    },
    async (req) => signCard(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/assessment/card/correct',
    {
      config: sign,
      schema: {
        summary: '更正考核卡 Correct a signed scorecard',
        tags,
        body: s.correctInput,
        response: { 200: s.cardSchema },
      },
    },
    async (req) => correctCard(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/assessment/card/training-plan',
    {
      config: review,
      schema: {
        summary: '据考核安排培训 Plan training from a scorecard',
        tags,
        body: s.planInput,
        response: { 201: s.planSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await planTraining(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/assessment/annual',
    {
      config: review,
      schema: {
        summary: '年度考核 Annual assessment',
        tags,
        querystring: s.annualQuery,
        response: { 200: s.annualSchema },
      },
    },
    async (req) => annualReview(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/assessment/annual/sign',
    {
      config: sign,
      schema: {
        summary: '签署年度考核 Sign the annual assessment',
        tags,
        body: s.annualSignInput,
        response: { 200: s.annualRowSchema },
      },
    },
    async (req) => signAnnual(ctx, actorOf(req), req.body),
  );
  // 我的考核: every member of staff sees their own signed cards.
  r.get(
    '/api/assessment/mine',
    {
      config: { access: 'staff.self' },
      schema: { summary: '我的考核 My assessment', tags, response: { 200: s.mineSchema } },
    },
    async (req) => service.myCards(ctx, actorOf(req)),
  );
}
