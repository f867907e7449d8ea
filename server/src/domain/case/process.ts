/**
 * The item's published process as the law of the case: which step-bound moves are allowed now, for whom, which
 * steps stand in the way of a move, and where the case goes. Pure: the case core persists what this returns.
 * Steps sharing an order run in parallel and all finish before the next order starts; the case state always
 * follows the kind of the now-active step(s), so steps and state are one truth.
 */
import type { RoleCode } from '../roles.ts';
import { type CaseStatus, payloadProblem, type Payload, transition } from './machine.ts';
import type { CaseState } from './states.ts';
import { type CaseAction, caseActions, transitions } from './transitions.ts';

export type StepStatus = 'pending' | 'active' | 'done' | 'skipped';
/** reception 受理 and completion 办结 are the window's; the others are the back office's. */
export type StepKind = 'reception' | 'routing' | 'process' | 'review' | 'approval' | 'completion';

export interface CaseStep {
  readonly id: string;
  readonly name: string;
  readonly order: number;
  readonly role: string;
  readonly departmentId: string | null;
  readonly status: StepStatus;
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
}

export interface StepActor {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly RoleCode[];
  readonly departmentIds: readonly string[];
}

/** The moves the process governs; everything else (clock, verification, delivery) is the state table's. */
export const processActions = [
  'claimStep',
  'finishStep',
  'passReview',
  'returnForRework',
  'startRework',
  'approve',
  'deny',
  'escalate',
  'complete',
  'startReview',
  'submitForApproval',
  'routeToDepartment',
] as const;
export type ProcessAction = (typeof processActions)[number];
export const isProcessAction = (a: string): a is ProcessAction => (processActions as readonly string[]).includes(a);

/** Posts that may stand in for a step's post: the station head approves, the window supervisor receives, reviews, routes. */
const standsIn: Partial<Record<RoleCode, readonly string[]>> = {
  station_head: ['approver'],
  supervisor: ['clerk', 'reviewer', 'router'],
};
/** Posts with hall-wide reach: they may work a step of any department. */
const hallWide: readonly RoleCode[] = ['supervisor', 'station_head'];

/** The step posts this person may work: their own and those they stand in for; hallWide: any department. */
export function workable(roles: readonly RoleCode[]): { roles: string[]; hallWide: boolean } {
  return {
    roles: [...new Set(roles.flatMap((r) => [r, ...(standsIn[r] ?? [])]))],
    hallWide: roles.some((r) => hallWide.includes(r)),
  };
}

const frontOffice = (s: Pick<CaseStep, 'role' | 'departmentId'>) =>
  s.departmentId === null && (s.role === 'clerk' || s.role === 'supervisor');
const finished = (s: CaseStep) => s.status === 'done' || s.status === 'skipped';

/** The kind of a step from its post and place in the process. */
export function kindOf(s: CaseStep, steps: readonly CaseStep[]): StepKind {
  const orders = steps.map((x) => x.order);
  const first = Math.min(...orders);
  const last = Math.max(...orders);
  const wholeOrderFront = (o: number) => steps.filter((x) => x.order === o).every(frontOffice);
  if (s.order === last && wholeOrderFront(last)) return 'completion';
  if (s.order === first && wholeOrderFront(first)) return 'reception';
  if (s.role === 'router') return 'routing';
  if (s.role === 'reviewer') return 'review';
  if (s.role === 'approver' || s.role === 'station_head') return 'approval';
  return 'process';
}

/** May this person work the step: its post (or one standing in) and its department (or hall-wide reach)? */
export function mayWork(actor: StepActor, s: Pick<CaseStep, 'role' | 'departmentId'>): boolean {
  const roleOk = actor.roles.some((r) => r === s.role || (standsIn[r] ?? []).includes(s.role));
  const deptOk =
    s.departmentId === null ||
    actor.departmentIds.includes(s.departmentId) ||
    actor.roles.some((r) => hallWide.includes(r));
  return roleOk && deptOk;
}

/** The state a case stands in while these steps are active; `current` keeps an approval's verdict until 办结. */
export function stateFor(steps: readonly CaseStep[], current: CaseState): CaseState {
  const active = steps.filter((s) => s.status === 'active');
  const kinds = new Set(active.map((s) => kindOf(s, steps)));
  if (kinds.size === 0) return current;
  if (kinds.has('completion')) {
    if (current === 'approved' || current === 'denied') return current;
    return steps.some((s) => {
      const k = kindOf(s, steps);
      return k !== 'reception' && k !== 'completion';
    })
      ? 'in_process'
      : 'accepted';
  }
  if (kinds.size > 1) return 'in_process';
  const [only] = [...kinds];
  return only === 'routing' || only === 'reception'
    ? 'accepted'
    : only === 'review'
      ? 'in_review'
      : only === 'approval'
        ? 'in_approval'
        : 'in_process';
}

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

function unfinishedBefore(steps: readonly CaseStep[], order: number, except: (s: CaseStep) => boolean = () => false) {
  return steps.filter((s) => s.order < order && !finished(s) && !except(s));
}

const names = (xs: readonly CaseStep[]) => xs.map((s) => s.name).join('、');

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
    mayWork(actor, s) && (!input.leaderOnly || kindOf(s, steps) !== 'approval' || actor.roles.includes('station_head'));
  const mine = candidates.filter((s) => may(s) && (s.assigneeId === null || s.assigneeId === actor.userId));
  const step = mine.find((s) => s.assigneeId === actor.userId) ?? mine[0];
  if (!step) {
    const s = candidates[0]!;
    if (may(s))
      return fail('FORBIDDEN', `该环节已由${s.assigneeName ?? '他人'}认领`, 'The step is held by a colleague');
    if (mayWork(actor, s))
      return fail('FORBIDDEN', '该办件须由分管领导（站长）审批', 'This decision belongs to the station head');
    return fail(
      'FORBIDDEN',
      `「${s.name}」须由该环节的岗位${s.departmentId ? '及部门' : ''}人员办理`,
      'The step belongs to another post or department',
    );
  }
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
    steps: [...steps],
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
