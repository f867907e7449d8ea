import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import { caseDetailSchema } from '../cases/schema.ts';
import * as decisions from './decisions.ts';
import * as inbox from './inbox-service.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** Inboxes, steps, routing, verification, review and approval. Every write answers 200 with the case detail. */
export function backofficeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['后台办理 back office'];
  const detail = { 200: caseDetailSchema };

  r.get(
    '/api/backoffice/inbox/department',
    {
      config: { access: 'case.read' },
      schema: {
        summary: "部门待办 The department's inbox",
        tags,
        querystring: s.inboxQuery,
        response: { 200: s.inboxSchema },
      },
    },
    async (req) => {
      const { departmentId } = req.query;
      if (!departmentId) throw invalid('departmentId', '请选择部门', 'Choose a department');
      return inbox.departmentInbox(ctx, actorOf(req), { ...req.query, departmentId });
    },
  );
  r.get(
    '/api/backoffice/inbox/mine',
    {
      config: { access: 'case.read' },
      schema: { summary: '我的待办 My inbox', tags, querystring: s.inboxQuery, response: { 200: s.inboxSchema } },
    },
    async (req) => inbox.myInbox(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/backoffice/stuck',
    {
      config: { access: 'case.route' },
      schema: { summary: '滞留办件 Stuck cases', tags, querystring: s.stuckQuery, response: { 200: s.stuckSchema } },
    },
    async (req) => inbox.stuckSteps(ctx, actorOf(req), req.query),
  );

  r.get(
    '/api/backoffice/colleagues',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '可指派同事 Colleagues to assign to',
        tags,
        querystring: s.colleaguesQuery,
        response: { 200: listOf(s.colleagueSchema) },
      },
    },
    async (req) => {
      const items = await service.colleagues(ctx, actorOf(req), req.query.departmentId);
      return { items, total: items.length };
    },
  );

  r.post(
    '/api/cases/:id/reroute',
    {
      config: { access: 'case.route' },
      schema: { summary: '改派部门 Re-route a case', tags, params: idParams, body: s.rerouteInput, response: detail },
    },
    async (req) => service.rerouteCase(ctx, actorOf(req), req.params.id, req.body),
  );
  // Claiming, finishing and reworking a step are open to any member of staff; the process says whose step it is.
  r.post(
    '/api/cases/:id/steps/:stepId/claim',
    {
      config: { access: 'case.read' },
      schema: { summary: '领办环节 Claim a step', tags, params: s.stepParams, response: detail },
    },
    async (req) => service.claimStep(ctx, actorOf(req), req.params.id, req.params.stepId),
  );
  // Assigning is open to the department's staff and to supervisors (who direct without processing themselves).
  r.post(
    '/api/cases/:id/steps/:stepId/assign',
    {
      config: { access: 'case.read' },
      schema: { summary: '指派环节 Assign a step', tags, params: s.stepParams, body: s.assignInput, response: detail },
    },
    async (req) => service.assignStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body, 'assign'),
  );
  r.post(
    '/api/cases/:id/steps/:stepId/hand-over',
    {
      config: { access: 'case.process' },
      schema: {
        summary: '转交环节 Hand a step over',
        tags,
        params: s.stepParams,
        body: s.assignInput,
        response: detail,
      },
    },
    async (req) => service.assignStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body, 'handOver'),
  );
  // 交还 (AB岗): the holder gives a step taken while covering back to its person once they are back.
  r.post(
    '/api/cases/:id/steps/:stepId/hand-back',
    {
      config: { access: 'case.read' },
      schema: {
        summary: '退回环节 Hand a step back',
        tags,
        params: s.stepParams,
        body: s.finishInput,
        response: detail,
      },
    },
    async (req) => service.handBackStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body.note),
  );
  r.post(
    '/api/cases/:id/steps/:stepId/finish',
    {
      config: { access: 'case.read' },
      schema: { summary: '完成环节 Finish a step', tags, params: s.stepParams, body: s.finishInput, response: detail },
    },
    async (req) => service.finishStep(ctx, actorOf(req), req.params.id, req.params.stepId, req.body.note),
  );

  r.post(
    '/api/cases/:id/verification',
    {
      config: { access: 'case.process' },
      schema: {
        summary: '发起核查 Ask for verification',
        tags,
        params: idParams,
        body: s.verificationInput,
        response: detail,
      },
    },
    async (req) => decisions.askVerification(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/verification/answer',
    {
      config: { access: 'reception.register' },
      schema: {
        summary: '答复核查 Answer a verification',
        tags,
        params: idParams,
        body: s.answerInput,
        response: detail,
      },
    },
    async (req) => decisions.answerVerification(ctx, actorOf(req), req.params.id, req.body.answer),
  );

  r.post(
    '/api/cases/:id/review/start',
    {
      config: { access: 'case.review' },
      schema: { summary: '开始审核 Start review', tags, params: idParams, response: detail },
    },
    async (req) => decisions.startReview(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/review/pass',
    {
      config: { access: 'case.review' },
      schema: { summary: '审核通过 Pass review', tags, params: idParams, body: s.noteInput, response: detail },
    },
    async (req) => decisions.passReview(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/cases/:id/review/return',
    {
      config: { access: 'case.review' },
      schema: { summary: '审核退回 Return from review', tags, params: idParams, body: s.reasonInput, response: detail },
    },
    async (req) => decisions.returnForRework(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/cases/:id/rework/start',
    {
      config: { access: 'case.read' },
      schema: { summary: '开始补正 Start rework', tags, params: idParams, response: detail },
    },
    async (req) => decisions.startRework(ctx, actorOf(req), req.params.id),
  );

  r.post(
    '/api/cases/:id/approval/submit',
    {
      config: { access: 'case.process' },
      schema: { summary: '提交审批 Submit for approval', tags, params: idParams, response: detail },
    },
    async (req) => decisions.submitForApproval(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/approval/approve',
    {
      config: { access: 'case.approve' },
      schema: { summary: '审批通过 Approve', tags, params: idParams, body: s.noteInput, response: detail },
    },
    async (req) => decisions.approve(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/cases/:id/approval/deny',
    {
      config: { access: 'case.approve' },
      schema: { summary: '审批不予许可 Deny', tags, params: idParams, body: s.reasonInput, response: detail },
    },
    async (req) => decisions.deny(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/cases/:id/approval/escalate',
    {
      config: { access: 'case.approve' },
      schema: {
        summary: '提请上级审批 Escalate the approval',
        tags,
        params: idParams,
        body: s.reasonInput,
        response: detail,
      },
    },
    async (req) => decisions.escalate(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/cases/:id/approval/return',
    {
      config: { access: 'case.approve' },
      schema: {
        summary: '审批退回 Return from approval',
        tags,
        params: idParams,
        body: s.reasonInput,
        response: detail,
      },
    },
    async (req) => decisions.returnForRework(ctx, actorOf(req), req.params.id, req.body.reason),
  );
}
