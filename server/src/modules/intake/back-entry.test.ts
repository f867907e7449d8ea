import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, marks, person, publishedItem } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
let clerk: Session;
let head: Session;
let hallId: string;
let itemId: string;
let windowId: string;
// The outage: the Wednesday before 国庆 2026 (1–7 October off, Saturday 10 October worked); the server is back
// and the clerk enters the paper receipts on Monday 12 October.
const chinaTime = (s: string) => Date.parse(`${s}+08:00`);
const NOW = chinaTime('2026-10-12T10:00:00');
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'BL-101');
  hall.clock.set(NOW);
  clerk = await signedIn(hall.app, 'clerk');
});
afterAll(() => hall.close());

const entry = async (over: Record<string, unknown> = {}) => ({
  itemId,
  applicantId: await person(clerk, hallId),
  windowId,
  materials: complete(),
  receivedAt: chinaTime('2026-09-30T10:40:00'),
  acceptedAt: chinaTime('2026-09-30T11:05:00'),
  paperReceiptNo: 'ZB-0001',
  ...over,
});

describe('补录: a case taken on paper during an outage, entered with its real times', () => {
  it('counts the deadline from the real acceptance day across 国庆, keeps the paper receipt and marks the trail', async () => {
    const body = await entry();
    const res = await clerk.post('/api/intake/back-entries', body);
    expect(res.statusCode, res.body).toBe(201);
    const c = json(res);
    // 5 working days from Wednesday 30 September: 8, 9, 10 (worked Saturday), 12, 13 October.
    expect(c).toMatchObject({ acceptedDay: '2026-09-30', deadline: '2026-10-13', state: 'in_process' });
    expect(c.receivedAt).toBe(body.receivedAt);
    expect(c.acceptedAt).toBe(body.acceptedAt);
    expect(c.backEntry).toMatchObject({ paperReceiptNo: 'ZB-0001', enteredAt: NOW, enteredBy: '张伟' });
    const actions = c.events.map((e: any) => e.action);
    expect(actions).toContain('backEntry');
    const mark = c.events.find((e: any) => e.action === 'backEntry');
    expect(mark.at).toBe(NOW);
    expect(mark.detail).toMatchObject({ backEntered: true, paperReceiptNo: 'ZB-0001', deadline: '2026-10-13' });
    expect(c.events.find((e: any) => e.action === 'registerReception').at).toBe(body.receivedAt);
    expect(c.events.find((e: any) => e.action === 'acceptCase').at).toBe(body.acceptedAt);
    // The steps' clocks start on the real acceptance day too: 2 working days from 30 September.
    const steps = await hall.ctx.db
      .selectFrom('case_steps')
      .select(['step_key', 'deadline'])
      .where('case_id', '=', c.id)
      .where('step_key', '=', 's2')
      .execute();
    expect(steps[0]?.deadline).toBe('2026-10-09');
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'at'])
      .where('target_id', '=', c.id)
      .where('action', '=', 'case.back_entry')
      .execute();
    expect(audit).toHaveLength(1);
    expect(Number(audit[0]!.at)).toBe(NOW);
    // The case number is taken in the acceptance year.
    expect(c.caseNo).toMatch(/-2026-\d{6}$/);
  });

  it('refuses times in the future, acceptance before reception and a day the hall is closed, writing nothing', async () => {
    const before = Number(
      (
        await hall.ctx.db
          .selectFrom('cases')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ receivedAt: NOW + 60_000, acceptedAt: NOW + 120_000 }, 'receivedAt'],
      [{ acceptedAt: NOW + 60_000 }, 'acceptedAt'],
      [{ receivedAt: chinaTime('2026-09-30T11:00:00'), acceptedAt: chinaTime('2026-09-30T10:00:00') }, 'acceptedAt'],
      [{ receivedAt: chinaTime('2026-10-02T09:00:00'), acceptedAt: chinaTime('2026-10-02T09:30:00') }, 'acceptedAt'],
      [{ paperReceiptNo: '  ' }, 'paperReceiptNo'],
    ];
    for (const [over, field] of cases) {
      const res = await clerk.post('/api/intake/back-entries', await entry({ paperReceiptNo: 'ZB-0100', ...over }));
      expect(res.statusCode, res.body).toBe(400);
      expect(json(res)).toMatchObject({ code: 'VALIDATION', field });
    }
    const incomplete = await clerk.post(
      '/api/intake/back-entries',
      await entry({ paperReceiptNo: 'ZB-0101', materials: marks({ form: { status: 'missing' } }) }),
    );
    expect(incomplete.statusCode).toBe(409);
    const after = Number(
      (
        await hall.ctx.db
          .selectFrom('cases')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it('enters a paper receipt once: the same number again is refused with 409 naming it', async () => {
    const first = await clerk.post('/api/intake/back-entries', await entry({ paperReceiptNo: 'ZB-0200' }));
    expect(first.statusCode, first.body).toBe(201);
    const again = await clerk.post('/api/intake/back-entries', await entry({ paperReceiptNo: 'ZB-0200' }));
    expect(again.statusCode).toBe(409);
    expect(json(again).field).toBe('paperReceiptNo');
  });
});
