/**
 * 上级交办事项 over the API, on both databases: the station head hands a task to a clerk with a due day counted in
 * working days on the hall calendar (over the 清明 holiday), the clerk sees it among their own, reports progress, it
 * turns overdue the day after its due day and is listed as such, and the clerk completes it; every change is on the
 * task's trail and in the audit log; refusals name their field; others cannot see or work it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hall, hallId, s, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { json, type Session, signedIn } from '../../../test/helpers.ts';
import { calendarOf } from '../calendar/service.ts';
import { myOpenTaskCounts } from './service.ts';

withBackofficeHall();

const at = (day: string, hh = 10) => Date.parse(`${day}T${String(hh).padStart(2, '0')}:00:00+08:00`);
let head: Session;
let clerk: Session;
let clerkId: string;
let task: any;

async function signInAll() {
  head = await signedIn(hall.app, 'head');
  clerk = await signedIn(hall.app, 'clerk');
}

beforeAll(async () => {
  clerkId = json(await s.clerk.get('/api/auth/me')).id;
  hall.clock.set(at('2026-04-02'));
  await signInAll();
});

const input = (over: Record<string, unknown> = {}) => ({
  hallId,
  authority: '市政务服务管理局',
  documentNo: '政服办〔2026〕7号',
  receivedDay: '2026-04-02',
  content: '报送一季度“高效办成一件事”推进情况',
  ownerId: clerkId,
  dueWorkingDays: 3,
  ...over,
});

describe('a task handed down', () => {
  it('is due on the hall calendar: three working days after Thursday 2 April skip 清明 (4–6 April)', async () => {
    const res = await head.post('/api/handed-down-tasks', input());
    expect(res.statusCode, res.body).toBe(201);
    task = json(res);
    const expected = (await calendarOf(hall.ctx.db, hallId)).addWorkingDays('2026-04-02', 3).deadline;
    expect(expected).toBe('2026-04-08');
    expect(task).toMatchObject({ dueDay: '2026-04-08', dueWorkingDays: 3, status: 'open', overdue: false });
    expect(task.ownerName).toBe(json(await clerk.get('/api/auth/me')).displayName);
  });

  it('is registered once when the same request is retried with its Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'task-retry-1' };
    const body = input({ content: '重复提交的交办事项' });
    const first = json(await head.post('/api/handed-down-tasks', body, key));
    const again = json(await head.post('/api/handed-down-tasks', body, key));
    expect(again.id).toBe(first.id);
    const same = json(await head.get(`/api/handed-down-tasks?hallId=${hallId}`)).items.filter(
      (t: any) => t.content === '重复提交的交办事项',
    );
    expect(same).toHaveLength(1);
    await head.post(`/api/handed-down-tasks/${first.id}/complete`, { note: '测试完毕' });
  });

  it('is among the owner’s own open tasks, and the owner reports progress', async () => {
    const mine = json(await clerk.get('/api/handed-down-tasks?mine=1&status=open')).items;
    expect(mine.map((t: any) => t.id)).toEqual([task.id]);
    expect(await myOpenTaskCounts(hall.ctx, { ...(await actorOf('clerk')) })).toEqual({ open: 1, overdue: 0 });
    const res = await clerk.post(`/api/handed-down-tasks/${task.id}/progress`, { note: '已收集各窗口数据' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).events.map((e: any) => e.action)).toEqual(['create', 'progress']);
  });

  it('turns overdue (red) the day after its due day and is listed as overdue', async () => {
    hall.clock.set(at('2026-04-08', 17));
    await signInAll();
    expect(json(await head.get(`/api/handed-down-tasks/${task.id}`)).overdue).toBe(false);
    expect(json(await head.get(`/api/handed-down-tasks?hallId=${hallId}&overdue=1`)).items).toHaveLength(0);
    hall.clock.set(at('2026-04-09', 9));
    await signInAll();
    expect(json(await head.get(`/api/handed-down-tasks/${task.id}`)).overdue).toBe(true);
    const overdue = json(await head.get(`/api/handed-down-tasks?hallId=${hallId}&overdue=1`)).items;
    expect(overdue.map((t: any) => t.id)).toEqual([task.id]);
  });

  it('is completed by its owner with a note, once; every change audited', async () => {
    const res = await clerk.post(`/api/handed-down-tasks/${task.id}/complete`, { note: '已按要求报送' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({
      status: 'done',
      overdue: false,
      completionNote: '已按要求报送',
      completedDay: '2026-04-09',
    });
    const again = await clerk.post(`/api/handed-down-tasks/${task.id}/complete`, { note: '再次' });
    expect(again.statusCode).toBe(409);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', task.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'handed_down_task.create',
      'handed_down_task.progress',
      'handed_down_task.complete',
    ]);
    expect(json(await clerk.get('/api/handed-down-tasks?mine=1&status=open')).items).toHaveLength(0);
  });

  it('is re-assigned by a manager with a new due day', async () => {
    const t = json(
      await head.post('/api/handed-down-tasks', input({ dueWorkingDays: undefined, dueDay: '2026-04-30' })),
    );
    const handlerId = json(await (await signedIn(hall.app, 'handler')).get('/api/auth/me')).id;
    const res = await head.patch(`/api/handed-down-tasks/${t.id}`, { ownerId: handlerId, dueDay: '2026-05-08' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ ownerId: handlerId, dueDay: '2026-05-08', dueWorkingDays: null });
    // The former owner no longer sees it, nor may work it.
    expect((await clerk.get(`/api/handed-down-tasks/${t.id}`)).statusCode).toBe(404);
    expect((await clerk.post(`/api/handed-down-tasks/${t.id}/complete`, { note: 'x' })).statusCode).toBe(404);
  });
});

describe('refusals', () => {
  it('name the field', async () => {
    for (const [over, field] of [
      [{ dueWorkingDays: undefined }, 'dueDay'],
      [{ dueDay: '2026-05-01' }, 'dueWorkingDays'],
      [{ dueWorkingDays: undefined, dueDay: '2026-03-01' }, 'dueDay'],
      [{ receivedDay: '2026-05-01' }, 'receivedDay'],
      [{ authority: '' }, 'authority'],
      [{ ownerId: 'nobody' }, 'ownerId'],
      [{ dueWorkingDays: 0 }, 'dueWorkingDays'],
      [{ receivedDay: '2026-02-30' }, 'receivedDay'],
      [{ dueWorkingDays: undefined, dueDay: '2026-13-01' }, 'dueDay'],
    ] as const) {
      const res = await head.post('/api/handed-down-tasks', input(over));
      expect(res.statusCode, `${field} ${res.body}`).toBe(400);
      expect(json(res).field).toBe(field);
    }
    const townClerk = json(await (await signedIn(hall.app, 'town_clerk')).get('/api/auth/me')).id;
    expect(json(await head.post('/api/handed-down-tasks', input({ ownerId: townClerk }))).field).toBe('ownerId');
    expect(json(await clerk.post(`/api/handed-down-tasks/${task.id}/progress`, { note: '' })).field).toBe('note');
  });

  it('keep the hall’s tasks to its managers', async () => {
    expect((await clerk.post('/api/handed-down-tasks', input())).statusCode).toBe(403);
    const reviewer = await signedIn(hall.app, 'reviewer');
    expect((await reviewer.get(`/api/handed-down-tasks/${task.id}`)).statusCode).toBe(404);
    expect(json(await reviewer.get(`/api/handed-down-tasks?hallId=${hallId}`)).items).toHaveLength(0);
    const townHead = await signedIn(hall.app, 'town_head');
    expect((await townHead.get(`/api/handed-down-tasks/${task.id}`)).statusCode).toBe(404);
  });
});

async function actorOf(username: string) {
  const user = await hall.ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    username,
    displayName: username,
    roles: ['clerk'],
    permissions: new Set<never>(),
    hallIds: [hallId],
    departmentIds: [],
    mustChangePassword: false,
    sessionId: 'x',
    ip: null,
  };
}
