import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { sweepCrowding } from './crowding.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let head: Session;
let hallId: string;
const ticketIds: string[] = [];
const MAX = 5;

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const categories = json(await clerk.get(`/api/queue/categories?hallId=${hallId}`)).items;
  for (let i = 0; i < MAX + 4; i++) {
    const res = await clerk.post('/api/queue/tickets', { hallId, categoryId: categories[i % categories.length].id });
    if (res.statusCode !== 201) throw new Error(res.body);
    ticketIds.push(json(res).id);
  }
});
afterAll(() => hall.close());

/** Leaves exactly n of the hall's test tickets waiting (the rest stand as served). */
async function waiting(n: number) {
  await hall.ctx.db.updateTable('queue_tickets').set({ status: 'done' }).where('hall_id', '=', hallId).execute();
  if (n > 0)
    await hall.ctx.db
      .updateTable('queue_tickets')
      .set({ status: 'waiting' })
      .where('id', 'in', ticketIds.slice(0, n))
      .execute();
}

const crowdingAlerts = async () =>
  (
    await hall.ctx.db
      .selectFrom('alerts')
      .select(['recipient_id', 'target_key'])
      .where('target_type', '=', 'crowding')
      .where('hall_id', '=', hallId)
      .execute()
  ).length;

const display = async () => json(await hall.app.inject({ method: 'GET', url: `/api/public/halls/${hallId}/display` }));

describe('客流拥挤报警: the sweep alerts the supervisor and station head once per crossing', () => {
  it('saves thresholds (validated) and reports the queue now', async () => {
    const bad = await supervisor.put('/api/emergency/crowding', { hallId, maxWaiting: 0, maxWaitMinutes: 30 });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('maxWaiting');
    expect((await clerk.put('/api/emergency/crowding', { hallId, maxWaiting: 5, maxWaitMinutes: 30 })).statusCode).toBe(
      403,
    );
    await waiting(0);
    const saved = await supervisor.put('/api/emergency/crowding', { hallId, maxWaiting: MAX, maxWaitMinutes: 600 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved)).toMatchObject({ maxWaiting: MAX, over: false, waiting: 0 });
  });

  it('fires once per crossing over random waiting-count sequences, not on every sweep (property)', async () => {
    const recipients = 2; // the demo hall's supervisor and station head
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: MAX + 4 }), { minLength: 1, maxLength: 8 }), async (seq) => {
        await waiting(0);
        await sweepCrowding(hall.ctx);
        const before = await crowdingAlerts();
        let expected = 0;
        let last = 0;
        for (const n of seq) {
          await waiting(n);
          await sweepCrowding(hall.ctx);
          // A second sweep over the same queue never alerts again.
          await sweepCrowding(hall.ctx);
          if (n > MAX && last <= MAX) expected += 1;
          last = n;
          const notice = json(
            await hall.app.inject({ method: 'GET', url: `/api/public/halls/${hallId}/crowding-notice` }),
          );
          expect(notice.notice === null).toBe(n <= MAX);
          // 拥挤提示上屏: the hall display carries the notice exactly while the alarm stands.
          expect((await display()).alarmNotice === null).toBe(n <= MAX);
        }
        expect(await crowdingAlerts()).toBe(before + expected * recipients);
      }),
      { numRuns: 15, endOnFailure: true },
    );
    const mine = json(await supervisor.get('/api/alerts'));
    expect(mine.items.some((a: any) => a.targetType === 'crowding' && a.caseId === null)).toBe(true);
  });
});

describe('拥挤提示上屏: the display shows the crowding notice from the crossing until the hall is calm', () => {
  const put = (body: Record<string, unknown>) =>
    supervisor.put('/api/emergency/crowding', { hallId, maxWaiting: MAX, maxWaitMinutes: 600, ...body });

  it('appears on a crossing, follows the text and the on/off setting while it stands, and goes when calm', async () => {
    await waiting(0);
    await sweepCrowding(hall.ctx);
    expect(json(await put({ notice: '', showNotice: true }))).toMatchObject({ code: 'VALIDATION', field: 'notice' });
    expect(json(await put({ notice: '人多请稍候', showNotice: true }))).toMatchObject({ showNotice: true });
    expect((await display()).alarmNotice).toBeNull();

    await waiting(MAX + 1);
    expect((await sweepCrowding(hall.ctx)).fired).toEqual([hallId]);
    expect((await display()).alarmNotice).toBe('人多请稍候');

    // Changing the text while crowded shows the new text at once; turning showing off takes it down, on brings it back.
    await put({ notice: '请扫码网上办理', showNotice: true });
    expect((await display()).alarmNotice).toBe('请扫码网上办理');
    expect(json(await put({ notice: '请扫码网上办理', showNotice: false }))).toMatchObject({
      showNotice: false,
      over: true,
    });
    expect((await display()).alarmNotice).toBeNull();
    expect(json(await hall.app.inject({ url: `/api/public/halls/${hallId}/crowding-notice` })).notice).toBeNull();
    await put({ notice: '请扫码网上办理', showNotice: true });
    expect((await display()).alarmNotice).toBe('请扫码网上办理');

    await waiting(MAX);
    await sweepCrowding(hall.ctx);
    expect((await display()).alarmNotice).toBeNull();
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', hallId)
      .where('action', 'in', ['crowding.alarm', 'crowding.calm', 'emergency.crowding_thresholds'])
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['crowding.alarm', 'crowding.calm', 'emergency.crowding_thresholds']),
    );
  });

  it('a crossing with showing off alarms the supervisors but leaves the display alone', async () => {
    await put({ notice: '人多请稍候', showNotice: false });
    await waiting(MAX + 2);
    expect((await sweepCrowding(hall.ctx)).fired).toEqual([hallId]);
    expect((await display()).alarmNotice).toBeNull();
    await waiting(0);
    await sweepCrowding(hall.ctx);
    await put({ notice: '人多请稍候', showNotice: true });
  });
  it('answers a saved threshold at once: one the queue already passes alarms now, one it no longer reaches calms it', async () => {
    await waiting(0);
    await sweepCrowding(hall.ctx);
    await waiting(3);
    const before = await crowdingAlerts();
    expect(json(await put({ maxWaiting: 2, notice: '人多请稍候', showNotice: true }))).toMatchObject({ over: true });
    expect((await display()).alarmNotice).toBe('人多请稍候');
    expect(await crowdingAlerts()).toBe(before + 2);
    // The minute's sweep that follows finds nothing new to say.
    expect((await sweepCrowding(hall.ctx)).fired).toEqual([]);
    expect(json(await put({ maxWaiting: MAX, notice: '人多请稍候', showNotice: true }))).toMatchObject({ over: false });
    expect((await display()).alarmNotice).toBeNull();
    expect(await crowdingAlerts()).toBe(before + 2);
  });
});

describe('应急预案, 演练 and the incident log', () => {
  it('edits a plan: the supervisor only, its hall kept, the field named, the change audited and the drills keep it', async () => {
    const body = {
      hallId,
      kind: 'crowding',
      title: '客流高峰应急预案',
      organisation: '窗口主管任组长',
      responseSteps: '1. 增开窗口',
      measures: '引导网上办理',
      recovery: '高峰过后恢复常态',
    };
    const plan = json(await supervisor.post('/api/emergency/plans', body));
    await supervisor.post('/api/emergency/drills', {
      planId: plan.id,
      day: '2026-02-20',
      participants: '王芳',
      review: '—',
    });
    hall.clock.advance(60_000);
    const edited = { ...body, title: '客流高峰应急预案（修订）', responseSteps: '1. 增开窗口\n2. 启用自助终端' };
    expect((await clerk.put(`/api/emergency/plans/${plan.id}`, edited)).statusCode).toBe(403);
    expect(json(await supervisor.put(`/api/emergency/plans/${plan.id}`, { ...edited, measures: ' ' })).field).toBe(
      'measures',
    );
    expect(
      json(await supervisor.put(`/api/emergency/plans/${plan.id}`, { ...edited, hallId: 'elsewhere' })).field,
    ).toBe('hallId');
    expect((await supervisor.put('/api/emergency/plans/nope', edited)).statusCode).toBe(404);
    const saved = await supervisor.put(`/api/emergency/plans/${plan.id}`, edited);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved)).toMatchObject({ title: '客流高峰应急预案（修订）', responseSteps: edited.responseSteps });
    expect(json(saved).updatedAt).toBeGreaterThan(plan.updatedAt);
    const listed = json(await clerk.get('/api/emergency/plans')).items.find((p: any) => p.id === plan.id);
    expect(listed.title).toBe('客流高峰应急预案（修订）');
    const drills = json(await clerk.get('/api/emergency/drills')).items.filter((d: any) => d.planId === plan.id);
    expect(drills[0].planTitle).toBe('客流高峰应急预案（修订）');
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', plan.id)
      .where('action', '=', 'emergency.plan_update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps plans and drills, opens an incident that alerts the supervisors, records actions and closes with a review', async () => {
    const plan = await supervisor.post('/api/emergency/plans', {
      hallId,
      kind: 'power_outage',
      title: '停电应急预案',
      organisation: '站长任组长，窗口主管任副组长',
      responseSteps: '1. 启用应急照明\n2. 启用纸质回执',
      measures: '引导群众有序等候',
      recovery: '来电后补录纸质回执',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const missing = await supervisor.post('/api/emergency/plans', { hallId, kind: 'other', title: ' ' });
    expect(json(missing)).toMatchObject({ code: 'VALIDATION' });
    const drill = await supervisor.post('/api/emergency/drills', {
      planId: json(plan).id,
      day: '2026-02-27',
      participants: '张伟、王芳、李强',
      review: '纸质回执领取顺畅，补录用时 15 分钟',
    });
    expect(drill.statusCode, drill.body).toBe(201);
    const future = await supervisor.post('/api/emergency/drills', {
      planId: json(plan).id,
      day: '2099-01-01',
      participants: '张伟',
      review: '—',
    });
    expect(json(future).field).toBe('day');
    expect(json(await clerk.get('/api/emergency/drills')).items[0]).toMatchObject({ planTitle: '停电应急预案' });

    const opened = await clerk.post('/api/emergency/incidents', {
      hallId,
      kind: 'system_failure',
      title: '受理系统无法访问',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = json(opened).id;
    const told = json(await head.get('/api/alerts')).items.find((a: any) => a.targetType === 'incident');
    expect(told.title).toContain('受理系统无法访问');
    hall.clock.advance(5 * 60_000);
    await clerk.post(`/api/emergency/incidents/${id}/actions`, { text: '启用纸质回执，通知信息科' });
    hall.clock.advance(5 * 60_000);
    const acted = json(await clerk.post(`/api/emergency/incidents/${id}/actions`, { text: '系统恢复，开始补录' }));
    expect(acted.actions.map((a: any) => a.text)).toEqual(['启用纸质回执，通知信息科', '系统恢复，开始补录']);
    expect((await clerk.post(`/api/emergency/incidents/${id}/close`, { review: '—' })).statusCode).toBe(403);
    const closed = await supervisor.post(`/api/emergency/incidents/${id}/close`, { review: '10 分钟恢复，补录 6 件' });
    expect(json(closed)).toMatchObject({ status: 'closed', review: '10 分钟恢复，补录 6 件' });
    expect((await supervisor.post(`/api/emergency/incidents/${id}/close`, { review: 'x' })).statusCode).toBe(409);
    expect((await clerk.post(`/api/emergency/incidents/${id}/actions`, { text: 'x' })).statusCode).toBe(409);
  });

  it('prints the blank paper receipt as an A4 PDF', async () => {
    const res = await clerk.get(`/api/emergency/paper-receipt.pdf?hallId=${hallId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
