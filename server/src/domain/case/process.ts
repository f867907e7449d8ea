/**
 * The item's published process as the law of the case: which step-bound moves are allowed now, for whom, which
 * steps stand in the way of a move, and where the case goes. Pure: the case core persists what this returns.
 * Steps sharing an order run in parallel and all finish before the next order starts; the case state always
 * follows the kind of the now-active step(s), so steps and state are one truth.
 */
import { authorityLabels, authorityRank } from './authority.ts';
import type { CaseStatus } from './machine.ts';
import type { CaseState } from './states.ts';
import {
  type CaseStep,
  finished,
  holdsPost,
  kindOf,
  mayWork,
  names,
  type ProcessAction,
  type StepActor,
  type StepKind,
  stateFor,
  unfinishedBefore,
} from './steps.ts';

/** States in which step work may go on; a suspended case or one waiting for the front desk waits. */
const working: readonly CaseState[] = [
  'accepted',
  'in_process',
  'in_review',
  'in_approval',
  'approved',
  'denied',
  'returned_for_rework',
];

export interface StepEvent {
  action: ProcessAction;
  from: CaseState;
  to: CaseState;
  detail: Record<string, unknown>;
}

export type ProcessResult =
  | { ok: true; status: CaseStatus; steps: CaseStep[]; event: StepEvent; stepId: string | null; activated: string[] }
  | {
      ok: false;
      code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'UNFINISHED_STEPS';
      zh: string;
      en: string;
      unfinished?: string[];
    };

const fail = (
  code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'UNFINISHED_STEPS',
  zh: string,
  en: string,
  unfinished?: string[],
): ProcessResult => ({ ok: false, code, zh, en, ...(unfinished ? { unfinished } : {}) });

/** Which step kinds each step-finishing move works on. */
const kindsFor: Partial<Record<ProcessAction, readonly StepKind[]>> = {
  finishStep: ['process', 'routing'],
  passReview: ['review'],
  approve: ['approval'],
  deny: ['approval'],
  escalate: ['approval'],
  returnForRework: ['review', 'approval'],
  startRework: ['routing', 'process', 'review', 'approval'],
  claimStep: ['routing', 'process', 'review', 'approval', 'completion'],
};

export interface ProcessInput {
  status: CaseStatus;
  steps: readonly CaseStep[];
  actor: StepActor;
  action: ProcessAction;
  /** The step acted on; without it the first active step of the right kind the actor may work. */
  stepId?: string | null | undefined;
  /** The decision belongs to the station head: a leader-level item, or one referred upwards. */
  leaderOnly?: boolean | undefined;
}

/**
 * Decide a process move: refused (with the unfinished steps named), or the new status, the new steps and the
 * trail event. The caller applies the state table's post check for moves without a step (none here).
 */
export function decide(input: ProcessInput): ProcessResult {
  const { status, steps, actor, action } = input;
  const state = status.state;
  if (action === 'startReview' || action === 'submitForApproval' || action === 'routeToDepartment') {
    return fail(
      'ILLEGAL_TRANSITION',
      '环节办结后办件自动进入下一环节，无需单独提交',
      'The case moves on by itself when a step is done',
    );
  }
  if (action === 'complete') return complete(status, steps, actor);
  const claimable = action === 'claimStep' && (state === 'suspended' || state === 'awaiting_verification');
  if (!working.includes(state) && !claimable) {
    return fail(
      'ILLEGAL_TRANSITION',
      '办件当前状态不能办理环节',
      'No step can be worked while the case is in this state',
    );
  }
  const kinds = kindsFor[action] ?? [];
  const candidates = steps.filter(
    (s) => s.status === 'active' && kinds.includes(kindOf(s, steps)) && (!input.stepId || s.id === input.stepId),
  );
  if (candidates.length === 0) {
    const active = steps.filter((s) => s.status === 'active');
    return fail(
      'ILLEGAL_TRANSITION',
      active.length ? `当前环节为「${names(active)}」，不能执行此操作` : '办件没有正在办理的环节',
      'No active step of the case allows this',
    );
  }
  const may = (s: CaseStep) =>
    mayWork(actor, s) &&
    !signedEarlier(steps, s, actor) &&
    (!input.leaderOnly || kindOf(s, steps) !== 'approval' || actor.roles.includes('station_head'));
  const mine = candidates.filter((s) => may(s) && (s.assigneeId === null || s.assigneeId === actor.userId));
  const step = mine.find((s) => s.assigneeId === actor.userId) ?? mine[0];
  if (!step) return refusal(candidates[0]!, steps, actor, may, input.leaderOnly);
  if (action === 'claimStep') {
    if (step.assigneeId)
      return fail('FORBIDDEN', `该环节已由${step.assigneeName ?? ''}认领`, 'The step is already claimed');
    const next = steps.map((s) =>
      s.id === step.id ? { ...s, assigneeId: actor.userId, assigneeName: actor.name } : s,
    );
    return done(status, next, step, action, state, {}, []);
  }
  if (state === 'returned_for_rework' && action !== 'startRework') {
    return fail('ILLEGAL_TRANSITION', '办件已退回重办，请先「重新办理」', 'Start the rework first');
  }
  if (action === 'startRework') {
    if (state !== 'returned_for_rework') return fail('ILLEGAL_TRANSITION', '办件未被退回', 'The case was not returned');
    const next = steps.map((s) =>
      s.id === step.id ? { ...s, assigneeId: actor.userId, assigneeName: actor.name } : s,
    );
    return done(status, next, step, action, stateFor(next, state), {}, []);
  }
  const before = unfinishedBefore(steps, step.order);
  if (before.length) return unfinished(before);
  if (action === 'escalate') {
    if (!actor.roles.includes('approver'))
      return fail('FORBIDDEN', '只有审批人可以提请上级审批', 'Only an approver refers a decision upwards');
    // The decision goes up: the approval step is released for the station head.
    const next = steps.map((s) => (s.id === step.id ? { ...s, assigneeId: null, assigneeName: null } : s));
    return done(status, next, step, action, state, {}, []);
  }
  if (action === 'returnForRework') return returnStep(status, steps, step, actor);
  const own = {
    ...step,
    status: 'done' as const,
    assigneeId: step.assigneeId ?? actor.userId,
    assigneeName: step.assigneeName ?? actor.name,
  };
  let next = steps.map((s) => (s.id === step.id ? own : s));
  if (action === 'deny') {
    // A denial ends the back-office work: what is left of it is skipped, and the case goes to 办结 as a failure.
    next = next.map((s) =>
      finished(s) || kindOf(s, steps) === 'completion' ? s : { ...s, status: 'skipped' as const },
    );
    const completion = next.filter((s) => kindOf(s, steps) === 'completion');
    next = next.map((s) => (completion.includes(s) ? { ...s, status: 'active' as const } : s));
    return done(
      status,
      next,
      step,
      action,
      'denied',
      {},
      completion.map((s) => s.id),
    );
  }
  const { steps: advanced, activated } = advance(next, step.order);
  const verdict: CaseState = action === 'approve' ? 'approved' : state;
  let to = stateFor(advanced, verdict);
  // An approval whose next step is another approval (sequential sign-off) or a further back-office step moves on.
  if (action === 'approve' && advanced.every((s) => s.status !== 'active' || kindOf(s, steps) === 'completion'))
    to = 'approved';
  if (action !== 'approve' && (to === 'approved' || to === 'denied') && state !== to)
    to = stateFor(advanced, 'in_process');
  return done(status, advanced, step, action, to, {}, activated);
}

/** In a chain climbing the levels each level is signed by another person: nobody signs two levels of one case. */
function signedEarlier(steps: readonly CaseStep[], s: CaseStep, actor: StepActor) {
  if (!s.authority || kindOf(s, steps) !== 'approval') return false;
  return steps.some(
    (x) =>
      x.order < s.order &&
      x.status === 'done' &&
      x.assigneeId === actor.userId &&
      kindOf(x, steps) === 'approval' &&
      authorityRank(x.authority) < authorityRank(s.authority),
  );
}

/** Why this person may not work the step, most specific reason first. */
function refusal(
  s: CaseStep,
  steps: readonly CaseStep[],
  actor: StepActor,
  may: (s: CaseStep) => boolean,
  leaderOnly: boolean | undefined,
): ProcessResult {
  if (may(s)) return fail('FORBIDDEN', `该环节已由${s.assigneeName ?? '他人'}认领`, 'The step is held by a colleague');
  if (!holdsPost(actor, s))
    return fail(
      'FORBIDDEN',
      `「${s.name}」须由该环节的岗位${s.departmentId ? '及部门' : ''}人员办理`,
      'The step belongs to another post or department',
    );
  if (!mayWork(actor, s)) {
    const needed = authorityLabels[s.authority!];
    return fail(
      'FORBIDDEN',
      `「${s.name}」须由${needed.zh}及以上审批权限的人员签批，您的审批权限不足`,
      `The step needs the authority of a ${needed.en.toLowerCase()} or above`,
    );
  }
  if (signedEarlier(steps, s, actor))
    return fail(
      'FORBIDDEN',
      `您已签批本件的上一级环节，「${s.name}」须由另一位审批人签批`,
      'Each level of the sign-off is signed by another person',
    );
  if (leaderOnly)
    return fail('FORBIDDEN', '该办件已提请上级审批，须由站长决定', 'The decision was referred to the station head');
  return fail('FORBIDDEN', '您不能办理该环节', 'You may not work this step');
}

/** After a step of `order` is done: when its parallel siblings are all done, the next order starts. */
function advance(steps: CaseStep[], order: number): { steps: CaseStep[]; activated: string[] } {
  if (steps.some((s) => s.order === order && !finished(s))) return { steps, activated: [] };
  const later = steps.filter((s) => s.status === 'pending' && s.order > order).map((s) => s.order);
  if (later.length === 0) return { steps, activated: [] };
  const nextOrder = Math.min(...later);
  const activated = steps.filter((s) => s.order === nextOrder && s.status === 'pending').map((s) => s.id);
  return { steps: steps.map((s) => (activated.includes(s.id) ? { ...s, status: 'active' as const } : s)), activated };
}

/** 退回重办: the returning order goes back to waiting and the back-office order before it is worked again. */
function returnStep(status: CaseStatus, steps: readonly CaseStep[], step: CaseStep, actor: StepActor): ProcessResult {
  const earlier = steps.filter(
    (s) => s.order < step.order && s.status === 'done' && !['reception', 'completion'].includes(kindOf(s, steps)),
  );
  if (earlier.length === 0) {
    return fail('ILLEGAL_TRANSITION', '前面没有可退回的后台环节', 'There is no earlier back-office step to return to');
  }
  const target = Math.max(...earlier.map((s) => s.order));
  const next = steps.map((s) => {
    if (s.order === target && s.status === 'done') return { ...s, status: 'active' as const };
    // The returning step comes back to whoever returned it once the rework is done.
    if (s.id === step.id)
      return { ...s, status: 'pending' as const, assigneeId: actor.userId, assigneeName: actor.name };
    if (s.order > target && s.status !== 'pending') return { ...s, status: 'pending' as const };
    return s;
  });
  const reopened = next.filter((s) => s.order === target && s.status === 'active');
  return done(
    status,
    next,
    step,
    'returnForRework',
    'returned_for_rework',
    { to: names(reopened) },
    reopened.map((s) => s.id),
  );
}

/**
 * 办结: every step before the window's completion step done by its post. An instant item's only back-office
 * step is none, so it completes at the window straight after acceptance.
 */
function complete(status: CaseStatus, steps: readonly CaseStep[], actor: StepActor): ProcessResult {
  const state = status.state;
  const completion = steps.filter((s) => kindOf(s, steps) === 'completion');
  const open = steps.filter((s) => !finished(s) && !completion.includes(s));
  if (open.length && working.includes(state)) return unfinished(open);
  if (!['accepted', 'in_process', 'approved', 'denied'].includes(state) || open.length) {
    return fail('ILLEGAL_TRANSITION', '办件当前状态不能办结', 'The case cannot be completed in its state');
  }
  const who = completion.find((s) => s.status === 'active');
  if (who && !mayWork(actor, who))
    return fail('FORBIDDEN', `「${who.name}」须由窗口人员办理`, 'Completion is the window’s step');
  if (who?.assigneeId && who.assigneeId !== actor.userId) {
    return fail('FORBIDDEN', `该环节已由${who.assigneeName ?? ''}认领`, 'The step is held by a colleague');
  }
  const next = steps.map((s) =>
    completion.includes(s)
      ? {
          ...s,
          status: 'done' as const,
          assigneeId: s.assigneeId ?? actor.userId,
          assigneeName: s.assigneeName ?? actor.name,
        }
      : s,
  );
  return {
    ok: true,
    status: { state: 'completed' },
    steps: next,
    stepId: who?.id ?? null,
    activated: [],
    event: { action: 'complete', from: state, to: 'completed', detail: who ? { stepId: who.id, step: who.name } : {} },
  };
}

function unfinished(open: readonly CaseStep[]): ProcessResult {
  return fail(
    'UNFINISHED_STEPS',
    `以下环节尚未办结：${names(open)}`,
    `Unfinished steps: ${open.map((s) => s.name).join(', ')}`,
    open.map((s) => s.name),
  );
}

function done(
  status: CaseStatus,
  steps: CaseStep[],
  step: CaseStep,
  action: ProcessAction,
  to: CaseState,
  extra: Record<string, unknown>,
  activated: string[],
): ProcessResult {
  const next = steps.filter((s) => activated.includes(s.id)).map((s) => s.name);
  return {
    ok: true,
    status: to === status.state ? status : ({ state: to } as CaseStatus),
    steps,
    stepId: step.id,
    activated,
    event: {
      action,
      from: status.state,
      to,
      detail: { stepId: step.id, step: step.name, ...(next.length ? { next } : {}), ...extra },
    },
  };
}
