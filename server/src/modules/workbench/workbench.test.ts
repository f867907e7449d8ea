import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedCase, hall, hallId, s, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { json, type Session, signedIn } from '../../../test/helpers.ts';
import { chinaDay } from '../../platform/clock.ts';

withBackofficeHall();

let inspector: Session;
const today = () => chinaDay(hall.clock.now());
const workbenchOf = async (who: Session) => {
  const res = await who.get('/api/home/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
};
const total = async (who: Session, url: string) => {
  const res = await who.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return json(res).total as number;
};
const items = async (who: Session, url: string) => {
  const res = await who.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return json(res).items as any[];
};

beforeAll(async () => {
  inspector = await signedIn(hall.app, 'inspector');
  for (let i = 0; i < 3; i++) await acceptedCase();
});

describe('GET /api/home/workbench', () => {
  it('answers only signed-in staff, with a section for each role held and none for the others', async () => {
    expect((await hall.app.inject({ method: 'GET', url: '/api/home/workbench' })).statusCode).toBe(401);
    const clerk = await workbenchOf(s.clerk);
    expect(clerk.today).toBe(today());
    expect(clerk.clerk).not.toBeNull();
    expect(clerk).toMatchObject({ backoffice: null, supervisor: null, inspector: null, head: null });
    const sup = await workbenchOf(s.supervisor);
    expect(sup.supervisor).not.toBeNull();
    expect(sup.clerk).toBeNull();
    expect((await workbenchOf(s.head)).head).not.toBeNull();
    expect((await workbenchOf(inspector)).inspector).not.toBeNull();
    expect((await workbenchOf(s.handler)).backoffice).not.toBeNull();
  });

  it("the clerk's counts are the lengths of the case lists their tiles open", async () => {
    const me = json(await s.clerk.get('/api/auth/me')).id;
    const w = (await workbenchOf(s.clerk)).clerk;
    expect(w.receivedToday).toBeGreaterThanOrEqual(3);
    const base = `/api/cases?personId=${me}&pageSize=100`;
    expect(w.receivedToday).toBe(await total(s.clerk, `${base}&from=${today()}&to=${today()}`));
    expect(w.awaitingSupplement).toBe(await total(s.clerk, `${base}&status=awaiting_supplement`));
    expect(w.awaitingCollection).toBe(await total(s.clerk, `${base}&status=awaiting_collection`));
    expect(w.consultationsOpen).toBe(await total(s.clerk, '/api/consultations?status=active&mine=true'));
    // Another case received today moves the count by one.
    await acceptedCase();
    expect((await workbenchOf(s.clerk)).clerk.receivedToday).toBe(w.receivedToday + 1);
  });

  it("the clerk's window: none until they open one, then its number, state and the people waiting for it", async () => {
    expect((await workbenchOf(s.clerk)).clerk.window).toBeNull();
    const windows = json(await s.clerk.get(`/api/queue/windows?hallId=${hallId}`)).items as any[];
    let opened: any;
    for (const w of windows) {
      const res = await s.clerk.post(`/api/queue/windows/${w.id}/open`);
      if (res.statusCode === 200) {
        opened = w;
        break;
      }
    }
    expect(opened, 'a window the clerk may open').toBeDefined();
    try {
      const mine = (await workbenchOf(s.clerk)).clerk.window;
      const listed = (json(await s.clerk.get(`/api/queue/windows?hallId=${hallId}`)).items as any[]).find(
        (w) => w.id === opened.id,
      );
      expect(mine).toMatchObject({ id: opened.id, number: opened.number, state: 'open', servedToday: 0 });
      expect(mine.waiting).toBe(listed.waitingForMe);
      const done = json(await s.clerk.get(`/api/queue/tickets?hallId=${hallId}&status=done`)).items as any[];
      expect(mine.servedToday).toBe(done.filter((x) => x.windowId === opened.id).length);
    } finally {
      expect((await s.clerk.post(`/api/queue/windows/${opened.id}/close`)).statusCode).toBe(200);
    }
    expect((await workbenchOf(s.clerk)).clerk.window).toBeNull();
  });

  it("the handler's and reviewer's inbox counts are the inbox filtered by light", async () => {
    for (const who of [s.handler, s.reviewer, s.router]) {
      const w = (await workbenchOf(who)).backoffice;
      if (!w) continue;
      const all = await items(who, '/api/backoffice/inbox/mine');
      expect(w.total).toBe(all.length);
      for (const light of ['green', 'yellow', 'red'] as const)
        expect(w[light]).toBe(await total(who, `/api/backoffice/inbox/mine?light=${light}`));
      expect(w.dueToday).toBe(all.filter((i) => i.stepDeadline === today()).length);
      expect(w.overdue).toBe(all.filter((i) => i.stepDeadline && i.stepDeadline < today()).length);
    }
    // Days later the same steps are still in the inbox, now yellow or red: the counts follow the clock.
    const before = (await workbenchOf(s.handler)).backoffice;
    hall.clock.advance(20 * 86_400_000);
    // Sessions time out over the days: everyone signs in again.
    for (const post of ['clerk', 'handler', 'supervisor', 'head'] as const) s[post] = await signedIn(hall.app, post);
    inspector = await signedIn(hall.app, 'inspector');
    const after = (await workbenchOf(s.handler)).backoffice;
    expect(after.total).toBe(before.total);
    expect(after.red + after.yellow + after.green).toBeLessThanOrEqual(after.total);
    for (const light of ['green', 'yellow', 'red'] as const)
      expect(after[light]).toBe(await total(s.handler, `/api/backoffice/inbox/mine?light=${light}`));
  });

  it("the supervisor's counts are the lengths of the board's, alerts', complaints' and leave lists", async () => {
    const w = (await workbenchOf(s.supervisor)).supervisor;
    const board = json(await s.supervisor.get('/api/supervision/board'));
    expect(w.boardRed).toBe(board.cases.filter((c: any) => c.level === 'red').length);
    expect(w.boardYellow).toBe(board.cases.filter((c: any) => c.level === 'yellow').length);
    expect(w.boardRed + w.boardYellow).toBeGreaterThan(0);
    expect(w.followUps).toBe(board.followUps.length);
    expect(w.rectificationsOverdue).toBe(board.overdueRectifications.length);
    expect(w.uncovered).toBe(board.uncoveredStaff.length);
    expect(w.alertsUnread).toBe(json(await s.supervisor.get('/api/alerts')).unread);
    const complaints = await items(s.supervisor, '/api/complaints');
    const open = complaints.filter((c) => c.state === 'open' || c.state === 'handling');
    expect(w.complaintsOpen).toBe(open.length);
    expect(w.complaintsDueSoon).toBe(open.filter((c) => c.light === 'yellow' || c.light === 'red').length);
    const leaves = await items(s.supervisor, `/api/staff/leaves?hallId=${hallId}`);
    expect(w.leavesToApprove).toBe(leaves.filter((l) => l.status === 'requested' || l.status === 'confirmed').length);
  });

  it("the inspector's and head's figures match their lists", async () => {
    expect((await workbenchOf(inspector)).inspector).toMatchObject({ sampleUnchecked: 0, findingsThisMonth: 0 });
    const drawn = json(
      await inspector.post('/api/inspections/samples', {
        hallId,
        scope: 'all',
        from: '2026-03-01',
        to: today(),
        size: 3,
      }),
    );
    expect(drawn.items.length).toBe(3);
    const res = await inspector.post(`/api/inspection-items/${drawn.items[0].id}/findings`, {
      checks: { registration: 'ok', review: 'ok', routing: 'problem' },
      note: '流转单缺少交接时间',
      workingDays: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    const w = (await workbenchOf(inspector)).inspector;
    const newest = (await items(inspector, '/api/inspections?kind=records&pageSize=1'))[0];
    expect(newest.id).toBe(drawn.id);
    expect(w.sampleUnchecked).toBe(newest.items.filter((x: any) => x.result === 'pending').length);
    expect(w.sampleUnchecked).toBe(2);
    expect(w.findingsThisMonth).toBe(1);
    for (const [key, status] of [
      ['rectificationsToVerify', 'reported'],
      ['rectificationsOpen', 'open'],
      ['rectificationsOverdue', 'overdue'],
    ] as const)
      expect(w[key]).toBe(await total(inspector, `/api/rectifications?view=hall&status=${status}`));
    const h = await workbenchOf(s.head);
    const received = await total(s.head, `/api/cases?from=${h.monthStart}&to=${h.today}`);
    expect(h.head.receivedThisMonth).toBe(received);
    expect(h.head.approvals).toBe((await items(s.head, '/api/backoffice/inbox/mine')).length);
  });

  it('上级交办: everyone sees their own open tasks and the overdue ones, the lengths of /my-tasks and its 已逾期', async () => {
    const clerkId = json(await s.clerk.get('/api/auth/me')).id;
    const shift = (n: number) =>
      new Date(Date.parse(`${today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const hand = async (receivedDay: string, dueDay: string) => {
      const res = await s.head.post('/api/handed-down-tasks', {
        hallId,
        authority: '市政务服务管理局',
        documentNo: `政服办〔2026〕${receivedDay}号`,
        receivedDay,
        content: '报送窗口服务情况',
        ownerId: clerkId,
        dueDay,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    expect((await workbenchOf(s.clerk)).tasks).toEqual({ open: 0, overdue: 0 });
    await hand(shift(-10), shift(-1));
    await hand(shift(0), shift(5));
    for (const who of [s.clerk, s.supervisor, s.head, s.handler, inspector]) {
      const w = (await workbenchOf(who)).tasks;
      expect(w.open).toBe(await total(who, '/api/handed-down-tasks?mine=1&status=open'));
      expect(w.overdue).toBe(await total(who, '/api/handed-down-tasks?mine=1&overdue=1'));
    }
    expect((await workbenchOf(s.clerk)).tasks).toEqual({ open: 2, overdue: 1 });
  });

  it("考核: the head's 待签发 and the supervisor's 待审核 are the lengths of the card lists with that state", async () => {
    const cards = async (who: Session, a: { hallId: string; period: string }, state: string) =>
      (await items(who, `/api/assessment/cards?hallId=${a.hallId}&period=${a.period}&kind=person&state=${state}`))
        .length;
    const check = async () => {
      const head = (await workbenchOf(s.head)).assessment;
      const sup = (await workbenchOf(s.supervisor)).assessment;
      expect(head).toMatchObject({ hallId, toReview: null });
      expect(sup).toMatchObject({ hallId, toSign: null });
      expect(head.period).toBe(sup.period);
      expect(head.period < today().slice(0, 7)).toBe(true);
      expect(head.toSign).toBe(await cards(s.head, head, 'reviewed'));
      expect(sup.toReview).toBe(await cards(s.supervisor, sup, 'unreviewed'));
      return { head, sup };
    };
    expect((await workbenchOf(s.clerk)).assessment).toBeNull();
    const before = await check();
    expect(before.sup.toReview).toBeGreaterThan(0);
    // The supervisor remarks one card: it leaves 待审核 and waits for the head's signature.
    const [first] = await items(
      s.supervisor,
      `/api/assessment/cards?hallId=${hallId}&period=${before.sup.period}&kind=person&state=unreviewed`,
    );
    const res = await s.supervisor.put('/api/assessment/card/remarks', {
      hallId,
      period: before.sup.period,
      kind: 'person',
      subjectId: first.subjectId,
      remarks: '服务规范',
      spotScore: 90,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await check();
    expect(after.head.toSign).toBe(before.head.toSign + 1);
    expect(after.sup.toReview).toBe(before.sup.toReview - 1);
  });
});
