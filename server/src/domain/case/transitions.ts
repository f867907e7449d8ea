/**
 * Every action on a case: where it may start, where it leads, who may do it and what it must carry.
 * The one table the services, the UI's buttons and the tests all read. Pure: no I/O.
 */
import type { RoleCode } from '../roles.ts';
import type { CaseState, TerminalState } from './states.ts';
import { suspendableStates } from './states.ts';

/** What an action's payload may carry; `kind` drives the presence check in payloadProblem. */
export const payloadFields = {
  reason: { kind: 'text', zh: '原因', en: 'reason' },
  missingItems: { kind: 'list', zh: '需补正的材料及要求', en: 'missing or incorrect items' },
  supplementDeadline: { kind: 'text', zh: '补正期限', en: 'supplement deadline' },
  deferredItems: { kind: 'list', zh: '容缺材料', en: 'deferred materials' },
  promiseSigned: { kind: 'flag', zh: '已签署承诺书', en: 'signed promise' },
  materials: { kind: 'list', zh: '补正的材料', en: 'supplemented materials' },
  departmentId: { kind: 'text', zh: '承办部门', en: 'department' },
  question: { kind: 'text', zh: '核实事项', en: 'question' },
  responseDeadline: { kind: 'text', zh: '答复期限', en: 'response deadline' },
  answer: { kind: 'text', zh: '核实结果', en: 'answer' },
  suspensionKind: { kind: 'text', zh: '暂停计时情形', en: 'kind of suspension' },
  extraDays: { kind: 'days', zh: '延长工作日数', en: 'extra working days' },
  outcome: { kind: 'text', zh: '办结结果', en: 'outcome' },
  channel: { kind: 'text', zh: '通知方式', en: 'notification channel' },
  collectedBy: { kind: 'text', zh: '领取人', en: 'collected by' },
  trackingNumber: { kind: 'text', zh: '邮寄单号', en: 'tracking number' },
} as const;
export type PayloadField = keyof typeof payloadFields;

export interface TransitionRule {
  readonly from: readonly CaseState[];
  /**
   * A state, or 'pre_suspension' (back to where the clock was stopped, which the suspended status records),
   * or 'same' (an event on the trail and the clock that leaves the state as it is).
   */
  readonly to: CaseState | 'pre_suspension' | 'same';
  readonly roles: readonly RoleCode[];
  readonly requires: readonly PayloadField[];
  readonly zh: string;
  readonly en: string;
}

/** States where the promised-days clock runs, so an extension makes sense (R6.3). */
const clockRunning = [
  'accepted',
  'in_process',
  'awaiting_verification',
  'in_review',
  'in_approval',
  'returned_for_rework',
  'approved',
  'denied',
] as const;

/**
 * Parallel steps (并联, R1.4, R4.4) are not states here: the step records track each department's branch,
 * and the case stays in_process until every branch has joined. Approval authority levels, who a case is
 * assigned to and the AB-post stand-in are checked by the service; this table only says which posts may act.
 */
export const transitions = {
  // Reception (R3.5): every receipt ends in acceptance, a one-time notice or a refusal.
  acceptCase: {
    from: ['received'],
    to: 'accepted',
    roles: ['clerk', 'supervisor'],
    requires: [],
    zh: '受理',
    en: 'Accept',
  },
  acceptWithDeferredMaterials: {
    // 容缺受理 (R3.8): the deferred items are tracked against their deadline outside the machine.
    from: ['received'],
    to: 'accepted',
    roles: ['clerk', 'supervisor'],
    requires: ['deferredItems', 'promiseSigned', 'supplementDeadline'],
    zh: '容缺受理',
    en: 'Accept with deferred materials',
  },
  issueOneTimeNotice: {
    from: ['received'],
    to: 'awaiting_supplement',
    roles: ['clerk', 'supervisor'],
    requires: ['missingItems', 'supplementDeadline'],
    zh: '出具一次性告知书',
    en: 'Issue one-time notice',
  },
  // The applicant returns (or uploads): the case resumes from the notice and is checked again (R3.6).
  supplementMaterials: {
    from: ['awaiting_supplement'],
    to: 'received',
    roles: ['clerk', 'applicant'],
    requires: ['materials'],
    zh: '补正材料',
    en: 'Supplement materials',
  },
  // Also when the supplement deadline lapses.
  refuseAcceptance: {
    from: ['received', 'awaiting_supplement'],
    to: 'not_accepted',
    roles: ['clerk', 'supervisor'],
    requires: ['reason'],
    zh: '不予受理',
    en: 'Refuse acceptance',
  },
  // Routing (R4.1) and rerouting when a department is the wrong one or rework belongs elsewhere.
  routeToDepartment: {
    from: ['accepted'],
    to: 'in_process',
    roles: ['router', 'clerk', 'supervisor'],
    requires: ['departmentId'],
    zh: '流转至承办部门',
    en: 'Route to department',
  },
  reroute: {
    from: ['in_process', 'returned_for_rework'],
    to: 'in_process',
    roles: ['router', 'supervisor', 'station_head'],
    requires: ['departmentId', 'reason'],
    zh: '改派',
    en: 'Reroute',
  },
  // Review (R5.3). A passed review goes back to processing; the service moves it on to approval or
  // completion in the same transaction when the item's process says so.
  startReview: {
    from: ['accepted', 'in_process'],
    to: 'in_review',
    roles: ['reviewer', 'supervisor'],
    requires: [],
    zh: '开始审核',
    en: 'Start review',
  },
  passReview: {
    from: ['in_review'],
    to: 'in_process',
    roles: ['reviewer', 'supervisor'],
    requires: [],
    zh: '审核通过',
    en: 'Pass review',
  },
  returnForRework: {
    from: ['in_review', 'in_approval'],
    to: 'returned_for_rework',
    roles: ['reviewer', 'supervisor', 'approver'],
    requires: ['reason'],
    zh: '退回重办',
    en: 'Return for rework',
  },
  startRework: {
    from: ['returned_for_rework'],
    to: 'in_process',
    roles: ['handler'],
    requires: [],
    zh: '重新办理',
    en: 'Start rework',
  },
  // Verification with the front desk (R4.3).
  askFrontDeskToVerify: {
    from: ['in_process'],
    to: 'awaiting_verification',
    roles: ['handler'],
    requires: ['question', 'responseDeadline'],
    zh: '发起沟通核实',
    en: 'Ask front desk to verify',
  },
  answerVerification: {
    from: ['awaiting_verification'],
    to: 'in_process',
    roles: ['clerk', 'supervisor'],
    requires: ['answer'],
    zh: '答复核实',
    en: 'Answer verification',
  },
  // Approval (R5.2): the approver's authority level against the item's is checked by the service. Whoever
  // passes a review (reviewer or supervisor) hands the case on to approval when the plan's next step is one.
  submitForApproval: {
    from: ['in_process'],
    to: 'in_approval',
    roles: ['handler', 'reviewer', 'supervisor'],
    requires: [],
    zh: '提交审批',
    en: 'Submit for approval',
  },
  approve: {
    from: ['in_approval'],
    to: 'approved',
    roles: ['approver', 'station_head'],
    requires: [],
    zh: '批准',
    en: 'Approve',
  },
  deny: {
    from: ['in_approval'],
    to: 'denied',
    roles: ['approver', 'station_head'],
    requires: ['reason'],
    zh: '不予批准',
    en: 'Deny',
  },
  escalate: {
    from: ['in_approval'],
    to: 'in_approval',
    roles: ['approver'],
    requires: ['reason'],
    zh: '提请上级审批',
    en: 'Escalate',
  },
  // The clock (R6.2, R6.3).
  suspendClock: {
    from: suspendableStates,
    to: 'suspended',
    roles: ['handler', 'reviewer', 'approver', 'supervisor', 'station_head'],
    requires: ['suspensionKind', 'reason'],
    zh: '暂停计时',
    en: 'Suspend clock',
  },
  resumeClock: {
    from: ['suspended'],
    to: 'pre_suspension',
    roles: ['clerk', 'handler', 'reviewer', 'approver', 'supervisor', 'station_head'],
    requires: [],
    zh: '恢复计时',
    en: 'Resume clock',
  },
  requestExtension: {
    from: clockRunning,
    to: 'same',
    roles: ['handler', 'reviewer', 'approver', 'router'],
    requires: ['reason', 'extraDays'],
    zh: '申请延期',
    en: 'Request extension',
  },
  // A leader's approval (R6.3); the new date and the notice to the applicant are the service's.
  approveExtension: {
    from: clockRunning,
    to: 'same',
    roles: ['station_head'],
    requires: [],
    zh: '批准延期',
    en: 'Approve extension',
  },
  // Result (R7.1, R7.4). From accepted: an instant item (即办件) finished on the spot.
  complete: {
    from: ['accepted', 'in_process', 'approved', 'denied'],
    to: 'completed',
    roles: ['clerk', 'handler', 'supervisor'],
    requires: ['outcome'],
    zh: '办结',
    en: 'Complete',
  },
  notifyResult: {
    from: ['completed'],
    to: 'awaiting_collection',
    roles: ['feedback', 'clerk'],
    requires: ['channel'],
    zh: '通知领取',
    en: 'Notify result',
  },
  registerCollection: {
    from: ['completed', 'awaiting_collection'],
    to: 'delivered',
    roles: ['clerk', 'feedback'],
    requires: ['collectedBy'],
    zh: '领取登记',
    en: 'Register collection',
  },
  registerMailing: {
    from: ['completed', 'awaiting_collection'],
    to: 'delivered',
    roles: ['clerk', 'feedback'],
    requires: ['trackingNumber'],
    zh: '邮寄登记',
    en: 'Register mailing',
  },
  archive: {
    from: ['delivered'],
    to: 'archived',
    roles: ['clerk', 'supervisor'],
    requires: [],
    zh: '归档',
    en: 'Archive',
  },
  // The applicant may withdraw at any time before completion.
  withdraw: {
    from: [
      'received',
      'awaiting_supplement',
      'accepted',
      'in_review',
      'in_process',
      'awaiting_verification',
      'in_approval',
      'suspended',
      'returned_for_rework',
      'approved',
      'denied',
    ],
    to: 'withdrawn',
    roles: ['applicant', 'clerk', 'supervisor'],
    requires: ['reason'],
    zh: '撤回申请',
    en: 'Withdraw',
  },
  // 终止: a deferred material not handed in by the promised day ends the case, as the signed promise says.
  terminate: {
    from: ['accepted', 'in_process', 'awaiting_verification', 'in_review', 'in_approval', 'returned_for_rework'],
    to: 'terminated',
    roles: ['supervisor', 'station_head'],
    requires: ['reason'],
    zh: '终止办理',
    en: 'Terminate',
  },
} as const satisfies Record<string, TransitionRule>;

export type CaseAction = keyof typeof transitions;
export const caseActions = Object.keys(transitions) as CaseAction[];

export function isCaseAction(a: string): a is CaseAction {
  return Object.hasOwn(transitions, a);
}

// Compile-time completeness: a new state must have a way in and, unless terminal, a way out; a terminal
// state must have none. Each line fails to compile, naming the offending state, when that is not so.
type Sources = (typeof transitions)[CaseAction]['from'][number];
type Targets = Extract<(typeof transitions)[CaseAction]['to'], CaseState>;
type MustBeNever<T extends never> = T;
export type EveryStateHasAWayOut = MustBeNever<Exclude<CaseState, Sources | TerminalState>>;
export type EveryStateHasAWayIn = MustBeNever<Exclude<CaseState, Targets | 'received'>>;
export type TerminalStatesAreFinal = MustBeNever<Extract<Sources, TerminalState>>;
