import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breaksSeparationOfDuties, holdsAdminRole, roleCodes } from '../../domain/roles.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { Session, buildTestHall, json, type TestHall } from '../../../test/helpers.ts';

// Whatever random administrators and staff do to accounts, in any order: no account ever holds two of the three
// administrator roles (or an administrator role beside business ones), and no administrator's credentials change
// unless a second administrator, neither the requester nor the one concerned, approved it.
let hall: TestHall;
let countyHallId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  countyHallId = (await hall.ctx.db.selectFrom('halls').select('id').orderBy('code').executeTakeFirstOrThrow()).id;
});
afterAll(() => hall.close());

type Op =
  | { t: 'create'; actor: number; roles: string[] }
  | { t: 'patch'; actor: number; target: number; roles?: string[]; status?: 'active' | 'disabled' }
  | { t: 'reset'; actor: number; target: number }
  | { t: 'resetTotp'; actor: number; target: number }
  | {
      t: 'request';
      actor: number;
      target: number;
      kind: 'reset_password' | 'reset_totp' | 'update' | 'create';
      roles: string[];
    }
  | { t: 'decide'; actor: number; request: number; decision: 'approve' | 'reject' | 'cancel' };

const roleSet = fc.subarray([...roleCodes], { minLength: 1, maxLength: 3 });
// Mostly the administrators (listed first), sometimes anyone.
const who = fc.oneof({ arbitrary: fc.nat(2), weight: 4 }, { arbitrary: fc.nat(40), weight: 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('create' as const), actor: who, roles: roleSet }),
  fc.record({
    t: fc.constant('patch' as const),
    actor: who,
    target: who,
    roles: fc.option(roleSet, { nil: undefined }),
    status: fc.option(fc.constantFrom('active' as const, 'disabled' as const), { nil: undefined }),
  }),
  fc.record({ t: fc.constant('reset' as const), actor: who, target: who }),
  fc.record({ t: fc.constant('resetTotp' as const), actor: who, target: who }),
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('request' as const),
      actor: fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, who),
      target: who,
      kind: fc.constantFrom('reset_password' as const, 'reset_totp' as const, 'update' as const, 'create' as const),
      roles: roleSet,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('decide' as const),
      actor: who,
      request: fc.nat(3),
      decision: fc.constantFrom('approve' as const, 'approve' as const, 'reject' as const, 'cancel' as const),
    }),
  },
);

type Snapshot = Map<string, { roles: string[]; hash: string; totp: string | null; status: string }>;
async function snapshot(): Promise<Snapshot> {
  const [users, roles, totp] = await Promise.all([
    hall.ctx.db.selectFrom('users').select(['id', 'password_hash', 'status']).execute(),
    hall.ctx.db.selectFrom('user_roles').selectAll().execute(),
    hall.ctx.db.selectFrom('user_totp').select(['user_id', 'secret']).execute(),
  ]);
  return new Map(
    users.map((u) => [
      u.id,
      {
        roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
        hash: u.password_hash,
        totp: totp.find((t) => t.user_id === u.id)?.secret ?? null,
        status: u.status,
      },
    ]),
  );
}

let serial = 0;
async function run(op: Op, users: string[], requests: string[]): Promise<{ approvedBy?: string; requestId?: string }> {
  const pick = (i: number) => users[i % users.length] as string;
  const actorId = pick(op.actor);
  const s = new Session(hall.app);
  // Act as that person whatever their state (a fixture session: the sign-in itself is not what is tested here).
  s.cookie = `ow_session=${await createSession(hall.ctx.db, actorId, hall.clock.now(), null, null)}`;
  const user = (roles: string[]) => ({
    username: `p${++serial}`,
    displayName: '随机',
    roles,
    hallIds: [countyHallId],
    initialPassword: 'Rand#2026x',
  });
  switch (op.t) {
    case 'create':
      await s.post('/api/users', user(op.roles));
      return {};
    case 'patch':
      await s.patch(`/api/users/${pick(op.target)}`, {
        ...(op.roles && { roles: op.roles }),
        ...(op.status && { status: op.status }),
      });
      return {};
    case 'reset':
      await s.post(`/api/users/${pick(op.target)}/reset-password`, { initialPassword: 'Rand#2026y' });
      return {};
    case 'resetTotp':
      await s.post(`/api/users/${pick(op.target)}/reset-totp`);
      return {};
    case 'request': {
      const body =
        op.kind === 'create'
          ? { kind: 'create', user: user(op.roles) }
          : op.kind === 'update'
            ? { kind: 'update', targetUserId: pick(op.target), patch: { roles: op.roles } }
            : {
                kind: op.kind,
                targetUserId: pick(op.target),
                ...(op.kind === 'reset_password' && { initialPassword: 'Rand#2026z' }),
              };
      const res = await s.post('/api/admin-requests', body);
      if (res.statusCode === 201) requests.push(json(res).id);
      return {};
    }
    case 'decide': {
      const id = requests[op.request % Math.max(1, requests.length)];
      if (!id) return {};
      const res = await s.post(`/api/admin-requests/${id}/${op.decision}`);
      return res.statusCode === 200 && op.decision === 'approve' ? { approvedBy: actorId, requestId: id } : {};
    }
  }
}

describe('separation of duties under any sequence of account operations', () => {
  it('never joins two administrator powers, nor changes an administrator\u2019s credentials without a second administrator', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
        const requests: string[] = [];
        for (const op of ops) {
          const admins = await hall.ctx.db
            .selectFrom('user_roles')
            .select('user_id')
            .where('role', 'in', ['sysadmin', 'secadmin', 'auditadmin'])
            .orderBy('role')
            .execute();
          const everyone = (await hall.ctx.db.selectFrom('users').select('id').orderBy('username').execute()).map(
            (u) => u.id,
          );
          const users = [...new Set([...admins.map((a) => a.user_id), ...everyone])];
          const before = await snapshot();
          const done = await run(op, users, requests);
          const after = await snapshot();
          for (const [id, now] of after) {
            expect(breaksSeparationOfDuties(now.roles), JSON.stringify(op)).toBe(false);
            if (holdsAdminRole(now.roles)) expect(now.roles, JSON.stringify(op)).toHaveLength(1);
            const was = before.get(id);
            const admin = holdsAdminRole(now.roles) || (was && holdsAdminRole(was.roles));
            const changed =
              !was ||
              was.hash !== now.hash ||
              was.totp !== now.totp ||
              was.status !== now.status ||
              was.roles.join() !== now.roles.join();
            if (!admin || !changed) continue;
            // Only an approval changes an administrator account; its approver is neither requester nor target.
            expect(done.requestId, JSON.stringify(op)).toBeDefined();
            const r = await hall.ctx.db
              .selectFrom('admin_requests')
              .selectAll()
              .where('id', '=', done.requestId as string)
              .executeTakeFirstOrThrow();
            expect(r.status).toBe('approved');
            expect(r.decided_by).toBe(done.approvedBy);
            expect(r.decided_by).not.toBe(r.requested_by);
            expect(r.decided_by).not.toBe(id);
            expect(holdsAdminRole(before.get(done.approvedBy as string)?.roles ?? [])).toBe(true);
          }
        }
      }),
      { numRuns: 25, seed: 20261202 },
    );
    // The generator reached approvals that changed administrator accounts, not only refusals.
    const approved = await hall.ctx.db
      .selectFrom('admin_requests')
      .select('kind')
      .where('status', '=', 'approved')
      .execute();
    expect(approved.length).toBeGreaterThan(0);
  }, 300_000);
});
