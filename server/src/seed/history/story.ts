/**
 * One case's life as a script of moves on the case state machine (domain/case), in working-day time relative to
 * its reception: t = 2.25 is a quarter into the third working day. The script is built to the end (archive,
 * refusal, withdrawal …) and later cut at "now", so old cases are finished and recent ones are still open.
 */
import type { CaseAction, CaseState } from '../../domain/case/index.ts';
import type { RoleCode } from '../../domain/roles.ts';
import type { ItemPlan } from './hall.ts';
import type { Random } from './random.ts';

/** One minute in working-day units (a working day is 8 hours here). */
export const MINUTE = 1 / 480;

export interface Move {
  t: number;
  action: CaseAction | 'registerReception';
  to: CaseState;
  /** The post the move is made in (who does it is picked from the hall's staff holding it). */
  role: RoleCode;
}

export type Fate = 'normal' | 'refuse' | 'notice' | 'noticeLapsed' | 'withdraw' | 'deferredLapsed';
/** Branches a coverage case must take whatever the dice say. */
export type Force = 'verify' | 'suspend' | 'rework' | 'deny' | 'notify';

export interface Script {
  moves: Move[];
  /** Completion late on purpose (the hall's on-time rate is not 100 %). */
  late: boolean;
  deferred: boolean;
  outcome: 'success' | 'failure' | null;
  /** Suspension: [from t, to t]. */
  pause: [number, number] | null;
  /** Times each step group (by order) was activated and finished, for the step rows. */
  groups: { order: number; on: number | null; done: number | null }[];
  mailed: boolean;
}

/** Rough shares of what happens to a case (R3.5–R7.4); the rest is the plain path. */
export const shares = {
  refuse: 0.015,
  notice: 0.06,
  noticeLapsed: 0.02,
  withdraw: 0.02,
  deferred: 0.03,
  suspend: 0.04,
  verify: 0.05,
  rework: 0.05,
  deny: 0.06,
  late: 0.07,
  failure: 0.01,
  mailed: 0.15,
  neverCollected: 0.005,
};

export function scriptFor(
  rnd: Random,
  item: ItemPlan,
  fate: Fate,
  stallAt: CaseState | null,
  force: readonly Force[] = [],
): Script {
  const must = (f: Force, p: number) => rnd.chance(p) || force.includes(f);
  const moves: Move[] = [];
  let t = rnd.next() * 0.9;
  const at = (dt: number) => {
    t += Math.max(dt, MINUTE);
    return t;
  };
  const push = (action: Move['action'], to: CaseState, role: RoleCode) => moves.push({ t, action, to, role });
  const s: Script = { moves, late: false, deferred: false, outcome: null, pause: null, groups: [], mailed: false };
  push('registerReception', 'received', 'clerk');

  if (fate === 'refuse') {
    at(rnd.int(5, 30) * MINUTE);
    push('refuseAcceptance', 'not_accepted', 'clerk');
    return s;
  }
  if (fate === 'notice' || fate === 'noticeLapsed') {
    at(rnd.int(5, 25) * MINUTE);
    push('issueOneTimeNotice', 'awaiting_supplement', 'clerk');
    if (fate === 'noticeLapsed') {
      at(rnd.int(6, 8));
      push('refuseAcceptance', 'not_accepted', 'clerk');
      return s;
    }
    at(rnd.int(1, 5) + rnd.next() * 0.5);
    push('supplementMaterials', 'received', 'clerk');
  }
  s.deferred =
    fate === 'deferredLapsed' || (fate !== 'withdraw' && rnd.chance(shares.deferred) && item.deferrable !== null);
  at(rnd.int(3, 20) * MINUTE);
  push(s.deferred ? 'acceptWithDeferredMaterials' : 'acceptCase', 'accepted', 'clerk');

  const groups = item.groups;
  const doneFirst = groups.length > 1 && groups[0]!.front;
  s.groups = groups.map((g, i) => ({
    order: g.order,
    on: i === 0 || (i === 1 && doneFirst) ? t : null,
    done: i === 0 && doneFirst ? t : null,
  }));
  let active = doneFirst ? 1 : 0;
  if (groups[active]?.departments.length) push('routeToDepartment', 'in_process', 'clerk');
  if (fate === 'deferredLapsed') {
    // The deferred material never comes: past the promised day the supervisor ends the case (终止).
    at(rnd.int(6, 9) + rnd.next() * 0.5);
    push('terminate', 'terminated', 'supervisor');
    return s;
  }

  if (item.instant) {
    at(rnd.int(3, 15) * MINUTE);
  } else {
    const P = Math.max(1, item.promisedDays);
    s.late = rnd.chance(shares.late);
    const total = s.late
      ? P + rnd.int(1, 2 + Math.ceil(P / 3)) - 0.3
      : Math.max(0.3, P * (0.35 + 0.6 * rnd.next())) - 0.3;
    const rest = groups.slice(active);
    const weight = rest.reduce((n, g) => n + Math.max(0.5, g.limitDays), 0);
    let state: CaseState = groups[active]?.departments.length ? 'in_process' : 'accepted';
    for (let i = active; i < groups.length; i++) {
      const g = groups[i]!;
      const share = (total * Math.max(0.5, g.limitDays)) / weight;
      const last = i === groups.length - 1;
      if (i === active && state === 'in_process') {
        if (must('verify', shares.verify)) {
          at(share * 0.2);
          push('askFrontDeskToVerify', 'awaiting_verification', 'handler');
          at(rnd.int(30, 400) * MINUTE);
          push('answerVerification', 'in_process', 'clerk');
        }
        if (must('suspend', shares.suspend)) {
          at(share * 0.2);
          push('suspendClock', 'suspended', 'handler');
          const from = t;
          at(rnd.int(3, 15));
          s.pause = [from, t];
          push('resumeClock', 'in_process', 'handler');
        }
      }
      if (g.role === 'reviewer' && (state === 'in_process' || state === 'accepted')) {
        at(share * 0.15);
        push('startReview', 'in_review', 'reviewer');
        if (must('rework', shares.rework)) {
          at(share * 0.3);
          push('returnForRework', 'returned_for_rework', 'reviewer');
          at(0.8 + rnd.next());
          push('startRework', 'in_process', 'handler');
          at(0.5 + rnd.next());
          push('startReview', 'in_review', 'reviewer');
        }
        at(share * 0.85);
        push('passReview', 'in_process', 'reviewer');
        state = 'in_process';
      } else if (g.role === 'approver' && state === 'in_process') {
        at(share * 0.1);
        push('submitForApproval', 'in_approval', 'handler');
        at(share * 0.9);
        const deny = must('deny', shares.deny);
        push(deny ? 'deny' : 'approve', deny ? 'denied' : 'approved', 'approver');
        state = deny ? 'denied' : 'approved';
      } else if (!last || !g.front) {
        at(share);
      }
      s.groups[i]!.done = last ? null : t;
      if (!last) s.groups[i + 1]!.on = t;
      active = i;
    }
    if (groups[groups.length - 1]?.front) at(Math.max(MINUTE * 20, 0.3));
  }
  const denied = moves[moves.length - 1]!.to === 'denied';
  s.outcome = denied || rnd.chance(shares.failure) ? 'failure' : 'success';
  if (moves[moves.length - 1]!.to === 'approved' && s.outcome === 'failure') s.outcome = 'success';
  push('complete', 'completed', item.instant ? 'clerk' : 'handler');
  for (const g of s.groups) {
    if (g.on !== null && g.done === null) g.done = t;
  }

  if (item.instant && rnd.chance(0.9) && !force.includes('notify')) {
    at(rnd.int(1, 5) * MINUTE);
    push('registerCollection', 'delivered', 'clerk');
  } else if (rnd.chance(shares.mailed) && !force.includes('notify')) {
    s.mailed = true;
    at(0.5 + rnd.next());
    push('registerMailing', 'delivered', 'clerk');
  } else {
    at(rnd.next() * 0.8);
    push('notifyResult', 'awaiting_collection', 'feedback');
    if (rnd.chance(shares.neverCollected) && !force.includes('notify')) return cut(s, stallAt);
    at(rnd.skewed(2, 0.8));
    push('registerCollection', 'delivered', 'clerk');
  }
  at(rnd.int(5, 60) + rnd.next());
  push('archive', 'archived', 'clerk');

  if (fate === 'withdraw') {
    // Somewhere between reception and completion the applicant withdraws.
    const last = moves.findIndex((m) => m.action === 'complete');
    const k = rnd.int(0, Math.max(0, last - 1));
    moves.length = k + 1;
    const m = moves[k]!;
    if (s.pause && s.pause[0] > m.t) s.pause = null;
    moves.push({ t: m.t + 0.2 + rnd.next() * 3, action: 'withdraw', to: 'withdrawn', role: 'clerk' });
  }
  return cut(s, stallAt);
}

/** A case held up at one state (for a history that shows every state of the machine). */
function cut(s: Script, stallAt: CaseState | null): Script {
  if (!stallAt) return s;
  const k = s.moves.findIndex((m) => m.to === stallAt);
  if (k >= 0) s.moves.length = k + 1;
  return s;
}
