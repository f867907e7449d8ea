/** The states a case (办件) passes through, from receipt to the archive (R3–R5, R7, R14.1). Pure: no I/O. */

export const caseStates = [
  'received',
  'awaiting_supplement',
  'not_accepted',
  'accepted',
  'in_review',
  'in_process',
  'awaiting_verification',
  'in_approval',
  'suspended',
  'returned_for_rework',
  'approved',
  'denied',
  'completed',
  'awaiting_collection',
  'delivered',
  'archived',
  'withdrawn',
  'terminated',
] as const;
export type CaseState = (typeof caseStates)[number];

/**
 * Where the promised-days clock stands in each state (R6.1, R6.2): it starts the day after acceptance, stops
 * while the applicant owes a supplement or a hearing, testing or expert review runs, and ends at completion.
 */
export type Clock = 'not_started' | 'running' | 'paused' | 'ended';

export interface StateInfo {
  zh: string;
  en: string;
  clock: Clock;
}

/** Labels and clock per state; `satisfies` makes a new state without its entry a compile error. */
export const stateInfo = {
  received: { zh: '收件登记', en: 'Received', clock: 'not_started' },
  awaiting_supplement: { zh: '待补正', en: 'Awaiting supplement', clock: 'not_started' },
  not_accepted: { zh: '不予受理', en: 'Not accepted', clock: 'not_started' },
  accepted: { zh: '已受理', en: 'Accepted', clock: 'running' },
  in_review: { zh: '审核中', en: 'In review', clock: 'running' },
  in_process: { zh: '办理中', en: 'In process', clock: 'running' },
  awaiting_verification: { zh: '待核实', en: 'Awaiting verification', clock: 'running' },
  in_approval: { zh: '审批中', en: 'In approval', clock: 'running' },
  suspended: { zh: '暂停计时', en: 'Clock suspended', clock: 'paused' },
  returned_for_rework: { zh: '退回重办', en: 'Returned for rework', clock: 'running' },
  approved: { zh: '审批通过', en: 'Approved', clock: 'running' },
  denied: { zh: '不予批准', en: 'Denied', clock: 'running' },
  completed: { zh: '办结', en: 'Completed', clock: 'ended' },
  awaiting_collection: { zh: '待领取', en: 'Awaiting collection', clock: 'ended' },
  delivered: { zh: '已送达', en: 'Delivered', clock: 'ended' },
  archived: { zh: '已归档', en: 'Archived', clock: 'ended' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', clock: 'ended' },
  terminated: { zh: '已终止', en: 'Terminated', clock: 'ended' },
} as const satisfies Record<CaseState, StateInfo>;

/** The Chinese label of each state, as the hall and the applicant see it. */
export const stateLabels = Object.fromEntries(caseStates.map((s) => [s, stateInfo[s].zh])) as Record<CaseState, string>;

/** Nothing follows these. A refused or withdrawn case keeps its documents; filing them is the archive's job. */
export const terminalStates = [
  'not_accepted',
  'archived',
  'withdrawn',
  'terminated',
] as const satisfies readonly CaseState[];
export type TerminalState = (typeof terminalStates)[number];

/**
 * States whose clock can be stopped (hearing, testing, expert review, supplement while processing). The
 * suspended case remembers which of these it came from and returns there.
 */
export const suspendableStates = [
  'in_process',
  'awaiting_verification',
  'in_review',
  'in_approval',
  'returned_for_rework',
] as const satisfies readonly CaseState[];
export type SuspendableState = (typeof suspendableStates)[number];

/** Why the clock stops (R6.2); each kind is shown on the trail. */
export const suspensionKinds = {
  hearing: { zh: '听证', en: 'Hearing' },
  testing: { zh: '检验检测', en: 'Testing' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  supplement: { zh: '办理中补正材料', en: 'Supplement while processing' },
  other: { zh: '其他法定情形', en: 'Other statutory reason' },
} as const;
export type SuspensionKind = keyof typeof suspensionKinds;

export function isCaseState(s: string): s is CaseState {
  return (caseStates as readonly string[]).includes(s);
}

/** A case that ends without a result (终止, 撤回): its open steps are not worked any more (不再办理). */
export const endsWithoutResult = (s: string) => s === 'terminated' || s === 'withdrawn';

export function isTerminal(s: CaseState): s is TerminalState {
  return (terminalStates as readonly CaseState[]).includes(s);
}

export function isSuspendable(s: CaseState): s is SuspendableState {
  return (suspendableStates as readonly CaseState[]).includes(s);
}
