/**
 * 事件推送 through the API: endpoints kept by the system administrator, and case events pushed, signed, to a real
 * local receiver: every event of cases accepted and finished at the desk, retries while the receiver fails,
 * and a restart with deliveries pending (none lost, none sent twice under one id).
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, nextResidentId, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { buildApp } from '../../app.ts';
import { caseEventTypes, retrySchedule, verifyWebhook, webhookEventOf } from '../../domain/webhooks/index.ts';
import { deliverDueWebhooks, startWebhookWorker } from './delivery.ts';
import { enqueueCaseEvent } from './service.ts';

interface Received {
  headers: IncomingMessage['headers'];
  raw: string;
  body: any;
  status: number;
}
let hall: TestHall;
let s: Record<'sysadmin' | 'clerk' | 'reviewer' | 'handler' | 'approver' | 'head', Session>;
let hallId: string;
let itemId: string;
let server: Server;
let url: string;
let answer = 200;
const received: Received[] = [];
let secret = '';
let endpointId = '';

beforeAll(async () => {
  hall = await buildTestHall();
  (hall.ctx.config as { dataDir: string }).dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-files-'));
  s = Object.fromEntries(
    await Promise.all(
      (['sysadmin', 'clerk', 'reviewer', 'handler', 'approver', 'head'] as const).map(async (n) => [
        n,
        await signedIn(hall.app, n),
      ]),
    ),
  ) as typeof s;
  hallId = json(await s.head.get('/api/auth/me')).halls[0].id;
  const departments = json(await s.head.get(`/api/departments?hallId=${hallId}`)).items as {
    id: string;
    code: string;
  }[];
  itemId = await publishedItem(s.head, hallId, departments.find((d) => d.code === 'SC')!.id, 'WH-1');
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, raw, body: JSON.parse(raw), status: answer });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/onewindow`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await hall.close();
});

const ok = async (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body);
};
const nowSeconds = () => Math.floor(hall.clock.now() / 1000);
const signedWell = (r: Received, key = secret) =>
  verifyWebhook(key, String(r.headers['x-onewindow-signature']), r.raw, nowSeconds());

async function acceptCase(name: string) {
  hall.clock.advance(1000);
  const applicantId = await person(s.clerk, hallId, { name, docNumber: nextResidentId() });
  const r = await ok(
    await s.clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() }),
    201,
  ).catch(async () => null);
  const reception =
    r ?? json(await s.clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() }));
  return ok(await s.clerk.post(`/api/cases/${reception.id}/accept`));
}

const finishPath: Record<string, string> = { passReview: 'review/pass', approve: 'approval/approve' };

/** Every back-office step claimed and finished by its post, then 办结 and 领取 at the window. */
async function finishCase(c: any) {
  for (let guard = 0; guard < 10; guard++) {
    const active = c.steps.filter((x: any) => x.status === 'active' && x.role !== 'clerk');
    if (active.length === 0) break;
    for (const step of active) {
      const who = s[step.role as 'reviewer' | 'handler' | 'approver'];
      c = await ok(await who.post(`/api/cases/${c.id}/steps/${step.id}/claim`));
      const offered = c.steps.find((x: any) => x.id === step.id).actions as string[];
      const action = offered.find((a) => a === 'finishStep' || a in finishPath)!;
      const to = action === 'finishStep' ? `steps/${step.id}/finish` : finishPath[action];
      c = await ok(await who.post(`/api/cases/${c.id}/${to}`, { note: '同意' }));
    }
  }
  c = await ok(await s.clerk.post(`/api/cases/${c.id}/complete`, { outcome: 'success', summary: '准予' }));
  return ok(
    await s.clerk.post(`/api/cases/${c.id}/collect`, {
      collectedBy: '韩梅梅',
      docType: 'resident_id',
      docNumber: nextResidentId(),
    }),
  );
}

/** The events a case's trail owes the clients, in the trail's order. */
async function owed(caseId: string) {
  const trail = await hall.ctx.db
    .selectFrom('case_events')
    .select('action')
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return trail.map((e) => webhookEventOf(e.action)).filter((t) => t !== null);
}

const deliveriesOf = (caseId: string) =>
  hall.ctx.db.selectFrom('webhook_deliveries').selectAll().where('case_id', '=', caseId).execute();

describe('endpoints (推送地址)', () => {
  it('are the system administrator’s alone', async () => {
    expect((await s.clerk.get('/api/webhooks/endpoints')).statusCode).toBe(403);
    expect((await s.head.post('/api/webhooks/endpoints', {})).statusCode).toBe(403);
  });

  it('need https, or http to this machine, and the administrator’s own halls', async () => {
    const body = {
      name: '省一网通办平台',
      url: 'http://gov.example.cn/hook',
      events: ['case.accepted'],
      hallIds: [hallId],
    };
    expect(json(await s.sysadmin.post('/api/webhooks/endpoints', body))).toMatchObject({ field: 'url' });
    const other = await s.sysadmin.post('/api/webhooks/endpoints', { ...body, url, hallIds: ['no-such-hall'] });
    expect(json(other)).toMatchObject({ code: 'VALIDATION', field: 'hallIds' });
    const unknownEvent = await s.sysadmin.post('/api/webhooks/endpoints', { ...body, url, events: ['case.eaten'] });
    expect(unknownEvent.statusCode).toBe(400);
  });

  it('show the secret once, when made, and audit the change without it', async () => {
    const made = await ok(
      await s.sysadmin.post('/api/webhooks/endpoints', {
        name: '12345 热线',
        url,
        events: caseEventTypes,
        hallIds: [hallId],
      }),
      201,
    );
    secret = made.secret;
    endpointId = made.endpoint.id;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await s.sysadmin.get('/api/webhooks/endpoints');
    expect(json(list).items.map((e: any) => e.id)).toEqual([endpointId]);
    expect(list.body).not.toContain(secret);
    const stored = await hall.ctx.db.selectFrom('webhook_endpoints').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const audit = await hall.ctx.db.selectFrom('audit_log').selectAll().where('target_id', '=', endpointId).execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.endpoint.create']);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('send a test event through the worker the server starts, signed with the secret', async () => {
    const d = await ok(await s.sysadmin.post(`/api/webhooks/endpoints/${endpointId}/test`), 201);
    expect(d).toMatchObject({ eventType: 'webhook.test', state: 'pending', attempts: 0 });
    const stop = startWebhookWorker(hall.ctx);
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(received.map((r) => r.headers['x-onewindow-delivery'])).toEqual([d.eventId]);
    expect(received[0]!.headers['x-onewindow-event']).toBe('webhook.test');
    expect(signedWell(received[0]!)).toBe(true);
    expect(signedWell(received[0]!, 'whsec_other')).toBe(false);
    received.length = 0;
  });

  it('rotate the secret: the next pushes verify with the new one only', async () => {
    const before = secret;
    const rotated = await ok(await s.sysadmin.post(`/api/webhooks/endpoints/${endpointId}/rotate-secret`));
    expect(rotated.secret).not.toBe(before);
    secret = rotated.secret;
    await ok(await s.sysadmin.post(`/api/webhooks/endpoints/${endpointId}/test`), 201);
    await deliverDueWebhooks(hall.ctx);
    expect(received).toHaveLength(1);
    expect(signedWell(received[0]!)).toBe(true);
    expect(signedWell(received[0]!, before)).toBe(false);
    received.length = 0;
  });
});

describe('case events', () => {
  it('arrive for every subscribed move of cases accepted and finished at the desk, signed, without personal numbers', async () => {
    const a = await finishCase(await acceptCase('韩梅梅'));
    const b = await acceptCase('韩雪');
    const handler = s.handler;
    await ok(await handler.post(`/api/cases/${b.id}/suspend`, { kind: 'testing', reason: '送检' }));
    await ok(await handler.post(`/api/cases/${b.id}/resume`));
    await ok(await s.clerk.post(`/api/cases/${b.id}/withdraw`, { reason: '申请人主动撤回' }));
    const result = await deliverDueWebhooks(hall.ctx);
    const owedA = await owed(a.id);
    const owedB = await owed(b.id);
    expect(owedA).toEqual([
      'case.accepted',
      'case.step_finished',
      'case.step_finished',
      'case.step_finished',
      'case.completed',
      'case.delivered',
    ]);
    expect(owedB).toEqual(['case.accepted', 'case.suspended', 'case.resumed', 'case.withdrawn']);
    expect(result.delivered).toBe(owedA.length + owedB.length);
    for (const [c, types] of [
      [a, owedA],
      [b, owedB],
    ] as const) {
      const got = received.filter((r) => r.body.case.id === c.id);
      // Order is not promised (a retry overtakes nothing, events of one instant share it): each arrives, once.
      expect(got.map((r) => r.headers['x-onewindow-event']).sort()).toEqual([...types].sort());
      expect(got.map((r) => r.body.type).sort()).toEqual([...types].sort());
      for (const r of got) {
        expect(signedWell(r)).toBe(true);
        expect(r.headers['x-onewindow-delivery']).toBe(r.body.id);
        expect(r.body).toMatchObject({ hallId, case: { caseNo: c.caseNo, itemCode: 'WH-1', itemName: c.itemName } });
        expect(r.body.case.applicant).toMatch(/^韩\*\*$/);
        expect(r.raw).not.toMatch(/\d{17}[\dX]|1391234/);
      }
      expect(new Set(got.map((r) => r.body.id)).size).toBe(got.length);
    }
    expect(received.find((r) => r.body.type === 'case.completed')!.body.case.status).toBe('completed');
    received.length = 0;
  }, 60_000);

  it('reach only the active endpoints that want the event for the case’s hall', async () => {
    const halls = json(await s.sysadmin.get('/api/auth/me')).halls as { id: string }[];
    const town = halls.find((h) => h.id !== hallId)!.id;
    const make = async (name: string, events: string[], hallIds: string[], active = true) =>
      (
        await ok(
          await s.sysadmin.post('/api/webhooks/endpoints', { name, url: `${url}/${name}`, events, hallIds, active }),
          201,
        )
      ).endpoint.id as string;
    const others = [
      await make('only-completed', ['case.completed'], [hallId]),
      await make('township', ['case.accepted'], [town]),
      await make('stopped', ['case.accepted'], [hallId], false),
    ];
    const c = await acceptCase('韩青');
    const rows = await deliveriesOf(c.id);
    expect(rows.map((d) => d.endpoint_id)).toEqual([endpointId]);
    for (const id of others) {
      const list = json(await s.sysadmin.get(`/api/webhooks/deliveries?endpointId=${id}`));
      expect(list).toEqual({ items: [], total: 0 });
      const e = json(await s.sysadmin.get('/api/webhooks/endpoints')).items.find((x: any) => x.id === id);
      await ok(await s.sysadmin.put(`/api/webhooks/endpoints/${id}`, { ...e, active: false }));
    }
    await deliverDueWebhooks(hall.ctx);
    expect(received.map((r) => r.headers['x-onewindow-delivery'])).toEqual([rows[0]!.event_id]);
    received.length = 0;
  });

  it('are tried again on 1 min, 5 min … while the receiver fails, with the same id and body', async () => {
    answer = 500;
    const c = await acceptCase('韩磊');
    const [d] = await deliveriesOf(c.id);
    await deliverDueWebhooks(hall.ctx);
    await deliverDueWebhooks(hall.ctx); // not due yet: nothing more is sent
    expect(received).toHaveLength(1);
    let row = json(await s.sysadmin.get(`/api/webhooks/deliveries?endpointId=${endpointId}&state=retrying`));
    expect(row.items.map((x: any) => x.id)).toEqual([d!.id]);
    expect(row.items[0]).toMatchObject({ attempts: 1, lastStatus: 500 });
    expect(row.items[0].nextAttemptAt - hall.clock.now()).toBe(retrySchedule[0]);
    hall.clock.advance(retrySchedule[0]);
    await deliverDueWebhooks(hall.ctx);
    answer = 200;
    hall.clock.advance(retrySchedule[1]);
    await deliverDueWebhooks(hall.ctx);
    expect(received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(received.map((r) => r.headers['x-onewindow-delivery']))).toEqual(new Set([d!.event_id]));
    expect(new Set(received.map((r) => r.raw)).size).toBe(1);
    row = json(await s.sysadmin.get(`/api/webhooks/deliveries?endpointId=${endpointId}&state=delivered`));
    const log = row.items.find((x: any) => x.id === d!.id).log;
    expect(log.map((l: any) => l.statusCode)).toEqual(received.map((r) => r.status));
    received.length = 0;
  });

  it('fail after the last try and go again on 重新发送 under the same id', async () => {
    answer = 500;
    const t = await ok(await s.sysadmin.post(`/api/webhooks/endpoints/${endpointId}/test`), 201);
    await deliverDueWebhooks(hall.ctx);
    for (const wait of retrySchedule) {
      hall.clock.advance(wait);
      await deliverDueWebhooks(hall.ctx);
    }
    expect(received).toHaveLength(retrySchedule.length + 1);
    s.sysadmin = await signedIn(hall.app, 'sysadmin'); // the half day of retries outlasted the session
    const failed = json(await s.sysadmin.get(`/api/webhooks/deliveries?endpointId=${endpointId}&state=failed`));
    expect(failed.items.map((x: any) => x.id)).toEqual([t.id]);
    expect(failed.items[0].log).toHaveLength(received.length);
    answer = 200;
    const again = await ok(await s.sysadmin.post(`/api/webhooks/deliveries/${t.id}/resend`));
    expect(again).toMatchObject({ state: 'pending', eventId: t.eventId });
    expect((await s.sysadmin.post(`/api/webhooks/deliveries/${t.id}/resend`)).statusCode).toBe(409);
    await deliverDueWebhooks(hall.ctx);
    expect(received.at(-1)!.headers['x-onewindow-delivery']).toBe(t.eventId);
    expect(received.at(-1)!.status).toBe(200);
    const audit = await hall.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', t.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.delivery.resend']);
    received.length = 0;
  });

  it('are not queued by a change that rolls back', async () => {
    await expect(
      hall.ctx.db.transaction().execute(async (trx) => {
        const id = await enqueueCaseEvent(
          trx,
          { type: 'case.accepted', at: hall.clock.now(), to: 'accepted', statusLabel: '已受理' },
          async () => ({
            id: 'rolled-back',
            hallId,
            caseNo: null,
            itemCode: null,
            itemName: 'x',
            applicantName: '韩',
            applicantKind: 'person',
            deadline: null,
            acceptedAt: null,
          }),
        );
        expect(id).not.toBeNull();
        throw new Error('the case change failed');
      }),
    ).rejects.toThrow('the case change failed');
    expect(await deliveriesOf('rolled-back')).toEqual([]);
  });

  it('survive a restart: none lost, none sent twice under one id by two nodes', async () => {
    answer = 200;
    s.clerk = await signedIn(hall.app, 'clerk');
    const cases = [await acceptCase('韩冰'), await acceptCase('韩松')];
    const pending = (await Promise.all(cases.map((c) => deliveriesOf(c.id)))).flat();
    expect(pending.length).toBe(cases.length);
    expect(pending.every((d) => d.state === 'pending')).toBe(true);
    await hall.app.close();
    const app: FastifyInstance = await buildApp(hall.ctx);
    await app.ready();
    (hall as { app: FastifyInstance }).app = app;
    // Two nodes' workers at once on the same database.
    await Promise.all([deliverDueWebhooks(hall.ctx), deliverDueWebhooks(hall.ctx)]);
    const ids = received.map((r) => r.headers['x-onewindow-delivery']);
    expect(ids.sort()).toEqual(pending.map((d) => d.event_id).sort());
    const after = (await Promise.all(cases.map((c) => deliveriesOf(c.id)))).flat();
    expect(after.map((d) => [d.state, Number(d.attempts)])).toEqual(pending.map(() => ['delivered', 1]));
  });
});
