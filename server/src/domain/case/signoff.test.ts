/**
 * Approval by authority level: random sign-off sequences by random people never approve a case unless every
 * sign-off step was signed, in process order, by someone holding its post, department and level, and a climbing
 * chain by a different person at each level.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleCode } from '../roles.ts';
import { type AuthorityLevel, authorityLevels, authorityRank, holdsAuthority } from './authority.ts';
import type { CaseStatus } from './machine.ts';
import { caseMove, inconsistency, startProcess } from './moves.ts';
import type { CaseStep, StepActor } from './steps.ts';

const step = (id: string, order: number, role: string, authority: AuthorityLevel | null = null): CaseStep => ({
  id,
  name: id,
  order,
  role,
  departmentId: role === 'clerk' ? null : 'D',
  status: 'pending',
  assigneeId: null,
  assigneeName: null,
  authority,
});

/** 受理 → 审核 → one sign-off step per level of the chain, in climbing order → 办结. */
const chainArb = fc
  .subarray([...authorityLevels], { minLength: 1 })
  .map((levels) => [
    step('receive', 1, 'clerk'),
    step('review', 2, 'reviewer'),
    ...levels.map((l, i) => step(`sign-${l}`, 3 + i, 'approver', l)),
    step('complete', 3 + levels.length, 'clerk'),
  ]);

const personArb = fc.record({
  roles: fc.oneof(
    { arbitrary: fc.constant<RoleCode[]>(['approver']), weight: 4 },
    fc.constant<RoleCode[]>(['station_head']),
    fc.constant<RoleCode[]>(['reviewer']),
    fc.subarray<RoleCode>(['approver', 'station_head', 'reviewer', 'clerk'], { minLength: 1 }),
  ),
  departmentIds: fc.oneof(
    { arbitrary: fc.constant<string[]>(['D']), weight: 4 },
    fc.constant<string[]>(['E']),
    fc.constant<string[]>([]),
  ),
  authority: fc.constantFrom<AuthorityLevel | null>(null, ...authorityLevels),
});
/** People with distinct ids, and always a reviewer of the department so that cases reach the sign-off. */
const poolArb = fc
  .array(personArb, { minLength: 1, maxLength: 5 })
  .map((xs) => [
    { userId: 'rev', roles: ['reviewer'] as RoleCode[], departmentIds: ['D'], authority: null },
    ...xs.map((x, i) => ({ ...x, userId: `p${i}` })),
  ]);

const actionArb = fc.oneof(
  { arbitrary: fc.constant('approve'), weight: 6 },
  { arbitrary: fc.constant('passReview'), weight: 2 },
  fc.constantFrom('claimStep', 'returnForRework', 'startRework', 'finishStep', 'deny'),
);

describe('sign-off by authority level', () => {
  it('never approves without every level signed in order by someone holding it', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        chainArb,
        poolArb,
        fc.array(fc.tuple(fc.nat(5), actionArb), { maxLength: 60 }),
        (plan, pool, moves) => {
          const clerk: StepActor = { userId: 'clerk', name: 'clerk', roles: ['clerk'], departmentIds: [] };
          const start = startProcess(plan, clerk);
          let status: CaseStatus = { state: start.state } as CaseStatus;
          let steps = start.steps;
          // Who signed each sign-off step, in the order the signatures were given, since the last return.
          let signed: { stepId: string; by: string }[] = [];
          for (const [who, action] of moves) {
            // The review is not under test: the department's reviewer passes it; the sign-offs are by anyone.
            const actor = { ...pool[action === 'passReview' ? 0 : who % pool.length]!, name: 'x' };
            const r = caseMove({ status, steps, actor, action, payload: { reason: '退回' } });
            if (!r.ok) continue;
            if (action === 'approve' && r.stepId) signed.push({ stepId: r.stepId, by: actor.userId });
            if (action === 'returnForRework') signed = [];
            status = r.status;
            steps = r.steps;
            expect(inconsistency(status.state, steps)).toBeNull();
            if (status.state !== 'approved') continue;
            reached++;
            const chain = plan.filter((s) => s.role === 'approver');
            // Every level, in process order, signed once each.
            expect(signed.map((x) => x.stepId)).toEqual(chain.map((s) => s.id));
            for (const [i, s] of chain.entries()) {
              const p = pool.find((x) => x.userId === signed[i]!.by)!;
              // The signer held the post (or stood in for it), the department (or hall-wide reach) and the level.
              expect(p.roles.includes('approver') || p.roles.includes('station_head')).toBe(true);
              expect(p.departmentIds.includes('D') || p.roles.includes('station_head')).toBe(true);
              expect(holdsAuthority(p.authority, s.authority)).toBe(true);
              expect(steps.find((x) => x.id === s.id)).toMatchObject({ status: 'done', assigneeId: p.userId });
            }
            // A climbing chain: a different person at each level.
            for (let i = 1; i < chain.length; i++) {
              if (authorityRank(chain[i]!.authority) > authorityRank(chain[i - 1]!.authority))
                expect(signed[i]!.by).not.toBe(signed[i - 1]!.by);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
    // The property is not vacuous: many runs reach an approval.
    expect(reached).toBeGreaterThan(50);
  });

  it('refuses a signer below the step’s level with the level named', () => {
    const plan = [step('a', 1, 'clerk'), step('b', 2, 'approver', 'deputy'), step('c', 3, 'clerk')];
    const clerk: StepActor = { userId: 'clerk', name: 'clerk', roles: ['clerk'], departmentIds: [] };
    const start = startProcess(plan, clerk);
    const status = { state: start.state } as CaseStatus;
    const section: StepActor = {
      userId: 's',
      name: 's',
      roles: ['approver'],
      departmentIds: ['D'],
      authority: 'section',
    };
    expect(caseMove({ status, steps: start.steps, actor: section, action: 'approve' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      zh: '「b」须由分管领导及以上审批权限的人员签批，您的审批权限不足',
    });
    const deputy = { ...section, authority: 'deputy' as const };
    expect(caseMove({ status, steps: start.steps, actor: deputy, action: 'approve' })).toMatchObject({
      ok: true,
      status: { state: 'approved' },
    });
  });
});
