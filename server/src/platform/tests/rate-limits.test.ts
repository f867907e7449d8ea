/**
 * Rate limits that hold across app nodes: the sign-in throttle per address, the database store's atomic count
 * (both dialects), and two app instances on one PostgreSQL database sharing one allowance.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildTestHall, json, type TestHall } from '../../../test/helpers.ts';
import { housekeepingPass } from '../housekeeping.ts';
import { DatabaseRateLimitStore } from '../rate-limit.ts';

const ON_PG = Boolean(process.env.DATABASE_URL);
let hall: TestHall;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  hall = await buildTestHall();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await hall.close();
});

/** Another app node on the same database, with a sign-in allowance of `max` per ten minutes. */
async function node(max: number): Promise<FastifyInstance> {
  const app = await buildApp({
    ...hall.ctx,
    config: { ...hall.ctx.config, signInMaxAttempts: max, signInWindowMs: 10 * 60_000 },
  });
  apps.push(app);
  return app;
}

const signIn = (app: FastifyInstance, ip: string, password = 'wrong-password', username = 'clerk') =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });

describe('sign-in throttle', () => {
  it('allows a number of attempts per address in the window, whatever the account, then 429', async () => {
    const app = await node(3);
    for (let i = 0; i < 3; i++) expect((await signIn(app, '10.7.0.1')).statusCode).toBe(401);
    const limited = await signIn(app, '10.7.0.1', 'Hall@2026');
    expect(limited.statusCode).toBe(429);
    expect(json(limited)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(json(limited).message).toContain('登录尝试过于频繁');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected; the window ends and the address may try again.
    expect((await signIn(app, '10.7.0.2', 'Hall@2026')).statusCode).toBe(200);
    hall.clock.advance(10 * 60_000);
    expect((await signIn(app, '10.7.0.1', 'Hall@2026')).statusCode).toBe(200);
  });

  it('reads its allowance from SIGNIN_MAX_ATTEMPTS and SIGNIN_WINDOW_MINUTES (20 in 10 minutes by default)', async () => {
    const { loadConfig } = await import('../config.ts');
    expect(loadConfig({})).toMatchObject({ signInMaxAttempts: 20, signInWindowMs: 600_000 });
    expect(loadConfig({ SIGNIN_MAX_ATTEMPTS: '5', SIGNIN_WINDOW_MINUTES: '30' })).toMatchObject({
      signInMaxAttempts: 5,
      signInWindowMs: 1_800_000,
    });
    expect(loadConfig({ SIGNIN_MAX_ATTEMPTS: 'many' }).signInMaxAttempts).toBe(20);
  });
});

describe('the database store', () => {
  it('counts concurrent hits atomically and starts a new window when the old one has run out', async () => {
    const store = new DatabaseRateLimitStore(hall.ctx.db, hall.clock, 'test|');
    const counts = await Promise.all(Array.from({ length: 25 }, () => store.hit('10.8.0.1', 60_000)));
    expect(counts.map((c) => c.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(counts.every((c) => c.ttl > 0 && c.ttl <= 60_000)).toBe(true);
    hall.clock.advance(60_000);
    expect((await store.hit('10.8.0.1', 60_000)).current).toBe(1);
    hall.clock.advance(60_000);
    const purged = await housekeepingPass(hall.ctx);
    expect(purged.rateLimits).toBeGreaterThanOrEqual(1);
    const left = await hall.ctx.db.selectFrom('rate_limits').select('key').where('key', 'like', 'test|%').execute();
    expect(left).toHaveLength(0);
  });
});

describe.runIf(ON_PG)('two app nodes on one PostgreSQL database', () => {
  it('share one count: the allowance is not doubled by a second node', async () => {
    const a = await node(4);
    const b = await node(4);
    const attempt = (app: FastifyInstance) => signIn(app, '10.9.0.1', 'wrong-password', 'no-such-user');
    for (const app of [a, b, a, b]) expect((await attempt(app)).statusCode).toBe(401);
    expect((await attempt(a)).statusCode).toBe(429);
    expect((await attempt(b)).statusCode).toBe(429);
    // The public lookups count across nodes too (10 a minute per address).
    for (let i = 0; i < 10; i++) {
      const app = i % 2 ? a : b;
      expect(
        (await app.inject({ method: 'GET', url: '/api/public/progress?no=X-1&phone4=0000', remoteAddress: '10.9.0.2' }))
          .statusCode,
      ).not.toBe(429);
    }
    expect(
      (await a.inject({ method: 'GET', url: '/api/public/progress?no=X-1&phone4=0000', remoteAddress: '10.9.0.2' }))
        .statusCode,
    ).toBe(429);
  });
});
