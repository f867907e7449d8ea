import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, type Session as S, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';

// 收件受理 picks up the ticket being served at the clerk's window: the case names it, the ticket names the case.
let hall: TestHall;
let clerk: S;
let head: S;
let kiosk: Session;
let hallId: string;
let itemId: string;
let windows: { id: string; number: number }[];
let categories: { id: string; windowIds: string[] }[];

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  head = await signedIn(hall.app, 'head');
  kiosk = new Session(hall.app);
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'SP-341');
  windows = json(await clerk.get(`/api/queue/windows?hallId=${hallId}`)).items;
  categories = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items;
});
afterAll(() => hall.close());

/** Opens the window, takes a ticket of a category it serves and calls it; `start` puts it in service. */
async function ticketAt(windowId: string, start: boolean) {
  await clerk.post(`/api/queue/windows/${windowId}/open`, {});
  const category = categories.find((c) => c.windowIds.includes(windowId))!;
  const taken = await kiosk.post(`/api/public/halls/${hallId}/queue/tickets`, { categoryId: category.id });
  expect(taken.statusCode, taken.body).toBe(201);
  const called = json(await clerk.post(`/api/queue/windows/${windowId}/call-next`));
  expect(called.ticket.number).toBe(json(taken).number);
  if (start) expect((await clerk.post(`/api/queue/tickets/${called.ticket.id}/start`, {})).statusCode).toBe(200);
  return called.ticket as { id: string; number: string };
}

const ticketRow = (id: string) =>
  hall.ctx.db.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('a reception names the ticket being served', () => {
  it('links the accepted case to the ticket and keeps the link when the ticket is finished without one', async () => {
    const w = windows[0]!;
    const t = await ticketAt(w.id, true);
    const applicantId = await person(clerk, hallId);
    const res = await clerk.post('/api/intake/acceptances', {
      itemId,
      applicantId,
      windowId: w.id,
      ticketId: t.id,
      materials: complete(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = json(await clerk.get(`/api/cases/${json(res).id}`));
    expect(c.events[0]).toMatchObject({ action: 'registerReception', detail: { ticket: t.number } });
    expect(await ticketRow(t.id)).toMatchObject({ status: 'serving', outcome_kind: 'case', outcome_id: c.id });
    const done = await clerk.post(`/api/queue/tickets/${t.id}/finish`, { outcomeKind: 'none', outcomeId: null });
    expect(done.statusCode, done.body).toBe(200);
    expect(await ticketRow(t.id)).toMatchObject({ status: 'done', outcome_kind: 'case', outcome_id: c.id });
    await clerk.post(`/api/queue/windows/${w.id}/close`, {});
  });

  it('refuses a ticket not being served, served at another window, or unknown (400 naming ticketId), writing nothing', async () => {
    const w = windows[0]!;
    const called = await ticketAt(w.id, false);
    const applicantId = await person(clerk, hallId);
    const cases = async () =>
      Number(
        (
          await hall.ctx.db
            .selectFrom('cases')
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await cases();
    const body = (ticketId: string, windowId: string) => ({
      itemId,
      applicantId,
      windowId,
      ticketId,
      materials: complete(),
    });
    for (const [ticketId, windowId] of [
      [called.id, w.id], // called, not yet in service
      ['no-such-ticket', w.id],
    ] as const) {
      const res = await clerk.post('/api/intake/acceptances', body(ticketId, windowId));
      expect(res.statusCode, res.body).toBe(400);
      expect(json(res).field).toBe('ticketId');
    }
    expect((await clerk.post(`/api/queue/tickets/${called.id}/start`, {})).statusCode).toBe(200);
    const other = windows.find((x) => x.id !== w.id)!;
    const elsewhere = await clerk.post('/api/intake/receptions', body(called.id, other.id));
    expect(elsewhere.statusCode, elsewhere.body).toBe(400);
    expect(json(elsewhere).field).toBe('ticketId');
    expect(await cases()).toBe(before);
    expect(await ticketRow(called.id)).toMatchObject({ outcome_kind: null, outcome_id: null });
    await clerk.post(`/api/queue/tickets/${called.id}/finish`, { outcomeKind: 'none', outcomeId: null });
    await clerk.post(`/api/queue/windows/${w.id}/close`, {});
  });
});
