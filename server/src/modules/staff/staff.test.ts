import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/days.ts';
import { chinaDay } from '../../platform/clock.ts';
import {
  acceptedCase,
  hall,
  hallId,
  ok,
  s,
  sc,
  stepOf,
  withBackofficeHall,
} from '../../../test/backoffice-fixtures.ts';
import { json, signedIn } from '../../../test/helpers.ts';
import { sweepAlerts } from '../supervision/alerts.ts';

withBackofficeHall();

const userId = async (name: string) =>
  (await hall.ctx.db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirstOrThrow()).id;

/** A leave requested by `who`, confirmed by its B and approved by the station head. */
async function approvedLeave(
  who: Awaited<ReturnType<typeof signedIn>>,
  b: Awaited<ReturnType<typeof signedIn>>,
  bId: string,
  days: number,
) {
  const today = chinaDay(hall.clock.now());
  const l = await ok(
    await who.post('/api/staff/leaves', {
      hallId,
      kind: 'annual',
      fromDay: today,
      toDay: addDays(today, days),
      reason: '探亲',
      contact: '电话 13800010009',
      bUserId: bId,
    }),
    201,
  );
  expect(l).toMatchObject({ status: 'requested', contact: '电话 138****0009' });
  // The head may not approve before B confirms; only B confirms.
  expect((await s.head.post(`/api/staff/leaves/${l.id}/decide`, { approve: true })).statusCode).toBe(409);
  expect((await s.clerk.post(`/api/staff/leaves/${l.id}/confirm`)).statusCode).toBe(403);
  await ok(await b.post(`/api/staff/leaves/${l.id}/confirm`));
  return ok(await s.head.post(`/api/staff/leaves/${l.id}/decide`, { approve: true, note: '同意' }));
}

describe('leave rules', () => {
  it('refuses bad input naming the field, and approval above the supervisor’s level', async () => {
    const bad = await s.clerk.post('/api/staff/leaves', {
      hallId,
      kind: 'annual',
      fromDay: '2026-05-10',
      toDay: '2026-05-01',
      reason: 'x',
      contact: 'y',
      bUserId: await userId('supervisor'),
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'VALIDATION', field: 'toDay' });
    const today = chinaDay(hall.clock.now());
    const long = await ok(
      await s.clerk.post('/api/staff/leaves', {
        hallId,
        kind: 'sick',
        fromDay: today,
        toDay: addDays(today, 14),
        reason: '住院',
        contact: '家属代接',
        bUserId: await userId('supervisor'),
      }),
      201,
    );
    expect(long.approverRole).toBe('station_head');
    await ok(await s.supervisor.post(`/api/staff/leaves/${long.id}/confirm`));
    expect((await s.supervisor.post(`/api/staff/leaves/${long.id}/decide`, { approve: true })).statusCode).toBe(403);
    expect(json(await s.head.post(`/api/staff/leaves/${long.id}/decide`, { approve: false })).field).toBe('note');
    const audit = await hall.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', long.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['staff.leave.request', 'staff.leave.confirm']);
  });
});

describe('AB cover: an approved leave routes the handler’s work to the B person and back', () => {
  it('routes a newly given step, open steps and the inbox to B; a B away too alerts the supervisor', async () => {
    let b = await signedIn(hall.app, 'sc_handler');
    const handlerId = await userId('handler');
    const bId = await userId('sc_handler');
    // The demo pairs the handler with 邹敏 of the same department.
    const pairs = json(await s.supervisor.get(`/api/staff/pairs?hallId=${hallId}`)).items;
    expect(pairs).toContainEqual(expect.objectContaining({ aUserId: handlerId, bUserId: bId, kind: 'post' }));

    // Before the leave the handler claims an on-site check: it is theirs.
    let held = await acceptedCase();
    held = await ok(await s.handler.post(`/api/cases/${held.id}/steps/${stepOf(held, 's3').id}/claim`));
    expect(stepOf(held, 's3').assignee.name).toBe('杨帆');
    const heldStep = stepOf(held, 's3').id;

    const leave = await approvedLeave(s.handler, b, bId, 2);
    expect(leave).toMatchObject({ status: 'approved', decidedByName: expect.any(String), bUserName: '邹敏' });
    expect(json(await b.get('/api/staff/me/cover')).actingFor).toEqual([{ userId: handlerId, name: '杨帆' }]);
    expect(json(await s.handler.get('/api/staff/me/cover')).actedBy).toMatchObject({ name: '邹敏', reason: '请假' });

    // A step given to the handler now goes to B, recorded as B for A.
    let c = await acceptedCase();
    c = await ok(
      await s.supervisor.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/assign`, { userId: handlerId }),
    );
    expect(stepOf(c, 's3').assignee).toEqual({ id: bId, name: '邹敏（代杨帆）' });
    const assigned = c.events.at(-1);
    expect(assigned.detail.cover).toEqual([
      expect.objectContaining({ forId: handlerId, forName: '杨帆', actingId: bId, actingName: '邹敏' }),
    ]);

    // B's inbox shows A's open step (B代A) beside the new one; B may work it and then it stays with B.
    const mine = json(await b.get('/api/backoffice/inbox/mine')).items;
    expect(mine.find((i: any) => i.stepId === heldStep)).toMatchObject({ coverFor: '杨帆' });
    expect(mine.map((i: any) => i.stepId)).toContain(stepOf(c, 's3').id);
    expect(json(await b.get(`/api/backoffice/inbox/department?departmentId=${sc}`)).items.length).toBeGreaterThan(0);

    // A is back after the leave (sessions idle for days sign in again): new work goes to A again.
    hall.clock.advance(8 * 86_400_000);
    for (const p of ['clerk', 'handler', 'head', 'supervisor'] as const) s[p] = await signedIn(hall.app, p);
    b = await signedIn(hall.app, 'sc_handler');
    expect(json(await b.get('/api/staff/me/cover')).actingFor).toEqual([]);
    let back = await acceptedCase();
    back = await ok(
      await s.supervisor.post(`/api/cases/${back.id}/steps/${stepOf(back, 's3').id}/assign`, { userId: handlerId }),
    );
    expect(stepOf(back, 's3').assignee).toEqual({ id: handlerId, name: '杨帆' });
    expect(json(await s.handler.get('/api/backoffice/inbox/mine')).items.map((i: any) => i.stepId)).toContain(heldStep);
    // What B was given stays with B.
    expect(json(await b.get('/api/backoffice/inbox/mine')).items.map((i: any) => i.stepId)).toContain(
      stepOf(c, 's3').id,
    );

    // A and B away at once: the supervisor's board shows A uncovered, and A's new work stays with A (nobody to take it).
    await approvedLeave(b, s.handler, handlerId, 1);
    await approvedLeave(s.handler, b, bId, 1);
    const board = json(await s.supervisor.get(`/api/supervision/board?hallId=${hallId}`));
    expect(board.uncoveredStaff).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '杨帆', reason: '请假', bName: '邹敏' })]),
    );
    let both = await acceptedCase();
    both = await ok(
      await s.supervisor.post(`/api/cases/${both.id}/steps/${stepOf(both, 's3').id}/assign`, { userId: handlerId }),
    );
    expect(stepOf(both, 's3').assignee.id).toBe(handlerId);
  });

  it('the alert sweep sends A’s alerts to B during the leave', async () => {
    hall.clock.advance(7 * 86_400_000);
    // Sessions idle for days have expired: sign in again.
    for (const p of ['clerk', 'handler', 'head', 'supervisor'] as const) s[p] = await signedIn(hall.app, p);
    const b = await signedIn(hall.app, 'sc_handler');
    const handlerId = await userId('handler');
    const bId = await userId('sc_handler');
    let c = await acceptedCase();
    c = await ok(await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/claim`));
    const stepId = stepOf(c, 's3').id;
    await approvedLeave(s.handler, b, bId, 20);
    hall.clock.advance(5 * 86_400_000); // past the step's 2 working days: red
    await sweepAlerts(hall.ctx);
    const to = (await hall.ctx.db.selectFrom('alerts').selectAll().where('step_id', '=', stepId).execute()).map(
      (a) => a.recipient_id,
    );
    expect(to).toContain(bId);
    expect(to).not.toContain(handlerId);
  });
});

describe('the staff file shows the training records', () => {
  // A fresh session: the clock has moved on in the tests before.
  let sup: Awaited<ReturnType<typeof signedIn>>;
  const year = () => Number(chinaDay(hall.clock.now()).slice(0, 4));
  /** A plan of the subject with one session of `hours` today; the results recorded by the supervisor. */
  async function trained(subject: string, hours: number, results: Record<string, unknown>[]) {
    const plan = await ok(
      await sup.post('/api/training/plans', {
        hallId,
        title: `${subject} 培训`,
        kind: 'internal',
        subject,
        year: year(),
        passScore: 60,
      }),
      201,
    );
    const withSession = await ok(
      await sup.post(`/api/training/plans/${plan.id}/sessions`, {
        day: chinaDay(hall.clock.now()),
        hours,
        place: '三楼培训室',
        trainer: '李秀英',
      }),
      201,
    );
    await ok(await sup.put(`/api/training/sessions/${withSession.sessions[0].id}/results`, { results }));
  }
  const fileOf = async (username: string) =>
    (await ok(await sup.get(`/api/staff/people?hallId=${hallId}`))).items.find(
      (p: { username: string }) => p.username === username,
    );

  it('pre-post, confidentiality and system-use passed, hours this year and certificates, as recorded', async () => {
    sup = await signedIn(hall.app, 'supervisor');
    const id = await userId('new_clerk');
    expect((await fileOf('new_clerk')).trainingStatus).toMatchObject({
      prePostPassed: false,
      confidentialityPassed: false,
      systemUsePassed: false,
      hoursThisYear: 0,
      certificates: [],
    });
    await trained('pre_post', 4, [{ userId: id, attended: true, score: 88, certificateNo: 'GQ-2026-007' }]);
    // Attended but failed: the hours count, the training is not passed.
    await trained('confidentiality', 2, [{ userId: id, attended: true, score: 40 }]);
    const status = (await fileOf('new_clerk')).trainingStatus;
    expect(status).toMatchObject({
      userId: id,
      prePostPassed: true,
      confidentialityPassed: false,
      systemUsePassed: false,
      hoursThisYear: 6,
    });
    // Only the pre-post training is required before a post: nothing is missing any more.
    expect(status.missing).toEqual([]);
    expect(status.certificates).toEqual([
      { no: 'GQ-2026-007', planTitle: 'pre_post 培训', day: chinaDay(hall.clock.now()) },
    ]);
    // Everyone of the hall has a status of their own.
    const all = (await ok(await sup.get(`/api/staff/people?hallId=${hallId}`))).items;
    expect(
      all.every((p: { userId: string; trainingStatus: { userId: string } }) => p.trainingStatus.userId === p.userId),
    ).toBe(true);
  });
});
