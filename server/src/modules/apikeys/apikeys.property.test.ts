// For any scope the security administrator may give, a key never gets past the door of a route whose permission
// the scope lacks; and no scope holding an administrator power can be issued at all.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { DAY_MS, isKeyPermission, keyPermissions } from '../../domain/api-keys.ts';
import { permissions } from '../../domain/roles.ts';
import { declaredAccess } from '../../platform/http.ts';

let hall: TestHall;
let secadmin: Session;
let hallIds: string[];
let guarded: { method: string; url: string; permission: string }[];

beforeAll(async () => {
  hall = await buildTestHall();
  secadmin = await signedIn(hall.app, 'secadmin');
  hallIds = (json(await secadmin.get('/api/halls')).items as { id: string }[]).map((h) => h.id);
  guarded = [...declaredAccess(hall.app)]
    .filter(([, access]) => access !== 'public' && access !== 'user')
    .map(([route, permission]) => {
      const [method = 'GET', path = ''] = route.split(' ');
      // Path parameters filled with a harmless id: the door decides before the route reads them.
      return { method, url: path.replace(/:[A-Za-z]+/g, 'x'), permission: permission as string };
    })
    .filter((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
});
afterAll(() => hall.close());

describe('a key’s scope', () => {
  it('knows routes guarded by most key permissions (the property below has something to refuse)', () => {
    const guarding = new Set(guarded.map((r) => r.permission));
    expect(keyPermissions.filter((p) => guarding.has(p)).length).toBeGreaterThan(keyPermissions.length / 2);
  });

  it('never reaches a route whose permission it does not hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...keyPermissions], { minLength: 1 }),
        fc.subarray(hallIds, { minLength: 1 }),
        fc.nat(),
        async (scope, halls, seed) => {
          const res = await secadmin.post('/api/api-keys', {
            name: '属性测试密钥',
            holderOrg: '测试单位',
            holderContact: '测试联系人',
            permissions: scope,
            hallIds: halls,
            expiresAt: hall.clock.now() + 30 * DAY_MS,
          });
          expect(res.statusCode, res.body).toBe(201);
          const secret = json(res).secret as string;
          const held = new Set<string>(scope);
          const outside = guarded.filter((r) => !held.has(r.permission));
          // A sample of the routes outside the scope each run, different each time.
          const sample = outside.filter((_, i) => (i + seed) % 9 === 0);
          for (const r of sample) {
            const answer = await hall.app.inject({
              method: r.method as 'GET',
              url: r.url,
              headers: { authorization: `Bearer ${secret}` },
              ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
            });
            expect(answer.statusCode, `${r.method} ${r.url} needs ${r.permission}`).toBe(403);
            expect(json(answer).code).toBe('FORBIDDEN');
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('cannot be issued with any permission that is not a key permission', async () => {
    const notForKeys = permissions.filter((p) => !isKeyPermission(p));
    expect(notForKeys).toContain('role.manage');
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...keyPermissions]),
        fc.subarray(notForKeys, { minLength: 1 }),
        async (business, admin) => {
          const res = await secadmin.post('/api/api-keys', {
            name: '越权密钥',
            holderOrg: '测试单位',
            holderContact: '测试联系人',
            permissions: [...business, ...admin],
            hallIds,
            expiresAt: hall.clock.now() + 30 * DAY_MS,
          });
          expect(res.statusCode).toBe(400);
          expect(json(res).field).toBe('permissions');
        },
      ),
      { numRuns: 25 },
    );
  });
});
