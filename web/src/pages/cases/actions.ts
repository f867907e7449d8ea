/** How each action of the case state machine is sent: the route under /api/cases/:id and the fields it asks. */
import type { paths } from '../../api/contract';

/** A route under /api/cases/{id}/ that the server declares: a renamed or removed route fails the type check. */
export type CaseActionPath = {
  [K in keyof paths]: K extends `/api/cases/{id}/${infer R}` ? R : never;
}[keyof paths];

export type FieldKind =
  | 'reason'
  | 'reasons'
  | 'note'
  | 'question'
  | 'responseDays'
  | 'answer'
  | 'departmentId'
  | 'kind'
  | 'extraDays'
  | 'outcome'
  | 'summary'
  | 'remedy'
  | 'channel'
  | 'collectedBy'
  | 'docType'
  | 'docNumber'
  | 'carrier'
  | 'trackingNumber'
  | 'referral'
  | 'paperYears';

export interface ActionSpec {
  path: CaseActionPath;
  fields: FieldKind[];
  /** Fields that must be filled (the state machine's requirements). */
  required: FieldKind[];
  danger?: boolean;
  primary?: boolean;
}

export const ACTIONS: Record<string, ActionSpec> = {
  acceptCase: { path: 'accept', fields: [], required: [], primary: true },
  refuseAcceptance: { path: 'refuse', fields: ['reasons', 'referral'], required: ['reasons'], danger: true },
  reroute: { path: 'reroute', fields: ['departmentId', 'reason'], required: ['departmentId', 'reason'] },
  startReview: { path: 'review/start', fields: [], required: [] },
  passReview: { path: 'review/pass', fields: ['note'], required: [], primary: true },
  returnForRework: { path: 'review/return', fields: ['reason'], required: ['reason'], danger: true },
  startRework: { path: 'rework/start', fields: [], required: [] },
  askFrontDeskToVerify: { path: 'verification', fields: ['question', 'responseDays'], required: ['question'] },
  answerVerification: { path: 'verification/answer', fields: ['answer'], required: ['answer'], primary: true },
  submitForApproval: { path: 'approval/submit', fields: [], required: [] },
  approve: { path: 'approval/approve', fields: ['note'], required: [], primary: true },
  deny: { path: 'approval/deny', fields: ['reason'], required: ['reason'], danger: true },
  escalate: { path: 'approval/escalate', fields: ['reason'], required: ['reason'] },
  suspendClock: { path: 'suspend', fields: ['kind', 'reason'], required: ['kind', 'reason'] },
  resumeClock: { path: 'resume', fields: [], required: [] },
  requestExtension: { path: 'extensions', fields: ['extraDays', 'reason'], required: ['extraDays', 'reason'] },
  // failure needs reason and remedy; the server names the missing one on its field
  complete: {
    path: 'complete',
    fields: ['outcome', 'summary', 'reason', 'remedy'],
    required: ['outcome'],
    primary: true,
  },
  notifyResult: { path: 'notify', fields: ['channel', 'note'], required: ['channel'] },
  registerCollection: {
    path: 'collect',
    fields: ['collectedBy', 'docType', 'docNumber'],
    required: ['collectedBy', 'docType', 'docNumber'],
    primary: true,
  },
  registerMailing: { path: 'mail', fields: ['carrier', 'trackingNumber'], required: ['carrier', 'trackingNumber'] },
  archive: { path: 'archive', fields: ['paperYears'], required: ['paperYears'] },
  withdraw: { path: 'withdraw', fields: ['reason'], required: ['reason'], danger: true },
};

/** The spec of an action in the case's state: an approver's 退回 goes through the approval route. */
export function specFor(action: string, state: string): ActionSpec | undefined {
  const spec = ACTIONS[action];
  if (spec && action === 'returnForRework' && state === 'in_approval') return { ...spec, path: 'approval/return' };
  return spec;
}

export const SUSPENSION_KINDS = ['hearing', 'testing', 'expert_review', 'supplement', 'other'] as const;
