import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedCase, hall, hallId, posts, s, stepOf, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { json, type Session, signedIn } from '../../../test/helpers.ts';
import { chinaDay } from '../../platform/clock.ts';

withBackofficeHall();

const get = async (who: Session, url: string) => {
  const res = await who.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return json(res);
};

/** Whatever cases arrive and however the days pass, every count on the home page is the length of its list. */
async function countsMatchTheirLists() {
  const today = chinaDay(hall.clock.now());
  const clerkId = (await get(s.clerk, '/api/auth/me')).id;
  const clerk = (await get(s.clerk, '/api/home/workbench')).clerk;
  const mine = await get(s.clerk, `/api/cases?personId=${clerkId}&from=${today}&to=${today}`);
  expect(clerk.receivedToday).toBe(mine.total);
  for (const who of [s.handler, s.reviewer, s.router, s.approver]) {
    const w = (await get(who, '/api/home/workbench')).backoffice;
    if (!w) continue;
    const inbox = (await get(who, '/api/backoffice/inbox/mine')).items as any[];
    expect(w.total).toBe(inbox.length);
    for (const light of ['green', 'yellow', 'red'] as const)
      expect(w[light]).toBe(inbox.filter((i) => i.stepLight === light).length);
    expect(w.overdue).toBe(inbox.filter((i) => i.stepDeadline && i.stepDeadline < today).length);
    expect(w.dueToday).toBe(inbox.filter((i) => i.stepDeadline === today).length);
  }
  const sup = (await get(s.supervisor, '/api/home/workbench')).supervisor;
  const board = await get(s.supervisor, '/api/supervision/board');
  expect(sup.boardRed).toBe(board.cases.filter((c: any) => c.level === 'red').length);
  expect(sup.boardYellow).toBe(board.cases.filter((c: any) => c.level === 'yellow').length);
  for (const who of [s.clerk, s.handler, s.head]) {
    const w = (await get(who, '/api/home/workbench')).tasks;
    expect(w.open).toBe((await get(who, '/api/handed-down-tasks?mine=1&status=open')).items.length);
    expect(w.overdue).toBe((await get(who, '/api/handed-down-tasks?mine=1&overdue=1')).items.length);
  }
  for (const [who, key, state] of [
    [s.head, 'toSign', 'reviewed'],
    [s.supervisor, 'toReview', 'unreviewed'],
  ] as const) {
    const a = (await get(who, '/api/home/workbench')).assessment;
    const list = await get(
      who,
      `/api/assessment/cards?hallId=${a.hallId}&period=${a.period}&kind=person&state=${state}`,
    );
    expect(a[key]).toBe(list.items.length);
  }
}

/** The head hands the clerk or the handler a task received `back` days ago, due `due` days after that. */
async function handTask(owner: 'clerk' | 'handler', back: number, due: number) {
  const ownerId = (await get(s[owner], '/api/auth/me')).id;
  const day = (n: number) => chinaDay(hall.clock.now() + n * 86_400_000);
  const res = await s.head.post('/api/handed-down-tasks', {
    hallId,
    authority: '区政务服务中心',
    documentNo: '区政服〔2026〕1号',
    receivedDay: day(-back),
    content: '上报窗口运行情况',
    ownerId,
    dueDay: day(due - back),
  });
  expect(res.statusCode, res.body).toBe(201);
}

const action = fc.oneof(
  fc.record({ kind: fc.constant('accept' as const) }),
  fc.record({ kind: fc.constant('claim' as const) }),
  fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant('task' as const),
    owner: fc.constantFrom('clerk' as const, 'handler' as const),
    back: fc.integer({ min: 0, max: 5 }),
    due: fc.integer({ min: 0, max: 8 }),
  }),
);

describe('the workbench counts, property', () => {
  it('equal their lists after any sequence of new cases and passing days', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (actions) => {
        const unclaimed: any[] = [];
        for (const a of actions) {
          if (a.kind === 'accept') unclaimed.push(await acceptedCase());
          else if (a.kind === 'claim') {
            // The handler takes the on-site check and the reviewer the review of the oldest unclaimed case.
            const c = unclaimed.shift();
            if (!c) continue;
            for (const [who, key] of [
              [s.handler, 's3'],
              [s.reviewer, 's2'],
            ] as const) {
              const res = await who.post(`/api/cases/${c.id}/steps/${stepOf(c, key).id}/claim`);
              expect(res.statusCode, res.body).toBe(200);
            }
          } else if (a.kind === 'task') await handTask(a.owner, a.back, a.due);
          else {
            hall.clock.advance(a.days * 86_400_000);
            // Sessions time out over days: everyone signs in again.
            for (const post of posts) s[post] = await signedIn(hall.app, post);
          }
          await countsMatchTheirLists();
        }
      }),
      { numRuns: 8 },
    );
  });
});
