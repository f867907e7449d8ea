/**
 * Decisions on a case in the back office: verification with the front desk (R4.3), business review with its
 * rework loop (R5.3) and approval at the item's authority level (R5.2). Every move goes through the state
 * machine and lands on the trail and in the audit log, one transaction each.
 */
import type { CaseAction } from '../../domain/case/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { loadCase, pinnedItem } from '../cases/context.ts';
import * as cases from '../cases/repository.ts';
import { caseDetail } from '../cases/service.ts';
import { checkMove, moveCase } from '../cases/trail.ts';
import { handOverAfter, isApprovalStep } from './handover.ts';
import * as repo from './repository.ts';

const stepChangedMeanwhile = () => new AppError(409, 'CONFLICT', '环节已被他人处理，请刷新后重试', 'The step was changed meanwhile; reload and retry');

/** One plain move: check, update, trail, audit. */
async function simpleMove(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: CaseAction,
  payload: Record<string, unknown>,
  detail: Record<string, unknown> = payload,
  patch: Partial<cases.CaseRow> = {},
) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await moveCase(trx, actor, c, now, { action, payload, detail, patch });
    await appendAudit(trx, byActor(actor, now, `case.${action}`, 'case', id, { from: c.state, to: row.state, ...detail }));
  });
  return caseDetail(ctx, actor, id);
}

/** 沟通核实: the handler asks the front desk; the answer is due within `responseDays` working days. */
export async function askVerification(ctx: AppContext, actor: Actor, id: string, input: { question: string; responseDays: number }) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'askFrontDeskToVerify');
  const now = ctx.clock.now();
  const calendar = await calendarOf(ctx.db, c.hall_id);
  const { deadline: responseDeadline, provisional } = calendar.addWorkingDays(chinaDay(now), input.responseDays);
  const mine = (await cases.stepsOf(ctx.db, id)).find((s) => s.status === 'active' && s.assignee_id === actor.userId);
  const vid = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'askFrontDeskToVerify', payload: { question: input.question, responseDeadline },
      detail: { verificationId: vid, question: input.question, responseDeadline, provisional, step: mine?.name ?? null },
    });
    await repo.insertVerification(trx, {
      id: vid, case_id: id, step_id: mine?.id ?? null, question: input.question, response_deadline: responseDeadline,
      response_deadline_provisional: provisional ? 1 : 0,
      asked_by: actor.userId, asked_by_name: actor.displayName, asked_at: now, answer: null, answered_by_name: null, answered_at: null,
    });
    await appendAudit(trx, byActor(actor, now, 'case.verification_ask', 'case', id, { verificationId: vid, responseDeadline }));
  });
  return caseDetail(ctx, actor, id);
}

/** The front desk's answer goes back to the step that asked. */
export async function answerVerification(ctx: AppContext, actor: Actor, id: string, answer: string) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'answerVerification', { answer });
  const open = await repo.openVerification(ctx.db, id);
  if (!open) throw conflict('没有待答复的核实事项', 'No open verification question');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'answerVerification', payload: { answer }, detail: { verificationId: open.id, question: open.question, answer, stepId: open.step_id },
    });
    await repo.answerVerification(trx, open.id, { answer, answered_by_name: actor.displayName, answered_at: now });
    await appendAudit(trx, byActor(actor, now, 'case.verification_answer', 'case', id, { verificationId: open.id }));
  });
  return caseDetail(ctx, actor, id);
}

export const startReview = (ctx: AppContext, actor: Actor, id: string) => simpleMove(ctx, actor, id, 'startReview', {});

/**
 * 审核通过: the review step(s) of the plan that are still active finish with the review, handing over to the
 * next order. When what comes next in the plan is approval, the case goes on to it in the same transaction
 * (提交审批 by the reviewer, through the state machine) instead of waiting for the handler to submit it.
 */
export async function passReview(ctx: AppContext, actor: Actor, id: string, note: string) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    let row = await moveCase(trx, actor, c, now, { action: 'passReview', payload: {}, detail: { note } });
    const reviewSteps = (await cases.stepsOf(trx, id)).filter((s) => s.status === 'active' && s.role === 'reviewer');
    for (const s of reviewSteps) {
      if (!(await repo.updateStepFrom(trx, s.id, 'active', s.assignee_id, { status: 'done', done_at: now }))) throw stepChangedMeanwhile();
      await handOverAfter(trx, actor, row, s, now, note);
    }
    const current = (await cases.stepsOf(trx, id)).filter((s) => s.status === 'active');
    const toApproval = current.length > 0 && current.every(isApprovalStep);
    if (toApproval) {
      row = await moveCase(trx, actor, row, now, {
        action: 'submitForApproval', payload: {}, patch: { approval_escalated: 0 },
        detail: { afterReview: true, step: current.map((s) => s.name).join('、'), stepIds: current.map((s) => s.id) },
      });
    }
    await appendAudit(trx, byActor(actor, now, 'case.passReview', 'case', id, {
      from: c.state, to: row.state, note, finishedSteps: reviewSteps.map((s) => s.id), toApproval,
    }));
  });
  return caseDetail(ctx, actor, id);
}

/** 退回重办 from review or approval, with the reasons on the trail. */
export const returnForRework = (ctx: AppContext, actor: Actor, id: string, reason: string) => simpleMove(ctx, actor, id, 'returnForRework', { reason });
export const startRework = (ctx: AppContext, actor: Actor, id: string) => simpleMove(ctx, actor, id, 'startRework', {});
export const submitForApproval = (ctx: AppContext, actor: Actor, id: string) =>
  simpleMove(ctx, actor, id, 'submitForApproval', {}, {}, { approval_escalated: 0 });

/**
 * Who may decide at the item's authority level: window, section and department level by an approver or the
 * station head; leader level — and any decision referred upwards — by the station head only.
 */
async function mustHoldAuthority(ctx: AppContext, actor: Actor, c: cases.CaseRow) {
  const { content } = await pinnedItem(ctx.db, c);
  const headOnly = content.approvalLevel === 'leader' || c.approval_escalated === 1;
  if (headOnly && !actor.roles.includes('station_head')) {
    throw forbidden(
      c.approval_escalated === 1 ? '该办件已提请上级审批，须由站长决定' : '该事项须由分管领导（站长）审批',
      'This decision belongs to the station head',
    );
  }
  return content.approvalLevel;
}

async function decide(ctx: AppContext, actor: Actor, id: string, action: 'approve' | 'deny' | 'escalate', reason: string) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, action);
  const level = await mustHoldAuthority(ctx, actor, c);
  if (action === 'escalate' && c.approval_escalated === 1) throw conflict('已提请上级审批', 'Already referred upwards');
  const payload = action === 'approve' ? {} : { reason };
  return simpleMove(ctx, actor, id, action, payload, { reason, approvalLevel: level, ...(action === 'escalate' ? { to: 'station_head' } : {}) },
    action === 'escalate' ? { approval_escalated: 1 } : {});
}

export const approve = (ctx: AppContext, actor: Actor, id: string, note: string) => decide(ctx, actor, id, 'approve', note);
export const deny = (ctx: AppContext, actor: Actor, id: string, reason: string) => decide(ctx, actor, id, 'deny', reason);
/** 提请上级: the approver disagrees or lacks authority; the station head decides, and the trail says so. */
export const escalate = (ctx: AppContext, actor: Actor, id: string, reason: string) => decide(ctx, actor, id, 'escalate', reason);
