/**
 * Every move on a case and every option open to a person: the process (process.ts) decides the step-bound ones,
 * the state table the others; the consistency check of steps and state; the steps at acceptance. Pure.
 */
import { type CaseStatus, payloadProblem, type Payload, transition } from './machine.ts';
import { decide, type ProcessInput, type StepEvent } from './process.ts';
import { type CaseState, endsWithoutResult } from './states.ts';
import {
  type CaseStep,
  finished,
  isProcessAction,
  kindOf,
  names,
  type ProcessAction,
  type StepActor,
  stateFor,
  unfinishedBefore,
} from './steps.ts';
import { type CaseAction, caseActions, transitions } from './transitions.ts';

/** The process moves open to this person now, case-wide (for the action bar) and per step (for the step table). */
export function processOptions(status: CaseStatus, steps: readonly CaseStep[], actor: StepActor, leaderOnly = false) {
  const caseWide = (
    ['passReview', 'returnForRework', 'startRework', 'approve', 'deny', 'escalate', 'complete'] as const
  ).filter((action) => decide({ status, steps, actor, action, leaderOnly }).ok);
  const perStep = steps
    .filter((s) => s.status === 'active')
    .map((s) => ({
      stepId: s.id,
      actions: (['claimStep', 'finishStep', 'passReview', 'approve', 'startRework'] as const).filter(
        (action) => decide({ status, steps, actor, action, stepId: s.id, leaderOnly }).ok,
      ),
    }));
  return { caseWide, perStep };
}

/**
 * Steps and state are one truth: what the property tests and the walk check. Null when consistent, else why not.
 */
export function inconsistency(state: CaseState, steps: readonly CaseStep[]): string | null {
  if (steps.length === 0) return null;
  const active = steps.filter((s) => s.status === 'active');
  if (['completed', 'awaiting_collection', 'delivered', 'archived'].includes(state)) {
    const open = steps.filter((s) => !finished(s));
    if (open.length) return `${state} with unfinished steps ${names(open)}`;
    const nobody = steps.filter((s) => s.status === 'done' && s.assigneeId === null);
    return nobody.length ? `${state} with steps done by nobody: ${names(nobody)}` : null;
  }
  if (endsWithoutResult(state)) {
    const open = steps.filter((s) => !finished(s));
    return open.length ? `${state} with steps still open: ${names(open)}` : null;
  }
  const orders = new Set(active.map((s) => s.order));
  if (orders.size > 1) return `active steps in ${orders.size} orders`;
  for (const a of active) {
    const early = unfinishedBefore(steps, a.order);
    if (early.length) return `${a.name} active before ${names(early)}`;
    if (steps.some((s) => s.order > a.order && s.status !== 'pending')) return `a step after ${a.name} already started`;
  }
  if (['accepted', 'in_process', 'in_review', 'in_approval'].includes(state)) {
    // Only a process without a window completion step waits for 办结 with no step active.
    if (active.length === 0 && steps.some((s) => !finished(s))) return `${state} without an active step`;
    if (stateFor(steps, state) !== state) return `${state} but the active steps say ${stateFor(steps, state)}`;
  }
  if (state === 'approved' || state === 'denied') {
    if (active.some((s) => kindOf(s, steps) !== 'completion')) return `${state} with a back-office step still active`;
  }
  return null;
}

export type MoveResult =
  | {
      ok: true;
      status: CaseStatus;
      steps: CaseStep[];
      event: StepEvent | { action: CaseAction; from: CaseState; to: CaseState; detail: Record<string, unknown> };
      stepId: string | null;
      activated: string[];
    }
  | {
      ok: false;
      code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'UNFINISHED_STEPS' | 'VALIDATION';
      zh: string;
      en: string;
      field?: string;
      unfinished?: string[];
    };

/**
 * Any move on a case: the process decides the step-bound ones, the state table the others (clock, verification,
 * delivery, archive); the table's post check also holds for 办结. The one function the case core calls.
 */
export function caseMove(
  input: Omit<ProcessInput, 'action'> & { action: CaseAction | ProcessAction; payload?: Payload | undefined },
): MoveResult {
  const { status, steps, actor, action } = input;
  if (isProcessAction(action)) {
    const r = decide({ ...input, action });
    if (!r.ok) return r;
    if (action === 'complete' && !transitions.complete.roles.some((x) => actor.roles.includes(x))) {
      return { ok: false, code: 'FORBIDDEN', zh: '您的岗位无权办结', en: 'Your post may not complete a case' };
    }
    if (
      input.payload &&
      action !== 'claimStep' &&
      action !== 'startRework' &&
      action !== 'escalate' &&
      (caseActions as readonly string[]).includes(action)
    ) {
      const p = payloadProblem(status, action as CaseAction, input.payload);
      if (p) return { ok: false, code: 'VALIDATION', zh: p.zh, en: p.en, field: p.field };
    }
    return r;
  }
  const t = transition(status, action, actor.roles);
  if (!t.ok) return t;
  if (input.payload) {
    const p = payloadProblem(status, action, input.payload);
    if (p) return { ok: false, code: 'VALIDATION', zh: p.zh, en: p.en, field: p.field };
  }
  return {
    ok: true,
    status: t.to,
    steps: endsWithoutResult(t.to.state)
      ? steps.map((s) => (finished(s) ? s : { ...s, status: 'skipped' as const }))
      : [...steps],
    stepId: null,
    activated: [],
    event: { action, from: status.state, to: t.to.state, detail: {} },
  };
}

/** Every action open to this person now: the state table's (outside the process) and the process's. */
export function caseOptions(status: CaseStatus, steps: readonly CaseStep[], actor: StepActor, leaderOnly = false) {
  const p = processOptions(status, steps, actor, leaderOnly);
  const table = caseActions.filter((a) => !isProcessAction(a) && transition(status, a, actor.roles).ok);
  const caseWide = p.caseWide.filter(
    (a) => a !== 'complete' || transitions.complete.roles.some((x) => actor.roles.includes(x)),
  );
  return { actions: [...table, ...caseWide] as string[], perStep: p.perStep };
}

/**
 * At acceptance: the window's reception order is done by the accepting clerk and the first order after it
 * starts. The state the case then stands in follows that order's kind (审核中 for a review, 已受理 for 分办).
 */
export function startProcess(
  steps: readonly CaseStep[],
  actor: StepActor,
): { steps: CaseStep[]; state: CaseState; activated: string[] } {
  if (steps.length === 0) return { steps: [], state: 'accepted', activated: [] };
  const received = steps.map((s) =>
    kindOf(s, steps) === 'reception'
      ? { ...s, status: 'done' as const, assigneeId: actor.userId, assigneeName: actor.name }
      : s,
  );
  const first = Math.min(...received.filter((s) => s.status === 'pending').map((s) => s.order));
  const activated = received.filter((s) => s.order === first && s.status === 'pending').map((s) => s.id);
  const next = received.map((s) => (activated.includes(s.id) ? { ...s, status: 'active' as const } : s));
  return { steps: next, state: stateFor(next, 'accepted'), activated };
}
