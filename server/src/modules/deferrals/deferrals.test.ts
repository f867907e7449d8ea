import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysLater, deferredCase, ok, type SupportHall, supportHall } from '../../../test/case-support-fixtures.ts';
import { json } from '../../../test/helpers.ts';
import { chinaDay } from '../../platform/clock.ts';
import { assertDeferredMaterialsIn } from './service.ts';

let h: SupportHall;
beforeAll(async () => {
  h = await supportHall();
});
afterAll(() => h.hall.close());

const nextWeekday = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  do t.setUTCDate(t.getUTCDate() + 1);
  while (t.getUTCDay() === 0 || t.getUTCDay() === 6);
  return t.toISOString().slice(0, 10);
};
/** A supplement deadline two working days from the hall's today (always within the promised 5). */
const soon = () => nextWeekday(nextWeekday(chinaDay(h.hall.clock.now())));

/** Along the published process: the site check and the review (parallel) are done, so the case stands 审批中. */
async function toApproval(id: string) {
  const stepId = async (key: string) =>
    (json(await h.s.clerk.get(`/api/cases/${id}`)).steps as { key: string; id: string }[]).find((x) => x.key === key)!
      .id;
  await ok(await h.s.handler.post(`/api/cases/${id}/steps/${await stepId('s3')}/claim`));
  await ok(await h.s.handler.post(`/api/cases/${id}/steps/${await stepId('s3')}/finish`, { note: '现场核查无误' }));
  await ok(await h.s.reviewer.post(`/api/cases/${id}/steps/${await stepId('s2')}/claim`));
  const c = await ok(await h.s.reviewer.post(`/api/cases/${id}/review/pass`, { note: '材料齐全' }));
  expect(c.state).toBe('in_approval');
}

describe('容缺材料: deferred materials followed up', () => {
  it('lists each deferred material with its due day; nothing is approved until all have arrived', async () => {
    const due = soon();
    const c = await deferredCase(h, due);
    const view = await ok(await h.s.clerk.get(`/api/cases/${c.id}/deferred-materials`));
    expect(view).toMatchObject({
      deferred: true,
      dueDay: due,
      itemAllowsApproval: false,
      mayRecordArrival: true,
      mayTerminate: false,
    });
    expect(view.materials.map((m: any) => [m.key, m.name, m.dueDay, m.status])).toEqual([
      ['licence', '营业执照复印件', due, 'pending'],
      ['lease', '房屋租赁合同', due, 'pending'],
    ]);
    // The handler reads it but records nothing.
    expect((await ok(await h.s.handler.get(`/api/cases/${c.id}/deferred-materials`))).mayRecordArrival).toBe(false);

    await toApproval(c.id);
    const refused = await h.s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' });
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({ code: 'DEFERRED_MATERIALS_OUTSTANDING' });
    expect(json(refused).message).toContain('营业执照复印件');
    expect(json(refused).message).toContain('房屋租赁合同');

    const after = await ok(
      await h.s.clerk.post(`/api/cases/${c.id}/deferred-materials/licence/arrival`, {
        copies: 1,
        pages: 2,
        note: '申请人送来',
      }),
    );
    expect(after.materials[0]).toMatchObject({
      status: 'arrived',
      copies: 1,
      pages: 2,
      note: '申请人送来',
      recordedBy: expect.any(String),
    });
    expect((await h.s.clerk.post(`/api/cases/${c.id}/deferred-materials/licence/arrival`, {})).statusCode).toBe(409);
    const still = json(await h.s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    expect(still.message).toContain('房屋租赁合同');
    expect(still.message).not.toContain('营业执照复印件');

    await ok(await h.s.clerk.post(`/api/cases/${c.id}/deferred-materials/lease/arrival`, { copies: 1, pages: 1 }));
    const approved = await ok(await h.s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    expect(approved.state).toBe('approved');
    const events = approved.events.filter((e: any) => e.action === 'deferredMaterialArrived');
    expect(events.map((e: any) => e.detail.material)).toEqual(['营业执照复印件', '房屋租赁合同']);
    const audit = await h.hall.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).execute();
    expect(audit.filter((a) => a.action === 'case.deferred_arrival')).toHaveLength(2);
  });

  it('an item that allows it is approved before its deferred materials are in', async () => {
    const c = await deferredCase(h, soon(), h.lenientItemId);
    expect((await ok(await h.s.clerk.get(`/api/cases/${c.id}/deferred-materials`))).itemAllowsApproval).toBe(true);
    await toApproval(c.id);
    expect((await ok(await h.s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }))).state).toBe(
      'approved',
    );
  });

  it('past due: on the board; the supervisor terminates the case with a printed notice', async () => {
    const due = soon();
    const c = await deferredCase(h, due);
    await ok(await h.s.clerk.post(`/api/cases/${c.id}/deferred-materials/lease/arrival`, {}));
    // Not before the promised day has passed.
    expect(json(await h.s.supervisor.post(`/api/cases/${c.id}/terminate`, { reason: '逾期' }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect((await h.s.inspector.get('/api/supervision/board')).json().deferred.map((d: any) => d.caseId)).not.toContain(
      c.id,
    );

    await daysLater(h, 7);
    const board = await ok(await h.s.inspector.get('/api/supervision/board'));
    expect(board.deferred.find((d: any) => d.caseId === c.id)).toEqual({
      caseId: c.id,
      caseNo: c.caseNo,
      itemName: '食品经营许可证变更',
      dueDay: due,
      materials: ['营业执照复印件'],
    });
    const view = await ok(await h.s.supervisor.get(`/api/cases/${c.id}/deferred-materials`));
    expect(view.materials.map((m: any) => m.status)).toEqual(['overdue', 'arrived']);
    expect(view.mayTerminate).toBe(true);
    expect((await ok(await h.s.clerk.get(`/api/cases/${c.id}/deferred-materials`))).mayTerminate).toBe(false);
    expect((await h.s.clerk.post(`/api/cases/${c.id}/terminate`, { reason: '逾期未补齐' })).statusCode).toBe(403);
    expect(json(await h.s.supervisor.post(`/api/cases/${c.id}/terminate`, { reason: '' })).field).toBe('reason');

    const ended = await ok(
      await h.s.supervisor.post(`/api/cases/${c.id}/terminate`, { reason: '逾期未补齐营业执照复印件' }),
    );
    expect(ended.terminationDocumentId).toEqual(expect.any(String));
    expect(ended.mayRecordArrival).toBe(false);
    const detail = json(await h.s.clerk.get(`/api/cases/${c.id}`));
    expect(detail).toMatchObject({
      state: 'terminated',
      stateLabel: '已终止',
      closedReason: '逾期未补齐营业执照复印件',
    });
    expect(detail.events.at(-1)).toMatchObject({
      action: 'terminate',
      toState: 'terminated',
      detail: { materials: ['营业执照复印件'], promiseDay: due },
    });
    const doc = detail.documents.find((d: any) => d.kind === 'termination_notice');
    expect(doc).toMatchObject({ id: ended.terminationDocumentId, kindLabel: '终止办理告知书' });
    expect(doc.docNo).toMatch(/-ZZ-2026-\d{6}$/);
    const pdf = await h.s.clerk.get(`/api/cases/${c.id}/documents/${doc.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Ended: off the board and the inboxes, nothing more arrives, and it cannot be terminated twice.
    const inbox = await ok(await h.s.handler.get(`/api/backoffice/inbox/department?departmentId=${h.sc}`));
    expect(inbox.items.map((i: any) => i.caseId)).not.toContain(c.id);
    expect(
      (await ok(await h.s.inspector.get('/api/supervision/board'))).deferred.map((d: any) => d.caseId),
    ).not.toContain(c.id);
    expect((await h.s.clerk.post(`/api/cases/${c.id}/deferred-materials/licence/arrival`, {})).statusCode).toBe(409);
    expect((await h.s.supervisor.post(`/api/cases/${c.id}/terminate`, { reason: '再次' })).statusCode).toBe(409);
    const audit = await h.hall.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toContain('case.terminate');
  });

  it('answers 400 naming the field, 403 for the wrong post, 404 for another hall, once on a retry', async () => {
    const c = await deferredCase(h, soon());
    const url = `/api/cases/${c.id}/deferred-materials/licence/arrival`;
    expect(json(await h.s.clerk.post(url, { copies: 0 }))).toMatchObject({ code: 'VALIDATION', field: 'copies' });
    expect(json(await h.s.clerk.post(url, { pages: 'x' }))).toMatchObject({ code: 'VALIDATION', field: 'pages' });
    expect((await h.s.handler.post(url, {})).statusCode).toBe(403);
    expect((await h.s.town_clerk.post(url, {})).statusCode).toBe(404);
    expect((await h.s.town_clerk.get(`/api/cases/${c.id}/deferred-materials`)).statusCode).toBe(404);
    expect((await h.s.clerk.post(`/api/cases/${c.id}/deferred-materials/form/arrival`, {})).statusCode).toBe(404);
    const key = { 'idempotency-key': `arrival-${c.id}` };
    const a = await h.s.clerk.post(url, { copies: 1, pages: 3 }, key);
    const b = await h.s.clerk.post(url, { copies: 1, pages: 3 }, key);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(json(b)).toEqual(json(a));
    const arrivals = await h.hall.ctx.db
      .selectFrom('deferred_arrivals')
      .selectAll()
      .where('case_id', '=', c.id)
      .execute();
    expect(arrivals).toHaveLength(1);
  });

  // Each run is a fresh case moved on by whole days: slower than an example, on PostgreSQL most of all.
  const long = { timeout: 120_000 };
  it('property: approval passes iff all deferred materials arrived or the item allows it', long, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(['licence', 'lease']),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }),
        async (arrive, lenient, gaps) => {
          const c = await deferredCase(h, soon(), lenient ? h.lenientItemId : h.itemId);
          for (const [i, key] of arrive.entries()) {
            if (gaps[i]) await daysLater(h, gaps[i]!, ['clerk']);
            await ok(await h.s.clerk.post(`/api/cases/${c.id}/deferred-materials/${key}/arrival`, {}));
          }
          const outcome = await assertDeferredMaterialsIn(h.hall.ctx.db, c.id).then(
            () => 'ok',
            (e) => e,
          );
          if (lenient || arrive.length === 2) expect(outcome).toBe('ok');
          else {
            expect(outcome).toMatchObject({ status: 409, code: 'DEFERRED_MATERIALS_OUTSTANDING' });
            const missing = ['licence', 'lease']
              .filter((k) => !arrive.includes(k))
              .map((k) => (k === 'licence' ? '营业执照复印件' : '房屋租赁合同'));
            expect(outcome.extra.outstanding).toEqual(missing);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
