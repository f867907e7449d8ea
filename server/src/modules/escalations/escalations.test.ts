import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedCase, ok, type SupportHall, supportHall } from '../../../test/case-support-fixtures.ts';
import { json } from '../../../test/helpers.ts';

let h: SupportHall;
beforeAll(async () => {
  h = await supportHall();
});
afterAll(() => h.hall.close());

const auditActions = async (caseId: string) =>
  (
    await h.hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', caseId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);

describe('上报主管: escalation to the window supervisor', () => {
  it('a clerk escalates with a reason, the supervisor decides once with a note; on the trail, audited', async () => {
    const c = await acceptedCase(h);
    const before = await ok(await h.s.clerk.get(`/api/cases/${c.id}/escalations`));
    expect(before).toEqual({ items: [], mayRaise: true, mayDecideOpen: false });

    const raised = await ok(
      await h.s.clerk.post(`/api/cases/${c.id}/escalations`, { reason: '申请人身份证明存疑，需主管判断' }),
    );
    expect(raised.items).toHaveLength(1);
    expect(raised.items[0]).toMatchObject({
      level: 'supervisor',
      status: 'open',
      reason: '申请人身份证明存疑，需主管判断',
      decision: null,
    });
    expect(raised.mayRaise).toBe(false);
    // A second escalation while one is open is refused.
    expect((await h.s.handler.post(`/api/cases/${c.id}/escalations`, { reason: '另一个问题' })).statusCode).toBe(409);

    // The supervisor's pending list and its count.
    expect(json(await h.s.supervisor.get('/api/escalations/pending-count')).open).toBe(1);
    const pending = await ok(await h.s.supervisor.get('/api/escalations/pending'));
    expect(pending.items.map((e: any) => [e.caseNo, e.reason])).toEqual([[c.caseNo, '申请人身份证明存疑，需主管判断']]);
    expect(json(await h.s.clerk.get('/api/escalations/pending-count')).open).toBe(0);
    // The board shows it while it is open.
    const board = await ok(await h.s.inspector.get('/api/supervision/board'));
    expect(board.escalations.map((e: any) => e.caseId)).toEqual([c.id]);

    const id = raised.items[0].id;
    expect((await ok(await h.s.supervisor.get(`/api/cases/${c.id}/escalations`))).mayDecideOpen).toBe(true);
    const decided = await ok(
      await h.s.supervisor.post(`/api/escalations/${id}/decision`, { decision: 'proceed', note: '同意按一般程序办理' }),
    );
    expect(decided).toMatchObject({
      status: 'decided',
      decision: 'proceed',
      note: '同意按一般程序办理',
      decidedBy: expect.any(String),
    });
    // Decided once: a second decision is a conflict and changes nothing.
    const again = await h.s.supervisor.post(`/api/escalations/${id}/decision`, { decision: 'return', note: '退回' });
    expect(again.statusCode).toBe(409);
    expect(json(await h.s.clerk.get(`/api/cases/${c.id}/escalations`)).items[0]).toMatchObject({
      decision: 'proceed',
      note: '同意按一般程序办理',
    });

    const detail = json(await h.s.clerk.get(`/api/cases/${c.id}`));
    const events = detail.events.filter((e: any) => e.action.startsWith('escalation'));
    expect(events.map((e: any) => [e.action, e.fromState, e.toState])).toEqual([
      ['escalationRaised', 'in_process', 'in_process'],
      ['escalationDecided', 'in_process', 'in_process'],
    ]);
    expect(events[1].detail).toMatchObject({ decision: 'proceed', note: '同意按一般程序办理' });
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining(['case.escalation_raise', 'case.escalation_decide']),
    );
    expect(json(await h.s.supervisor.get('/api/escalations/pending-count')).open).toBe(0);
    expect((await ok(await h.s.inspector.get('/api/supervision/board'))).escalations).toEqual([]);
    // The case goes on: a new difficulty may be escalated again.
    expect(json(await h.s.clerk.get(`/api/cases/${c.id}/escalations`)).mayRaise).toBe(true);
  });

  it('a supervisor refers it on to the station head, who alone decides the referral', async () => {
    const c = await acceptedCase(h);
    const e = (await ok(await h.s.handler.post(`/api/cases/${c.id}/escalations`, { reason: '涉及历史遗留问题' })))
      .items[0];
    await ok(await h.s.supervisor.post(`/api/escalations/${e.id}/decision`, { decision: 'refer', note: '转站长决定' }));
    const list = (await ok(await h.s.head.get(`/api/cases/${c.id}/escalations`))).items;
    expect(list.map((x: any) => [x.level, x.status, x.decision])).toEqual([
      ['supervisor', 'decided', 'refer'],
      ['station_head', 'open', null],
    ]);
    const referral = list[1];
    expect(referral.parentId).toBe(e.id);
    expect(json(await h.s.supervisor.get('/api/escalations/pending')).items.map((x: any) => x.id)).not.toContain(
      referral.id,
    );
    expect(json(await h.s.head.get('/api/escalations/pending')).items.map((x: any) => x.id)).toContain(referral.id);
    expect(
      (await h.s.supervisor.post(`/api/escalations/${referral.id}/decision`, { decision: 'proceed', note: '同意' }))
        .statusCode,
    ).toBe(403);
    expect(
      json(await h.s.head.post(`/api/escalations/${referral.id}/decision`, { decision: 'refer', note: '再转' })).field,
    ).toBe('decision');
    await ok(
      await h.s.head.post(`/api/escalations/${referral.id}/decision`, {
        decision: 'return',
        note: '退回窗口，请补充情况说明',
      }),
    );
    expect((await ok(await h.s.head.get(`/api/cases/${c.id}/escalations`))).items[1]).toMatchObject({
      status: 'decided',
      decision: 'return',
    });
  });

  it('answers 400 naming the field, 403 for the wrong post, 404 for another hall’s case', async () => {
    const c = await acceptedCase(h);
    expect(json(await h.s.clerk.post(`/api/cases/${c.id}/escalations`, { reason: '   ' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'reason',
    });
    const en = await h.s.clerk.request('POST', `/api/cases/${c.id}/escalations`, {}, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(json(en).field).toBe('reason');
    expect((await h.s.approver.post(`/api/cases/${c.id}/escalations`, { reason: '审批人不上报主管' })).statusCode).toBe(
      403,
    );
    expect((await h.s.town_clerk.post(`/api/cases/${c.id}/escalations`, { reason: '别的大厅' })).statusCode).toBe(404);
    expect((await h.s.town_clerk.get(`/api/cases/${c.id}/escalations`)).statusCode).toBe(404);

    const e = (await ok(await h.s.clerk.post(`/api/cases/${c.id}/escalations`, { reason: '特殊情形' }))).items[0];
    expect(
      json(await h.s.supervisor.post(`/api/escalations/${e.id}/decision`, { decision: 'maybe', note: 'x' })).field,
    ).toBe('decision');
    expect(
      json(await h.s.supervisor.post(`/api/escalations/${e.id}/decision`, { decision: 'proceed', note: '' })).field,
    ).toBe('note');
    expect(
      (await h.s.clerk.post(`/api/escalations/${e.id}/decision`, { decision: 'proceed', note: '自己批' })).statusCode,
    ).toBe(403);
    expect((await h.s.handler.get('/api/escalations/pending')).statusCode).toBe(403);
    expect(
      (await h.s.town_clerk.post(`/api/escalations/${e.id}/decision`, { decision: 'proceed', note: 'x' })).statusCode,
    ).toBe(404);
    expect(json(await h.s.clerk.get(`/api/cases/${c.id}/escalations`)).items[0].status).toBe('open');
  });

  it('a retried request with the same Idempotency-Key escalates and decides once', async () => {
    const c = await acceptedCase(h);
    const key = { 'idempotency-key': `esc-raise-${c.id}` };
    const first = await h.s.clerk.post(`/api/cases/${c.id}/escalations`, { reason: '重复提交测试' }, key);
    const retry = await h.s.clerk.post(`/api/cases/${c.id}/escalations`, { reason: '重复提交测试' }, key);
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(json(retry)).toEqual(json(first));
    const items = json(await h.s.clerk.get(`/api/cases/${c.id}/escalations`)).items;
    expect(items).toHaveLength(1);
    const dkey = { 'idempotency-key': `esc-decide-${items[0].id}` };
    const d1 = await h.s.supervisor.post(
      `/api/escalations/${items[0].id}/decision`,
      { decision: 'proceed', note: '同意' },
      dkey,
    );
    const d2 = await h.s.supervisor.post(
      `/api/escalations/${items[0].id}/decision`,
      { decision: 'proceed', note: '同意' },
      dkey,
    );
    expect([d1.statusCode, d2.statusCode]).toEqual([200, 200]);
    expect(json(d2)).toEqual(json(d1));
    const events = json(await h.s.clerk.get(`/api/cases/${c.id}`)).events.filter((e: any) =>
      e.action.startsWith('escalation'),
    );
    expect(events).toHaveLength(2);
  });
});
