import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as plans from './plans-service.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 培训: plans, sessions, attendance and scores, individual plans; one's own training. */
export function trainingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['培训 training'];

  r.get(
    '/api/training/plans',
    {
      config: { access: 'training.manage' },
      schema: {
        summary: '培训计划列表 List training plans',
        tags,
        querystring: s.planQuery,
        response: { 200: listOf(s.planSchema) },
      },
    },
    async (req) => plans.listPlans(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/training/plans',
    {
      config: { access: 'training.manage' },
      schema: {
        summary: '新建培训计划 Create a training plan',
        tags,
        body: s.planInput,
        response: { 201: s.planSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await plans.createPlan(ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/training/plans/:id',
    {
      config: { access: 'training.manage' },
      schema: { summary: '培训计划详情 Training plan detail', tags, params: idParams, response: { 200: s.planSchema } },
    },
    async (req) => plans.getPlan(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/training/plans/:id/sessions',
    {
      config: { access: 'training.manage' },
      schema: {
        summary: '新增培训场次 Add a training session',
        tags,
        params: idParams,
        body: s.sessionInput,
        response: { 201: s.planSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await plans.addSession(ctx, actorOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/training/sessions/:id/results',
    {
      config: { access: 'training.manage' },
      schema: {
        summary: '登记培训成绩 Record session results',
        tags,
        params: idParams,
        body: s.resultInput,
        response: { 200: s.planSchema },
      },
    },
    async (req) => plans.recordResults(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/training/staff',
    {
      // The pickers of people on the training, discipline and meeting pages: the service checks either right.
      config: { access: 'user' },
      schema: {
        summary: '可参训人员 Staff to train',
        tags,
        querystring: z.object({ hallId: z.string().max(64).optional() }),
        response: { 200: s.staffSchema },
      },
    },
    async (req) => service.hallStaff(ctx, actorOf(req), req.query.hallId),
  );
  r.get(
    '/api/training/individual-plans',
    {
      config: { access: 'training.manage' },
      schema: {
        summary: '个人培训计划 List individual training plans',
        tags,
        querystring: s.individualPlanQuery,
        response: { 200: listOf(s.individualPlanSchema) },
      },
    },
    async (req) => service.listIndividualPlans(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/training/individual-plans',
    {
      config: { access: 'training.manage' },
      schema: {
        summary: '新建个人培训计划 Create an individual training plan',
        tags,
        body: s.individualPlanInput,
        response: { 201: s.individualPlanSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createIndividualPlan(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/training/individual-plans/:id/done',
    {
      config: { access: 'user' },
      schema: {
        summary: '完成个人培训 Finish an individual plan',
        tags,
        params: idParams,
        body: s.closeInput,
        response: { 200: s.individualPlanSchema },
      },
    },
    async (req) => service.completeIndividualPlan(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.get(
    '/api/training/mine',
    {
      config: { access: 'user' },
      schema: { summary: '我的培训 My training', tags, response: { 200: s.myTrainingSchema } },
    },
    async (req) => service.myTraining(ctx, actorOf(req)),
  );
  r.get(
    '/api/training/people/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: "人员培训记录 A person's training record",
        tags,
        params: idParams,
        response: { 200: s.myTrainingSchema },
      },
    },
    async (req) => service.colleagueTraining(ctx, actorOf(req), req.params.id),
  );
}
