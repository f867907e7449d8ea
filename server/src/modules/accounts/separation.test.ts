import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../platform/auth/totp.ts';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  Session,
  buildTestHall,
  json,
  signedIn,
  type TestHall,
} from '../../../test/helpers.ts';

// 三权分立 holds against password resets and account edits: administrator accounts change only with a second
// administrator's approval.
let hall: TestHall;
let sys: Session;
let sec: Session;
let aud: Session;
const ids: Record<string, string> = {};
const idOf = (username: string) => ids[username] as string;
let countyHallId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  sys = await signedIn(hall.app, 'sysadmin');
  sec = await signedIn(hall.app, 'secadmin');
  aud = await signedIn(hall.app, 'auditor');
  for (const u of json(await sec.get('/api/users?pageSize=200')).items) ids[u.username] = u.id;
  countyHallId = json(await sec.get('/api/auth/me')).halls[0].id;
});
afterAll(() => hall.close());

const hashOf = async (username: string) =>
  (
    await hall.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).password_hash;

describe('administrator accounts (三权分立)', () => {
  it('refuses the system administrator any account change, so it cannot take over the auditor', async () => {
    const before = await hashOf('auditor');
    const reset = await sys.post(`/api/users/${ids.auditor}/reset-password`, { initialPassword: 'Taken#2026x' });
    expect(reset.statusCode).toBe(403);
    expect((await sys.patch(`/api/users/${ids.clerk}`, { status: 'disabled' })).statusCode).toBe(403);
    expect(
      (
        await sys.post('/api/admin-requests', {
          kind: 'reset_password',
          targetUserId: ids.auditor,
          initialPassword: 'Taken#2026x',
        })
      ).statusCode,
    ).toBe(403);
    expect(await hashOf('auditor')).toBe(before);
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
  });

  it('refuses the security administrator a direct reset, disable, edit or second-factor reset of an administrator', async () => {
    const before = await hashOf('sysadmin');
    for (const [method, url, body] of [
      ['POST', `/api/users/${ids.sysadmin}/reset-password`, { initialPassword: 'Taken#2026x' }],
      ['PATCH', `/api/users/${ids.sysadmin}`, { status: 'disabled' }],
      ['PATCH', `/api/users/${ids.auditor}`, { displayName: '换人' }],
      ['POST', `/api/users/${ids.auditor}/reset-totp`, {}],
    ] as const) {
      const res = await sec.request(method, url, body);
      expect(res.statusCode, url).toBe(409);
      expect(json(res).code).toBe('APPROVAL_REQUIRED');
    }
    expect(await hashOf('sysadmin')).toBe(before);
    expect((await sys.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('resets an administrator\u2019s password only when a different administrator approves, and never the second factor with it', async () => {
    const before = await hashOf('auditor');
    const asked = await sec.post('/api/admin-requests', {
      kind: 'reset_password',
      targetUserId: ids.auditor,
      initialPassword: 'Reset#2026x',
    });
    expect(asked.statusCode).toBe(201);
    const request = json(asked);
    expect(request).toMatchObject({ status: 'pending', kind: 'reset_password', canCancel: true, canDecide: false });
    expect(JSON.stringify(request)).not.toContain('scrypt');
    expect(await hashOf('auditor')).toBe(before);
    // Neither the one who asked nor the one it is about may approve.
    expect((await sec.post(`/api/admin-requests/${request.id}/approve`)).statusCode).toBe(403);
    expect((await aud.post(`/api/admin-requests/${request.id}/approve`)).statusCode).toBe(403);
    expect(await hashOf('auditor')).toBe(before);
    const approved = await sys.post(`/api/admin-requests/${request.id}/approve`, { note: '本人电话确认' });
    expect(approved.statusCode).toBe(200);
    expect(json(approved).status).toBe('approved');
    expect(await hashOf('auditor')).not.toBe(before);
    expect((await sys.post(`/api/admin-requests/${request.id}/approve`)).statusCode).toBe(409);
    // The auditor's sessions ended; the new password alone does not open the account: its second factor stays.
    expect((await aud.get('/api/audit')).statusCode).toBe(401);
    const attempt = await new Session(hall.app).login('auditor', 'Reset#2026x');
    expect(attempt.statusCode).toBe(401);
    expect(json(attempt).code).toBe('TOTP_REQUIRED');
    // The auditor, with the new password and the code of their own authenticator, signs in and replaces it.
    aud = new Session(hall.app);
    hall.clock.advance(30_000); // the next code of the authenticator; the fixture spent this step's
    expect((await aud.login('auditor', 'Reset#2026x', totpCode(DEMO_TOTP_SECRET, hall.clock.now()))).statusCode).toBe(
      200,
    );
    expect(
      (await aud.post('/api/auth/password', { currentPassword: 'Reset#2026x', newPassword: 'Own#2026xyz' })).statusCode,
    ).toBe(204);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('target_id', '=', request.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'account.admin_request', username: 'secadmin' },
      { action: 'account.admin_request.approve', username: 'sysadmin' },
    ]);
  });

  it('does not let the security administrator create and use an audit administrator alone', async () => {
    const user = {
      username: 'auditor2',
      displayName: '新审计员',
      roles: ['auditadmin'],
      hallIds: [countyHallId],
      initialPassword: 'Audit#2026x',
    };
    expect((await sec.post('/api/users', user)).statusCode).toBe(409);
    const request = json(await sec.post('/api/admin-requests', { kind: 'create', user }));
    expect(await new Session(hall.app).login('auditor2', 'Audit#2026x').then((r) => r.statusCode)).toBe(401);
    const rejected = await aud.post(`/api/admin-requests/${request.id}/reject`, { note: '未经审批会议' });
    expect(json(rejected).status).toBe('rejected');
    expect(
      await hall.ctx.db.selectFrom('users').select('id').where('username', '=', 'auditor2').executeTakeFirst(),
    ).toBeUndefined();
    // Approved by another administrator, the account exists with a forced password change and must enrol 2FA.
    const again = json(await sec.post('/api/admin-requests', { kind: 'create', user }));
    expect(json(await sys.post(`/api/admin-requests/${again.id}/approve`)).status).toBe('approved');
    const s = new Session(hall.app);
    expect((await s.login('auditor2', 'Audit#2026x')).statusCode).toBe(200);
    expect(
      (await s.post('/api/auth/password', { currentPassword: 'Audit#2026x', newPassword: 'Mine#2026xy' })).statusCode,
    ).toBe(204);
    const blocked = await s.get('/api/audit');
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked).code).toBe('TOTP_ENROLMENT_REQUIRED');
  });

  it('never puts an administrator role on a business account, nor business roles on an administrator account', async () => {
    const clerkPatch = await sec.patch(`/api/users/${ids.clerk}`, { roles: ['auditadmin'] });
    expect(clerkPatch.statusCode).toBe(409);
    expect(json(clerkPatch).field).toBe('roles');
    expect((await sec.patch(`/api/users/${ids.clerk}`, { roles: ['clerk', 'sysadmin'] })).statusCode).toBe(409);
    expect(
      (
        await sec.post('/api/admin-requests', {
          kind: 'update',
          targetUserId: ids.clerk,
          patch: { roles: ['auditadmin'] },
        })
      ).statusCode,
    ).toBe(400);
    const mixed = await sec.post('/api/admin-requests', {
      kind: 'update',
      targetUserId: ids.sysadmin,
      patch: { roles: ['sysadmin', 'supervisor'] },
    });
    expect(mixed.statusCode).toBe(409);
    const demote = await sec.post('/api/admin-requests', {
      kind: 'update',
      targetUserId: ids.sysadmin,
      patch: { roles: ['supervisor'] },
    });
    expect(demote.statusCode).toBe(409);
    const roles = await hall.ctx.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', idOf('clerk'))
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['clerk']);
  });

  it('lets only the security administrator grant the sight of personal numbers', async () => {
    expect((await sys.patch(`/api/users/${ids.clerk}`, { roles: ['clerk', 'supervisor'] })).statusCode).toBe(403);
    expect(json(await sec.patch(`/api/users/${ids.clerk}`, { roles: ['clerk', 'supervisor'] })).roles).toEqual([
      'clerk',
      'supervisor',
    ]);
  });

  it('lets the requester withdraw a pending request, and disables an administrator only on approval', async () => {
    const request = json(
      await sec.post('/api/admin-requests', {
        kind: 'update',
        targetUserId: ids.auditor,
        patch: { status: 'disabled' },
      }),
    );
    expect(request.summary).toContain('停用');
    expect((await sys.post(`/api/admin-requests/${request.id}/cancel`)).statusCode).toBe(403);
    expect(json(await sec.post(`/api/admin-requests/${request.id}/cancel`)).status).toBe('cancelled');
    const listed = json(await aud.get('/api/admin-requests?status=pending')).items;
    expect(listed.find((r: { id: string }) => r.id === request.id)).toBeUndefined();
    const status = await hall.ctx.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', idOf('auditor'))
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('active');
    expect(DEMO_PASSWORD).toBeTruthy();
  });
});
