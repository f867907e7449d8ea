/**
 * Decisions on a case in the back office: verification with the front desk (R4.3), business review with its
 * rework loop (R5.3) and approval at the item's authority level (R5.2). Every move goes through the state
 * machine and lands on the trail and in the audit log, one transaction each.
 */
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { caseDetail, checkMove, loadCase, moveCase, pinnedItem } from '../cases/service.ts';
import * as cases from '../cases/service.ts';
import { assertDeferredMaterialsIn } from '../deferrals/service.ts';
import { stepMove } from './service.ts';

/** 沟通核实: the handler asks the front desk; the answer is due within `responseDays` working days. */
export async function askVerification(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { question: string; responseDays: number },
) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'askFrontDeskToVerify');
  const now = ctx.clock.now();
  const calendar = await calendarOf(ctx.db, c.hall_id);
  const { deadline: responseDeadline, provisional } = calendar.addWorkingDays(chinaDay(now), input.responseDays);
  const mine = (await cases.stepsOf(ctx.db, id)).find((s) => s.status === 'active' && s.assignee_id === actor.userId);
  const vid = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'askFrontDeskToVerify',
      payload: { question: input.question, responseDeadline },
      detail: {
        verificationId: vid,
        question: input.question,
        responseDeadline,
        provisional,
        step: mine?.name ?? null,
      },
    });
    await cases.insertVerification(trx, {
      id: vid,
      case_id: id,
      step_id: mine?.id ?? null,
      question: input.question,
      response_deadline: responseDeadline,
      response_deadline_provisional: provisional ? 1 : 0,
      asked_by: actor.userId,
      asked_by_name: actor.displayName,
      asked_at: now,
      answer: null,
      answered_by_name: null,
      answered_at: null,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.verification_ask', 'case', id, { verificationId: vid, responseDeadline }),
    );
  });
  return caseDetail(ctx, actor, id);
}

/** The front desk's answer goes back to the step that asked. */
export async function answerVerification(ctx: AppContext, actor: Actor, id: string, answer: string) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'answerVerification', { answer });
  const open = await cases.openVerification(ctx.db, id);
  if (!open) throw conflict('没有待答复的核实事项', 'No open verification question');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'answerVerification',
      payload: { answer },
      detail: { verificationId: open.id, question: open.question, answer, stepId: open.step_id },
    });
    await cases.answerVerification(trx, open.id, { answer, answered_by_name: actor.displayName, answered_at: now });
    await appendAudit(trx, byActor(actor, now, 'case.verification_answer', 'case', id, { verificationId: open.id }));
  });
  return caseDetail(ctx, actor, id);
}

/** Start and submit are not separate moves any more: the case follows its process by itself; both answer 409. */
export const startReview = (ctx: AppContext, actor: Actor, id: string) =>
  stepMove(ctx, actor, id, { action: 'startReview', audit: 'case.startReview' });
export const submitForApproval = (ctx: AppContext, actor: Actor, id: string) =>
  stepMove(ctx, actor, id, { action: 'submitForApproval', audit: 'case.submitForApproval' });

/**
 * 审核通过: the review step the actor may work is done; when its parallel siblings are too, the next order starts
 * and the case follows it (审批中 for an approval step) without anyone submitting it.
 */
export const passReview = (ctx: AppContext, actor: Actor, id: string, note: string) =>
  stepMove(ctx, actor, id, { action: 'passReview', detail: { note }, audit: 'case.passReview' });

/** 退回重办 from a review or approval step: the back-office order before it is worked again; reasons on the trail. */
export const returnForRework = (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  stepMove(ctx, actor, id, {
    action: 'returnForRework',
    payload: { reason },
    detail: { reason },
    audit: 'case.returnForRework',
  });
/** 重新办理: the holder of a reopened step takes up the rework. */
export const startRework = (ctx: AppContext, actor: Actor, id: string) =>
  stepMove(ctx, actor, id, { action: 'startRework', audit: 'case.startRework' });

/**
 * A decision referred upwards is the station head's; the level each sign-off step needs (科室负责人, 分管领导,
 * 主要领导) is checked by the process itself, step by step.
 */
async function mustHoldAuthority(ctx: AppContext, actor: Actor, c: cases.CaseRow) {
  const { content } = await pinnedItem(ctx.db, c);
  if (c.approval_escalated === 1 && !actor.roles.includes('station_head')) {
    throw forbidden('该办件已提请上级审批，须由站长决定', 'This decision belongs to the station head');
  }
  return content.approvalLevel;
}

async function decide(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: 'approve' | 'deny' | 'escalate',
  reason: string,
) {
  const c = await loadCase(ctx.db, actor, id);
  const level = await mustHoldAuthority(ctx, actor, c);
  if (action === 'approve') await assertDeferredMaterialsIn(ctx.db, id);
  if (action === 'escalate' && c.approval_escalated === 1) throw conflict('已提请上级审批', 'Already referred upwards');
  return stepMove(ctx, actor, id, {
    action,
    payload: action === 'approve' ? {} : { reason },
    audit: `case.${action}`,
    approvalLevel: level,
    detail: { reason, approvalLevel: level, ...(action === 'escalate' ? { to: 'station_head' } : {}) },
    ...(action === 'escalate' ? { patch: { approval_escalated: 1 } } : {}),
  });
}

export const approve = (ctx: AppContext, actor: Actor, id: string, note: string) =>
  decide(ctx, actor, id, 'approve', note);
export const deny = (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  decide(ctx, actor, id, 'deny', reason);
/** 提请上级: the approver disagrees or lacks authority; the station head decides, and the trail says so. */
export const escalate = (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  decide(ctx, actor, id, 'escalate', reason);
