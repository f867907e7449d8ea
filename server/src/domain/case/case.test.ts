import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RoleCode, roleCodes } from '../roles.ts';
import {
  allowedActions,
  type CaseStatus,
  initialStatus,
  parseCaseStatus,
  payloadProblem,
  transition,
} from './machine.ts';
import { type CaseState, caseStates, isTerminal, stateLabels, suspendableStates, terminalStates } from './states.ts';
import { type CaseAction, caseActions, type TransitionRule, transitions } from './transitions.ts';

/** A status in the given state; a suspended one is taken to have paused in_process. */
function at(state: CaseState, resumeTo: (typeof suspendableStates)[number] = 'in_process'): CaseStatus {
  return state === 'suspended' ? { state, resumeTo } : { state };
}

/** Apply a chain of [action, role] and return the final state, failing loudly on the first refusal. */
function walk(start: CaseStatus, steps: [CaseAction, RoleCode][]): CaseState[] {
  const seen: CaseState[] = [start.state];
  let s = start;
  for (const [action, role] of steps) {
    const r = transition(s, action, [role]);
    if (!r.ok) throw new Error(`${action} by ${role} from ${s.state}: ${r.code}`);
    s = r.to;
    seen.push(s.state);
  }
  return seen;
}

describe('the transition table', () => {
  const rules = Object.entries(transitions) as [CaseAction, TransitionRule][];

  it('labels every state in Chinese', () => {
    expect(caseStates.every((s) => stateLabels[s].length > 0)).toBe(true);
    expect(stateLabels.awaiting_supplement).toBe('待补正');
  });

  it('lets every allowed role make every legal move, and lands where the table says', () => {
    for (const [action, rule] of rules) {
      for (const state of rule.from) {
        for (const role of rule.roles) {
          const r = transition(at(state), action, [role]);
          expect(r, `${action} by ${role} from ${state}`).toMatchObject({ ok: true });
          if (!r.ok) continue;
          const expected = rule.to === 'same' ? state : rule.to === 'pre_suspension' ? 'in_process' : rule.to;
          expect(r.to.state).toBe(expected);
        }
      }
    }
  });

  it('refuses every legal move to every other post with FORBIDDEN', () => {
    for (const [action, rule] of rules) {
      const others = roleCodes.filter((r) => !rule.roles.includes(r));
      expect(others.length).toBeGreaterThan(0);
      for (const state of rule.from) {
        for (const role of others) {
          expect(transition(at(state), action, [role]), `${action} by ${role}`).toMatchObject({
            ok: false,
            code: 'FORBIDDEN',
          });
        }
        expect(transition(at(state), action, [])).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
  });

  it('refuses a move from any other state with ILLEGAL_TRANSITION, even to a post that may do it elsewhere', () => {
    for (const [action, rule] of rules) {
      for (const state of caseStates.filter((s) => !rule.from.includes(s))) {
        const r = transition(at(state), action, [...roleCodes]);
        expect(r, `${action} from ${state}`).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
        expect(r.ok ? '' : r.zh).toContain(stateLabels[state]);
      }
    }
  });

  it('never lets the administrators act on a case (三权分立 keeps them out of the business)', () => {
    for (const state of caseStates) {
      expect(allowedActions(at(state), ['sysadmin', 'secadmin', 'auditadmin', 'inspector'])).toEqual([]);
    }
  });
});

describe('paths through a case', () => {
  it('walks the happy path from receipt to the archive', () => {
    expect(
      walk(initialStatus, [
        ['acceptCase', 'clerk'],
        ['routeToDepartment', 'router'],
        ['askFrontDeskToVerify', 'handler'],
        ['answerVerification', 'clerk'],
        ['startReview', 'reviewer'],
        ['passReview', 'reviewer'],
        ['submitForApproval', 'handler'],
        ['escalate', 'approver'],
        ['approve', 'approver'],
        ['complete', 'handler'],
        ['notifyResult', 'feedback'],
        ['registerCollection', 'clerk'],
        ['archive', 'clerk'],
      ]),
    ).toEqual([
      'received',
      'accepted',
      'in_process',
      'awaiting_verification',
      'in_process',
      'in_review',
      'in_process',
      'in_approval',
      'in_approval',
      'approved',
      'completed',
      'awaiting_collection',
      'delivered',
      'archived',
    ]);
  });

  it('finishes an instant item on the spot and mails a result', () => {
    expect(
      walk(initialStatus, [
        ['acceptCase', 'clerk'],
        ['complete', 'clerk'],
        ['registerMailing', 'clerk'],
      ]).at(-1),
    ).toBe('delivered');
  });

  it('resumes from a one-time notice without starting over, or refuses when the deadline lapses', () => {
    expect(
      walk(initialStatus, [
        ['issueOneTimeNotice', 'clerk'],
        ['supplementMaterials', 'applicant'],
        ['acceptCase', 'clerk'],
      ]),
    ).toEqual(['received', 'awaiting_supplement', 'received', 'accepted']);
    expect(
      walk(initialStatus, [
        ['issueOneTimeNotice', 'clerk'],
        ['refuseAcceptance', 'clerk'],
      ]).at(-1),
    ).toBe('not_accepted');
    expect(walk(initialStatus, [['acceptWithDeferredMaterials', 'clerk']]).at(-1)).toBe('accepted');
  });

  it('loops through rework until the review passes', () => {
    expect(
      walk(at('in_review'), [
        ['returnForRework', 'supervisor'],
        ['startRework', 'handler'],
        ['startReview', 'reviewer'],
        ['returnForRework', 'reviewer'],
        ['reroute', 'router'],
        ['startReview', 'reviewer'],
        ['passReview', 'reviewer'],
        ['submitForApproval', 'handler'],
        ['returnForRework', 'approver'],
        ['startRework', 'handler'],
      ]),
    ).toEqual([
      'in_review',
      'returned_for_rework',
      'in_process',
      'in_review',
      'returned_for_rework',
      'in_process',
      'in_review',
      'in_process',
      'in_approval',
      'returned_for_rework',
      'in_process',
    ]);
  });

  it('returns from a suspension to the state it paused, whichever that was', () => {
    for (const paused of suspendableStates) {
      const s = transition({ state: paused }, 'suspendClock', ['station_head']);
      expect(s).toEqual({ ok: true, to: { state: 'suspended', resumeTo: paused } });
      if (!s.ok) continue;
      expect(allowedActions(s.to, ['clerk'])).toEqual(['resumeClock', 'withdraw']);
      expect(transition(s.to, 'resumeClock', ['handler'])).toEqual({ ok: true, to: { state: paused } });
    }
    expect(transition({ state: 'suspended', resumeTo: 'in_review' }, 'suspendClock', ['handler'])).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('keeps the state on an extension and allows withdrawal only until completion', () => {
    expect(transition(at('in_review'), 'requestExtension', ['reviewer'])).toEqual({
      ok: true,
      to: { state: 'in_review' },
    });
    expect(transition(at('in_review'), 'approveExtension', ['reviewer'])).toMatchObject({ code: 'FORBIDDEN' });
    expect(transition(at('approved'), 'withdraw', ['applicant'])).toMatchObject({ ok: true });
    for (const s of ['completed', 'awaiting_collection', 'delivered'] as const) {
      expect(transition(at(s), 'withdraw', ['applicant'])).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    }
  });
});

describe('random use', () => {
  const everyone = [...roleCodes];
  const step = fc.record({ action: fc.constantFrom(...caseActions), roles: fc.subarray(everyone) });

  it('never leaves the known states, never loses a suspension’s way back, and ends only in terminal states', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(step, fc.nat(40)), { maxLength: 60 }), (moves) => {
        let s: CaseStatus = initialStatus;
        for (const m of moves) {
          // Half the moves are arbitrary (mostly refused), half pick an allowed one, so walks get deep.
          const allowed = allowedActions(s, everyone);
          const r =
            typeof m === 'number'
              ? allowed.length > 0
                ? transition(s, allowed[m % allowed.length]!, everyone)
                : null
              : transition(s, m.action, m.roles);
          if (r?.ok) s = r.to;
          expect(caseStates).toContain(s.state);
          if (s.state === 'suspended') expect(suspendableStates).toContain(s.resumeTo);
          expect(parseCaseStatus(s.state, s.state === 'suspended' ? s.resumeTo : null)).toEqual(s);
          // Terminal states allow nothing; every other state has a way on, so no case gets stuck.
          expect(allowedActions(s, everyone).length === 0).toBe(isTerminal(s.state));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lets nobody act in a terminal state', () => {
    for (const s of terminalStates) {
      for (const a of caseActions) expect(transition(at(s), a, everyone)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    }
  });
});

describe('stored status and payloads', () => {
  it('reads back only consistent rows', () => {
    expect(parseCaseStatus('in_review', null)).toEqual({ state: 'in_review' });
    expect(parseCaseStatus('suspended', 'in_approval')).toEqual({ state: 'suspended', resumeTo: 'in_approval' });
    expect(parseCaseStatus('suspended', null)).toBeNull();
    expect(parseCaseStatus('suspended', 'received')).toBeNull();
    expect(parseCaseStatus('in_review', 'in_process')).toBeNull();
    expect(parseCaseStatus('lost', null)).toBeNull();
  });

  it('names the first missing field of an action', () => {
    expect(payloadProblem(at('received'), 'refuseAcceptance', {})).toMatchObject({ field: 'reason', zh: '请填写原因' });
    expect(payloadProblem(at('received'), 'refuseAcceptance', { reason: '  ' })).toMatchObject({ field: 'reason' });
    expect(payloadProblem(at('received'), 'refuseAcceptance', { reason: '不属于本中心受理范围' })).toBeNull();
    expect(
      payloadProblem(at('received'), 'issueOneTimeNotice', { missingItems: [], supplementDeadline: '2025-07-10' }),
    ).toMatchObject({ field: 'missingItems' });
    expect(
      payloadProblem(at('received'), 'acceptWithDeferredMaterials', {
        deferredItems: ['m3'],
        promiseSigned: false,
        supplementDeadline: '2025-07-10',
      }),
    ).toMatchObject({ field: 'promiseSigned' });
    expect(payloadProblem(at('in_process'), 'requestExtension', { reason: '专家评审', extraDays: 0 })).toMatchObject({
      field: 'extraDays',
    });
    expect(payloadProblem(at('in_process'), 'suspendClock', { suspensionKind: 'lunch', reason: 'x' })).toMatchObject({
      field: 'suspensionKind',
    });
    expect(payloadProblem(at('in_process'), 'suspendClock', { suspensionKind: 'hearing', reason: '听证' })).toBeNull();
    expect(payloadProblem(at('in_process'), 'acceptCase', {})).toBeNull();
  });

  it('keeps the outcome of completion consistent with the decision', () => {
    expect(payloadProblem(at('approved'), 'complete', { outcome: 'success' })).toBeNull();
    expect(payloadProblem(at('approved'), 'complete', { outcome: 'failure', reason: 'x' })).toMatchObject({
      field: 'outcome',
    });
    expect(payloadProblem(at('denied'), 'complete', { outcome: 'success' })).toMatchObject({ field: 'outcome' });
    expect(payloadProblem(at('denied'), 'complete', { outcome: 'failure' })).toMatchObject({ field: 'reason' });
    expect(
      payloadProblem(at('denied'), 'complete', { outcome: 'failure', reason: '不符合条件，可申请复议' }),
    ).toBeNull();
    expect(payloadProblem(at('in_process'), 'complete', { outcome: 'done' })).toMatchObject({ field: 'outcome' });
  });
});
