/**
 * Moving a case through the state machine: the rule check (domain/case), the guarded update and the trail
 * event, always inside the caller's transaction. Every state change goes through here.
 */
import {
  type CaseAction,
  type CaseStatus,
  endsWithoutResult,
  isProcessAction,
  parseCaseStatus,
  payloadProblem,
  stateLabels,
  transition,
} from '../../domain/case/index.ts';
import { isRoleCode, type RoleCode } from '../../domain/roles.ts';
import { webhookEventOf } from '../../domain/webhooks/index.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findApplicant } from '../applicants/service.ts';
import { findItem } from '../catalog/service.ts';
import { enqueueCaseEvent } from '../webhooks/service.ts';
import * as repo from './repository.ts';

export function statusOf(c: repo.CaseRow): CaseStatus {
  const s = parseCaseStatus(c.state, c.resume_to);
  if (!s) throw new Error(`case ${c.id} has an inconsistent status ${c.state}/${c.resume_to}`);
  return s;
}

const rolesOf = (actor: Actor): RoleCode[] => actor.roles.filter(isRoleCode);

/**
 * May the actor do `action` on the case now, with this payload? Illegal here → 409 ILLEGAL_TRANSITION,
 * not the actor's post → 403, a missing payload field → 400 naming it. Returns where the case goes.
 */
export function checkMove(
  actor: Actor,
  c: repo.CaseRow,
  action: CaseAction,
  payload?: Record<string, unknown>,
): CaseStatus {
  const from = statusOf(c);
  const r = transition(from, action, rolesOf(actor));
  if (!r.ok) throw new AppError(r.code === 'FORBIDDEN' ? 403 : 409, r.code, r.zh, r.en);
  // Without a payload only the state and the post are checked (before the caller has built the payload).
  if (payload === undefined) return r.to;
  const problem = payloadProblem(from, action, payload);
  if (problem) throw invalid(problem.field, problem.zh, problem.en);
  return r.to;
}

export interface Move {
  action: CaseAction;
  payload?: Record<string, unknown>;
  patch?: Partial<repo.CaseRow>;
  detail?: Record<string, unknown>;
}

/** A trail event as the caller words it; `at` is when it happened. */
export interface TrailEvent {
  at: number;
  action: string;
  from: string | null;
  to: string;
  detail?: Record<string, unknown>;
}

/**
 * A checked move not yet written: the patch that takes the case row there and the trail event that says so. For a
 * caller that writes it together with more (the acceptance's hand-over); others use moveCase.
 */
export function planMove(actor: Actor, c: repo.CaseRow, now: number, m: Move) {
  // A move along the process (steps, review, approval, 办结) is the process's: it goes through cases/process.ts.
  if (isProcessAction(m.action)) throw new Error(`${m.action} is a process move; use processMove`);
  const to = checkMove(actor, c, m.action, m.payload ?? {});
  const resumeTo = to.state === 'suspended' ? to.resumeTo : null;
  const patch = { ...m.patch, state: to.state, resume_to: resumeTo, updated_at: now };
  const event: TrailEvent = { at: now, action: m.action, from: c.state, to: to.state, detail: m.detail };
  return { patch, event };
}

export const changedMeanwhile = () =>
  new AppError(409, 'CONFLICT', '办件已被他人处理，请刷新后重试', 'The case was changed meanwhile; reload and retry');

/** Applies a checked move: the case row changes only if nobody moved it meanwhile; the trail gets the event. */
export async function moveCase(trx: Db, actor: Actor, c: repo.CaseRow, now: number, m: Move): Promise<repo.CaseRow> {
  const { patch, event } = planMove(actor, c, now, m);
  if (!(await repo.updateCaseFrom(trx, c.id, c.state, patch))) throw changedMeanwhile();
  if (endsWithoutResult(patch.state)) await repo.skipOpenSteps(trx, c.id);
  await recordEvents(trx, actor, c.id, [event]);
  return { ...c, ...patch };
}

export async function recordEvent(
  trx: Db,
  actor: Actor,
  caseId: string,
  now: number,
  e: { action: string; from: string | null; to: string; detail?: Record<string, unknown> },
): Promise<void> {
  await recordEvents(trx, actor, caseId, [{ ...e, at: now }]);
}

/** One case's events, in this order, in one insert; each is then queued for the machine clients that hear of it. */
export async function recordEvents(trx: Db, actor: Actor, caseId: string, events: readonly TrailEvent[]) {
  await repo.insertEvents(
    trx,
    events.map((e) => ({
      id: newId(e.at),
      case_id: caseId,
      at: e.at,
      user_id: actor.userId,
      username: actor.username,
      display_name: actor.displayName,
      action: e.action,
      from_state: e.from,
      to_state: e.to,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })),
  );
  for (const e of events) await pushCaseEvent(trx, caseId, e.at, e);
}

/**
 * 事件推送: every trail event machine clients hear of is queued here, in the same transaction as the trail row,
 * so a committed move is never lost and a rolled-back one never sent. The case row already holds the move.
 */
async function pushCaseEvent(
  trx: Db,
  caseId: string,
  now: number,
  e: { action: string; to: string; detail?: Record<string, unknown> | undefined },
) {
  const type = webhookEventOf(e.action);
  if (!type) return;
  const statusLabel = stateLabels[e.to as keyof typeof stateLabels] ?? e.to;
  await enqueueCaseEvent(trx, { type, at: now, to: e.to, statusLabel, detail: e.detail }, async () => {
    const c = await repo.findCase(trx, caseId);
    if (!c) return null;
    const [applicant, item] = await Promise.all([findApplicant(trx, c.applicant_id), findItem(trx, c.item_id)]);
    return {
      id: c.id,
      hallId: c.hall_id,
      caseNo: c.case_no,
      itemCode: item?.code ?? null,
      itemName: c.item_name,
      applicantName: applicant?.name ?? '',
      applicantKind: applicant?.kind ?? 'person',
      deadline: c.deadline,
      acceptedAt: c.accepted_at === null ? null : Number(c.accepted_at),
    };
  });
}
