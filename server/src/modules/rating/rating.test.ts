import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let feedback: Session;
let hallId: string;
let windowId: string;
let categoryId: string;
let padToken: string;
let baseUrl: string;
const pad = () => ({ 'x-pad-token': padToken });

/** Reads a server-sent event stream until an event of the type arrives. */
async function waitForEvent(url: string, type: string, trigger: () => Promise<unknown>) {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let triggered = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      if (!triggered && buffer.includes('event: hello')) {
        triggered = true;
        await trigger();
      }
      const m = buffer.match(new RegExp(`event: ${type}\\ndata: (.*)\\n\\n`));
      if (m) return JSON.parse(m[1]!) as Record<string, unknown>;
    }
  } finally {
    ac.abort();
  }
}

async function serveOneTicket() {
  const t = json(await new Session(hall.app).post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId }));
  const called = json(await clerk.post(`/api/queue/windows/${windowId}/call-next`)).ticket;
  expect(called.id).toBe(t.id);
  await clerk.post(`/api/queue/tickets/${t.id}/start`);
  hall.clock.advance(5 * 60_000);
  return t.id as string;
}
const finish = (id: string) =>
  clerk.post(`/api/queue/tickets/${id}/finish`, { outcomeKind: 'consultation', outcomeId: 'c-1' });

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  feedback = await signedIn(hall.app, 'feedback');
  hallId = json(await clerk.get('/api/auth/me')).halls[0].id;
  const windows = json(await clerk.get(`/api/queue/windows?hallId=${hallId}`)).items;
  windowId = windows.find((w: { number: number }) => w.number === 5).id;
  categoryId = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items.find(
    (c: { prefix: string }) => c.prefix === 'D',
  ).id;
  await clerk.post(`/api/queue/windows/${windowId}/open`);
  expect((await clerk.post(`/api/rating/pads/${windowId}/token`)).statusCode).toBe(403);
  const issued = await supervisor.post(`/api/rating/pads/${windowId}/token`);
  expect(issued.statusCode).toBe(201);
  padToken = json(issued).token;
  expect(json(issued).padPath).toBe(`/pad/${windowId}#${padToken}`);
  await hall.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(hall.app.server.address() as AddressInfo).port}`;
});
afterAll(() => hall.close());

describe('on-site rating pad', () => {
  it('refuses a pad without its token', async () => {
    const anon = new Session(hall.app);
    expect(
      (await anon.request('GET', `/api/public/pads/${windowId}`, undefined, { 'x-pad-token': 'x'.repeat(32) }))
        .statusCode,
    ).toBe(401);
    expect((await anon.get(`/api/public/pads/${windowId}`)).statusCode).toBe(400);
  });

  it('learns through the stream that a service finished, and takes one rating for it', async () => {
    const ticketId = await serveOneTicket();
    const event = await waitForEvent(`${baseUrl}/api/public/pads/${windowId}/stream?token=${padToken}`, 'finish', () =>
      finish(ticketId),
    );
    expect(event).toMatchObject({ type: 'finish', ticketId, staffName: '张伟' });
    const state = json(await new Session(hall.app).request('GET', `/api/public/pads/${windowId}`, undefined, pad()));
    expect(state.pending).toMatchObject({ ticketId, staffName: '张伟' });
    expect(state.window.number).toBe(5);
    const anon = new Session(hall.app);
    const rated = await anon.request(
      'POST',
      `/api/public/pads/${windowId}/ratings`,
      { ticketId, level: 'very_satisfied' },
      pad(),
    );
    expect(rated.statusCode).toBe(201);
    expect(json(rated)).toMatchObject({ score: 5, bad: false, followUpId: null });
    const again = await anon.request(
      'POST',
      `/api/public/pads/${windowId}/ratings`,
      { ticketId, level: 'satisfied' },
      pad(),
    );
    expect(again.statusCode).toBe(409);
    expect(json(await anon.request('GET', `/api/public/pads/${windowId}`, undefined, pad())).pending).toBeNull();
  });

  it('refuses a rating for a service not finished at this window, or too late', async () => {
    const ticketId = await serveOneTicket();
    const anon = new Session(hall.app);
    const early = await anon.request(
      'POST',
      `/api/public/pads/${windowId}/ratings`,
      { ticketId, level: 'satisfied' },
      pad(),
    );
    expect(early.statusCode).toBe(404);
    await finish(ticketId);
    const badLevel = await anon.request(
      'POST',
      `/api/public/pads/${windowId}/ratings`,
      { ticketId, level: 'great' },
      pad(),
    );
    expect(json(badLevel).field).toBe('level');
    hall.clock.advance(31 * 60_000);
    const late = await anon.request(
      'POST',
      `/api/public/pads/${windowId}/ratings`,
      { ticketId, level: 'satisfied' },
      pad(),
    );
    expect(json(late).code).toBe('RATING_CLOSED');
  });

  it('turns a bad review into a call-back task due in one working day', async () => {
    // Friday 2026-03-06: the next working day is Monday 2026-03-09.
    hall.clock.set(Date.parse('2026-03-06T06:00:00Z'));
    clerk = await signedIn(hall.app, 'clerk');
    feedback = await signedIn(hall.app, 'feedback');
    const ticketId = await serveOneTicket();
    await finish(ticketId);
    const rated = json(
      await new Session(hall.app).request(
        'POST',
        `/api/public/pads/${windowId}/ratings`,
        {
          ticketId,
          level: 'dissatisfied',
          reasons: ['等候时间长'],
          comment: '排了很久',
        },
        pad(),
      ),
    );
    expect(rated).toMatchObject({ bad: true, score: 2 });
    expect(rated.followUpId).toBeTruthy();
    const inbox = json(await feedback.get('/api/rating/follow-ups?status=open')).items;
    const task = inbox.find((f: { id: string }) => f.id === rated.followUpId);
    expect(task).toMatchObject({
      dueDay: '2026-03-09',
      status: 'open',
      staffName: '张伟',
      windowNumber: 5,
      outcomeKind: 'consultation',
    });
    expect(task.rating).toMatchObject({ level: 'dissatisfied', reasons: ['等候时间长'], comment: '排了很久' });
    expect((await clerk.get('/api/rating/follow-ups')).statusCode).toBe(403);
    const noNote = await feedback.post(`/api/rating/follow-ups/${task.id}/call-back`, { note: '' });
    expect(json(noNote).field).toBe('note');
    const done = json(
      await feedback.post(`/api/rating/follow-ups/${task.id}/call-back`, { note: '已电话回访，致歉并说明高峰时段' }),
    );
    expect(done).toMatchObject({ status: 'called_back', calledBackBy: '黄丹' });
    expect((await feedback.post(`/api/rating/follow-ups/${task.id}/call-back`, { note: '再次' })).statusCode).toBe(409);
  });
});

describe('hall display stream', () => {
  it('delivers a call to the display as it happens', async () => {
    const display = json(await new Session(hall.app).get(`/api/public/halls/${hallId}/display`));
    expect(display.hall.name).toBe('青川县政务服务中心');
    const t = json(await new Session(hall.app).post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId }));
    const event = await waitForEvent(`${baseUrl}/api/public/halls/${hallId}/display/stream`, 'call', () =>
      clerk.post(`/api/queue/windows/${windowId}/call-next`),
    );
    expect(event).toMatchObject({ type: 'call', ticketId: t.id, number: t.number, windowNumber: 5, recall: 0 });
    expect((await new Session(hall.app).get('/api/public/halls/nope/display/stream')).statusCode).toBe(404);
  });
});
