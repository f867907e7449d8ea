import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Permission, permissions, roleCodes, roles } from '../../domain/roles.ts';
import { type Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

// Whatever the security administrator composes, edits, retires and hands out, in any order, and whatever second
// approvals follow: no account ever holds a forbidden combination of permissions. The oracle is drawn from the fixed
// roles themselves, not from the code under test: a power only administrators hold may not sit beside a permission
// no administrator holds, nor beside another administrator power that no single administrator role holds with it.
let hall: TestHall;
let sec: Session;
const ids: Record<string, string> = {};
beforeAll(async () => {
  hall = await buildTestHall();
  sec = await signedIn(hall.app, 'secadmin');
  for (const u of json(await sec.get('/api/users?pageSize=200')).items) ids[u.username] = u.id;
});
afterAll(() => hall.close());

const adminRoles = roles.filter((r) => r.adminClass !== null);
const businessRoles = roles.filter((r) => r.adminClass === null);
const adminOnly = (p: Permission) =>
  adminRoles.some((r) => r.permissions.includes(p)) && !businessRoles.some((r) => r.permissions.includes(p));
const businessOnly = (p: Permission) => !adminRoles.some((r) => r.permissions.includes(p));
const sameAdminRole = (p: Permission, q: Permission) =>
  adminRoles.some((r) => r.permissions.includes(p) && r.permissions.includes(q));

function forbiddenPair(held: Set<Permission>): [Permission, Permission] | null {
  const list = [...held];
  for (const p of list.filter(adminOnly)) {
    for (const q of list) {
      if (businessOnly(q)) return [p, q];
      if (adminOnly(q) && !sameAdminRole(p, q)) return [p, q];
    }
  }
  return null;
}

const customCodes = ['cr_one', 'cr_two', 'cr_three', 'cr_four'];
const businessPerms = permissions.filter(businessOnly);
const permSet = fc.oneof(
  { arbitrary: fc.subarray([...businessPerms], { minLength: 1, maxLength: 6 }), weight: 3 },
  { arbitrary: fc.subarray([...permissions], { minLength: 1, maxLength: 5 }), weight: 2 },
);
const roleSet = fc.subarray([...roleCodes, ...customCodes], { minLength: 1, maxLength: 3 });
const business = ['clerk', 'inspector', 'head', 'reviewer', 'feedback'];
const anyone = [...business, 'sysadmin', 'auditor'];

type Op =
  | { t: 'compose'; code: string; perms: Permission[] }
  | { t: 'edit'; code: string; perms: Permission[] }
  | { t: 'retire'; code: string }
  | { t: 'assign'; user: string; roles: string[] }
  | { t: 'request'; user: 'sysadmin' | 'auditor'; roles: string[]; approve: boolean };
const code = fc.constantFrom(...customCodes);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('compose' as const), code, perms: permSet }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('edit' as const), code, perms: permSet }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('retire' as const), code }), weight: 1 },
  {
    arbitrary: fc.record({ t: fc.constant('assign' as const), user: fc.constantFrom(...anyone), roles: roleSet }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('request' as const),
      user: fc.constantFrom('sysadmin' as const, 'auditor' as const),
      roles: roleSet,
      approve: fc.boolean(),
    }),
    weight: 1,
  },
);

/** What every account can do now, read straight from the tables. */
async function heldByEveryone(): Promise<Map<string, Set<Permission>>> {
  const [links, custom] = await Promise.all([
    hall.ctx.db.selectFrom('user_roles').selectAll().execute(),
    hall.ctx.db.selectFrom('custom_roles').selectAll().where('status', '=', 'active').execute(),
  ]);
  const perms = new Map<string, readonly Permission[]>(roles.map((r) => [r.code, r.permissions]));
  for (const c of custom) perms.set(c.code, JSON.parse(c.permissions));
  const out = new Map<string, Set<Permission>>();
  for (const l of links) {
    const set = out.get(l.user_id) ?? new Set<Permission>();
    for (const p of perms.get(l.role) ?? []) set.add(p);
    out.set(l.user_id, set);
  }
  return out;
}

async function run(op: Op) {
  if (op.t === 'compose')
    return sec.post('/api/roles', { code: op.code, name: `角色${op.code}`, permissions: op.perms });
  if (op.t === 'edit') return sec.patch(`/api/roles/${op.code}`, { permissions: op.perms });
  if (op.t === 'retire') return sec.post(`/api/roles/${op.code}/retire`);
  if (op.t === 'assign') return sec.patch(`/api/users/${ids[op.user]}`, { roles: op.roles });
  const asked = await sec.post('/api/admin-requests', {
    kind: 'update',
    targetUserId: ids[op.user],
    patch: { roles: op.roles },
  });
  if (asked.statusCode !== 201 || !op.approve) return asked;
  const decider = await signedIn(hall.app, op.user === 'sysadmin' ? 'auditor' : 'sysadmin');
  return decider.post(`/api/admin-requests/${json(asked).id}/approve`, {});
}

describe('separation of duties under random compositions and assignments (property)', () => {
  it('never lets an account hold a forbidden combination, and refuses with a named conflict', async () => {
    let refusedForSeparation = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        for (const op of ops) {
          const res = await run(op);
          expect(res.statusCode, `${JSON.stringify(op)} ${res.body}`).toBeLessThan(500);
          if (res.statusCode === 409 && json(res).code === 'SEPARATION_OF_DUTIES') {
            refusedForSeparation++;
            expect(json(res).permissions.length, res.body).toBeGreaterThan(0);
            expect(['permissions', 'roles']).toContain(json(res).field);
          }
          for (const [userId, held] of await heldByEveryone()) {
            expect(forbiddenPair(held), `${userId} after ${JSON.stringify(op)}`).toBeNull();
          }
          const custom = await hall.ctx.db.selectFrom('custom_roles').select('permissions').execute();
          for (const c of custom) expect((JSON.parse(c.permissions) as Permission[]).filter(adminOnly)).toEqual([]);
        }
      }),
      { numRuns: 30 },
    );
    // The generator does reach the rule it is about.
    expect(refusedForSeparation).toBeGreaterThan(0);
  });

  it('the oracle itself sees the forbidden pairs', () => {
    expect(forbiddenPair(new Set<Permission>(['audit.read', 'case.read']))).not.toBeNull();
    expect(forbiddenPair(new Set<Permission>(['audit.read', 'org.manage']))).not.toBeNull();
    expect(forbiddenPair(new Set<Permission>(['audit.read', 'audit.verify', 'account.approve_admin']))).toBeNull();
    expect(forbiddenPair(new Set<Permission>(['case.read', 'catalog.manage', 'personal.view']))).toBeNull();
  });
});
