/** The load that background passes give way to: requests counted per second, and the wait for a quiet moment. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, type TestHall } from '../../test/helpers.ts';
import { noteRequest, recentRequests, whenQuiet } from './request-load.ts';

describe('the request count', () => {
  it('counts the requests of the current and the previous second, and forgets older ones', () => {
    const t = 1_000_000_000;
    for (let i = 0; i < 3; i++) noteRequest(t + 100);
    noteRequest(t + 900);
    expect(recentRequests(t + 950)).toBe(4);
    noteRequest(t + 1_200);
    expect(recentRequests(t + 1_300)).toBe(5);
    expect(recentRequests(t + 2_100)).toBe(1);
    expect(recentRequests(t + 3_100)).toBe(0);
    noteRequest(t + 5_000);
    expect(recentRequests(t + 5_001)).toBe(1);
  });

  it('waits while at least `below` requests came in, and goes on once they stop or when the wait is up', async () => {
    let t = 2_000_000_000;
    const now = () => t;
    expect(await whenQuiet({ below: 10, maxWaitMs: 60_000, pollMs: 1, now })).toBe(false);

    for (let i = 0; i < 10; i++) noteRequest(t);
    let done: boolean | undefined;
    const waiting = whenQuiet({ below: 10, maxWaitMs: 60_000, pollMs: 1, now }).then((d) => {
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
      for (let i = 0; i < 10; i++) noteRequest(t);
      return t;
    };
    const start = t;
    expect(await whenQuiet({ below: 10, maxWaitMs: 5_000, pollMs: 1, now: busy })).toBe(true);
    expect(t - start).toBeGreaterThanOrEqual(5_000);
  });
});

describe('the app', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await buildTestHall();
  });
  afterAll(() => hall.close());

  it('counts each request as it begins, but not a display’s event stream', async () => {
    const hallId = (await hall.ctx.db.selectFrom('halls').select('id').executeTakeFirstOrThrow()).id;
    const before = recentRequests();
    await hall.app.inject({ method: 'GET', url: '/healthz' });
    await hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'x' } });
    expect(recentRequests()).toBe(before + 2);
    const stream = await hall.app.inject({
      method: 'GET',
      url: `/api/public/halls/${hallId}/display/stream`,
      payloadAsStream: true,
    });
    stream.stream().destroy();
    expect(recentRequests()).toBe(before + 2);
  });
});
