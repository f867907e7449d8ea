/**
 * 上报主管: a clerk or back-office worker puts a difficult case to the window supervisor with a reason; the
 * supervisor (or the station head) decides once, with a note, and the case goes on. Each step is on the case's
 * trail and in the audit log, in one transaction.
 */
import {
  mayDecide,
  mayRaise,
  mayRefer,
  type EscalationDecision,
  type EscalationLevel,
} from '../../domain/case-support/escalation.ts';
import { terminalStates } from '../../domain/case/index.ts';
import { isRoleCode } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { caseHeadings, loadCase, recordEvent } from '../cases/service.ts';
import { visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { Escalation } from './schema.ts';

const rolesOf = (actor: Actor) => actor.roles.filter(isRoleCode);

/** Once the result is out (办结 and after) or the case has ended there is nothing left to decide. */
const closedStates: readonly string[] = [...terminalStates, 'completed', 'awaiting_collection', 'delivered'];

export function presentEscalation(e: repo.EscalationRow): Escalation {
  return {
    id: e.id,
    caseId: e.case_id,
    level: e.level as EscalationLevel,
    parentId: e.parent_id,
    reason: e.reason,
    raisedBy: e.raised_by_name,
    raisedAt: Number(e.raised_at),
    status: e.status as Escalation['status'],
    decision: (e.decision ?? null) as EscalationDecision | null,
    note: e.note,
    decidedBy: e.decided_by_name,
    decidedAt: e.decided_at === null ? null : Number(e.decided_at),
  };
}

const decisionLabels: Record<EscalationDecision, string> = { proceed: '同意办理', return: '退回', refer: '转站长' };

export async function caseEscalations(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const rows = await repo.escalationsOfCase(ctx.db, c.id);
  const open = rows.find((r) => r.status === 'open');
  return {
    items: rows.map(presentEscalation),
    mayRaise: !open && mayRaise(rolesOf(actor)) && !closedStates.includes(c.state),
    mayDecideOpen: !!open && mayDecide(open.level as EscalationLevel, rolesOf(actor)),
  };
}

export async function raiseEscalation(ctx: AppContext, actor: Actor, caseId: string, input: { reason: string }) {
  if (!mayRaise(rolesOf(actor)))
    throw forbidden('只有窗口受理员和后台办理人员可以上报主管', 'Only window clerks and back-office staff escalate');
  if (!input.reason) throw invalid('reason', '请填写上报原因', 'Give the reason for the escalation');
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    // Read inside the transaction: the trail event names the state the case is in when it is escalated.
    const c = await loadCase(trx, actor, caseId);
    if (closedStates.includes(c.state))
      throw conflict('办件已办结或已终结，无需上报', 'The case is finished; nothing to escalate');
    if (await repo.openEscalationOfCase(trx, c.id))
      throw conflict('该办件已有待决的上报，请等待主管决定', 'The case already has an open escalation');
    await repo.insertEscalation(trx, {
      id,
      hall_id: c.hall_id,
      case_id: c.id,
      level: 'supervisor',
      parent_id: null,
      reason: input.reason,
      raised_by: actor.userId,
      raised_by_name: actor.displayName,
      raised_at: now,
      status: 'open',
      decision: null,
      note: null,
      decided_by: null,
      decided_by_name: null,
      decided_at: null,
    });
    await recordEvent(trx, actor, c.id, now, {
      action: 'escalationRaised',
      from: c.state,
      to: c.state,
      detail: { escalationId: id, reason: input.reason, to: '窗口主管' },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.escalation_raise', 'case', c.id, {
        escalationId: id,
        caseNo: c.case_no,
        reason: input.reason,
      }),
    );
  });
  return caseEscalations(ctx, actor, caseId);
}

/** The decision is taken once: a second one (or a concurrent one that lost) is a 409, and nothing is written. */
export async function decideEscalation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { decision: EscalationDecision; note: string },
) {
  const e = await repo.findEscalation(ctx.db, id);
  if (!e || !actor.hallIds.includes(e.hall_id)) throw notFound('上报事项', 'Escalation');
  const level = e.level as EscalationLevel;
  if (!mayDecide(level, rolesOf(actor))) {
    throw forbidden(
      level === 'station_head' ? '该上报已转站长，须由站长决定' : '只有窗口主管或站长可以决定上报事项',
      'Only the window supervisor or the station head decides',
    );
  }
  if (e.status !== 'open') throw alreadyDecided();
  if (input.decision === 'refer' && !mayRefer(level))
    throw invalid(
      'decision',
      '站长已是最终决定人，不能再转',
      'The station head decides; it cannot be referred further',
    );
  const now = ctx.clock.now();
  const referralId = input.decision === 'refer' ? newId(now) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const c = await loadCase(trx, actor, e.case_id);
    const first = await repo.decideFrom(trx, id, {
      decision: input.decision,
      note: input.note,
      decided_by: actor.userId,
      decided_by_name: actor.displayName,
      decided_at: now,
    });
    if (!first) throw alreadyDecided();
    if (referralId) {
      await repo.insertEscalation(trx, {
        id: referralId,
        hall_id: e.hall_id,
        case_id: e.case_id,
        level: 'station_head',
        parent_id: id,
        reason: e.reason,
        raised_by: actor.userId,
        raised_by_name: actor.displayName,
        raised_at: now,
        status: 'open',
        decision: null,
        note: null,
        decided_by: null,
        decided_by_name: null,
        decided_at: null,
      });
    }
    await recordEvent(trx, actor, c.id, now, {
      action: 'escalationDecided',
      from: c.state,
      to: c.state,
      detail: {
        escalationId: id,
        decision: input.decision,
        decisionLabel: decisionLabels[input.decision],
        note: input.note,
        ...(referralId ? { referredTo: referralId } : {}),
      },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.escalation_decide', 'case', c.id, {
        escalationId: id,
        decision: input.decision,
        note: input.note,
        referralId,
      }),
    );
  });
  return presentEscalation((await repo.findEscalation(ctx.db, id))!);
}

const alreadyDecided = () =>
  new AppError(
    409,
    'CONFLICT',
    '该上报事项已有决定，不能再次决定',
    'The escalation has already been decided',
    'decision',
  );

/** What waits for the actor's decision: a supervisor sees what was put to supervisors, the station head everything. */
function decidableLevels(actor: Actor): EscalationLevel[] {
  const roles = rolesOf(actor);
  return (['supervisor', 'station_head'] as const).filter((l) => mayDecide(l, roles));
}

/** Open escalations with their case's number, item and state, as the case core tells them. */
async function openWithCases(ctx: AppContext, hallIds: string[], levels: string[]) {
  const rows = await repo.openEscalations(ctx.db, hallIds, levels);
  const cases = await caseHeadings(
    ctx.db,
    rows.map((r) => r.case_id),
  );
  return rows.flatMap((r) => {
    const c = cases.get(r.case_id);
    return c ? [{ ...r, case_no: c.case_no, item_name: c.item_name, case_state: c.state }] : [];
  });
}

export async function pendingEscalations(ctx: AppContext, actor: Actor, q: { hallId?: string }) {
  const levels = decidableLevels(actor);
  if (!levels.length)
    throw forbidden(
      '只有窗口主管或站长可以查看上报待决',
      'Only the window supervisor or the station head decides escalations',
    );
  const rows = await openWithCases(ctx, visibleHallIds(actor, q.hallId), levels);
  const items = rows.map((r) => ({
    ...presentEscalation(r),
    caseNo: r.case_no,
    itemName: r.item_name,
    caseState: r.case_state,
  }));
  return { items, total: items.length };
}

/** The menu's count: zero for someone who decides nothing, so every member of staff may ask. */
export async function pendingCount(ctx: AppContext, actor: Actor) {
  const levels = decidableLevels(actor);
  if (!levels.length) return { open: 0 };
  return { open: (await repo.openEscalations(ctx.db, actor.hallIds, levels)).length };
}

/** Every open escalation of the halls, for the 电子监察 board. */
export async function openForBoard(ctx: AppContext, hallIds: string[]) {
  const rows = await openWithCases(ctx, hallIds, ['supervisor', 'station_head']);
  return rows.map((r) => ({ ...presentEscalation(r), caseNo: r.case_no, itemName: r.item_name }));
}
