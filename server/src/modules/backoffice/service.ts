/**
 * The back office's work on steps (R4.1, R4.2): claim, assign, hand over, finishing a step (the next order is
 * activated once every parallel step of this one is done, each hand-over on a routing slip), rerouting with a
 * reason, and the colleagues a step can go to. The inboxes per department and person and the steps stuck at
 * hand-over are in inbox-service.ts (`myInbox` is re-exported here for the workbench).
 */
import { authorityLabels, holdsAuthority, holdsPost, isAuthorityLevel } from '../../domain/case/index.ts';
import { isRoleCode, roleDefinition } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadCase, caseDetail, type ProcessMove, processMove, moveCase, recordEvent } from '../cases/service.ts';
import * as cases from '../cases/service.ts';
import { rolesOfUser } from '../accounts/service.ts';
import { actingFor } from '../staff/service.ts';
import { assertPostReady, missingForPost, missingNames } from '../training/service.ts';
import { directs } from './inbox-service.ts';
import * as repo from './repository.ts';

const roleName = (r: string) => (isRoleCode(r) ? roleDefinition(r).name : r);

const changedMeanwhile = () =>
  new AppError(409, 'CONFLICT', '环节已被他人处理，请刷新后重试', 'The step was changed meanwhile; reload and retry');

async function loadStep(ctx: AppContext, actor: Actor, caseId: string, stepId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const s = await cases.findStep(ctx.db, stepId);
  if (!s || s.case_id !== c.id) throw notFound('环节', 'Step');
  return { c, s };
}

function mustBeActive(s: cases.StepRow) {
  if (s.status !== 'active')
    throw new AppError(409, 'ILLEGAL_TRANSITION', '该环节当前未在办理中', 'The step is not active');
}

/** One process move on a case, in one transaction with its audit record; answers the case detail. */
export async function stepMove(ctx: AppContext, actor: Actor, caseId: string, m: ProcessMove & { audit: string }) {
  const c = await loadCase(ctx.db, actor, caseId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await processMove(trx, actor, c, now, m);
    await appendAudit(
      trx,
      byActor(actor, now, m.audit, 'case', c.id, {
        stepId: r.stepId,
        from: c.state,
        to: r.row.state,
        ...m.detail,
        // AB岗: B working A's step is audited as B for A.
        ...(r.actingFor ? { actingFor: r.actingFor.id } : {}),
      }),
    );
  });
  return caseDetail(ctx, actor, caseId);
}

/** 认领: someone holding the step's post (and department) takes an unclaimed active step. */
export async function claimStep(ctx: AppContext, actor: Actor, caseId: string, stepId: string) {
  await assertPostReady(ctx.db, actor.userId);
  return stepMove(ctx, actor, caseId, { action: 'claimStep', stepId, audit: 'case.step_claim' });
}

/** The colleague a step goes to must be able to work it: its post, its department and, for a sign-off, its level. */
async function assigneeFor(ctx: AppContext, c: cases.CaseRow, s: cases.StepRow, userId: string) {
  const u = await repo.userInHall(ctx.db, userId, c.hall_id);
  if (u?.status !== 'active')
    throw invalid('userId', '该人员不存在或不在本大厅', 'No such active colleague in the hall');
  const [roles, deps] = await Promise.all([rolesOfUser(ctx.db, userId), repo.departmentsOfUser(ctx.db, userId)]);
  const colleague = {
    userId: u.id,
    name: u.display_name,
    roles: roles.map((r) => r.role).filter(isRoleCode),
    departmentIds: deps.map((d) => d.department_id),
    authority: isAuthorityLevel(u.authority_level) ? u.authority_level : null,
  };
  const step = { role: s.role, departmentId: s.department_id };
  if (!holdsPost({ ...colleague, departmentIds: [] }, { ...step, departmentId: null }))
    throw invalid(
      'userId',
      `该人员不在「${s.name}」环节的岗位（${roleName(s.role)}）上`,
      'The colleague does not hold the step’s post',
    );
  if (!holdsPost(colleague, step))
    throw invalid('userId', '该人员不属于环节所在部门', 'The colleague is not in the step’s department');
  const needed = isAuthorityLevel(s.authority) ? s.authority : null;
  if (!holdsAuthority(colleague.authority, needed))
    throw invalid(
      'userId',
      `「${s.name}」须由${authorityLabels[needed!].zh}及以上审批权限的人员签批`,
      'The colleague lacks the authority level the step needs',
    );
  // A new colleague takes no step, claimed or given, before the pre-post training is passed.
  const missing = await missingForPost(ctx.db, u.id);
  if (missing.length)
    throw invalid(
      'userId',
      `${u.display_name}尚未通过${missingNames(missing)}，不能接办环节`,
      'The colleague has not passed the training the post needs',
    );
  return u;
}

/**
 * 指派 (by a supervisor or staff of the department) and 转交 (the assignee hands the step to a colleague with a
 * note). Both put one person on the step; the trail says who gave it to whom and why.
 */
export async function assignStep(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  stepId: string,
  input: { userId: string; note: string },
  mode: 'assign' | 'handOver',
) {
  const { c, s } = await loadStep(ctx, actor, caseId, stepId);
  mustBeActive(s);
  if (mode === 'handOver' && s.assignee_id !== actor.userId)
    throw forbidden('只有环节承办人可以转交', 'Only the step’s assignee can hand it over');
  if (mode === 'assign' && !directs(actor)) {
    const colleague =
      actor.permissions.has('case.process') && (!s.department_id || actor.departmentIds.includes(s.department_id));
    if (!colleague)
      throw forbidden('只有主管或本部门办理人员可以指派', 'Only a supervisor or the department’s staff can assign');
  }
  if (input.userId === s.assignee_id) throw invalid('userId', '该人员已是承办人', 'Already the assignee');
  const chosen = await assigneeFor(ctx, c, s, input.userId);
  const now = ctx.clock.now();
  // AB岗: while the colleague is away, the step goes to whoever acts for them (B代A), on the trail.
  const acting = (await actingFor(ctx.db, [chosen.id], now)).get(chosen.id);
  const cover = acting?.forId
    ? { forId: acting.forId, forName: acting.forName ?? '', actingId: acting.actingId, actingName: acting.actingName }
    : null;
  const u = cover ? { id: cover.actingId, display_name: `${cover.actingName}（代${cover.forName}）` } : chosen;
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await cases.updateStepFrom(trx, s.id, 'active', s.assignee_id, {
        assignee_id: u.id,
        assignee_name: u.display_name,
        claimed_at: now,
      }))
    ) {
      throw changedMeanwhile();
    }
    await recordEvent(trx, actor, c.id, now, {
      action: mode === 'assign' ? 'assignStep' : 'handOverStep',
      from: c.state,
      to: c.state,
      detail: {
        stepId: s.id,
        step: s.name,
        fromAssignee: s.assignee_name ?? null,
        toAssignee: u.display_name,
        note: input.note,
        ...(cover ? { cover: [{ stepId: s.id, ...cover }] } : {}),
      },
    });
    await appendAudit(
      trx,
      byActor(actor, now, `case.step_${mode === 'assign' ? 'assign' : 'hand_over'}`, 'case', c.id, {
        stepId: s.id,
        to: u.id,
      }),
    );
  });
  return caseDetail(ctx, actor, caseId);
}

/**
 * 交还 (AB岗): B hands a step taken while covering A back to A, once A is back. The trail says from whom to whom; A's
 * post, department and level are checked as for any assignment.
 */
export async function handBackStep(ctx: AppContext, actor: Actor, caseId: string, stepId: string, note: string) {
  const { c, s } = await loadStep(ctx, actor, caseId, stepId);
  mustBeActive(s);
  if (s.assignee_id !== actor.userId)
    throw forbidden('只有环节承办人可以交还', 'Only the step’s assignee can hand it back');
  const origin = cases.coverOriginOf(await cases.eventsOf(ctx.db, [c.id]), s.id, actor.userId);
  if (!origin)
    throw new AppError(409, 'NOT_COVER', '该环节不是代岗期间接办的，无需交还', 'The step was not taken as cover');
  const now = ctx.clock.now();
  if ((await actingFor(ctx.db, [origin.id], now)).get(origin.id)?.forId)
    throw new AppError(409, 'STILL_AWAY', `${origin.name}仍不在岗，暂不能交还`, 'The person is still away');
  const back = await assigneeFor(ctx, c, s, origin.id);
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await cases.updateStepFrom(trx, s.id, 'active', s.assignee_id, {
        assignee_id: back.id,
        assignee_name: back.display_name,
        claimed_at: now,
      }))
    )
      throw changedMeanwhile();
    await recordEvent(trx, actor, c.id, now, {
      action: 'handBackStep',
      from: c.state,
      to: c.state,
      detail: {
        stepId: s.id,
        step: s.name,
        fromAssignee: s.assignee_name ?? null,
        toAssignee: back.display_name,
        note,
      },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.step_hand_back', 'case', c.id, { stepId: s.id, to: back.id, actingFor: origin.id }),
    );
  });
  return caseDetail(ctx, actor, caseId);
}

/** 环节办结: the step is done; when its parallel siblings are too, the next order starts and the case follows it. */
export const finishStep = (ctx: AppContext, actor: Actor, caseId: string, stepId: string, note: string) =>
  stepMove(ctx, actor, caseId, { action: 'finishStep', stepId, detail: { note }, audit: 'case.step_finish' });

/** 改派: a router sends the active step(s) to another department with a reason; a new routing slip. */
export async function rerouteCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { departmentId: string; reason: string; stepId?: string | undefined },
) {
  const c = await loadCase(ctx.db, actor, caseId);
  const d = await repo.findDepartment(ctx.db, input.departmentId);
  if (!d || d.hall_id !== c.hall_id)
    throw invalid('departmentId', '部门不存在或不属于本大厅', 'No such department in the case’s hall');
  const active = (await cases.stepsOf(ctx.db, c.id)).filter(
    (s) => s.status === 'active' && (!input.stepId || s.id === input.stepId),
  );
  if (input.stepId && active.length === 0) throw invalid('stepId', '该环节不在办理中', 'The step is not active');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'reroute',
      payload: { departmentId: d.id, reason: input.reason },
      detail: {
        departmentId: d.id,
        department: d.name,
        reason: input.reason,
        steps: active.map((s) => s.name),
        fromDepartments: active.map((s) => s.department_id),
      },
    });
    for (const s of active) {
      await cases.updateStep(trx, s.id, {
        department_id: d.id,
        assignee_id: null,
        assignee_name: null,
        claimed_at: null,
      });
    }
    await cases.insertSlips(
      trx,
      active.map((s) => ({
        id: newId(now),
        case_id: c.id,
        at: now,
        step_id: s.id,
        handed_over_by: actor.userId,
        handed_over_by_name: actor.displayName,
        department_id: d.id,
      })),
    );
    await appendAudit(
      trx,
      byActor(actor, now, 'case.reroute', 'case', c.id, { departmentId: d.id, reason: input.reason }),
    );
  });
  return caseDetail(ctx, actor, caseId);
}

/** Colleagues a step of this department can go to; only for departments of the actor's own halls. */
export async function colleagues(ctx: AppContext, actor: Actor, departmentId: string) {
  const dep = await repo.findDepartment(ctx.db, departmentId);
  if (!dep) throw notFound('部门', 'Department');
  if (!actor.hallIds.includes(dep.hall_id)) throw outOfScope(notFound('部门', 'Department'), 'department', dep.id);
  const staff = await repo.departmentStaff(ctx.db, departmentId);
  // Each colleague's posts, so the assign dialog offers only those who may work the step.
  const posts = await Promise.all(staff.map((u) => rolesOfUser(ctx.db, u.id)));
  return staff.map((u, i) => ({
    id: u.id,
    name: u.display_name,
    username: u.username,
    roles: posts[i]!.map((r) => r.role),
  }));
}

export { myInbox } from './inbox-service.ts';
