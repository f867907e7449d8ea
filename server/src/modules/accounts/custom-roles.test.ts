import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

// Roles as data: the security administrator composes roles from permissions; every permission check uses them;
// separation of duties holds on every composition and assignment; every change is audited.
let hall: TestHall;
let sec: Session;
let sys: Session;
const ids: Record<string, string> = {};
let hallId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  sec = await signedIn(hall.app, 'secadmin');
  sys = await signedIn(hall.app, 'sysadmin');
  for (const u of json(await sec.get('/api/users?pageSize=200')).items) ids[u.username] = u.id;
  hallId = json(await sec.get('/api/auth/me')).halls[0].id;
});
afterAll(() => hall.close());

const auditOf = (action: string, targetId: string) =>
  hall.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'detail', 'user_id'])
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .execute();

describe('custom roles', () => {
  it('lists the fixed roles with their holders and the permissions with their class', async () => {
    const roles = json(await sec.get('/api/roles')).items;
    const clerk = roles.find((r: { code: string }) => r.code === 'clerk');
    expect(clerk).toMatchObject({ custom: false, status: 'active', adminClass: null });
    expect(clerk.holders).toBeGreaterThan(0);
    const perms = json(await sec.get('/api/permissions')).items;
    expect(perms.find((p: { code: string }) => p.code === 'audit.read').powerClass).toBe('audit');
    expect(perms.find((p: { code: string }) => p.code === 'case.read').powerClass).toBe('business');
  });

  it('composes a role, gives it to an account, and its permissions open the routes they guard', async () => {
    // The inspector reads cases but may not export them; a custom role adds the export.
    const inspector = await signedIn(hall.app, 'inspector');
    expect((await inspector.get('/api/cases/export')).statusCode).toBe(403);
    const created = await sec.post('/api/roles', {
      code: 'case_exporter',
      name: '办件导出员',
      permissions: ['case.read', 'case.export'],
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ code: 'case_exporter', custom: true, status: 'active', holders: 0 });
    expect(await auditOf('role.create', 'case_exporter')).toHaveLength(1);

    const given = await sec.patch(`/api/users/${ids.inspector}`, { roles: ['inspector', 'case_exporter'] });
    expect(given.statusCode).toBe(200);
    expect(json(given).roles.sort()).toEqual(['case_exporter', 'inspector']);
    const again = await signedIn(hall.app, 'inspector');
    expect(json(await again.get('/api/auth/me')).permissions).toContain('case.export');
    expect((await again.get('/api/cases/export')).statusCode).toBe(200);

    // Editing the role changes what its holders may do at once, audited with before and after.
    const edited = await sec.patch('/api/roles/case_exporter', { permissions: ['case.read'] });
    expect(edited.statusCode).toBe(200);
    expect(json(edited).holders).toBe(1);
    expect((await again.get('/api/cases/export')).statusCode).toBe(403);
    const [upd] = await auditOf('role.update', 'case_exporter');
    expect(JSON.parse(upd?.detail as string)).toMatchObject({
      before: { permissions: ['case.read', 'case.export'] },
      after: { permissions: ['case.read'] },
    });

    // Retiring takes it from every holder, who are named in the audit record.
    await sec.patch('/api/roles/case_exporter', { permissions: ['case.read', 'case.export'] });
    expect((await again.get('/api/cases/export')).statusCode).toBe(200);
    const retired = await sec.post('/api/roles/case_exporter/retire');
    expect(retired.statusCode).toBe(200);
    expect(json(retired).status).toBe('retired');
    expect((await again.get('/api/cases/export')).statusCode).toBe(403);
    const [ret] = await auditOf('role.retire', 'case_exporter');
    expect(JSON.parse(ret?.detail as string).removedFrom).toEqual([ids.inspector]);
    const reGive = await sec.patch(`/api/users/${ids.inspector}`, { roles: ['inspector', 'case_exporter'] });
    expect(reGive.statusCode).toBe(400);
    expect(json(reGive).field).toBe('roles');
    expect((await sec.patch('/api/roles/case_exporter', { name: '再用' })).statusCode).toBe(409);
  });

  it('refuses administrator powers in a custom role, naming them, and writes nothing', async () => {
    for (const permissions of [['audit.read'], ['case.read', 'account.manage'], ['org.manage', 'policy.manage']]) {
      const res = await sec.post('/api/roles', { code: 'sneaky_role', name: '偷权角色', permissions });
      expect(res.statusCode, permissions.join()).toBe(409);
      expect(json(res).code).toBe('SEPARATION_OF_DUTIES');
      expect(json(res).field).toBe('permissions');
      expect(json(res).message).toContain(permissions.find((p) => !p.startsWith('case')));
    }
    expect(
      await hall.ctx.db.selectFrom('custom_roles').where('code', '=', 'sneaky_role').selectAll().execute(),
    ).toEqual([]);
    const en = await sec.request(
      'POST',
      '/api/roles',
      { code: 'sneaky_role', name: '偷权角色', permissions: ['audit.read'] },
      {
        'accept-language': 'en',
      },
    );
    expect(json(en).message).toMatch(/administrator powers/);
  });

  it('keeps the fixed roles as they are', async () => {
    for (const [method, url, body] of [
      ['PATCH', '/api/roles/clerk', { permissions: ['case.read'] }],
      ['POST', '/api/roles/auditadmin/retire', {}],
    ] as const) {
      const res = await sec.request(method, url, body);
      expect(res.statusCode, url).toBe(409);
      expect(json(res).code).toBe('FIXED_ROLE');
    }
    const clash = await sec.post('/api/roles', { code: 'clerk', name: '冒名', permissions: ['case.read'] });
    expect(clash.statusCode).toBe(409);
    expect(json(clash).field).toBe('code');
  });

  it('refuses a custom role on an administrator account, and lets only the security administrator compose', async () => {
    await sec.post('/api/roles', { code: 'reader', name: '只读员', permissions: ['case.read', 'knowledge.read'] });
    const onAdmin = await sec.post('/api/admin-requests', {
      kind: 'update',
      targetUserId: ids.auditor,
      patch: { roles: ['auditadmin', 'reader'] },
    });
    expect(onAdmin.statusCode).toBe(409);
    expect(json(onAdmin).field).toBe('roles');
    const direct = await sec.patch(`/api/users/${ids.auditor}`, { roles: ['auditadmin', 'reader'] });
    expect(direct.statusCode).toBe(409);
    expect(
      (await sys.post('/api/roles', { code: 'x_role', name: '某角色', permissions: ['case.read'] })).statusCode,
    ).toBe(403);
    const clerk = await signedIn(hall.app, 'clerk');
    expect((await clerk.patch('/api/roles/reader', { name: '改名了' })).statusCode).toBe(403);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const cases = [
      [{ code: 'Bad Code', name: '某角色', permissions: ['case.read'] }, 'code'],
      [{ code: 'ok_code', name: '某', permissions: ['case.read'] }, 'name'],
      [{ code: 'ok_code', name: '某角色', permissions: [] }, 'permissions'],
      [{ code: 'ok_code', name: '某角色', permissions: ['case.fly'] }, 'permissions.0'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await sec.post('/api/roles', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).field).toBe(field);
    }
    expect((await sec.patch('/api/roles/nobody_here', { name: '某角色' })).statusCode).toBe(404);
  });

  it('creates a business account with a custom role and lets it sign in with those permissions', async () => {
    await sec.post('/api/roles', {
      code: 'kb_editor',
      name: '知识库编辑',
      permissions: ['knowledge.read', 'knowledge.manage'],
    });
    const res = await sec.post('/api/users', {
      username: 'kb_person',
      displayName: '知识库编辑员',
      roles: ['kb_editor'],
      hallIds: [hallId],
      initialPassword: 'Start#2026ab',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res).roles).toEqual(['kb_editor']);
  });

  it('counts custom roles where one person\u2019s permissions are checked for another (who may take a consultation)', async () => {
    const clerk = await signedIn(hall.app, 'clerk');
    const clerkHall = json(await clerk.get('/api/auth/me')).halls[0].id;
    const takers = async () =>
      json(await clerk.get(`/api/consultations/staff?hallId=${clerkHall}`)).items.map((u: { id: string }) => u.id);
    expect(await takers()).not.toContain(ids.inspector);
    await sec.post('/api/roles', { code: 'consult_helper', name: '咨询协办', permissions: ['consult.handle'] });
    expect(
      (await sec.patch(`/api/users/${ids.inspector}`, { roles: ['inspector', 'consult_helper'] })).statusCode,
    ).toBe(200);
    expect(await takers()).toContain(ids.inspector);
    await sec.post('/api/roles/consult_helper/retire');
    expect(await takers()).not.toContain(ids.inspector);
  });
});
