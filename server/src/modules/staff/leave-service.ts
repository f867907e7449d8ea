/** 请假: a request, confirmed by the B post, decided by the approver its length calls for, or cancelled. */
import { addDays } from '../../domain/calendar/days.ts';
import { type LeaveKind, leaveApprover, leaveKindLabels } from '../../domain/staff/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { assertHallAccess } from '../org/service.ts';
import { coverChanged } from './cover-service.ts';
import * as repo from './repository.ts';
import type { LeaveInput, leaveStatuses } from './schema.ts';

import { assertStaffOfHall } from './hall-staff-service.ts';

const presentLeave = (l: repo.LeaveRow) => ({
  id: l.id,
  hallId: l.hall_id,
  userId: l.user_id,
  userName: l.user_name,
  kind: l.kind as LeaveKind,
  fromDay: l.from_day,
  toDay: l.to_day,
  workingDays: Number(l.working_days),
  reason: l.reason,
  contact: l.contact,
  bUserId: l.b_user_id,
  bUserName: l.b_user_name,
  bConfirmedAt: l.b_confirmed_at === null ? null : Number(l.b_confirmed_at),
  approverRole: l.approver_role,
  status: l.status as (typeof leaveStatuses)[number],
  decidedByName: l.decided_by_name,
  decidedAt: l.decided_at === null ? null : Number(l.decided_at),
  decisionNote: l.decision_note,
  createdAt: Number(l.created_at),
});

/** Contact during leave: a phone number is kept masked (138****0009); any other note as written. */
const maskedContact = (s: string) => s.replace(/(1\d{2})\d{4}(\d{4})/g, '$1****$2');

export async function requestLeave(ctx: AppContext, actor: Actor, input: LeaveInput) {
  assertHallAccess(actor, input.hallId);
  if (input.toDay < input.fromDay)
    throw invalid('toDay', '结束日期不能早于开始日期', 'The last day is before the first');
  if (input.bUserId === actor.userId) throw invalid('bUserId', 'B 岗人员不能是本人', 'B must be someone else');
  const b = await assertStaffOfHall(ctx, input.hallId, input.bUserId, 'bUserId');
  const cal = await calendarOf(ctx.db, input.hallId);
  let working = 0;
  for (let d = input.fromDay; d <= input.toDay; d = addDays(d, 1)) if (cal.isWorkingDay(d)) working++;
  if (working === 0) throw invalid('toDay', '所选日期内没有工作日，无需请假', 'No working day in this span');
  if (working > 60) throw invalid('toDay', '单次请假不超过 60 个工作日', 'At most 60 working days at once');
  const now = ctx.clock.now();
  const row: repo.LeaveRow = {
    id: newId(now),
    hall_id: input.hallId,
    user_id: actor.userId,
    user_name: actor.displayName,
    kind: input.kind,
    from_day: input.fromDay,
    to_day: input.toDay,
    working_days: working,
    reason: input.reason,
    contact: maskedContact(input.contact),
    b_user_id: b.id,
    b_user_name: b.display_name,
    b_confirmed_at: null,
    approver_role: leaveApprover(working, actor.roles),
    status: 'requested',
    decided_by_id: null,
    decided_by_name: null,
    decided_at: null,
    decision_note: null,
    created_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertLeave(trx, row);
    await appendAudit(
      trx,
      byActor(actor, now, 'staff.leave.request', 'staff_leave', row.id, {
        kind: leaveKindLabels[input.kind],
        from: input.fromDay,
        to: input.toDay,
        b: b.id,
      }),
    );
  });
  return presentLeave(row);
}

async function loadLeave(ctx: AppContext, actor: Actor, id: string) {
  const l = await repo.findLeave(ctx.db, id);
  if (!l || !actor.hallIds.includes(l.hall_id)) throw notFound('请假申请', 'Leave request');
  return l;
}

async function moveLeave(
  ctx: AppContext,
  actor: Actor,
  l: repo.LeaveRow,
  patch: Partial<repo.LeaveRow>,
  action: string,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateLeaveFrom(trx, l.id, l.status, patch)))
      throw conflict('申请已被他人处理，请刷新', 'The request changed meanwhile; reload');
    await appendAudit(trx, byActor(actor, now, action, 'staff_leave', l.id, { from: l.status, to: patch.status }));
    // AB岗: an approved leave may leave someone uncovered now; the supervisor hears at once.
    if (patch.status === 'approved') await coverChanged(trx, [l.hall_id], now);
  });
  return presentLeave({ ...l, ...patch });
}

/** The B person confirms they will cover. */
export async function confirmLeave(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLeave(ctx, actor, id);
  if (l.b_user_id !== actor.userId)
    throw forbidden('只有被指定的 B 岗人员可以确认', 'Only the named B person confirms');
  if (l.status !== 'requested') throw conflict('该申请不在待确认状态', 'Not waiting for confirmation');
  return moveLeave(ctx, actor, l, { status: 'confirmed', b_confirmed_at: ctx.clock.now() }, 'staff.leave.confirm');
}

const mayApprove = (actor: Actor, role: string) =>
  actor.roles.includes('station_head') || (role === 'supervisor' && actor.roles.includes('supervisor'));

export async function decideLeave(ctx: AppContext, actor: Actor, id: string, d: { approve: boolean; note: string }) {
  const l = await loadLeave(ctx, actor, id);
  if (l.user_id === actor.userId) throw forbidden('不能审批本人的请假', 'You cannot decide your own leave');
  if (!mayApprove(actor, l.approver_role))
    throw forbidden('该请假须由站长审批（超过 3 个工作日或主管本人请假）', 'This leave needs the station head');
  if (d.approve && l.status !== 'confirmed')
    throw conflict('须先由 B 岗人员确认顶岗', 'The B person must confirm first', 'status');
  if (l.status !== 'confirmed' && l.status !== 'requested') throw conflict('该申请已处理', 'Already decided');
  if (!d.approve && !d.note) throw invalid('note', '不批准须写明理由', 'Give the reason for refusing');
  const now = ctx.clock.now();
  return moveLeave(
    ctx,
    actor,
    l,
    {
      status: d.approve ? 'approved' : 'rejected',
      decided_by_id: actor.userId,
      decided_by_name: actor.displayName,
      decided_at: now,
      decision_note: d.note || null,
    },
    d.approve ? 'staff.leave.approve' : 'staff.leave.reject',
  );
}

export async function cancelLeave(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLeave(ctx, actor, id);
  if (l.user_id !== actor.userId) throw forbidden('只能撤回本人的申请', 'Only your own request');
  if (l.status === 'rejected' || l.status === 'cancelled') throw conflict('该申请已结束', 'Already closed');
  return moveLeave(ctx, actor, l, { status: 'cancelled' }, 'staff.leave.cancel');
}

export async function listLeaves(ctx: AppContext, actor: Actor, hallId: string, status?: string) {
  assertHallAccess(actor, hallId);
  const rows = await repo.leavesInHalls(ctx.db, [hallId], status);
  // Staff see their own requests and those naming them as B; managers see the hall's.
  const all = actor.permissions.has('staff.manage') || actor.permissions.has('staff.leave.approve');
  return {
    items: rows.filter((l) => all || l.user_id === actor.userId || l.b_user_id === actor.userId).map(presentLeave),
  };
}

/* ---------------------------------------------------------------- cover as seen by people */
