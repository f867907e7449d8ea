/**
 * 上级交办事项 (R19.15): tasks handed down by a superior authority, each owned by a person of the hall with a due day
 * (given, or counted in working days on the hall calendar from the day received). The owner reports progress and
 * completes with a note; an open task past its due day is overdue (red). Every change is on the task's trail and in
 * the audit log, in one transaction, guarded by the `updated_at` it was read with.
 */
import { type TaskStatus, taskOverdue } from '../../domain/reports/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { colleagueInHall, hallStaff } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';

const manages = (actor: Actor) => actor.permissions.has('report.manage');

function present(t: repo.TaskRow, events: repo.TaskEventRow[], today: string) {
  return {
    id: t.id,
    hallId: t.hall_id,
    authority: t.authority,
    documentNo: t.document_no,
    receivedDay: t.received_day,
    content: t.content,
    ownerId: t.owner_id,
    ownerName: t.owner_name,
    dueDay: t.due_day,
    dueWorkingDays: t.due_working_days === null ? null : Number(t.due_working_days),
    dueProvisional: Number(t.due_provisional) === 1,
    status: t.status as TaskStatus,
    overdue: taskOverdue({ status: t.status, dueDay: t.due_day }, today),
    completionNote: t.completion_note,
    completedDay: t.completed_day,
    createdByName: t.created_by_name,
    createdAt: Number(t.created_at),
    events: events
      .filter((e) => e.task_id === t.id)
      .map((e) => ({ action: e.action, note: e.note, byName: e.by_name, at: Number(e.at) })),
  };
}

async function visibleTask(ctx: AppContext, actor: Actor, id: string) {
  const t = await repo.findTask(ctx.db, id);
  // The owner sees their task; a manager sees the tasks of their halls.
  if (!t || !(t.owner_id === actor.userId || (manages(actor) && actor.hallIds.includes(t.hall_id))))
    throw outOfScope(notFound('交办事项', 'Task'), 'handed_down_task', id);
  return t;
}

export async function getTask(ctx: AppContext, actor: Actor, id: string) {
  const t = await visibleTask(ctx, actor, id);
  return present(t, await repo.taskEventsOf(ctx.db, [id]), chinaDay(ctx.clock.now()));
}

/** A manager's list of the hall's tasks, or (mine = 1, or for anyone without the permission) one's own open ones. */
export async function listTasks(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; status?: TaskStatus; mine?: '1' | '0'; overdue?: '1' | '0' },
) {
  const today = chinaDay(ctx.clock.now());
  const mine = q.mine === '1' || !manages(actor);
  const rows = await repo.listTasks(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    ownerId: mine ? actor.userId : undefined,
    status: q.overdue === '1' ? 'open' : q.status,
    dueBefore: q.overdue === '1' ? today : undefined,
  });
  const events = await repo.taskEventsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((t) => present(t, events, today));
  return { items, total: items.length };
}

/** What the workbench could count: one's own open tasks, and how many of them are overdue. */
export async function myOpenTaskCounts(ctx: AppContext, actor: Actor) {
  const { items } = await listTasks(ctx, actor, { mine: '1', status: 'open' });
  return { open: items.length, overdue: items.filter((t) => t.overdue).length };
}

async function ownerOf(ctx: AppContext, actor: Actor, ownerId: string, hallId: string) {
  const { user } = await colleagueInHall(ctx, actor, ownerId, hallId, 'ownerId');
  return user;
}

async function event(trx: Db, actor: Actor, taskId: string, action: string, note: string, now: number) {
  await repo.insertTaskEvent(trx, {
    id: newId(now),
    task_id: taskId,
    seq: await repo.nextEventSeq(trx, taskId),
    action,
    note,
    by_id: actor.userId,
    by_name: actor.displayName,
    at: now,
  });
}

export async function createTask(
  ctx: AppContext,
  actor: Actor,
  input: {
    hallId: string;
    authority: string;
    documentNo: string;
    receivedDay: string;
    content: string;
    ownerId: string;
    dueDay?: string;
    dueWorkingDays?: number;
  },
) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const today = chinaDay(now);
  if (input.receivedDay > today) throw invalid('receivedDay', '收文日期不能晚于今天', 'The day is in the future');
  if (!input.dueDay && !input.dueWorkingDays)
    throw invalid('dueDay', '请填写办结期限（日期或工作日数）', 'Give a due day or a number of working days');
  if (input.dueDay && input.dueWorkingDays)
    throw invalid('dueWorkingDays', '办结期限只能填写日期或工作日数之一', 'Give a due day or working days, not both');
  let dueDay = input.dueDay ?? '';
  let provisional = false;
  if (input.dueWorkingDays) {
    const d = (await calendarOf(ctx.db, input.hallId)).addWorkingDays(input.receivedDay, input.dueWorkingDays);
    dueDay = d.deadline;
    provisional = d.provisional;
  } else if (dueDay < input.receivedDay) {
    throw invalid('dueDay', '办结期限不能早于收文日期', 'The due day is before the day received');
  }
  const owner = await ownerOf(ctx, actor, input.ownerId, input.hallId);
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertTask(trx, {
      id,
      hall_id: input.hallId,
      authority: input.authority,
      document_no: input.documentNo,
      received_day: input.receivedDay,
      content: input.content,
      owner_id: owner.id,
      owner_name: owner.display_name,
      due_day: dueDay,
      due_working_days: input.dueWorkingDays ?? null,
      due_provisional: provisional ? 1 : 0,
      status: 'open',
      completion_note: null,
      completed_day: null,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
      updated_at: now,
    });
    await event(trx, actor, id, 'create', `交由 ${owner.display_name} 办理，${dueDay} 前办结`, now);
    await appendAudit(
      trx,
      byActor(actor, now, 'handed_down_task.create', 'handed_down_task', id, {
        authority: input.authority,
        documentNo: input.documentNo,
        ownerId: owner.id,
        dueDay,
      }),
    );
  });
  return getTask(ctx, actor, id);
}

async function move(
  ctx: AppContext,
  actor: Actor,
  t: repo.TaskRow,
  action: string,
  note: string,
  set: Partial<repo.TaskRow>,
  detail: Record<string, unknown>,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateTaskFrom(trx, t.id, Number(t.updated_at), { ...set, updated_at: now })))
      throw conflict('交办事项已被他人修改，请刷新', 'The task changed meanwhile; reload');
    await event(trx, actor, t.id, action, note, now);
    await appendAudit(trx, byActor(actor, now, `handed_down_task.${action}`, 'handed_down_task', t.id, detail));
  });
  return getTask(ctx, actor, t.id);
}

const refuseDone = () => conflict('该交办事项已办结', 'The task is already completed', 'status');

/** Re-assign the owner or move the due day (a manager). */
export async function updateTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { ownerId?: string; dueDay?: string; note: string },
) {
  const t = await visibleTask(ctx, actor, id);
  if (!manages(actor)) throw new AppError(403, 'FORBIDDEN', '只有主管或站长可以调整交办事项', 'Managers only');
  if (t.status === 'done') throw refuseDone();
  if (!input.ownerId && !input.dueDay) throw invalid('ownerId', '请选择新的责任人或办结期限', 'Nothing to change');
  if (input.dueDay && input.dueDay < t.received_day)
    throw invalid('dueDay', '办结期限不能早于收文日期', 'The due day is before the day received');
  const owner = input.ownerId ? await ownerOf(ctx, actor, input.ownerId, t.hall_id) : null;
  const set: Partial<repo.TaskRow> = {
    ...(owner ? { owner_id: owner.id, owner_name: owner.display_name } : {}),
    ...(input.dueDay ? { due_day: input.dueDay, due_working_days: null, due_provisional: 0 } : {}),
  };
  const said = [
    owner ? `责任人改为 ${owner.display_name}` : '',
    input.dueDay ? `期限改为 ${input.dueDay}` : '',
    input.note,
  ]
    .filter(Boolean)
    .join('；');
  return move(ctx, actor, t, 'update', said, set, {
    from: { ownerId: t.owner_id, dueDay: t.due_day },
    to: { ownerId: owner?.id ?? t.owner_id, dueDay: input.dueDay ?? t.due_day },
  });
}

function ownerOrManager(actor: Actor, t: repo.TaskRow) {
  if (t.owner_id !== actor.userId && !manages(actor))
    throw new AppError(403, 'FORBIDDEN', '只有责任人可以报告进展或办结', 'Only the owner reports on the task');
}

export async function reportProgress(ctx: AppContext, actor: Actor, id: string, note: string) {
  const t = await visibleTask(ctx, actor, id);
  ownerOrManager(actor, t);
  if (t.status === 'done') throw refuseDone();
  return move(ctx, actor, t, 'progress', note, {}, { note });
}

export async function completeTask(ctx: AppContext, actor: Actor, id: string, note: string) {
  const t = await visibleTask(ctx, actor, id);
  ownerOrManager(actor, t);
  if (t.status === 'done') throw refuseDone();
  const day = chinaDay(ctx.clock.now());
  return move(
    ctx,
    actor,
    t,
    'complete',
    note,
    { status: 'done', completion_note: note, completed_day: day },
    { from: 'open', to: 'done', completedDay: day, late: day > t.due_day },
  );
}

/** The people a task may be handed to: the hall's active staff (no administrators). */
export async function possibleOwners(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const staff = await hallStaff(ctx.db, [hallId]);
  const items = staff
    .map((u) => ({ id: u.id, displayName: u.display_name }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
  return { items, total: items.length };
}
