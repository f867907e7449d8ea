/**
 * The access matrix: every demo post (role) against every /api route that needs a permission. A route is refused
 * at the door (403, audited as access.denied) exactly when the post lacks the permission the route declares —
 * and least privilege: only the posts that need them hold the applicant registry and the bulk export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Permission, permissionsOf, roles } from '../../domain/roles.ts';
import { buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';
import { declaredAccess } from '../http.ts';

let hall: TestHall;
beforeAll(async () => {
  hall = await buildTestHall();
});
afterAll(() => hall.close());

const DEMO_USERS = [
  'sysadmin',
  'secadmin',
  'auditor',
  'head',
  'supervisor',
  'clerk',
  'reviewer',
  'router',
  'handler',
  'approver',
  'feedback',
  'inspector',
  'applicant',
  'town_clerk',
];

describe('least privilege', () => {
  it('gives the whole applicant registry to reception posts only, and the bulk export to supervisors and station heads', () => {
    const holders = (p: Permission) =>
      roles
        .filter((r) => r.permissions.includes(p))
        .map((r) => r.code)
        .sort();
    expect(holders('applicant.registry')).toEqual(['clerk', 'supervisor']);
    expect(holders('case.export')).toEqual(['station_head', 'supervisor']);
    // The reading posts keep their cases (and the applicants on them) but not the registry or the export.
    for (const code of ['reviewer', 'router', 'handler', 'approver', 'feedback', 'inspector'] as const) {
      const p = permissionsOf([code]);
      expect(p.has('case.read'), code).toBe(true);
      expect(p.has('applicant.registry') || p.has('case.export'), code).toBe(false);
    }
  });

  it('refuses the registry search and the export to a reviewer, and records the refusal', async () => {
    const reviewer = await signedIn(hall.app, 'reviewer');
    const hallId = json(await reviewer.get('/api/auth/me')).halls[0].id;
    expect((await reviewer.get(`/api/applicants?hallId=${hallId}`)).statusCode).toBe(403);
    expect((await reviewer.post('/api/applicants/search', { hallId, q: '张' })).statusCode).toBe(403);
    expect((await reviewer.get('/api/cases/export')).statusCode).toBe(403);
    expect((await reviewer.get('/api/cases')).statusCode).toBe(200);
    const supervisor = await signedIn(hall.app, 'supervisor');
    const exported = await supervisor.get('/api/cases/export');
    expect(exported.statusCode).toBe(200);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case_list_export.read')
      .execute();
    expect(audit.map((a) => a.username)).toEqual(['supervisor']);
  });
});

describe('access matrix', () => {
  it('refuses each post exactly the routes whose permission it lacks', async () => {
    const routes = [...declaredAccess(hall.app)].filter(
      ([key, access]) => !key.startsWith('HEAD ') && access !== 'public' && access !== 'user',
    );
    expect(routes.length).toBeGreaterThan(100);
    const expected = new Set<string>();
    let calls = 0;
    for (const username of DEMO_USERS) {
      const session = await signedIn(hall.app, username);
      const held = new Set(json(await session.get('/api/auth/me')).permissions as string[]);
      for (const [key, access] of routes) {
        const [method, url] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
        const res = await session.request(
          method,
          url.replace(/:[A-Za-z]+/g, 'x'),
          method === 'GET' || method === 'DELETE' ? undefined : {},
        );
        calls += 1;
        expect(res.statusCode, `${username} ${key}`).toBeLessThan(500);
        if (!held.has(access)) {
          expected.add(`${username} ${key}`);
          expect(res.statusCode, `${username} ${key}`).toBe(403);
        }
      }
    }
    const denied = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['username', 'target_id'])
      .where('action', '=', 'access.denied')
      .execute();
    expect(new Set(denied.map((d) => `${d.username} ${d.target_id}`))).toEqual(expected);
    expect(calls).toBe(routes.length * DEMO_USERS.length);
  }, 300_000);
});
