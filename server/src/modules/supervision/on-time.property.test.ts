/**
 * 按时办结率, the figure windows are assessed by, under random sequences of real work: instant (即办) cases accepted
 * at the window and completed through the API at random times over several days. After each sequence, for a random
 * period, the on-time page's finished and on-time counts equal those worked out here from the raw trail: a case
 * counts in the period of its first completion event (China day), on time when that day is not after its deadline.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { person } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
let hallId: string;
let windowId: string;
let item: { id: string; materials: { key: string; requirement: string; copies: number }[] };

const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  hall = await buildTestHall();
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  const items = json(await head.get(`/api/catalog/items?hallId=${hallId}&status=published&pageSize=100`)).items;
  const instant = items.find((i: { kind: string }) => i.kind === 'instant');
  if (!instant) throw new Error('the demo hall has no published instant item');
  item = { id: instant.id, materials: json(await head.get(`/api/catalog/items/${instant.id}`)).content.materials };
}, 60_000);
afterAll(() => hall.close());

type Action = { kind: 'advance'; hours: number } | { kind: 'accept' } | { kind: 'complete'; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('accept' as const) }),
  fc.record({ kind: fc.constant('complete' as const), pick: fc.nat() }),
);

/** The period's first completions from the trail, and how many were on or before the case's deadline. */
async function fromTrail(from: string, to: string) {
  const rows = await hall.ctx.db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['c.id', 'c.deadline', (eb) => eb.fn.min('e.at').as('first')])
    .where('c.hall_id', '=', hallId)
    .where('e.to_state', '=', 'completed')
    .groupBy(['c.id', 'c.deadline'])
    .execute();
  const inPeriod = rows
    .map((r) => ({ day: chinaDay(Number(r.first)), deadline: r.deadline }))
    .filter((r) => r.day >= from && r.day <= to);
  return {
    finished: inPeriod.length,
    onTime: inPeriod.filter((r) => r.deadline !== null && r.day <= r.deadline).length,
  };
}

it('counts finished and on-time cases of any period as the trail says, whatever the order of the work', async () => {
  const open: string[] = [];
  let clerk: Session = await signedIn(hall.app, 'clerk');
  const days = new Set<string>([chinaDay(hall.clock.now())]);
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 10 }), fc.nat(), fc.nat(), async (actions, a, b) => {
      for (const act of actions) {
        if (act.kind === 'advance') {
          hall.clock.advance(act.hours * 3_600_000);
          days.add(chinaDay(hall.clock.now()));
          clerk = await signedIn(hall.app, 'clerk');
        } else if (act.kind === 'accept') {
          const applicantId = await person(clerk, hallId);
          const materials = item.materials.map((m) =>
            m.requirement === 'conditional'
              ? { key: m.key, status: 'not_applicable' }
              : { key: m.key, status: 'received', copies: m.copies, pages: 1 },
          );
          const res = await clerk.post('/api/intake/acceptances', {
            itemId: item.id,
            applicantId,
            windowId,
            materials,
          });
          expect(res.statusCode, res.body).toBe(201);
          const c = json(res);
          if (c.state !== 'completed') open.push(c.id);
        } else if (open.length) {
          const [id] = open.splice(act.pick % open.length, 1);
          const res = await clerk.post(`/api/cases/${id}/complete`, { outcome: 'success', summary: '准予办理' });
          expect(res.statusCode, res.body).toBe(200);
        }
      }
      const sorted = [...days].sort();
      const [from, to] = [sorted[a % sorted.length]!, sorted[b % sorted.length]!].sort() as [string, string];
      const supervisor = await signedIn(hall.app, 'supervisor');
      const page = json(await supervisor.get(`/api/supervision/on-time?from=${from}&to=${to}&by=item`));
      expect({ finished: page.overall.finished, onTime: page.overall.onTime }).toEqual(await fromTrail(from, to));
    }),
    { numRuns: 25 },
  );
  // The runs did complete cases, some of them late (an instant case is due the day it is accepted).
  const all = await fromTrail('2000-01-01', '2999-12-31');
  expect(all.finished).toBeGreaterThan(0);
}, 180_000);
