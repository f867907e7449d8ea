import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RoleCode, roleCodes } from '../roles.ts';
import type { CaseStatus } from './machine.ts';
import {
  type CaseStep,
  caseMove,
  caseOptions,
  inconsistency,
  kindOf,
  mayWork,
  startProcess,
  type StepActor,
} from './index.ts';
import { caseActions } from './transitions.ts';

const step = (id: string, name: string, order: number, role: string, departmentId: string | null): CaseStep => ({
  id,
  name,
  order,
  role,
  departmentId,
  status: 'pending',
  assigneeId: null,
  assigneeName: null,
});
const person = (userId: string, roles: RoleCode[], departmentIds: string[] = []): StepActor => ({
  userId,
  name: userId,
  roles,
  departmentIds,
});

const clerk = person('clerk', ['clerk']);
const reviewer = person('reviewer', ['reviewer'], ['SC']);
const handler = person('handler', ['handler'], ['SC']);
const approver = person('approver', ['approver'], ['SC']);
const router = person('router', ['router']);

/** SC-001 and SC-003 of the demo hall, as published. */
const sc001 = [
  step('a', '受理', 1, 'clerk', null),
  step('b', '登记审核', 2, 'reviewer', 'SC'),
  step('c', '核准', 3, 'approver', 'SC'),
  step('d', '办结（发照）', 4, 'clerk', null),
];
const sc003 = [
  step('a', '受理', 1, 'clerk', null),
  step('b', '材料审查', 2, 'reviewer', 'SC'),
  step('c', '现场核查', 3, 'handler', 'SC'),
  step('d', '审批', 4, 'approver', 'SC'),
  step('e', '办结（制证送达）', 5, 'clerk', null),
];

function accepted(steps: CaseStep[]) {
  const s = startProcess(steps, clerk);
  return { status: { state: s.state } as CaseStatus, steps: s.steps };
}

function play(
  start: { status: CaseStatus; steps: CaseStep[] },
  moves: [StepActor, string, Record<string, unknown>?][],
) {
  let cur = start;
  for (const [actor, action, payload] of moves) {
    const r = caseMove({ ...cur, actor, action: action as never, payload });
    if (!r.ok) throw new Error(`${action} by ${actor.userId} in ${cur.status.state}: ${r.zh}`);
    cur = { status: r.status, steps: r.steps };
  }
  return cur;
}

describe('the published process governs the case', () => {
  it('refuses 办结 straight after acceptance, naming the unfinished steps', () => {
    const c = accepted(sc001);
    expect(c.status.state).toBe('in_review');
    const r = caseMove({ ...c, actor: clerk, action: 'complete', payload: { outcome: 'success' } });
    expect(r).toMatchObject({ ok: false, code: 'UNFINISHED_STEPS', unfinished: ['登记审核', '核准'] });
  });
  it('refuses approval while review and the on-site check are unfinished, and offers no 提交审批', () => {
    let c = accepted(sc003);
    c = play(c, [[reviewer, 'claimStep']]);
    expect(caseMove({ ...c, actor: reviewer, action: 'submitForApproval' })).toMatchObject({ ok: false });
    expect(caseMove({ ...c, actor: approver, action: 'approve' })).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
    expect(caseOptions(c.status, c.steps, reviewer).actions).not.toContain('submitForApproval');
  });
  it('moves to approval by itself when the on-site check is done, and the approver decides without anyone submitting', () => {
    let c = accepted(sc003);
    c = play(c, [
      [reviewer, 'passReview'],
      [handler, 'claimStep'],
    ]);
    expect(c.status.state).toBe('in_process');
    c = play(c, [[handler, 'finishStep']]);
    expect(c.status.state).toBe('in_approval');
    expect(caseOptions(c.status, c.steps, approver).actions).toEqual(expect.arrayContaining(['approve', 'deny']));
    expect(caseOptions(c.status, c.steps, handler).actions).not.toContain('submitForApproval');
    c = play(c, [[approver, 'approve']]);
    expect(c.status.state).toBe('approved');
    expect(c.steps.find((s) => s.name === '审批')).toMatchObject({ status: 'done', assigneeId: 'approver' });
    c = play(c, [[clerk, 'complete', { outcome: 'success' }]]);
    expect(c.status.state).toBe('completed');
    expect(c.steps.every((s) => s.status === 'done')).toBe(true);
  });
  it('lets only the step’s post and department work it; the router routes 分办', () => {
    const zr = [
      step('a', '受理', 1, 'clerk', null),
      step('b', '分办', 2, 'router', null),
      step('c', '登记审核', 3, 'reviewer', 'ZR'),
      step('d', '税费核定征收', 3, 'handler', 'SW'),
      step('e', '登簿', 4, 'approver', 'ZR'),
      step('f', '办结', 5, 'clerk', null),
    ];
    let c = accepted(zr);
    expect(c.status.state).toBe('accepted');
    expect(caseOptions(c.status, c.steps, router).perStep).toEqual([
      { stepId: 'b', actions: ['claimStep', 'finishStep'] },
    ]);
    c = play(c, [
      [router, 'claimStep'],
      [router, 'finishStep'],
    ]);
    expect(c.status.state).toBe('in_process');
    expect(caseMove({ ...c, actor: reviewer, action: 'passReview' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const zrReviewer = person('r2', ['reviewer'], ['ZR']);
    const swHandler = person('h2', ['handler'], ['SW']);
    c = play(c, [[zrReviewer, 'passReview']]);
    expect(c.status.state).toBe('in_process');
    expect(caseMove({ ...c, actor: person('a2', ['approver'], ['ZR']), action: 'approve' })).toMatchObject({
      ok: false,
    });
    c = play(c, [[swHandler, 'finishStep']]);
    expect(c.status.state).toBe('in_approval');
    // A return for rework reopens both parallel steps; the approval waits for them again.
    c = play(c, [[person('a2', ['approver'], ['ZR']), 'returnForRework', { reason: '税费核定有误' }]]);
    expect(c.status.state).toBe('returned_for_rework');
    expect(c.steps.filter((s) => s.status === 'active').map((s) => s.name)).toEqual(['登记审核', '税费核定征收']);
    expect(caseOptions(c.status, c.steps, swHandler).perStep.find((p) => p.stepId === 'd')?.actions).toEqual([
      'startRework',
    ]);
    c = play(c, [
      [swHandler, 'startRework'],
      [swHandler, 'finishStep'],
      [zrReviewer, 'passReview'],
    ]);
    expect(c.status.state).toBe('in_approval');
    expect(c.steps.find((s) => s.id === 'e')).toMatchObject({ status: 'active', assigneeId: 'a2' });
  });
  it('completes an instant item at the window', () => {
    const c = accepted([step('a', '受理', 1, 'clerk', null), step('b', '办结', 2, 'clerk', null)]);
    expect(c.status.state).toBe('accepted');
    expect(play(c, [[clerk, 'complete', { outcome: 'success' }]]).status.state).toBe('completed');
  });
  it('skips what is left after a denial and completes as a failure', () => {
    const c = play(accepted(sc003), [
      [reviewer, 'passReview'],
      [handler, 'finishStep'],
      [approver, 'deny', { reason: '不符合条件' }],
    ]);
    expect(c.status.state).toBe('denied');
    expect(caseMove({ ...c, actor: clerk, action: 'complete', payload: { outcome: 'success' } })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(play(c, [[clerk, 'complete', { outcome: 'failure', reason: '不符合条件，可申请复议' }]]).status.state).toBe(
      'completed',
    );
  });
});

// Random published processes: a reception order, back-office orders of random posts (some parallel), a completion.
const roles: RoleCode[] = ['router', 'reviewer', 'handler', 'approver'];
const departments = ['D1', 'D2'];
const processArb = fc
  .array(
    fc.array(fc.record({ role: fc.constantFrom(...roles), dept: fc.constantFrom(null, ...departments) }), {
      minLength: 1,
      maxLength: 3,
    }),
    { minLength: 0, maxLength: 4 },
  )
  .chain((orders) =>
    fc.boolean().map((withCompletion) => {
      const steps = [step('s0', '受理', 1, 'clerk', null)];
      for (const [i, o] of orders.entries()) {
        for (const [j, x] of o.entries())
          steps.push(step(`s${i + 1}-${j}`, `环节${i + 1}-${j}`, i + 2, x.role, x.role === 'router' ? null : x.dept));
      }
      if (withCompletion || orders.length === 0) steps.push(step('end', '办结', orders.length + 2, 'clerk', null));
      return steps;
    }),
  );
const actorArb = fc
  .record({
    userId: fc.constantFrom('u1', 'u2', 'u3'),
    // Mostly one post of the hall's work, sometimes any mix of posts (administrators and applicants included).
    roles: fc.oneof(
      fc
        .constantFrom(
          ...([
            'clerk',
            'router',
            'reviewer',
            'handler',
            'approver',
            'supervisor',
            'station_head',
            'feedback',
          ] as RoleCode[]),
        )
        .map((r) => [r]),
      fc.subarray([...roleCodes], { minLength: 1, maxLength: 3 }),
    ),
    departmentIds: fc.subarray(departments),
  })
  .map((a) => ({ ...a, name: a.userId }));
const payloads: Record<string, Record<string, unknown>> = {
  complete: { outcome: 'success' },
  deny: { reason: 'x' },
  returnForRework: { reason: 'x' },
  withdraw: { reason: 'x' },
  suspendClock: { suspensionKind: 'hearing', reason: 'x' },
  notifyResult: { channel: 'sms' },
  registerCollection: { collectedBy: 'x' },
  registerMailing: { trackingNumber: 'x' },
  requestExtension: { reason: 'x', extraDays: 2 },
  escalate: { reason: 'x' },
};
const allActions = [...new Set([...caseActions, 'claimStep', 'finishStep'])];

describe('random moves by random posts on random processes', () => {
  // Thousands of moves: on a busy machine this takes longer than the suite's default limit.
  const agree = 'never completes or archives with an unfinished step, and the trail, the steps and the state agree';
  it(agree, { timeout: 120_000 }, () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        processArb,
        fc.array(fc.tuple(actorArb, fc.oneof(fc.constantFrom(...allActions), fc.nat(30)), fc.nat(5)), {
          minLength: 30,
          maxLength: 80,
        }),
        (process, moves) => {
          const start = startProcess(process, person('clerk', ['clerk']));
          let cur = { status: { state: start.state } as CaseStatus, steps: start.steps };
          const trail: { from: string; to: string }[] = [{ from: 'received', to: 'accepted' }];
          if (start.state !== 'accepted') trail.push({ from: 'accepted', to: start.state });
          for (const [actor, pick, stepPick] of moves) {
            // Half the moves are whatever the random person tries, half one that is offered to them, so walks get deep.
            const offered = caseOptions(cur.status, cur.steps, actor);
            const stepActions = offered.perStep.flatMap((p) => p.actions.map((a) => [a, p.stepId] as const));
            const options = [
              ...offered.actions.filter((a) => a !== 'withdraw').map((a) => [a, null] as const),
              ...stepActions,
            ];
            const [action, stepId] =
              typeof pick === 'number'
                ? (options[pick % Math.max(options.length, 1)] ?? ['archive', null])
                : [pick, cur.steps[stepPick % cur.steps.length]?.id ?? null];
            const r = caseMove({ ...cur, actor, action: action as never, stepId, payload: payloads[action] ?? {} });
            if (!r.ok) continue;
            if (r.event.from !== r.event.to || r.status.state !== cur.status.state)
              trail.push({ from: r.event.from, to: r.event.to });
            // A step finished by this move was finished by someone holding its post and department.
            for (const s of r.steps) {
              const before = cur.steps.find((x) => x.id === s.id);
              if (s.status === 'done' && before?.status !== 'done') {
                expect(s.assigneeId).toBe(actor.userId);
                expect(mayWork(actor, s)).toBe(true);
              }
            }
            cur = { status: r.status, steps: r.steps };
            expect(inconsistency(cur.status.state, cur.steps)).toBeNull();
            reached.add(cur.status.state);
          }
          for (let i = 1; i < trail.length; i++) expect(trail[i]!.from).toBe(trail[i - 1]!.to);
          expect(trail.at(-1)!.to).toBe(cur.status.state);
          if (['completed', 'awaiting_collection', 'delivered', 'archived'].includes(cur.status.state)) {
            expect(cur.steps.every((s) => s.status === 'done' || s.status === 'skipped')).toBe(true);
          }
        },
      ),
      { numRuns: 250 },
    );
    // The walks are deep enough to matter: they reach the archive, a rework and a denial.
    expect([...reached]).toEqual(expect.arrayContaining(['archived', 'returned_for_rework', 'denied', 'in_approval']));
  });
  it('classifies the window’s first and last orders as reception and completion', () => {
    expect(sc003.map((s) => kindOf(s, sc003))).toEqual(['reception', 'review', 'process', 'approval', 'completion']);
  });
});
