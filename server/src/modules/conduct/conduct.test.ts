import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { chinaDay } from '../../platform/clock.ts';
import { calendarOf } from '../calendar/service.ts';

let hall: TestHall;
let supervisor: Session;
let clerk: Session;
let handler: Session;
let hallId: string;
let clerkId: string;
let handlerId: string;

async function signInAll() {
  supervisor = await signedIn(hall.app, 'supervisor');
  clerk = await signedIn(hall.app, 'clerk');
  handler = await signedIn(hall.app, 'handler');
}

beforeAll(async () => {
  hall = await buildTestHall();
  await signInAll();
  const me = json(await clerk.get('/api/auth/me'));
  hallId = me.halls[0].id;
  clerkId = me.id;
  handlerId = json(await handler.get('/api/auth/me')).id;
});
afterAll(() => hall.close());

const today = () => chinaDay(hall.clock.now());

describe('discipline and rewards (奖惩)', () => {
  const warning = () => ({
    userId: clerkId,
    kind: 'sanction',
    category: 'service',
    measure: 'warning',
    facts: '3月1日上午窗口服务中与群众发生争执，经核实属实',
    occurredOn: today(),
  });

  it('refuses bad input naming the field', async () => {
    expect(json(await supervisor.post('/api/conduct/records', { ...warning(), measure: 'bonus' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'measure',
    });
    expect(json(await supervisor.post('/api/conduct/records', { ...warning(), facts: '' }))).toMatchObject({
      field: 'facts',
    });
    expect(
      json(await supervisor.post('/api/conduct/records', { ...warning(), occurredOn: '2099-01-01' })),
    ).toMatchObject({ field: 'occurredOn' });
    expect(json(await supervisor.post('/api/conduct/records', { ...warning(), userId: 'nobody' }))).toMatchObject({
      field: 'userId',
    });
    const self = json(await supervisor.get('/api/auth/me')).id;
    expect(json(await supervisor.post('/api/conduct/records', { ...warning(), userId: self }))).toMatchObject({
      field: 'userId',
    });
    expect((await clerk.post('/api/conduct/records', warning())).statusCode).toBe(403);
  });

  it('waits for the person’s acknowledgement, which only they give, once', async () => {
    const res = await supervisor.post('/api/conduct/records', warning());
    expect(res.statusCode, res.body).toBe(201);
    const rec = json(res);
    expect(rec).toMatchObject({
      status: 'pending_ack',
      measureLabel: '警告',
      userName: '张伟',
      recordedByName: '李秀英',
    });

    const work = json(await clerk.get('/api/my/work'));
    expect(work.pendingAcknowledgements.map((r: { id: string }) => r.id)).toEqual([rec.id]);
    // Neither the supervisor who recorded it nor a colleague can acknowledge for the person.
    expect(json(await supervisor.post(`/api/conduct/records/${rec.id}/acknowledge`, {}))).toMatchObject({
      code: 'ACK_REFUSED',
      message: '只有本人可以签收确认该记录',
    });
    expect((await handler.post(`/api/conduct/records/${rec.id}/acknowledge`, {})).statusCode).toBe(404);

    hall.clock.advance(60_000);
    const acked = json(
      await clerk.post(`/api/conduct/records/${rec.id}/acknowledge`, { note: '已知悉，今后注意服务态度' }),
    );
    expect(acked).toMatchObject({ status: 'acknowledged', ackNote: '已知悉，今后注意服务态度' });
    expect(acked.acknowledgedAt).toBe(hall.clock.now());
    expect((await clerk.post(`/api/conduct/records/${rec.id}/acknowledge`, {})).statusCode).toBe(409);
    expect(json(await clerk.get('/api/my/work')).pendingAcknowledgements).toEqual([]);

    const listed = json(await supervisor.get(`/api/conduct/records?userId=${clerkId}&status=acknowledged`));
    expect(listed.items.map((r: { id: string }) => r.id)).toContain(rec.id);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('action', 'in', ['conduct.record', 'conduct.acknowledge'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['conduct.record', 'conduct.acknowledge']);
    expect(audit[1]!.user_id).toBe(clerkId);
  });

  it('records once when a retried request carries the same Idempotency-Key', async () => {
    const body = { ...warning(), userId: handlerId, facts: '重复提交测试：离岗未报备' };
    const key = { 'idempotency-key': 'conduct-retry-1' };
    const first = await supervisor.post('/api/conduct/records', body, key);
    const again = await supervisor.post('/api/conduct/records', body, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(json(again).id).toBe(json(first).id);
    const listed = json(await supervisor.get(`/api/conduct/records?userId=${handlerId}`)).items;
    expect(listed.filter((r: { facts: string }) => r.facts === body.facts)).toHaveLength(1);
  });

  it('records rewards the same way', async () => {
    const reward = json(
      await supervisor.post('/api/conduct/records', {
        userId: handlerId,
        kind: 'reward',
        category: 'training',
        measure: 'commendation',
        facts: '岗位练兵考核第一名',
        occurredOn: today(),
      }),
    );
    expect(reward).toMatchObject({ kind: 'reward', measureLabel: '通报表扬', status: 'pending_ack' });
    const pending = json(await handler.get('/api/my/work')).pendingAcknowledgements;
    expect(pending.map((r: { kind: string }) => r.kind).sort()).toEqual(['reward', 'sanction']);
  });
});

describe('regular meetings (例会) and their follow-ups', () => {
  it('dates each follow-up in working days on the hall calendar and shows it in its owner’s list', async () => {
    // The hall closes on Wednesday 4 March 2026: the follow-up due in 3 working days moves to Friday.
    const sysadmin = await signedIn(hall.app, 'sysadmin');
    const closed = await sysadmin.put(`/api/calendar/halls/${hallId}/days/2026-03-04`, {
      kind: 'closed',
      note: '设备检修',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const heldOn = today();
    expect(heldOn).toBe('2026-03-02');
    const res = await supervisor.post('/api/meetings', {
      hallId,
      title: '3月第一周窗口例会',
      heldOn,
      minutes: '一、通报上周办件情况；二、部署企业开办提速工作。',
      attendeeIds: [clerkId, handlerId],
      tasks: [
        { ownerId: clerkId, content: '整理企业开办一次性告知单', workingDays: 3 },
        { ownerId: handlerId, content: '核对食品经营许可积压件', workingDays: 1 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const meeting = json(res);
    const calendar = await calendarOf(hall.ctx.db, hallId);
    expect(meeting.tasks.map((t: { ownerName: string; dueDay: string }) => [t.ownerName, t.dueDay])).toEqual([
      ['杨帆', calendar.addWorkingDays(heldOn, 1).deadline],
      ['张伟', '2026-03-06'],
    ]);
    expect(meeting.attendees.map((a: { name: string }) => a.name).sort()).toEqual(['张伟', '杨帆'].sort());

    let mine = json(await clerk.get('/api/my/work')).tasks;
    expect(mine).toEqual([
      expect.objectContaining({ content: '整理企业开办一次性告知单', dueDay: '2026-03-06', light: 'open' }),
    ]);
    // Past its due day and not done: overdue (shown red).
    hall.clock.advance(5 * 86_400_000);
    // Five days on, everyone signs in again.
    await signInAll();
    mine = json(await clerk.get('/api/my/work')).tasks;
    expect(mine[0]).toMatchObject({ light: 'overdue' });

    expect((await handler.post(`/api/meeting-tasks/${mine[0].id}/done`, {})).statusCode).toBe(404);
    const done = json(await clerk.post(`/api/meeting-tasks/${mine[0].id}/done`, { note: '已印发' }));
    expect(done).toMatchObject({ status: 'done', light: 'done', doneNote: '已印发' });
    expect(json(await clerk.get('/api/my/work')).tasks).toEqual([]);
    expect(json(await clerk.get('/api/my/work?includeDone=true')).tasks).toHaveLength(1);
  });

  it('refuses attendees and owners outside the hall, naming the field', async () => {
    const base = { hallId, title: '例会', heldOn: today(), minutes: '纪要' };
    expect(json(await supervisor.post('/api/meetings', { ...base, attendeeIds: ['x'] }))).toMatchObject({
      field: 'attendeeIds.0',
    });
    expect(
      json(
        await supervisor.post('/api/meetings', {
          ...base,
          attendeeIds: [clerkId],
          tasks: [{ ownerId: 'x', content: '事项', workingDays: 2 }],
        }),
      ),
    ).toMatchObject({ field: 'tasks.0.ownerId' });
    expect(json(await supervisor.post('/api/meetings', { ...base, attendeeIds: [] }))).toMatchObject({
      field: 'attendeeIds',
    });
    const before = json(await supervisor.get('/api/meetings')).total;
    expect(before).toBe(1);
  });
});
