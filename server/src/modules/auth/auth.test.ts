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

let hall: TestHall;
beforeAll(async () => {
  hall = await buildTestHall();
});
afterAll(() => hall.close());

describe('login and session', () => {
  it('signs in, answers /me with roles and permissions, and signs out', async () => {
    const s = new Session(hall.app);
    // An administrator signs in with the password, then the code of the authenticator app.
    const first = await s.login('sysadmin');
    expect(first.statusCode).toBe(401);
    expect(json(first).code).toBe('TOTP_REQUIRED');
    expect(first.cookies.find((c) => c.name === 'ow_session')).toBeUndefined();
    const res = await s.login('sysadmin', DEMO_PASSWORD, totpCode(DEMO_TOTP_SECRET, hall.clock.now()));
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ow_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = json(await s.get('/api/auth/me'));
    expect(me.username).toBe('sysadmin');
    expect(me.roles).toEqual(['sysadmin']);
    expect(me.permissions).toContain('org.manage');
    expect(me.permissions).not.toContain('audit.read');
    expect(me.halls).toHaveLength(2);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const s = new Session(hall.app);
    const unknown = await s.login('nobody', 'Whatever1!');
    expect(unknown.statusCode).toBe(401);
    expect(json(unknown).code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after 5 failures for 10 minutes, then lets the right password in', async () => {
    const s = new Session(hall.app);
    for (let i = 1; i <= 4; i++) {
      const res = await s.login('inspector', 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(json(res).message).toBe('用户名或密码错误');
    }
    const unknown = await s.login('nobody-at-all', 'wrong-password');
    const fifth = await s.login('inspector', 'wrong-password');
    // The lock does not tell a caller the name exists: the fifth failure, and the right password while locked, get
    // exactly the answer of an unknown user.
    expect(fifth.statusCode).toBe(401);
    expect(fifth.body).toBe(unknown.body);
    const rightWhileLocked = await s.login('inspector');
    expect(rightWhileLocked.statusCode).toBe(401);
    expect(rightWhileLocked.body).toBe(unknown.body);
    expect(rightWhileLocked.cookies.find((c) => c.name === 'ow_session')).toBeUndefined();
    // The owner learns of it from the security administrator, who sees the lock, and the audit log names it.
    const sec = await signedIn(hall.app, 'secadmin');
    const listed = json(await sec.get('/api/users?q=inspector')).items[0];
    expect(listed.lockedUntil).toBeGreaterThan(hall.clock.now());
    const reasons = await hall.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'auth.login')
      .where('username', '=', 'inspector')
      .where('outcome', '=', 'failure')
      .execute();
    expect(reasons.some((r) => JSON.parse(r.detail as string).reason === 'locked')).toBe(true);
    hall.clock.advance(9 * 60_000);
    expect((await s.login('inspector')).statusCode).toBe(401);
    hall.clock.advance(61_000);
    expect((await s.login('inspector')).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const s = await signedIn(hall.app, 'clerk');
    hall.clock.advance(29 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    hall.clock.advance(29 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    hall.clock.advance(31 * 60_000);
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(json(res).code).toBe('SESSION_EXPIRED');
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const s = await signedIn(hall.app, 'clerk');
    for (let i = 0; i < 35; i++) {
      hall.clock.advance(20 * 60_000);
      expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    }
    hall.clock.advance(21 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('initial password', () => {
  it('forces a change of the initial password and enforces the policy', async () => {
    const admin = await signedIn(hall.app, 'secadmin');
    const me = json(await admin.get('/api/auth/me'));
    const created = await admin.post('/api/users', {
      username: 'newclerk',
      displayName: '新员工',
      roles: ['clerk'],
      hallIds: [me.halls[0].id],
      initialPassword: 'Start#2026',
    });
    expect(created.statusCode).toBe(201);
    expect(json(created).mustChangePassword).toBe(true);

    const s = new Session(hall.app);
    expect((await s.login('newclerk', 'Start#2026')).statusCode).toBe(200);
    expect(json(await s.get('/api/auth/me')).mustChangePassword).toBe(true);
    const blocked = await s.get('/api/catalog/items');
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked).code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await s.post('/api/auth/password', { currentPassword: 'Start#2026', newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(json(weak).field).toBe('newPassword');
    const wrongCurrent = await s.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Better#2026' });
    expect(json(wrongCurrent).field).toBe('currentPassword');

    expect(
      (await s.post('/api/auth/password', { currentPassword: 'Start#2026', newPassword: 'Better#2026' })).statusCode,
    ).toBe(204);
    expect((await s.get('/api/catalog/items')).statusCode).toBe(200);
    const again = new Session(hall.app);
    expect((await again.login('newclerk', 'Start#2026')).statusCode).toBe(401);
    expect((await again.login('newclerk', 'Better#2026')).statusCode).toBe(200);
  });

  it('stores passwords as salted scrypt hashes, never in clear', async () => {
    const row = await hall.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'clerk')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  });
});
