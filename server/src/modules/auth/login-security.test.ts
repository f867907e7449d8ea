import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../platform/auth/totp.ts';
import { Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let sec: Session;
let countyHallId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  sec = await signedIn(hall.app, 'secadmin');
  countyHallId = json(await sec.get('/api/auth/me')).halls[0].id;
});
afterAll(() => hall.close());

let n = 0;
async function newClerk(password = 'Start#2026') {
  const username = `lsec${++n}`;
  const res = await sec.post('/api/users', {
    username,
    displayName: '测试',
    roles: ['clerk'],
    hallIds: [countyHallId],
    initialPassword: password,
  });
  expect(res.statusCode).toBe(201);
  const s = new Session(hall.app);
  expect((await s.login(username, password)).statusCode).toBe(200);
  const next = `${password}x`;
  expect((await s.post('/api/auth/password', { currentPassword: password, newPassword: next })).statusCode).toBe(204);
  return { username, id: json(res).id as string, password: next, session: s };
}

describe('lockout under parallel attempts', () => {
  it('locks the account when 60 wrong passwords arrive at once', async () => {
    const u = await newClerk();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => new Session(hall.app).login(u.username, 'Wrong#2026')),
    );
    // Every answer is the generic one: the lock is not announced to the caller.
    expect(answers.every((r) => r.statusCode === 401 && json(r).code === 'INVALID_CREDENTIALS')).toBe(true);
    const row = await hall.ctx.db
      .selectFrom('users')
      .select(['locked_until'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.locked_until)).toBeGreaterThan(hall.clock.now());
    expect(json(await new Session(hall.app).login(u.username, u.password)).code).toBe('INVALID_CREDENTIALS');
    // After the lock runs out the count starts again, so the right password gets in.
    hall.clock.advance(10 * 60_000 + 1000);
    expect((await new Session(hall.app).login(u.username, 'Wrong#2026')).statusCode).toBe(401);
    expect((await new Session(hall.app).login(u.username, u.password)).statusCode).toBe(200);
  });
});

describe('no username enumeration', () => {
  it('answers an unknown user exactly as a wrong password for a real one', async () => {
    const u = await newClerk();
    const real = await new Session(hall.app).login(u.username, 'Wrong#2026');
    const unknown = await new Session(hall.app).login('no_such_person', 'Wrong#2026');
    const disabled = await newClerk();
    await sec.patch(`/api/users/${disabled.id}`, { status: 'disabled' });
    const off = await new Session(hall.app).login(disabled.username, disabled.password);
    for (const r of [real, unknown, off]) {
      expect(r.statusCode).toBe(401);
      expect(r.body).toBe(real.body);
    }
    expect(json(real)).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('takes as long for an unknown user as for a wrong password (both check a hash)', async () => {
    const cost = hall.ctx.config.passwordHashCost;
    hall.ctx.config.passwordHashCost = 14;
    try {
      const u = await newClerk('Slow#2026ab');
      const time = async (username: string) => {
        const t = performance.now();
        await new Session(hall.app).login(username, 'Wrong#2026');
        return performance.now() - t;
      };
      const real: number[] = [];
      const unknown: number[] = [];
      await time('warm_up_unknown');
      for (let i = 0; i < 3; i++) {
        real.push(await time(u.username));
        unknown.push(await time(`ghost${i}`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
      const ratio = median(unknown) / median(real);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    } finally {
      hall.ctx.config.passwordHashCost = cost;
    }
  });
});

describe('password change, history and age', () => {
  it('ends the person\u2019s other sessions when the password changes', async () => {
    const u = await newClerk();
    const other = new Session(hall.app);
    expect((await other.login(u.username, u.password)).statusCode).toBe(200);
    expect(
      (await u.session.post('/api/auth/password', { currentPassword: u.password, newPassword: 'Fresh#2026a' }))
        .statusCode,
    ).toBe(204);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await u.session.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses any of the last N passwords', async () => {
    const u = await newClerk('Hist#2026a');
    const first = 'Hist#2026a';
    const change = (from: string, to: string) =>
      u.session.post('/api/auth/password', { currentPassword: from, newPassword: to });
    // Current is Hist#2026ax; the initial one is still among the last 5.
    const again = await change(u.password, first);
    expect(again.statusCode).toBe(400);
    expect(json(again).field).toBe('newPassword');
    expect(json(again).message).toContain('最近 5 次');
    let current = u.password;
    for (const next of ['Hist#2026b', 'Hist#2026c', 'Hist#2026d', 'Hist#2026e']) {
      hall.clock.advance(60_000);
      expect((await change(current, next)).statusCode).toBe(204);
      current = next;
    }
    // Five later passwords on, the first may come back.
    expect((await change(current, first)).statusCode).toBe(204);
  });

  it('forces a change once a password is older than the maximum age (outside a demo database)', async () => {
    const u = await newClerk();
    await hall.ctx.db.updateTable('settings').set({ value: 'production' }).where('key', '=', 'system.mode').execute();
    try {
      hall.clock.advance(89 * 86_400_000);
      const fresh = new Session(hall.app);
      expect((await fresh.login(u.username, u.password)).statusCode).toBe(200);
      expect(json(await fresh.get('/api/auth/me')).mustChangePassword).toBe(false);
      hall.clock.advance(2 * 86_400_000);
      expect((await fresh.login(u.username, u.password)).statusCode).toBe(200);
      expect(json(await fresh.get('/api/auth/me')).mustChangePassword).toBe(true);
      const blocked = await fresh.get('/api/catalog/items');
      expect(json(blocked).code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(
        (await fresh.post('/api/auth/password', { currentPassword: u.password, newPassword: 'Aged#2026zz' }))
          .statusCode,
      ).toBe(204);
      expect((await fresh.get('/api/catalog/items')).statusCode).toBe(200);
    } finally {
      await hall.ctx.db.updateTable('settings').set({ value: 'demo' }).where('key', '=', 'system.mode').execute();
    }
  });
});

describe('the policy cannot go below the MLPS level-3 floor', () => {
  it('answers 400 naming the field for each setting below the floor', async () => {
    sec = await signedIn(hall.app, 'secadmin');
    const policy = json(await sec.get('/api/security/policy'));
    for (const [field, value] of [
      ['minLength', 7],
      ['minClasses', 2],
      ['maxFailures', 6],
      ['lockoutMinutes', 5],
      ['idleTimeoutMinutes', 31],
      ['absoluteTimeoutHours', 25],
      ['passwordHistory', 2],
      ['passwordMaxAgeDays', 91],
    ] as const) {
      const res = await sec.put('/api/security/policy', { ...policy, [field]: value });
      expect(res.statusCode, field).toBe(400);
      expect(json(res).field).toBe(field);
      expect(json(res).message).toContain('等保三级');
    }
    expect(json(await sec.get('/api/security/policy'))).toEqual(policy);
    const stricter = await sec.put('/api/security/policy', {
      ...policy,
      minLength: 10,
      maxFailures: 3,
      idleTimeoutMinutes: 15,
    });
    expect(stricter.statusCode).toBe(200);
    await sec.put('/api/security/policy', policy);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a QR code, signs in with a code, and takes each recovery code once', async () => {
    const u = await newClerk();
    expect(json(await u.session.get('/api/auth/totp'))).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const setup = json(await u.session.post('/api/auth/totp/setup'));
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    const wrong = await u.session.post('/api/auth/totp/enable', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).field).toBe('code');
    const enabled = json(
      await u.session.post('/api/auth/totp/enable', { code: totpCode(setup.secret, hall.clock.now()) }),
    );
    expect(enabled.recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.recoveryCodes).size).toBe(10);
    const stored = await hall.ctx.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', u.id)
      .execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(enabled.recoveryCodes[0]);

    const s = new Session(hall.app);
    expect(json(await s.login(u.username, u.password)).code).toBe('TOTP_REQUIRED');
    expect(json(await s.login(u.username, u.password, '123456')).code).toBe('INVALID_TOTP');
    // The enrolment spent this step's code; the next step's code signs in, once.
    hall.clock.advance(30_000);
    const code = totpCode(setup.secret, hall.clock.now());
    expect((await s.login(u.username, u.password, code)).statusCode).toBe(200);
    expect(json(await new Session(hall.app).login(u.username, u.password, code)).code).toBe('INVALID_TOTP');
    const recovery = enabled.recoveryCodes[3];
    expect((await new Session(hall.app).login(u.username, u.password, recovery)).statusCode).toBe(200);
    expect(json(await new Session(hall.app).login(u.username, u.password, recovery)).code).toBe('INVALID_TOTP');
    expect(json(await s.get('/api/auth/totp')).recoveryCodesLeft).toBe(9);
    // A second-factor failure counts towards the lockout like a wrong password (the reused code above was one).
    for (const bad of ['111111', '222222', '333333']) {
      expect(json(await new Session(hall.app).login(u.username, u.password, bad)).code).toBe('INVALID_TOTP');
    }
    expect(json(await new Session(hall.app).login(u.username, u.password, '444444')).code).toBe('INVALID_CREDENTIALS');
    const locked = await hall.ctx.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(Number(locked.locked_until)).toBeGreaterThan(hall.clock.now());
  });

  it('keeps administrators on two-factor sign-in and lets the security administrator reset a clerk\u2019s', async () => {
    const adminSec = await signedIn(hall.app, 'secadmin');
    expect(json(await adminSec.get('/api/auth/totp'))).toMatchObject({ enabled: true, required: true });
    expect((await adminSec.post('/api/auth/totp/disable', { password: 'Hall@2026' })).statusCode).toBe(403);
    const u = await newClerk();
    const setup = json(await u.session.post('/api/auth/totp/setup'));
    await u.session.post('/api/auth/totp/enable', { code: totpCode(setup.secret, hall.clock.now()) });
    expect((await adminSec.post(`/api/users/${u.id}/reset-totp`)).statusCode).toBe(204);
    expect((await new Session(hall.app).login(u.username, u.password)).statusCode).toBe(200);
  });
});
