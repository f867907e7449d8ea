import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';

// Runs on SQLite by default and on PostgreSQL when DATABASE_URL is set (a fresh database per file).
let hall: TestHall;
let clerk: Session;
let windowIds: string[];
let categoryId: string;
let hallId: string;

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  const supervisor = await signedIn(hall.app, 'supervisor');
  hallId = json(await clerk.get('/api/auth/me')).halls[0].id;
  const windows = json(await clerk.get(`/api/queue/windows?hallId=${hallId}`)).items as { id: string }[];
  windowIds = windows.map((w) => w.id);
  // One category every window serves, so all windows compete for the same tickets.
  const created = await supervisor.post('/api/queue/categories', { hallId, prefix: 'Z', name: '并发测试', windowIds });
  expect(created.statusCode).toBe(201);
  categoryId = json(created).id;
  for (const id of windowIds) expect((await clerk.post(`/api/queue/windows/${id}/open`)).statusCode).toBe(200);
});
afterAll(() => hall.close());

const kiosk = () => new Session(hall.app);
const take = async (n: number) => {
  const res = await Promise.all(
    Array.from({ length: n }, () => kiosk().post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId })),
  );
  for (const r of res) expect(r.statusCode).toBe(201);
  return res.map((r) => json(r) as { id: string; number: string });
};

describe(`two windows calling at the same moment (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('hands out distinct numbers to 40 kiosks at once', async () => {
    const tickets = await take(40);
    const numbers = tickets.map((t) => t.number).sort();
    expect(new Set(numbers).size).toBe(40);
    expect(numbers[0]).toBe('Z001');
    expect(numbers[39]).toBe('Z040');
  });

  it('never gives one ticket to two windows: 40 simultaneous calls over 8 windows', async () => {
    const calls = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        clerk.post(`/api/queue/windows/${windowIds[i % windowIds.length]}/call-next`),
      ),
    );
    const won = calls
      .filter((r) => r.statusCode === 200 && json(r).ticket)
      .map((r) => json(r).ticket as { id: string; windowId: string });
    const busy = calls.filter((r) => r.statusCode === 409 && json(r).code === 'WINDOW_BUSY');
    expect(won.length + busy.length).toBe(40);
    // Exactly one ticket per window, and no ticket twice.
    expect(won.length).toBe(windowIds.length);
    expect(new Set(won.map((t) => t.id)).size).toBe(won.length);
    expect(new Set(won.map((t) => t.windowId)).size).toBe(windowIds.length);
  });

  it('serves the whole queue with every window calling concurrently, each ticket called exactly once', async () => {
    const calledBy = new Map<string, string[]>();
    const record = (ticketId: string, windowId: string) =>
      calledBy.set(ticketId, [...(calledBy.get(ticketId) ?? []), windowId]);
    await Promise.all(
      windowIds.map(async (windowId) => {
        for (;;) {
          const current = json(await clerk.get(`/api/queue/windows/${windowId}`)).current as { id: string } | null;
          if (current) {
            record(current.id, windowId);
            expect((await clerk.post(`/api/queue/tickets/${current.id}/start`)).statusCode).toBe(200);
            expect(
              (await clerk.post(`/api/queue/tickets/${current.id}/finish`, { outcomeKind: 'none' })).statusCode,
            ).toBe(200);
          }
          const next = await clerk.post(`/api/queue/windows/${windowId}/call-next`);
          expect(next.statusCode).toBe(200);
          if (!json(next).ticket) return;
        }
      }),
    );
    expect(calledBy.size).toBe(40);
    for (const windows of calledBy.values()) expect(windows).toHaveLength(1);
    const done = json(await clerk.get(`/api/queue/tickets?hallId=${hallId}&status=done`)).items;
    expect(done).toHaveLength(40);
    // Each ticket's trail has exactly one call.
    for (const t of done.slice(0, 10)) {
      const kinds = json(await clerk.get(`/api/queue/tickets/${t.id}/events`)).items.map(
        (e: { kind: string }) => e.kind,
      );
      expect(kinds.filter((k: string) => k === 'called')).toHaveLength(1);
    }
  });
});
