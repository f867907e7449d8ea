import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piiFields, reveal } from '../../platform/pii/protect.ts';
import { Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let sys: Session;
let sec: Session;
let countyHallId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  sys = await signedIn(hall.app, 'sysadmin');
  sec = await signedIn(hall.app, 'secadmin');
  countyHallId = json(await sys.get('/api/auth/me')).halls.find((h: { name: string }) =>
    h.name.includes('政务服务中心'),
  ).id;
});
afterAll(() => hall.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 8)}`,
  displayName: '测试人员',
  phone: '13912345678',
  roles: ['clerk'],
  hallIds: [countyHallId],
  initialPassword: 'Start#2026',
  ...over,
});

describe('accounts', () => {
  it('creates staff with roles, masks the phone number, and refuses a taken username', async () => {
    const body = newUser();
    // Only the security administrator manages accounts.
    expect((await sys.post('/api/users', body)).statusCode).toBe(403);
    const res = await sec.post('/api/users', body);
    expect(res.statusCode).toBe(201);
    const user = json(res);
    expect(user.phone).toBe('139****5678');
    expect(user.roles).toEqual(['clerk']);
    const dup = await sec.post('/api/users', { ...body });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).field).toBe('username');
    // Stored encrypted (platform/pii): the ciphertext does not hold the number, and decrypts to it.
    const stored = await hall.ctx.db
      .selectFrom('users')
      .select(['phone_enc', 'phone_masked'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain('13912345678');
    expect(reveal(piiFields.staffPhone, user.id, stored.phone_enc!)).toBe('13912345678');
    expect(stored.phone_masked).toBe('139****5678');
  });

  it('refuses to put two administrator powers in one hand (三权分立)', async () => {
    for (const roles of [
      ['sysadmin', 'auditadmin'],
      ['secadmin', 'sysadmin'],
      ['secadmin', 'auditadmin'],
      ['auditadmin', 'clerk'],
    ]) {
      const res = await sec.post('/api/users', newUser({ roles }));
      expect(res.statusCode).toBe(409);
      expect(json(res).field).toBe('roles');
    }
    const existing = json(await sec.get('/api/users?role=auditadmin')).items[0];
    const res = await sec.patch(`/api/users/${existing.id}`, { roles: ['auditadmin', 'secadmin'] });
    expect(res.statusCode).toBe(409);
    const asked = await sec.post('/api/admin-requests', {
      kind: 'update',
      targetUserId: existing.id,
      patch: { roles: ['auditadmin', 'secadmin'] },
    });
    expect(asked.statusCode).toBe(409);
    expect(json(asked).field).toBe('roles');
    expect(
      await hall.ctx.db
        .selectFrom('users')
        .select('id')
        .where('username', 'like', 'u%')
        .where('display_name', '=', '测试人员')
        .execute(),
    ).toHaveLength(1);
  });

  it('lets only the security administrator hand out administrator roles', async () => {
    expect((await sys.post('/api/users', newUser({ roles: ['auditadmin'] }))).statusCode).toBe(403);
    expect(
      (await sys.post('/api/admin-requests', { kind: 'create', user: newUser({ roles: ['auditadmin'] }) })).statusCode,
    ).toBe(403);
    // The security administrator asks; an administrator account exists only once a second administrator approves.
    const direct = await sec.post('/api/users', newUser({ roles: ['auditadmin'] }));
    expect(direct.statusCode).toBe(409);
    expect(json(direct).code).toBe('APPROVAL_REQUIRED');
    const res = await sec.post('/api/admin-requests', { kind: 'create', user: newUser({ roles: ['auditadmin'] }) });
    expect(res.statusCode).toBe(201);
    expect(json(res).status).toBe('pending');
  });

  it('unlocks a locked account and resets a password to a new initial one', async () => {
    const body = newUser();
    const user = json(await sec.post('/api/users', body));
    const s = new Session(hall.app);
    for (let i = 0; i < 5; i++) await s.login(body.username, 'bad-password');
    // Locked: the right password gets the answer of a wrong one; the security administrator sees the lock.
    expect(json(await s.login(body.username, body.initialPassword)).code).toBe('INVALID_CREDENTIALS');
    const listed = json(await sec.get(`/api/users?q=${body.username}`)).items[0];
    expect(listed.lockedUntil).toBeGreaterThan(hall.clock.now());
    const unlocked = await sec.post(`/api/users/${user.id}/unlock`);
    expect(json(unlocked).lockedUntil).toBeNull();
    expect((await s.login(body.username, body.initialPassword)).statusCode).toBe(200);

    expect((await sec.post(`/api/users/${user.id}/reset-password`, { initialPassword: 'short' })).statusCode).toBe(400);
    expect(
      (await sec.post(`/api/users/${user.id}/reset-password`, { initialPassword: 'Again#2026x' })).statusCode,
    ).toBe(204);
    // The reset ends the user's sessions and asks for a new password at next sign-in.
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await s.login(body.username, 'Again#2026x')).statusCode).toBe(200);
    expect(json(await s.get('/api/auth/me')).mustChangePassword).toBe(true);
  });

  it('disables an account and ends its sessions', async () => {
    const body = newUser();
    const user = json(await sec.post('/api/users', body));
    const s = new Session(hall.app);
    await s.login(body.username, body.initialPassword);
    expect((await sys.patch(`/api/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(403);
    expect(json(await sec.patch(`/api/users/${user.id}`, { status: 'disabled' })).status).toBe('disabled');
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await s.login(body.username, body.initialPassword)).statusCode).toBe(401);
  });

  it('applies a changed password policy to new passwords', async () => {
    const policy = json(await sec.get('/api/security/policy'));
    expect(policy).toMatchObject({
      minLength: 8,
      minClasses: 3,
      maxFailures: 5,
      lockoutMinutes: 10,
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
      passwordHistory: 5,
      passwordMaxAgeDays: 90,
    });
    expect((await sec.put('/api/security/policy', { ...policy, minLength: 12 })).statusCode).toBe(200);
    const res = await sec.post('/api/users', newUser({ initialPassword: 'Start#2026' }));
    expect(res.statusCode).toBe(400);
    expect(json(res).field).toBe('initialPassword');
    expect((await sec.put('/api/security/policy', { ...policy, minLength: 3 })).statusCode).toBe(400);
    await sec.put('/api/security/policy', policy);
  });

  it('lists the roles with their permissions', async () => {
    const roles = json(await sec.get('/api/roles')).items;
    expect(roles.map((r: { code: string }) => r.code)).toContain('station_head');
    expect(roles.find((r: { code: string }) => r.code === 'auditadmin').adminClass).toBe('audit');
  });
});
