/**
 * The case state machine (R3–R5, R7.1, R7.4, R14.1): one function decides whether an action may happen and
 * where it leads. Pure: no I/O; the service stores the status, writes the trail and the audit record.
 */
import type { RoleCode } from '../roles.ts';
import {
  type CaseState,
  isCaseState,
  isSuspendable,
  type SuspendableState,
  stateInfo,
  suspensionKinds,
} from './states.ts';
import { type CaseAction, caseActions, payloadFields, type TransitionRule, transitions } from './transitions.ts';

/**
 * Where a case stands. A suspended case carries the state it was suspended in, so resuming needs no
 * lookup in the trail and cannot land anywhere else; the type makes a suspension without it unwritable.
 * Stored as two columns: state, and resume_to (null unless suspended).
 */
export type CaseStatus =
  | { readonly state: Exclude<CaseState, 'suspended'> }
  | { readonly state: 'suspended'; readonly resumeTo: SuspendableState };

export const initialStatus: CaseStatus = { state: 'received' };

export type TransitionResult =
  | { ok: true; to: CaseStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN'; zh: string; en: string };

/** Read a stored status back; null when the row is inconsistent (an unknown state, a suspension without resume_to). */
export function parseCaseStatus(state: string, resumeTo: string | null): CaseStatus | null {
  if (!isCaseState(state)) return null;
  if (state === 'suspended') {
    return resumeTo !== null && isCaseState(resumeTo) && isSuspendable(resumeTo) ? { state, resumeTo } : null;
  }
  return resumeTo === null ? { state } : null;
}

function target(from: CaseStatus, to: TransitionRule['to']): CaseStatus {
  if (to === 'same') return from;
  if (to === 'pre_suspension') {
    if (from.state !== 'suspended') throw new Error('resume from a status that is not suspended');
    return { state: from.resumeTo };
  }
  if (to === 'suspended') {
    if (!isSuspendable(from.state)) throw new Error(`cannot suspend from ${from.state}`);
    return { state: 'suspended', resumeTo: from.state };
  }
  return { state: to };
}

/**
 * May the holder of `actorRoles` do `action` now, and where does the case go? The state is checked first:
 * an action that cannot happen here is ILLEGAL_TRANSITION for everyone, whatever their post.
 */
export function transition(from: CaseStatus, action: CaseAction, actorRoles: readonly RoleCode[]): TransitionResult {
  const rule: TransitionRule = transitions[action];
  if (!rule.from.includes(from.state)) {
    const state = stateInfo[from.state];
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      zh: `办件当前状态为「${state.zh}」，不能执行「${rule.zh}」`,
      en: `"${rule.en}" is not possible while the case is ${state.en.toLowerCase()}`,
    };
  }
  if (!rule.roles.some((r) => actorRoles.includes(r))) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      zh: `您的岗位无权执行「${rule.zh}」`,
      en: `Your post may not "${rule.en}"`,
    };
  }
  return { ok: true, to: target(from, rule.to) };
}

/** The actions these roles may take now: the buttons a screen shows. Empty in a terminal state. */
export function allowedActions(from: CaseStatus, roles: readonly RoleCode[]): CaseAction[] {
  return caseActions.filter((a) => transition(from, a, roles).ok);
}

/** 办结 is a success (certificate, approval) or a failure (with reasons and the applicant's remedies). */
export type CompletionOutcome = 'success' | 'failure';
const outcomes: readonly unknown[] = ['success', 'failure'] satisfies CompletionOutcome[];

export type Payload = Readonly<Record<string, unknown>>;
export interface PayloadProblem {
  field: string;
  zh: string;
  en: string;
}

function present(kind: (typeof payloadFields)[keyof typeof payloadFields]['kind'], v: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof v === 'string' && v.trim() !== '';
    case 'list':
      return Array.isArray(v) && v.length > 0;
    case 'flag':
      return v === true;
    case 'days':
      return typeof v === 'number' && Number.isInteger(v) && v > 0;
  }
}

/**
 * What is missing or inconsistent in an action's payload, or null. Besides the table's required fields:
 * the suspension kind and the outcome must be known ones, an approved case completes as a success and a
 * denied one as a failure, and a failure states its reasons (R7.1).
 */
export function payloadProblem(from: CaseStatus, action: CaseAction, payload: Payload): PayloadProblem | null {
  const rule: TransitionRule = transitions[action];
  for (const field of rule.requires) {
    const f = payloadFields[field];
    if (!present(f.kind, payload[field])) {
      return { field, zh: `请填写${f.zh}`, en: `The ${f.en} is required` };
    }
  }
  if (action === 'suspendClock' && !Object.hasOwn(suspensionKinds, String(payload['suspensionKind']))) {
    return { field: 'suspensionKind', zh: '暂停计时情形不在法定范围内', en: 'Unknown kind of suspension' };
  }
  if (action === 'complete') {
    const outcome = payload['outcome'];
    if (!outcomes.includes(outcome)) {
      return { field: 'outcome', zh: '办结结果应为“成功”或“失败”', en: 'The outcome is success or failure' };
    }
    if (from.state === 'approved' && outcome !== 'success') {
      return { field: 'outcome', zh: '已批准的办件应以成功办结', en: 'An approved case completes as a success' };
    }
    if (from.state === 'denied' && outcome !== 'failure') {
      return { field: 'outcome', zh: '不予批准的办件应以失败办结', en: 'A denied case completes as a failure' };
    }
    if (outcome === 'failure' && !present('text', payload['reason'])) {
      return {
        field: 'reason',
        zh: '办结失败须说明理由及申请人可采取的途径',
        en: 'A failure states its reasons and what the applicant can do',
      };
    }
  }
  return null;
}
