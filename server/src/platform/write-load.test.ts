/** The clerks' write load that background passes give way to: counted per second, and the wait for a quiet moment. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, type TestHall } from '../../test/helpers.ts';
import { noteWrite, recentWrites, whenWritesQuiet } from './write-load.ts';

describe('the write count', () => {
  it('counts the writes of the current and the previous second, and forgets older ones', () => {
    const t = 1_000_000_000;
    for (let i = 0; i < 3; i++) noteWrite(t + 100);
    noteWrite(t + 900);
    expect(recentWrites(t + 950)).toBe(4);
    noteWrite(t + 1_200);
    expect(recentWrites(t + 1_300)).toBe(5);
    expect(recentWrites(t + 2_100)).toBe(1);
    expect(recentWrites(t + 3_100)).toBe(0);
    noteWrite(t + 5_000);
    expect(recentWrites(t + 5_001)).toBe(1);
  });

  it('waits while at least `below` writes came in, and goes on once they stop or when the wait is up', async () => {
    let t = 2_000_000_000;
    const now = () => t;
    expect(await whenWritesQuiet({ below: 10, maxWaitMs: 60_000, pollMs: 1, now })).toBe(false);

    for (let i = 0; i < 10; i++) noteWrite(t);
    let done: boolean | undefined;
    const waiting = whenWritesQuiet({ below: 10, maxWaitMs: 60_000, pollMs: 1, now }).then((d) => {
      done = d;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBeUndefined();
    t += 2_500;
    await waiting;
    expect(done).toBe(false);

    // Never quiet: it gives up after maxWaitMs.
    const busy = () => {
      t += 100;
      for (let i = 0; i < 10; i++) noteWrite(t);
      return t;
    };
    const start = t;
    expect(await whenWritesQuiet({ below: 10, maxWaitMs: 5_000, pollMs: 1, now: busy })).toBe(true);
    expect(t - start).toBeGreaterThanOrEqual(5_000);
  });
});

describe('the app', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await buildTestHall();
  });
  afterAll(() => hall.close());

  it('counts each write request as it begins, and no read', async () => {
    const before = recentWrites();
    await hall.app.inject({ method: 'GET', url: '/healthz' });
    expect(recentWrites()).toBe(before);
    await hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'x' } });
    await hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'y' } });
    expect(recentWrites()).toBeGreaterThanOrEqual(before + 2);
  });
});
