import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import { caseDetailSchema } from '../cases/schema.ts';
import * as decisions from './decisions.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** Inboxes, steps, routing, verification, review and approval. Every write answers 200 with the case detail. */
export function backofficeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['后台办理 back office'];
  const detail = { 200: caseDetailSchema };

  r.get(
    '/api/backoffice/inbox/department',
    { config: { access: 'case.read' }, schema: { tags, querystring: s.inboxQuery, response: { 200: s.inboxSchema } } },
    async (req) => {
      const { departmentId } = req.query;
      if (!departmentId) throw invalid('departmentId', '请选择部门', 'Choose a department');
      return service.departmentInbox(ctx, actorOf(req), { ...req.query, departmentId });
    },
  );
  r.get(
    '/api/backoffice/inbox/mine',
    { config: { access: 'case.read' }, schema: { tags, querystring: s.inboxQuery, response: { 200: s.inboxSchema } } },
    async (req) => service.myInbox(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/backoffice/stuck',
    { config: { access: 'case.route' }, schema: { tags, querystring: s.stuckQuery, response: { 200: s.stuckSchema } } },
    async (req) => service.stuckSteps(ctx, actorOf(req), req.query),
  );

  r.get(
    '/api/backoffice/colleagues',
    {
      config: { access: 'case.read' },
      schema: { tags, querystring: s.colleaguesQuery, response: { 200: listOf(s.colleagueSchema) } },
    },
    async (req) => {
      const items = await service.colleagues(ctx, actorOf(req), req.query.departmentId);
      return { items, total: items.length };
    },
  );

  r.post(
    '/api/cases/:id/reroute',
    { config: { access: 'case.route' }, schema: { tags, params: idParams, body: s.rerouteInput, response: detail } },
    async (req) => service.rerouteCase(ctx, actorOf(req), req.params.id, req.body),
  );
  // Claiming, finishing and reworking a step are open to any member of staff; the process says whose step it is.
  r.post(
    '/api/cases/:id/steps/:stepId/claim',
    { config: { access: 'case.read' }, schema: { tags, params: s.stepParams, response: detail } },
    async (req) => service.claimStep(ctx, actorOf(req), req.params.id, req.params.stepId),
  );
  // Assigning is open to the department's staff and to supervisors (who direct without processing themselves).
  r.post(
    '/api/cases/:id/steps/:stepId/assign',
    { config: { access: 'case.read' }, schema: { tags, params: s.stepParams, body: s.assignInput, response: detail } },
    async (req) => service.assignStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body, 'assign'),
  );
  r.post(
    '/api/cases/:id/steps/:stepId/hand-over',
    {
      config: { access: 'case.process' },
      schema: { tags, params: s.stepParams, body: s.assignInput, response: detail },
    },
    async (req) => service.assignStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body, 'handOver'),
  );
  // 交还 (AB岗): the holder gives a step taken while covering back to its person once they are back.
  r.post(
    '/api/cases/:id/steps/:stepId/hand-back',
    { config: { access: 'case.read' }, schema: { tags, params: s.stepParams, body: s.finishInput, response: detail } },
    async (req) => service.handBackStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body.note),
  );
  r.post(
    '/api/cases/:id/steps/:stepId/finish',
    { config: { access: 'case.read' }, schema: { tags, params: s.stepParams, body: s.finishInput, response: detail } },
    async (req) => service.finishStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body.note),
  );

  r.post(
    '/api/cases/:id/verification',
    {
      config: { access: 'case.process' },
      schema: { tags, params: idParams, body: s.verificationInput, response: detail },
    },
    async (req) => decisions.askVerification(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/verification/answer',
    {
      config: { access: 'reception.register' },
      schema: { tags, params: idParams, body: s.answerInput, response: detail },
    },
    async (req) => decisions.answerVerification(ctx, actorOf(req), req.params.id, req.body.answer),
  );

  r.post(
    '/api/cases/:id/review/start',
    { config: { access: 'case.review' }, schema: { tags, params: idParams, response: detail } },
    async (req) => decisions.startReview(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/review/pass',
    { config: { access: 'case.review' }, schema: { tags, params: idParams, body: s.noteInput, response: detail } },
    async (req) => decisions.passReview(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/cases/:id/review/return',
    { config: { access: 'case.review' }, schema: { tags, params: idParams, body: s.reasonInput, response: detail } },
    async (req) => decisions.returnForRework(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/cases/:id/rework/start',
    { config: { access: 'case.read' }, schema: { tags, params: idParams, response: detail } },
    async (req) => decisions.startRework(ctx, actorOf(req), req.params.id),
  );

  r.post(
    '/api/cases/:id/approval/submit',
    { config: { access: 'case.process' }, schema: { tags, params: idParams, response: detail } },
    async (req) => decisions.submitForApproval(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/approval/approve',
    { config: { access: 'case.approve' }, schema: { tags, params: idParams, body: s.noteInput, response: detail } },
    async (req) => decisions.approve(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/cases/:id/approval/deny',
    { config: { access: 'case.approve' }, schema: { tags, params: idParams, body: s.reasonInput, response: detail } },
    async (req) => decisions.deny(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/cases/:id/approval/escalate',
    { config: { access: 'case.approve' }, schema: { tags, params: idParams, body: s.reasonInput, response: detail } },
    async (req) => decisions.escalate(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/cases/:id/approval/return',
    { config: { access: 'case.approve' }, schema: { tags, params: idParams, body: s.reasonInput, response: detail } },
    async (req) => decisions.returnForRework(ctx, actorOf(req), req.params.id, req.body.reason),
  );
}
