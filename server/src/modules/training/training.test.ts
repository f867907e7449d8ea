import { describe, expect, it } from 'vitest';
import { json, Session, signedIn } from '../../../test/helpers.ts';
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
import { chinaDay } from '../../platform/clock.ts';

withBackofficeHall();

const year = () => Number(chinaDay(hall.clock.now()).slice(0, 4));
const today = () => chinaDay(hall.clock.now());

async function windowOf(session: Session, number: number) {
  const windows = json(await session.get(`/api/queue/windows?hallId=${hallId}`)).items;
  return windows.find((w: { number: number }) => w.number === number).id as string;
}

/** A pre-post training plan with one session, as the supervisor keeps it. */
async function prePostSession(passScore = 60) {
  const plan = await ok(
    await s.supervisor.post('/api/training/plans', {
      hallId,
      title: '新进人员岗前培训',
      kind: 'internal',
      subject: 'pre_post',
      year: year(),
      passScore,
    }),
    201,
  );
  const withSession = await ok(
    await s.supervisor.post(`/api/training/plans/${plan.id}/sessions`, {
      day: today(),
      hours: 4,
      place: '三楼培训室',
      trainer: '李秀英',
    }),
    201,
  );
  return { planId: plan.id as string, sessionId: withSession.sessions[0].id as string };
}

describe('the post check (岗前培训)', () => {
  it('refuses an untrained new clerk at the window, naming the training, and lets them open once passed', async () => {
    const newClerk = await signedIn(hall.app, 'new_clerk');
    const me = json(await newClerk.get('/api/auth/me'));
    const windowId = await windowOf(newClerk, 6);
    const refused = await newClerk.post(`/api/queue/windows/${windowId}/open`);
    expect(refused.statusCode).toBe(403);
    expect(json(refused)).toMatchObject({ code: 'TRAINING_REQUIRED', missing: ['pre_post'] });
    expect(json(refused).message).toContain('岗前培训');
    // The refusal left no session behind.
    expect(json(await newClerk.get(`/api/queue/windows/${windowId}`)).session ?? null).toBeNull();

    const { sessionId } = await prePostSession(60);
    // Attended but failed the assessment: still refused.
    let plan = await ok(
      await s.supervisor.put(`/api/training/sessions/${sessionId}/results`, {
        results: [{ userId: me.id, attended: true, score: 55 }],
      }),
    );
    expect(plan.sessions[0].records[0]).toMatchObject({ userName: '孙悦', attended: true, score: 55, passed: false });
    expect((await newClerk.post(`/api/queue/windows/${windowId}/open`)).statusCode).toBe(403);

    // The retake is recorded as passed with its certificate: the window opens.
    plan = await ok(
      await s.supervisor.put(`/api/training/sessions/${sessionId}/results`, {
        results: [{ userId: me.id, attended: true, score: 86, certificateNo: 'GQ-2026-001' }],
      }),
    );
    expect(plan.sessions[0].records).toHaveLength(1);
    expect(plan.sessions[0].records[0]).toMatchObject({ passed: true, certificateNo: 'GQ-2026-001', hours: 4 });
    await ok(await newClerk.post(`/api/queue/windows/${windowId}/open`));
    const mine = json(await newClerk.get('/api/training/mine'));
    expect(mine.status).toMatchObject({ prePostPassed: true, missing: [], hoursThisYear: 4 });
    expect(mine.status.certificates).toEqual([expect.objectContaining({ no: 'GQ-2026-001' })]);
    // Both recordings are in the audit log, the correction with the value before it.
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'training.result.record')
      .where('target_id', '=', me.id)
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(String(audit[1]!.detail))).toMatchObject({ passed: true, before: { score: 55, passed: false } });
  });

  it('refuses a newly created handler when claiming a step, and lets them claim once passed', async () => {
    const secadmin = await signedIn(hall.app, 'secadmin');
    const created = await ok(
      await secadmin.post('/api/users', {
        username: 'sc_handler_new',
        displayName: '吴敏',
        roles: ['handler'],
        hallIds: [hallId],
        departmentIds: [sc],
        initialPassword: 'Start#2026a',
      }),
      201,
    );
    // A new account changes its initial password first, then signs in again.
    const u = new Session(hall.app);
    await u.login('sc_handler_new', 'Start#2026a');
    expect(
      (await u.post('/api/auth/password', { currentPassword: 'Start#2026a', newPassword: 'Fresh#2026b!' })).statusCode,
    ).toBe(204);
    await u.login('sc_handler_new', 'Fresh#2026b!');

    const c = await acceptedCase({}, '13712349901');
    const s3 = stepOf(c, 's3').id;
    const refused = await u.post(`/api/cases/${c.id}/steps/${s3}/claim`);
    expect(refused.statusCode).toBe(403);
    expect(json(refused)).toMatchObject({ code: 'TRAINING_REQUIRED' });
    expect(json(refused).message).toContain('岗前培训');

    const { sessionId } = await prePostSession(0);
    await ok(
      await s.supervisor.put(`/api/training/sessions/${sessionId}/results`, {
        results: [{ userId: created.id, attended: true }],
      }),
    );
    const claimed = await ok(await u.post(`/api/cases/${c.id}/steps/${s3}/claim`));
    expect(stepOf(claimed, 's3').assignee.name).toBe('吴敏');
  });

  it('lets the existing staff work as before: they count as trained', async () => {
    const status = json(await s.supervisor.get('/api/training/staff'));
    const byName = new Map(status.items.map((u: { displayName: string }) => [u.displayName, u]));
    expect(byName.get('张伟')).toMatchObject({ prePostPassed: true });
    expect(byName.get('李秀英')).toMatchObject({ prePostPassed: true });
  });
});

describe('plans, sessions and individual plans', () => {
  it('validates input field by field and keeps to the hall', async () => {
    const bad = json(
      await s.supervisor.post('/api/training/plans', { hallId, title: '', kind: 'internal', subject: 'x', year: 2026 }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect(['title', 'subject']).toContain(bad.field);
    const { planId, sessionId } = await prePostSession();
    expect(
      json(await s.supervisor.post(`/api/training/plans/${planId}/sessions`, { day: '2019-01-04', hours: 2 })),
    ).toMatchObject({ code: 'VALIDATION', field: 'day' });
    expect(
      json(
        await s.supervisor.put(`/api/training/sessions/${sessionId}/results`, {
          results: [{ userId: 'nobody', attended: true }],
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'results.0.userId' });
    const clerkId = json(await s.clerk.get('/api/auth/me')).id;
    expect(
      json(
        await s.supervisor.put(`/api/training/sessions/${sessionId}/results`, {
          results: [{ userId: clerkId, attended: false, score: 80 }],
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'results.0.score' });
    // A clerk does not manage training.
    expect((await s.clerk.get('/api/training/plans')).statusCode).toBe(403);
    expect((await s.clerk.get('/api/training/staff')).statusCode).toBe(403);
  });

  it('creates an individual plan for a person, which they see and complete', async () => {
    const clerkId = json(await s.clerk.get('/api/auth/me')).id;
    expect(
      json(
        await s.supervisor.post('/api/training/individual-plans', {
          userId: clerkId,
          goal: '提升企业开办业务熟练度',
          dueDay: '2020-01-01',
        }),
      ),
    ).toMatchObject({ field: 'dueDay' });
    const plan = await ok(
      await s.supervisor.post('/api/training/individual-plans', {
        userId: clerkId,
        goal: '提升企业开办业务熟练度',
        topics: '一网通办平台操作；容缺受理规则',
        dueDay: `${year()}-12-31`,
      }),
      201,
    );
    expect(plan).toMatchObject({ source: 'supervisor', status: 'open', userName: '张伟', overdue: false });
    const mine = json(await s.clerk.get('/api/training/mine'));
    expect(mine.plans.map((p: { id: string }) => p.id)).toContain(plan.id);
    // Someone else cannot close it; the person can, once.
    expect((await s.handler.post(`/api/training/individual-plans/${plan.id}/done`, {})).statusCode).toBe(404);
    expect(
      await ok(await s.clerk.post(`/api/training/individual-plans/${plan.id}/done`, { note: '已完成' })),
    ).toMatchObject({ status: 'done' });
    expect((await s.clerk.post(`/api/training/individual-plans/${plan.id}/done`, {})).statusCode).toBe(409);
    // A clerk reads their own training, not a colleague's.
    const handlerId = json(await s.handler.get('/api/auth/me')).id;
    expect((await s.clerk.get(`/api/training/people/${handlerId}`)).statusCode).toBe(403);
    expect((await s.supervisor.get(`/api/training/people/${clerkId}`)).statusCode).toBe(200);
  });
});
