import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../platform/clock.ts';
import { json, signedIn } from '../../../test/helpers.ts';
import { nextResidentId } from '../../../test/intake-fixtures.ts';
import {
  acceptedCase,
  hall,
  hallId,
  leaderItemId,
  ok,
  other,
  s,
  sc,
  stepOf,
  withBackofficeHall,
} from '../../../test/backoffice-fixtures.ts';
import { calendarOf } from '../calendar/service.ts';

withBackofficeHall();

async function toApproval(c: any) {
  await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, {}));
  const d = await ok(await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, {}));
  expect(d.state).toBe('in_approval');
  return d;
}

describe('routing, claiming and refusals', () => {
  it('reroutes with a reason and a new slip, assigns and hands over within the department', async () => {
    let c = await acceptedCase();
    expect((await s.handler.post(`/api/cases/${c.id}/reroute`, { departmentId: other, reason: 'x' })).statusCode).toBe(
      403,
    );
    expect(json(await s.router.post(`/api/cases/${c.id}/reroute`, { departmentId: other }))).toMatchObject({
      field: 'reason',
    });
    const s3 = stepOf(c, 's3').id;
    c = await ok(
      await s.router.post(`/api/cases/${c.id}/reroute`, {
        departmentId: other,
        reason: '属市场监管所职责',
        stepId: s3,
      }),
    );
    expect(stepOf(c, 's3').departmentId).toBe(other);
    expect(c.routingSlips.at(-1)).toMatchObject({ departmentId: other, handedOverBy: '陈静' });
    expect(c.events.at(-1)).toMatchObject({
      action: 'reroute',
      detail: expect.objectContaining({ reason: '属市场监管所职责' }),
    });
    // The handler is not in that department now.
    expect((await s.handler.post(`/api/cases/${c.id}/steps/${s3}/claim`)).statusCode).toBe(403);
    c = await ok(
      await s.router.post(`/api/cases/${c.id}/reroute`, { departmentId: sc, reason: '改回食品科', stepId: s3 }),
    );

    const handlerId = json(await s.handler.get('/api/auth/me')).id;
    const reviewerId = json(await s.reviewer.get('/api/auth/me')).id;
    const clerkId = json(await s.clerk.get('/api/auth/me')).id;
    // The people a step of the department can go to: its own staff, not the front desk.
    const colleagues = json(await s.supervisor.get(`/api/backoffice/colleagues?departmentId=${sc}`)).items.map(
      (u: { id: string }) => u.id,
    );
    expect(colleagues).toEqual(expect.arrayContaining([handlerId, reviewerId]));
    expect(colleagues).not.toContain(clerkId);
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.get(`/api/backoffice/colleagues?departmentId=${sc}`)).statusCode).toBe(404);
    expect(json(await s.supervisor.post(`/api/cases/${c.id}/steps/${s3}/assign`, { userId: clerkId }))).toMatchObject({
      field: 'userId',
    });
    const inspector = await signedIn(hall.app, 'inspector');
    expect((await inspector.post(`/api/cases/${c.id}/steps/${s3}/assign`, { userId: handlerId })).statusCode).toBe(403);
    c = await ok(
      await s.supervisor.post(`/api/cases/${c.id}/steps/${s3}/assign`, { userId: handlerId, note: '请优先办理' }),
    );
    expect(stepOf(c, 's3').assignee.name).toBe('杨帆');
    expect((await s.reviewer.post(`/api/cases/${c.id}/steps/${s3}/hand-over`, { userId: reviewerId })).statusCode).toBe(
      403,
    );
    // The step goes only to a colleague holding its post (后台办理员) in its department.
    expect(
      json(await s.handler.post(`/api/cases/${c.id}/steps/${s3}/hand-over`, { userId: reviewerId, note: '本人休假' })),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'userId',
      message: '该人员不在「现场核查」环节的岗位（后台办理员）上',
    });
    const secadmin = await signedIn(hall.app, 'secadmin');
    const created = await secadmin.post('/api/users', {
      username: 'sc_handler2',
      displayName: '周晓',
      roles: ['handler'],
      hallIds: [hallId],
      departmentIds: [sc],
      initialPassword: 'Start#2026a',
    });
    expect(created.statusCode, created.body).toBe(201);
    const handler2Id = json(created).id as string;
    // A new colleague takes no step before the pre-post training (岗前培训) is recorded as passed.
    expect(
      json(await s.handler.post(`/api/cases/${c.id}/steps/${s3}/hand-over`, { userId: handler2Id, note: '本人休假' })),
    ).toMatchObject({ field: 'userId', message: '周晓尚未通过岗前培训，不能接办环节' });
    const plan = json(
      await s.supervisor.post('/api/training/plans', {
        hallId,
        title: '新进人员岗前培训',
        kind: 'internal',
        subject: 'pre_post',
        year: Number(chinaDay(hall.clock.now()).slice(0, 4)),
      }),
    );
    const session = json(
      await s.supervisor.post(`/api/training/plans/${plan.id}/sessions`, { day: chinaDay(hall.clock.now()), hours: 4 }),
    ).sessions[0];
    expect(
      (
        await s.supervisor.put(`/api/training/sessions/${session.id}/results`, {
          results: [{ userId: handler2Id, attended: true, score: 90 }],
        })
      ).statusCode,
    ).toBe(200);
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/steps/${s3}/hand-over`, { userId: handler2Id, note: '本人休假' }),
    );
    expect(stepOf(c, 's3').assignee.name).toBe('周晓');
    // The case list's person filter finds the case by the person now holding its step.
    const byPerson = json(await s.supervisor.get(`/api/cases?personId=${handler2Id}&pageSize=100`)).items.map(
      (x: { id: string }) => x.id,
    );
    expect(byPerson).toContain(c.id);
    expect(c.events.at(-1)).toMatchObject({
      action: 'handOverStep',
      detail: expect.objectContaining({ fromAssignee: '杨帆', toAssignee: '周晓', note: '本人休假' }),
    });
  });

  it('keeps leader-level and escalated approvals for the station head', async () => {
    let c = await toApproval(await acceptedCase({}, '13712340002', leaderItemId));
    expect(json(await s.approver.post(`/api/cases/${c.id}/approval/approve`, {}))).toMatchObject({ code: 'FORBIDDEN' });
    c = await ok(await s.head.post(`/api/cases/${c.id}/approval/approve`, {}));
    expect(c.state).toBe('approved');

    let d = await toApproval(await acceptedCase({}, '13712340003'));
    expect(json(await s.approver.post(`/api/cases/${d.id}/approval/escalate`, {}))).toMatchObject({ field: 'reason' });
    d = await ok(await s.approver.post(`/api/cases/${d.id}/approval/escalate`, { reason: '对适用条款有不同意见' }));
    expect(d).toMatchObject({ state: 'in_approval', approvalEscalated: true });
    expect((await s.approver.post(`/api/cases/${d.id}/approval/deny`, { reason: '不符合条件' })).statusCode).toBe(403);
    d = await ok(await s.head.post(`/api/cases/${d.id}/approval/deny`, { reason: '经营场所不符合卫生条件' }));
    expect(d.state).toBe('denied');
    expect(json(await s.handler.post(`/api/cases/${d.id}/complete`, { outcome: 'success' }))).toMatchObject({
      field: 'outcome',
    });
    expect(
      json(
        await s.handler.post(`/api/cases/${d.id}/complete`, { outcome: 'failure', reason: '经营场所不符合卫生条件' }),
      ),
    ).toMatchObject({ field: 'remedy' });
    d = await ok(
      await s.handler.post(`/api/cases/${d.id}/complete`, {
        outcome: 'failure',
        reason: '经营场所不符合卫生条件',
        remedy: '整改后可重新申请；对决定不服的，可于60日内申请行政复议',
      }),
    );
    expect(d).toMatchObject({ state: 'completed', outcome: 'failure' });
    d = await ok(await s.feedback.post(`/api/cases/${d.id}/notify`, { channel: 'sms' }));
    expect(d.state).toBe('awaiting_collection');
    d = await ok(
      await s.clerk.post(`/api/cases/${d.id}/mail`, { carrier: '中国邮政EMS', trackingNumber: 'EA123456789CN' }),
    );
    expect(d.deliveries[0]).toMatchObject({ method: 'mail', trackingNumber: 'EA123456789CN' });
  });

  it('lets the approver return a case for rework with reasons', async () => {
    let c = await toApproval(await acceptedCase({}, '13712340004'));
    expect((await s.approver.post(`/api/cases/${c.id}/review/return`, { reason: 'x' })).statusCode).toBe(403);
    expect(json(await s.approver.post(`/api/cases/${c.id}/approval/deny`, {}))).toMatchObject({ field: 'reason' });
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/return`, { reason: '缺少现场核查记录' }));
    expect(c.state).toBe('returned_for_rework');
    expect(c.events.at(-1)).toMatchObject({
      action: 'returnForRework',
      fromState: 'in_approval',
      toState: 'returned_for_rework',
      by: '赵磊',
    });
    expect(
      (await s.router.post(`/api/cases/${c.id}/reroute`, { departmentId: sc, reason: '重新分派' })).statusCode,
    ).toBe(200);
  });

  it('refuses moves the state machine does not allow', async () => {
    const c = await acceptedCase();
    expect(json(await s.clerk.post(`/api/cases/${c.id}/verification/answer`, { answer: 'x' }))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    expect((await s.approver.post(`/api/cases/${c.id}/approval/approve`, {})).statusCode).toBe(409);
    expect((await s.handler.post(`/api/cases/${c.id}/rework/start`)).statusCode).toBe(409);
    expect(
      (
        await s.clerk.post(`/api/cases/${c.id}/collect`, {
          collectedBy: 'x',
          docType: 'resident_id',
          docNumber: nextResidentId(),
        })
      ).statusCode,
    ).toBe(409);
    expect((await s.clerk.post(`/api/cases/${c.id}/archive`, {})).statusCode).toBe(409);
    expect((await s.router.post(`/api/cases/${c.id}/verification`, { question: 'x' })).statusCode).toBe(403);
    expect((await s.head.get(`/api/cases/${c.id}/archive`)).statusCode).toBe(404);
  });

  it('finds steps stuck at hand-over after a working day unclaimed', async () => {
    const c = await acceptedCase();
    const stuckIds = async (q = '') =>
      json(await s.router.get(`/api/backoffice/stuck${q}`)).items.map((i: any) => i.stepId);
    expect(await stuckIds()).not.toContain(stepOf(c, 's2').id);
    const calendar = await calendarOf(hall.ctx.db, hallId);
    const start = chinaDay(hall.clock.now());
    // Move to the second working day after activation.
    const target = calendar.addWorkingDays(start, 2).deadline;
    hall.clock.set(Date.parse(`${target}T02:00:00Z`));
    s.router = await signedIn(hall.app, 'router'); // the earlier session timed out meanwhile
    expect(await stuckIds()).toContain(stepOf(c, 's2').id);
    expect(await stuckIds('?workingDays=2')).not.toContain(stepOf(c, 's2').id);
    expect((await (await signedIn(hall.app, 'clerk')).get('/api/backoffice/stuck')).statusCode).toBe(403);
  });
});
