/**
 * AB岗 taking over for real: B sees and works A's steps from the case page (recorded as B for A), hands back what B
 * took once A is back, and a B who is away too makes the supervisor hear at once and name a stand-in.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/days.ts';
import { chinaDay } from '../../platform/clock.ts';
import { acceptedCase, hall, hallId, ok, s, stepOf, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { json, Session, signedIn } from '../../../test/helpers.ts';
import { sweepAlerts } from '../supervision/alerts.ts';

withBackofficeHall();

const userId = async (name: string) =>
  (await hall.ctx.db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirstOrThrow()).id;

/** A leave of `who` from today for `days` more days, confirmed by its B and approved by the station head. */
async function approvedLeave(who: Session, b: Session, bId: string, days: number) {
  const today = chinaDay(hall.clock.now());
  const l = await ok(
    await who.post('/api/staff/leaves', {
      hallId,
      kind: 'annual',
      fromDay: today,
      toDay: addDays(today, days),
      reason: '探亲',
      contact: '家中',
      bUserId: bId,
    }),
    201,
  );
  await ok(await b.post(`/api/staff/leaves/${l.id}/confirm`));
  return ok(await s.head.post(`/api/staff/leaves/${l.id}/decide`, { approve: true, note: '同意' }));
}

/** Moves the clock past every leave so far and signs everyone in again (idle sessions expire). */
async function later(days: number) {
  hall.clock.advance(days * 86_400_000);
  for (const p of ['clerk', 'handler', 'head', 'supervisor', 'router', 'reviewer'] as const)
    s[p] = await signedIn(hall.app, p);
}

describe('B works A’s steps from the case page, recorded as B for A, and hands back what B took', () => {
  it('shows B the buttons of A’s step, names B for A on the trail and audit, and hands back once A is back', async () => {
    const b = await signedIn(hall.app, 'sc_handler');
    const handlerId = await userId('handler');
    const bId = await userId('sc_handler');

    // A claims an on-site check; B has no button on it while A is at work.
    let held = await acceptedCase();
    held = await ok(await s.handler.post(`/api/cases/${held.id}/steps/${stepOf(held, 's3').id}/claim`));
    const heldStep = stepOf(held, 's3').id;
    expect(stepOf(json(await b.get(`/api/cases/${held.id}`)), 's3').actions).toEqual([]);

    await approvedLeave(s.handler, b, bId, 2);

    // While A is on leave, B's case page shows A's step with its buttons, and B finishes it as 邹敏（代杨帆）.
    const seen = json(await b.get(`/api/cases/${held.id}`));
    expect(stepOf(seen, 's3').actions).toContain('finishStep');
    const done = await ok(await b.post(`/api/cases/${held.id}/steps/${heldStep}/finish`, { note: '现场核查完毕' }));
    const finished = done.events.find((e: any) => e.action === 'finishStep' && e.detail.stepId === heldStep);
    expect(finished.by).toBe('邹敏（代杨帆）');
    expect(finished.detail.actingFor).toMatchObject({ id: handlerId, name: '杨帆' });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'user_id'])
      .where('target_id', '=', held.id)
      .where('action', '=', 'case.step_finish')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.user_id).toBe(bId);
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ actingFor: handlerId });

    // A step given to A while away goes to B; it may not be handed back while A is still away.
    let given = await acceptedCase();
    given = await ok(
      await s.supervisor.post(`/api/cases/${given.id}/steps/${stepOf(given, 's3').id}/assign`, { userId: handlerId }),
    );
    const givenStep = stepOf(given, 's3').id;
    expect(stepOf(given, 's3').assignee).toEqual({ id: bId, name: '邹敏（代杨帆）' });
    const early = await b.post(`/api/cases/${given.id}/steps/${givenStep}/hand-back`, { note: '' });
    expect(early.statusCode).toBe(409);
    expect(json(early)).toMatchObject({ code: 'STILL_AWAY', message: expect.stringContaining('杨帆仍不在岗') });
    expect(stepOf(json(await b.get(`/api/cases/${given.id}`)), 's3').actions).not.toContain('handBackStep');

    // A is back: the step stays with B until B hands it back; only its holder may.
    await later(4);
    const b2 = await signedIn(hall.app, 'sc_handler');
    const mine = json(await b2.get(`/api/cases/${given.id}`));
    expect(stepOf(mine, 's3').assignee.id).toBe(bId);
    expect(stepOf(mine, 's3').actions).toContain('handBackStep');
    expect(stepOf(mine, 's3').handBackTo).toEqual({ id: handlerId, name: '杨帆' });
    expect((await s.handler.post(`/api/cases/${given.id}/steps/${givenStep}/hand-back`, { note: '' })).statusCode).toBe(
      403,
    );
    const back = await ok(await b2.post(`/api/cases/${given.id}/steps/${givenStep}/hand-back`, { note: '已返岗' }));
    expect(stepOf(back, 's3').assignee).toEqual({ id: handlerId, name: '杨帆' });
    expect(back.events.at(-1)).toMatchObject({
      action: 'handBackStep',
      by: '邹敏',
      detail: { fromAssignee: '邹敏（代杨帆）', toAssignee: '杨帆', note: '已返岗' },
    });
    // Handed back once: nothing more to hand back; a step never taken as cover cannot be "handed back".
    expect((await s.handler.get(`/api/cases/${given.id}`)).statusCode).toBe(200);
    const again = await s.handler.post(`/api/cases/${given.id}/steps/${givenStep}/hand-back`, { note: '' });
    expect(json(again)).toMatchObject({ code: 'NOT_COVER' });
    expect(json(await s.handler.get('/api/backoffice/inbox/mine')).items.map((i: any) => i.stepId)).toContain(
      givenStep,
    );
  });
});

describe('B takes A’s consultations while A is away; A stays the first-question owner', () => {
  it('lists A’s consultation in B’s own, lets B answer it as B for A, and ends when A is back', async () => {
    await later(10);
    const b = await signedIn(hall.app, 'sc_handler');
    const handlerId = await userId('handler');
    const bId = await userId('sc_handler');
    const ask = async (question: string) => {
      const res = await new Session(hall.app).request(
        'POST',
        '/api/public/consultations',
        { hallId, personName: '王芳', contactPhone: '13700001111', question },
        { 'x-forwarded-for': `10.0.9.${Math.floor(Math.random() * 200)}` },
      );
      expect(res.statusCode, res.body).toBe(201);
      const { number } = json(res);
      const found = json(await s.handler.get('/api/consultations?status=unclaimed')).items.find(
        (x: { number: string }) => x.number === number,
      );
      return ok(await s.handler.post(`/api/consultations/${found.id}/take`));
    };
    const first = await ask('个体户注销需要哪些材料？');
    const second = await ask('营业执照遗失怎么补办？');
    expect(first.firstOwnerId).toBe(handlerId);
    // While A is at work, B may not act on A's consultation.
    expect(json(await b.get(`/api/consultations/${first.id}`)).canHandle).toBe(false);
    expect((await b.post(`/api/consultations/${first.id}/answer`, { answer: '见办事指南' })).statusCode).toBe(403);

    await approvedLeave(s.handler, b, bId, 1);
    const mine = json(await b.get('/api/consultations?mine=true&status=active')).items.map((x: any) => x.id);
    expect(mine).toEqual(expect.arrayContaining([first.id, second.id]));
    const seen = json(await b.get(`/api/consultations/${first.id}`));
    expect(seen).toMatchObject({ canHandle: true, coverFor: '杨帆' });
    const answered = await ok(
      await b.post(`/api/consultations/${first.id}/answer`, { answer: '携带营业执照正副本和身份证。' }),
    );
    expect(answered).toMatchObject({ status: 'answered', firstOwnerId: handlerId, answeredBy: '邹敏（代杨帆）' });
    expect(answered.trail.at(-1)).toMatchObject({
      userName: '邹敏（代杨帆）',
      action: 'answer',
      detail: { actingFor: { id: handlerId, name: '杨帆' } },
    });

    // A is back: B no longer acts on A's open consultation, and A does.
    await later(3);
    const b2 = await signedIn(hall.app, 'sc_handler');
    expect(json(await b2.get(`/api/consultations/${second.id}`))).toMatchObject({ canHandle: false, coverFor: null });
    expect(json(await b2.get('/api/consultations?mine=true&status=active')).items.map((x: any) => x.id)).not.toContain(
      second.id,
    );
    expect(json(await s.handler.get(`/api/consultations/${second.id}`)).canHandle).toBe(true);
  });
});

describe('B away too: the supervisor is told at once and names a stand-in, who then acts like B', () => {
  it('alerts the supervisor in-app and through the outbox on approval, once; a stand-in takes A’s new work', async () => {
    await later(10);
    const b = await signedIn(hall.app, 'sc_handler');
    const handlerId = await userId('handler');
    const bId = await userId('sc_handler');
    const supervisorId = await userId('supervisor');
    const alertsOf = async () =>
      (await hall.ctx.db.selectFrom('alerts').selectAll().where('target_type', '=', 'uncovered').execute()).filter(
        (a) => a.target_key.startsWith(`uncovered:${handlerId}:`),
      );

    await approvedLeave(b, s.handler, handlerId, 1);
    expect(await alertsOf()).toEqual([]);
    // A goes on leave while B is away: at the approval, before any sweep, the supervisor has a red alert.
    await approvedLeave(s.handler, b, bId, 1);
    const alerts = await alertsOf();
    expect(alerts.map((a) => [a.recipient_id, a.level, a.audience])).toEqual([[supervisorId, 'red', 'supervisor']]);
    expect(alerts[0]!.title).toContain('杨帆');
    expect(alerts[0]!.title).toContain('邹敏');
    const mine = json(await s.supervisor.get('/api/alerts'));
    expect(mine.items).toContainEqual(expect.objectContaining({ targetType: 'uncovered', level: 'red' }));
    // The in-app notice went through the outbox, in the same transaction as the approval.
    const notices = await hall.ctx.db
      .selectFrom('notices')
      .selectAll()
      .where('event', '=', 'ab_uncovered')
      .where('dedupe_key', 'like', `uncovered:${handlerId}:%`)
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'inapp', recipient_masked: '站内提醒' });
    expect(notices[0]!.body).toContain('杨帆不在岗（请假），B岗邹敏也不在岗');
    // The sweep finds the same gap and alerts nobody twice.
    await sweepAlerts(hall.ctx);
    expect(await alertsOf()).toHaveLength(1);
    // Both are away, so each is uncovered: one notice per person and supervisor, however often it is checked.
    const all = await hall.ctx.db
      .selectFrom('notices')
      .select('dedupe_key')
      .where('event', '=', 'ab_uncovered')
      .execute();
    expect(all.map((n) => n.dedupe_key?.split(':')[1]).sort()).toEqual([handlerId, bId].sort());

    // The supervisor names a stand-in (临时顶岗) for today: A's new work goes to them, recorded as for A.
    const today = chinaDay(hall.clock.now());
    const routerId = await userId('router');
    await ok(
      await s.supervisor.post('/api/staff/pairs', {
        hallId,
        kind: 'stand_in',
        subject: '临时顶岗',
        aUserId: handlerId,
        bUserId: routerId,
        fromDay: today,
        toDay: addDays(today, 1),
      }),
      201,
    );
    expect(json(await s.supervisor.get(`/api/supervision/board?hallId=${hallId}`)).uncoveredStaff).not.toContainEqual(
      expect.objectContaining({ name: '杨帆' }),
    );
    let c = await acceptedCase();
    c = await ok(
      await s.supervisor.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/assign`, { userId: handlerId }),
    );
    expect(stepOf(c, 's3').assignee.id).toBe(routerId);
    expect(stepOf(c, 's3').assignee.name).toContain('（代杨帆）');
    expect(json(await s.router.get('/api/staff/me/cover')).actingFor).toEqual([{ userId: handlerId, name: '杨帆' }]);
  });
});

describe('a stand-in from another department reaches A’s department inbox while covering', () => {
  it('lets the stand-in claim an unclaimed step of A’s department only while A is away', async () => {
    await later(3);
    const b = await signedIn(hall.app, 'sc_handler');
    const ga = await signedIn(hall.app, 'ga_handler');
    const handlerId = await userId('handler');
    const gaId = await userId('ga_handler');
    const c = await acceptedCase();
    const step = stepOf(c, 's3');
    expect(step.assignee).toBeNull();
    // Not of 市场监管: no button and no claim while 杨帆 is at work.
    expect(stepOf(json(await ga.get(`/api/cases/${c.id}`)), 's3').actions).not.toContain('claimStep');
    expect((await ga.post(`/api/cases/${c.id}/steps/${step.id}/claim`)).statusCode).toBe(403);

    await approvedLeave(s.handler, b, await userId('sc_handler'), 0);
    const today = chinaDay(hall.clock.now());
    await ok(
      await s.supervisor.post('/api/staff/pairs', {
        hallId,
        kind: 'stand_in',
        subject: '临时顶岗',
        aUserId: handlerId,
        bUserId: gaId,
        fromDay: today,
        toDay: today,
      }),
      201,
    );
    // The stand-in comes before B: 邹敏 no longer acts for 杨帆 today; the stand-in does, across departments.
    expect(json(await b.get('/api/staff/me/cover')).actingFor).toEqual([]);
    expect(stepOf(json(await ga.get(`/api/cases/${c.id}`)), 's3').actions).toContain('claimStep');
    const claimed = await ok(await ga.post(`/api/cases/${c.id}/steps/${step.id}/claim`));
    expect(stepOf(claimed, 's3').assignee.id).toBe(gaId);
  });
});

describe('the window’s queue: B takes over the window of A who is away, as B for A', () => {
  it('refuses while A is at the window, takes over A’s paused window once A leaves the post, on the audit', async () => {
    await later(3);
    const clerkId = await userId('clerk');
    const supId = await userId('supervisor');
    const win = json(await s.clerk.get(`/api/queue/windows?hallId=${hallId}`)).items.find(
      (w: { state: string }) => w.state === 'closed',
    );
    await ok(
      await s.supervisor.post('/api/staff/pairs', {
        hallId,
        kind: 'window',
        subject: win.id,
        aUserId: clerkId,
        bUserId: supId,
      }),
      201,
    );
    await ok(await s.clerk.post('/api/staff/clock', { hallId, kind: 'in', windowId: win.id }), 201);
    const opened = await ok(await s.clerk.post(`/api/queue/windows/${win.id}/open`));
    expect(opened.openedBy).toBe(clerkId);
    // A is at the window: B may not take it; someone who covers nobody may not either.
    const early = await s.supervisor.post(`/api/staff/cover/windows/${win.id}`);
    expect(early.statusCode).toBe(403);
    expect(json(early).message).toContain('不能接替该窗口');

    // A leaves the post (暂离, naming B): the window pauses; B takes it over and it serves again, as B for A.
    await ok(
      await s.clerk.post('/api/staff/clock', {
        hallId,
        kind: 'away',
        windowId: win.id,
        standInId: supId,
        reason: '临时外出取件',
      }),
      201,
    );
    expect(json(await s.clerk.get(`/api/queue/windows/${win.id}`)).state).toBe('paused');
    const taken = await ok(await s.supervisor.post(`/api/staff/cover/windows/${win.id}`));
    const clerkName = json(await s.clerk.get('/api/auth/me')).displayName;
    expect(taken).toMatchObject({
      state: 'open',
      openedBy: supId,
      openedByName: expect.stringContaining(`（代${clerkName}）`),
    });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['user_id', 'detail'])
      .where('action', '=', 'queue.window.cover')
      .where('target_id', '=', win.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.user_id).toBe(supId);
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ actingFor: clerkId });
    // B now holds the window: calling the next ticket is B's, and a second take-over is refused.
    expect((await s.supervisor.post(`/api/queue/windows/${win.id}/call-next`)).statusCode).toBe(200);
    expect((await s.supervisor.post(`/api/staff/cover/windows/${win.id}`)).statusCode).toBe(409);
    await ok(await s.supervisor.post(`/api/queue/windows/${win.id}/close`));
    await ok(await s.clerk.post('/api/staff/clock', { hallId, kind: 'back' }), 201);
  });
});
