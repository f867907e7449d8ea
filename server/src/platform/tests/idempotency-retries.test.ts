import { createHmac } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { appendAudit } from '../audit.ts';
import { idempotencyKey, installIdempotency } from '../idempotency.ts';

let hall: TestHall;
let clerk: Session;
let hallId: string;
let itemId: string;
let applicantId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'IDEM-RETRY');
  applicantId = await person(clerk, hallId);
});
afterAll(() => hall.close());

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

type Send = () => ReturnType<Session['post']>;

/** What a client does when it cannot tell whether its request arrived: send again with the same key. */
async function untilAnswered(send: Send) {
  for (;;) {
    const res = await send();
    if (res.statusCode !== 409 || json(res).code !== 'IDEMPOTENCY_IN_FLIGHT') return res;
    await new Promise((r) => setImmediate(r));
  }
}

/** The first attempt's answer is lost (never read), or two attempts race, or the answer is read and retried. */
async function withLostAnswers(send: Send, mode: number) {
  if (mode === 0) {
    void send();
    return untilAnswered(send);
  }
  if (mode === 1) {
    const [a, b] = await Promise.all([untilAnswered(send), untilAnswered(send)]);
    expect(json(b).id, `${a.statusCode} ${b.statusCode} ${b.body}`).toBe(json(a).id);
    return a;
  }
  await send();
  return untilAnswered(send);
}

describe('Idempotency-Key under retries', () => {
  it('retries 1,000 (300 on PostgreSQL) receptions and acceptances with lost answers and creates no duplicate case', {
    timeout: 300_000,
  }, async () => {
    // 1,000 on SQLite; fewer on PostgreSQL, where each round trip is slower, to keep the suite's time.
    const N = process.env.DATABASE_URL ? 300 : 1000;
    const random = lcg(20261122);
    const ids = new Set<string>();
    const numbers = new Set<string>();
    const batch = 8;
    for (let start = 0; start < N; start += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, N - start) }, async (_, j) => {
          const i = start + j;
          const body = { itemId, applicantId, materials: complete() };
          const rKey = { 'idempotency-key': `reception-${i}-retry` };
          const received = await withLostAnswers(
            () => clerk.post('/api/intake/receptions', body, rKey),
            Math.floor(random() * 3),
          );
          expect(received.statusCode, received.body).toBe(201);
          const id = json(received).id as string;
          const aKey = { 'idempotency-key': `accept-${i}-retry` };
          const accepted = await withLostAnswers(
            () => clerk.post(`/api/cases/${id}/accept`, {}, aKey),
            Math.floor(random() * 3),
          );
          expect(accepted.statusCode, accepted.body).toBe(200);
          ids.add(id);
          numbers.add(json(accepted).caseNo);
        }),
      );
    }
    // Let any still-running first attempts finish before counting.
    await new Promise((r) => setTimeout(r, 200));
    expect(ids.size).toBe(N);
    expect(numbers.size).toBe(N);
    const rows = await hall.ctx.db
      .selectFrom('cases')
      .select(['id', 'case_no'])
      .where('item_id', '=', itemId)
      .execute();
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.case_no)).size).toBe(N);
    const accepts = await hall.ctx.db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select('case_events.case_id')
      .where('cases.item_id', '=', itemId)
      .where('case_events.action', '=', 'acceptCase')
      .execute();
    expect(accepts).toHaveLength(N);
  });

  it('retries 500 (150 on PostgreSQL) one-step acceptances with lost answers: one case and one number each', {
    timeout: 300_000,
  }, async () => {
    const N = process.env.DATABASE_URL ? 150 : 500;
    const random = lcg(20261123);
    const before = await hall.ctx.db.selectFrom('cases').select('id').where('item_id', '=', itemId).execute();
    const answered = new Map<string, string>();
    const batch = 8;
    for (let start = 0; start < N; start += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, N - start) }, async (_, j) => {
          const i = start + j;
          const key = { 'idempotency-key': `at-window-${i}-retry` };
          const body = { itemId, applicantId, materials: complete() };
          const res = await withLostAnswers(
            () => clerk.post('/api/intake/acceptances', body, key),
            Math.floor(random() * 3),
          );
          expect(res.statusCode, res.body).toBe(201);
          answered.set(json(res).id, json(res).caseNo);
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(answered.size).toBe(N);
    expect(new Set(answered.values()).size).toBe(N);
    const rows = await hall.ctx.db
      .selectFrom('cases')
      .select(['id', 'case_no'])
      .where('item_id', '=', itemId)
      .execute();
    expect(rows).toHaveLength(before.length + N);
    for (const [id, caseNo] of answered) expect(rows.find((r) => r.id === id)?.case_no).toBe(caseNo);
  });

  it('never lets a retry write again after a write committed and the answer failed (5xx)', async () => {
    // A route that commits its write (with its audit record) and then fails, as a broken presenter would.
    const app = Fastify();
    installIdempotency(app, hall.ctx);
    app.post('/write-then-fail', async () => {
      await hall.ctx.db.transaction().execute((trx) =>
        appendAudit(trx, {
          at: hall.clock.now(),
          userId: null,
          username: null,
          action: 'test.write',
          targetType: null,
          targetId: 'x5',
          outcome: 'success',
          ip: null,
          detail: null,
        }),
      );
      throw new Error('failed after the commit');
    });
    await app.ready();
    const count = async () =>
      (await hall.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.write').execute()).length;
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/write-then-fail',
        payload: {},
        headers: { 'idempotency-key': 'write-then-fail-1' },
      });
    expect((await send()).statusCode).toBe(500);
    const retry = await send();
    expect(retry.statusCode).toBe(409);
    expect(json(retry).code).toBe('IDEMPOTENCY_APPLIED');
    expect(await count()).toBe(1);
    await app.close();
  });

  it('takes over a key whose first attempt died before committing, but not one whose write committed', async () => {
    const app = Fastify();
    installIdempotency(app, hall.ctx);
    let calls = 0;
    app.post('/work', async () => ({ calls: ++calls }));
    await app.ready();
    const owner = 'anonymous:127.0.0.1';
    const stale = hall.clock.now() - 10 * 60_000;
    // A process killed mid-request leaves its key "in flight"; with no APPLIED mark nothing was written.
    const requestHash = createHmac('sha256', idempotencyKey(hall.ctx.config)).update('POST /work\n{}').digest('hex');
    const row = (key: string, status: number | null) => ({
      key,
      user_id: owner,
      request_hash: requestHash,
      status_code: status,
      response_body: null,
      created_at: stale,
    });
    await hall.ctx.db
      .insertInto('idempotency_keys')
      .values([row('died-before-commit', null), row('died-after-commit', -1)])
      .execute();
    const send = (key: string) =>
      app.inject({ method: 'POST', url: '/work', payload: {}, headers: { 'idempotency-key': key } });
    expect((await send('died-before-commit')).statusCode).toBe(200);
    const after = await send('died-after-commit');
    expect(after.statusCode).toBe(409);
    expect(json(after).code).toBe('IDEMPOTENCY_APPLIED');
    expect(calls).toBe(1);
    await app.close();
  });

  it('lets a retry run again when the first attempt failed before writing anything', async () => {
    const app = Fastify();
    installIdempotency(app, hall.ctx);
    let calls = 0;
    app.post('/fail-before-write', async () => {
      calls++;
      if (calls === 1) throw new Error('failed before any write');
      return { ok: true };
    });
    await app.ready();
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/fail-before-write',
        payload: {},
        headers: { 'idempotency-key': 'fail-before-1' },
      });
    expect((await send()).statusCode).toBe(500);
    expect((await send()).statusCode).toBe(200);
    expect(calls).toBe(2);
    await app.close();
  });
});
