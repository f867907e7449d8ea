/**
 * 待办 (R4.1): the department inbox (部门待办), the personal one (个人待办) and the steps stuck at hand-over (交接滞留),
 * each step with its own and its case's clock light. The reading side of the step work, apart from service.ts so
 * that file keeps to the step actions; `directs` (who may see and direct work beyond their own departments) is
 * here and assigning a step in service.ts shares it, and service.ts re-exports `myInbox` for the workbench.
 */
import { authorityLevels, holdsAuthority, isAuthorityLevel, workable } from '../../domain/case/index.ts';
import { isRoleCode } from '../../domain/roles.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { calendarOf } from '../calendar/service.ts';
import { calendarCache, lightOf } from '../cases/service.ts';
import * as cases from '../cases/service.ts';
import { coveredDepartments, coveredNow } from '../staff/service.ts';
import { visibleHallIds } from '../org/service.ts';

/** Supervisors, routers and the station head direct work; others act within their own departments. */
export const directs = (actor: Actor) =>
  actor.roles.some((r) => r === 'supervisor' || r === 'router' || r === 'station_head');

export interface InboxQuery {
  hallId?: string | undefined;
  departmentId?: string | undefined;
  unassigned?: boolean | undefined;
  urgency?: string | undefined;
  light?: 'green' | 'yellow' | 'red' | undefined;
  q?: string | undefined;
}

async function presentInbox(ctx: AppContext, rows: cases.InboxRow[], light?: string, covering?: Set<string>) {
  const today = chinaDay(ctx.clock.now());
  const calendarFor = calendarCache(ctx.db);
  const items = [];
  for (const r of rows) {
    const cal = await calendarFor(r.hall_id);
    const stepLight = lightOf(cal, today, r.deadline, r.warning_days);
    if (light && stepLight !== light) continue;
    items.push({
      stepId: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      itemName: r.item_name,
      applicantName: r.applicant_name,
      state: r.state,
      urgency: r.urgency,
      stepName: r.name,
      stepOrder: r.step_order,
      role: r.role,
      departmentId: r.department_id,
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
      coverFor: r.assignee_id && covering?.has(r.assignee_id) ? (r.assignee_name ?? '') : null,
      activatedAt: r.activated_at === null ? null : Number(r.activated_at),
      stepDeadline: r.deadline ?? null,
      stepLight,
      stepDeadlineProvisional: r.deadline_provisional === 1,
      caseDeadlineProvisional: r.case_deadline_provisional === 1,
      caseDeadline: r.case_deadline,
      caseLight: lightOf(cal, today, r.case_deadline, r.warning_days),
    });
  }
  return { items, total: items.length };
}

/** 部门待办: the active steps of a department (the actor's own unless they direct the hall's work). */
export async function departmentInbox(ctx: AppContext, actor: Actor, q: InboxQuery & { departmentId: string }) {
  if (
    !actor.departmentIds.includes(q.departmentId) &&
    !directs(actor) &&
    // AB岗: B sees the department inbox of the A they act for now.
    !(await coveredDepartments(ctx.db, actor.userId, ctx.clock.now())).includes(q.departmentId)
  )
    throw forbidden('只能查看本部门的待办', 'Only your own department’s work');
  const rows = await cases.inbox(ctx.db, { ...q, hallIds: visibleHallIds(actor, q.hallId) });
  return presentInbox(ctx, rows, q.light);
}

/** 个人待办: the steps the actor holds, and the unclaimed ones their post and department may take (分办 for the router). */
export async function myInbox(ctx: AppContext, actor: Actor, q: InboxQuery) {
  const w = workable(actor.roles.filter(isRoleCode));
  const level = isAuthorityLevel(actor.authorityLevel) ? actor.authorityLevel : null;
  const actingFor = await coveredNow(ctx.db, actor.userId, ctx.clock.now());
  const openTo = {
    userId: actor.userId,
    actingFor,
    roles: w.roles,
    departmentIds: actor.departmentIds,
    hallWide: w.hallWide,
    authorities: authorityLevels.filter((l) => holdsAuthority(level, l)),
  };
  const rows = await cases.inbox(ctx.db, {
    ...q,
    unassigned: undefined,
    openTo,
    hallIds: visibleHallIds(actor, q.hallId),
  });
  return presentInbox(ctx, rows, q.light, new Set(actingFor));
}

/** 交接滞留: steps activated but unclaimed for more than `workingDays` working days (default 1). */
export async function stuckSteps(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string | undefined; workingDays: number },
) {
  const rows = await cases.inbox(ctx.db, { hallIds: visibleHallIds(actor, q.hallId), unassigned: true });
  const today = chinaDay(ctx.clock.now());
  const { items } = await presentInbox(ctx, rows);
  const out = [];
  for (const [i, r] of rows.entries()) {
    if (r.activated_at === null) continue;
    const cal = await calendarOf(ctx.db, r.hall_id);
    const waited = cal.workingDaysBetween(chinaDay(Number(r.activated_at)), today).workingDays;
    if (waited > q.workingDays) out.push({ ...items[i]!, waitedWorkingDays: waited });
  }
  return { items: out, total: out.length };
}
