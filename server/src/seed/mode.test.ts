import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../platform/auth/passwords.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { loadConfig } from '../platform/config.ts';
import { Session, buildTestHall, json, type TestHall } from '../../test/helpers.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { prepareDatabase } from './mode.ts';

// No known administrator password: demo data and demo accounts only in a database created in demo mode.
const halls: TestHall[] = [];
afterAll(async () => {
  for (const h of halls) await h.close();
});
const fresh = async () => {
  const h = await buildTestHall({ seed: false });
  halls.push(h);
  return h;
};
const withDemo = (h: TestHall, demo: boolean) => ({ ...h.ctx, config: { ...h.ctx.config, demo } });

describe('demo and production mode', () => {
  it('is demo by default and production with NODE_ENV=production or ONEWINDOW_DEMO=false', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ ONEWINDOW_DEMO: 'false' }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ONEWINDOW_DEMO: 'true' }).demo).toBe(true);
  });

  it('loads the demo hall into a fresh database in demo mode, records it, and says so to the login page', async () => {
    const h = await fresh();
    expect(json(await h.app.inject({ method: 'GET', url: '/api/auth/mode' }))).toEqual({ demo: false });
    expect(await prepareDatabase(withDemo(h, true))).toEqual({ mode: 'demo' });
    expect(json(await h.app.inject({ method: 'GET', url: '/api/auth/mode' }))).toEqual({ demo: true });
    expect((await new Session(h.app).login('clerk')).statusCode).toBe(200);
  });

  it('gives a fresh production database no demo data and no account with a known password', async () => {
    const h = await fresh();
    const prepared = await prepareDatabase(withDemo(h, false));
    expect(prepared.mode).toBe('production');
    expect(await h.ctx.db.selectFrom('halls').select('id').execute()).toEqual([]);
    const users = await h.ctx.db
      .selectFrom('users')
      .select(['username', 'password_hash', 'must_change_password'])
      .orderBy('username')
      .execute();
    expect(users.map((u) => u.username)).toEqual(['auditor', 'secadmin', 'sysadmin']);
    const passwords = prepared.firstPasswords ?? [];
    expect(new Set(passwords.map((p) => p.password)).size).toBe(3);
    for (const u of users) {
      expect(u.must_change_password).toBe(1);
      expect(await verifyPassword(DEMO_PASSWORD, u.password_hash)).toBe(false);
    }
    expect(await h.ctx.db.selectFrom('user_totp').select('user_id').execute()).toEqual([]);
    expect(json(await h.app.inject({ method: 'GET', url: '/api/auth/mode' }))).toEqual({ demo: false });
    // Starting again neither re-creates nor re-prints anything.
    expect(await prepareDatabase(withDemo(h, false))).toEqual({ mode: 'production' });
  });

  it('makes a first administrator change the one-time password, then enrol two-factor sign-in, before anything else', async () => {
    const h = await fresh();
    const prepared = await prepareDatabase(withDemo(h, false));
    const first = prepared.firstPasswords?.find((p) => p.username === 'secadmin');
    if (!first) throw new Error('no secadmin');
    const s = new Session(h.app);
    expect((await s.login('secadmin', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await s.login('secadmin', first.password)).statusCode).toBe(200);
    expect(json(await s.get('/api/users')).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await s.post('/api/auth/password', { currentPassword: first.password, newPassword: 'MySecret#2026' }))
        .statusCode,
    ).toBe(204);
    const blocked = await s.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked).code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect(json(await s.get('/api/auth/me')).mustEnrolTotp).toBe(true);
    const setup = json(await s.post('/api/auth/totp/setup'));
    expect(
      json(await s.post('/api/auth/totp/enable', { code: totpCode(setup.secret, h.clock.now()) })).recoveryCodes,
    ).toHaveLength(10);
    expect((await s.get('/api/users')).statusCode).toBe(200);
    // The one-time password is spent.
    expect((await new Session(h.app).login('secadmin', first.password)).statusCode).toBe(401);
  });

  it('refuses a production start against a database created in demo mode', async () => {
    const h = await fresh();
    await prepareDatabase(withDemo(h, true));
    await expect(prepareDatabase(withDemo(h, false))).rejects.toThrow(/拒绝启动|Refusing to start/);
    // A database filled before the mode was recorded counts as a demo one.
    await h.ctx.db.deleteFrom('settings').where('key', '=', 'system.mode').execute();
    await expect(prepareDatabase(withDemo(h, false))).rejects.toThrow(/Refusing to start/);
  });
});
