import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, marks, person, publishedItem } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
let clerk: Session;
let head: Session;
let admin: Session;
let hallId: string;
let itemId: string;
let windowId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  head = await signedIn(hall.app, 'head');
  admin = await signedIn(hall.app, 'sysadmin');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'SP-301');
});
afterAll(() => hall.close());

const countOf = async (table: 'cases' | 'case_events' | 'audit_log' | 'case_receptions') =>
  Number(
    (
      await hall.ctx.db
        .selectFrom(table)
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('当场受理: registered and accepted in one step', () => {
  it('writes the case, its reception, steps, routing, number, receipt, trail and one audit record together', async () => {
    const applicantId = await person(clerk, hallId);
    const res = await clerk.post('/api/intake/acceptances', { itemId, applicantId, windowId, materials: complete() });
    expect(res.statusCode, res.body).toBe(201);
    const c = json(res);
    expect(c.caseNo).toMatch(/^QCX-ZWFW-2026-\d{6}$/);
    expect(c).toMatchObject({
      state: 'in_process',
      acceptedDay: '2026-03-02',
      deadline: '2026-03-09',
      firstOwner: { name: '张伟' },
    });
    // The answer is the clerk's next screen, not the whole case: what it says is what the case holds.
    expect(Object.keys(c).sort()).toEqual(
      [
        'id',
        'caseNo',
        'itemName',
        'state',
        'stateLabel',
        'acceptedDay',
        'deadline',
        'deadlineProvisional',
        'firstOwner',
        'documents',
      ].sort(),
    );
    const d = json(await clerk.get(`/api/cases/${c.id}`));
    for (const k of ['caseNo', 'itemName', 'state', 'stateLabel', 'acceptedDay', 'deadline', 'deadlineProvisional'])
      expect(c[k], k).toEqual(d[k]);
    expect(c.firstOwner).toEqual(d.firstOwner);
    expect(c.documents).toEqual(d.documents);
    expect(d.steps.map((s: any) => [s.key, s.status])).toEqual([
      ['s1', 'done'],
      ['s2', 'active'],
      ['s3', 'active'],
      ['s4', 'pending'],
    ]);
    // Each active step has its own deadline: 2 working days from Monday.
    const steps = await hall.ctx.db
      .selectFrom('case_steps')
      .select(['step_key', 'deadline'])
      .where('case_id', '=', c.id)
      .orderBy('step_key')
      .execute();
    expect(steps.map((s) => [s.step_key, s.deadline])).toEqual([
      ['s1', '2026-03-02'],
      ['s2', '2026-03-04'],
      ['s3', '2026-03-04'],
      ['s4', null],
    ]);
    expect(d.routingSlips).toHaveLength(2);
    expect(d.events.map((e: any) => e.action)).toEqual(['registerReception', 'acceptCase', 'routeToDepartment']);
    // The three events go into the trail in one insert: numbered 1, 2, 3 and each starting where the last ended.
    const trail = async (caseId: string) =>
      (
        await hall.ctx.db
          .selectFrom('case_events')
          .select(['seq', 'from_state', 'to_state'])
          .where('case_id', '=', caseId)
          .orderBy('seq')
          .execute()
      ).map((e) => [Number(e.seq), e.from_state, e.to_state]);
    expect(await trail(c.id)).toEqual([
      [1, null, 'received'],
      [2, 'received', 'accepted'],
      [3, 'accepted', 'in_process'],
    ]);
    expect(c.documents.map((d: any) => d.kind)).toEqual(['receipt']);
    const audit = await hall.ctx.db.selectFrom('audit_log').select(['action']).where('target_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['case.accept']);
    // The next case, accepted the two-step way, takes the next number.
    const second = json(
      await clerk.post('/api/intake/receptions', { itemId, applicantId, windowId, materials: complete() }),
    );
    const accepted = json(await clerk.post(`/api/cases/${second.id}/accept`));
    expect(Number(accepted.caseNo.slice(-6))).toBe(Number(c.caseNo.slice(-6)) + 1);
    // Accepted later, its acceptance and hand-over continue the numbering of the reception's event.
    expect(await trail(second.id)).toEqual([
      [1, null, 'received'],
      [2, 'received', 'accepted'],
      [3, 'accepted', 'in_process'],
    ]);
  });

  it('refuses incomplete materials (409, naming them) and bad input (400, naming the field), writing nothing', async () => {
    const applicantId = await person(clerk, hallId);
    const before = await Promise.all([
      countOf('cases'),
      countOf('case_events'),
      countOf('audit_log'),
      countOf('case_receptions'),
    ]);
    const missing = await clerk.post('/api/intake/acceptances', {
      itemId,
      applicantId,
      materials: marks({ licence: { status: 'missing' } }),
    });
    expect(missing.statusCode).toBe(409);
    expect(json(missing)).toMatchObject({ code: 'MATERIALS_INCOMPLETE', field: 'materials' });
    expect(json(missing).message).toContain('营业执照复印件');
    const noItem = await clerk.post('/api/intake/acceptances', { itemId: 'nope', applicantId, materials: complete() });
    expect(noItem.statusCode).toBe(400);
    expect(json(noItem).field).toBe('itemId');
    const noMaterials = await clerk.post('/api/intake/acceptances', { itemId, applicantId, materials: [] });
    expect(noMaterials.statusCode).toBe(400);
    expect(json(noMaterials).field).toBe('materials');
    const after = await Promise.all([
      countOf('cases'),
      countOf('case_events'),
      countOf('audit_log'),
      countOf('case_receptions'),
    ]);
    expect(after).toEqual(before);
  });

  it('is for reception staff only', async () => {
    const applicantId = await person(clerk, hallId);
    const reviewer = await signedIn(hall.app, 'reviewer');
    const res = await reviewer.post('/api/intake/acceptances', { itemId, applicantId, materials: complete() });
    expect(res.statusCode).toBe(403);
  });

  it('counts the deadline on the calendar as it is now: a hall day closed since the last acceptance moves it', async () => {
    const applicantId = await person(clerk, hallId);
    const before = json(await clerk.post('/api/intake/acceptances', { itemId, applicantId, materials: complete() }));
    expect(before.deadline).toBe('2026-03-09');
    const closed = await admin.put(`/api/calendar/halls/${hallId}/days/2026-03-05`, {
      kind: 'closed',
      note: '设备检修',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = json(await clerk.post('/api/intake/acceptances', { itemId, applicantId, materials: complete() }));
    expect(after.deadline).toBe('2026-03-10');
    expect((await admin.request('DELETE', `/api/calendar/halls/${hallId}/days/2026-03-05`)).statusCode).toBe(204);
    const again = json(await clerk.post('/api/intake/acceptances', { itemId, applicantId, materials: complete() }));
    expect(again.deadline).toBe('2026-03-09');
  });
});
