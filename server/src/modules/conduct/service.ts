/**
 * 奖惩 and 例会 (R10.5, R10.6, R19.10): discipline and reward records that the person acknowledges (签收确认),
 * and regular meetings with minutes and follow-up tasks due in working days on the hall calendar, which show in
 * their owner's own work list.
 */
import {
  acknowledgementRefusal,
  type ConductCategory,
  type ConductKind,
  conductMeasureLabels,
  isMeasureOf,
  taskLight,
} from '../../domain/people/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageWindow } from '../../platform/schemas.ts';
import { colleagueInHall as colleagueIn, displayNameMap as namesOf } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { ConductInput, MeetingInput } from './schema.ts';

const manages = (actor: Actor) => actor.permissions.has('conduct.manage');

function presentConduct(r: repo.ConductRow, names: Map<string, string>) {
  return {
    id: r.id,
    userId: r.user_id,
    userName: names.get(r.user_id) ?? '',
    kind: r.kind as ConductKind,
    category: r.category as ConductCategory,
    measure: r.measure,
    measureLabel: conductMeasureLabels[r.measure as keyof typeof conductMeasureLabels] ?? r.measure,
    facts: r.facts,
    occurredOn: r.occurred_on,
    status: r.status as 'pending_ack' | 'acknowledged',
    ackNote: r.ack_note,
    acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at),
    recordedByName: r.recorded_by_name,
    createdAt: Number(r.created_at),
  };
}

async function presentConducts(ctx: AppContext, rows: repo.ConductRow[]) {
  const names = await namesOf(
    ctx.db,
    rows.map((r) => r.user_id),
  );
  return rows.map((r) => presentConduct(r, names));
}

/** 记录奖惩: the facts and the measure; the record waits for the person's acknowledgement. */
export async function recordConduct(ctx: AppContext, actor: Actor, input: ConductInput) {
  if (!isMeasureOf(input.kind, input.measure))
    throw invalid(
      'measure',
      input.kind === 'sanction' ? '请选择有效的处理措施' : '请选择有效的奖励方式',
      'Choose a measure of this kind',
    );
  const { user, hallId } = await colleagueIn(ctx, actor, input.userId, null, 'userId');
  if (user.id === actor.userId)
    throw invalid('userId', '不能为本人登记奖惩记录', 'You cannot record discipline or rewards for yourself');
  const now = ctx.clock.now();
  if (input.occurredOn > chinaDay(now))
    throw invalid('occurredOn', '发生日期不能晚于今天', 'The day cannot be in the future');
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertConduct(trx, {
      id,
      hall_id: hallId,
      user_id: user.id,
      kind: input.kind,
      category: input.category,
      measure: input.measure,
      facts: input.facts,
      occurred_on: input.occurredOn,
      status: 'pending_ack',
      ack_note: null,
      acknowledged_at: null,
      recorded_by: actor.userId,
      recorded_by_name: actor.displayName,
      created_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'conduct.record', 'user', user.id, {
        recordId: id,
        kind: input.kind,
        category: input.category,
        measure: input.measure,
      }),
    );
  });
  const [out] = await presentConducts(ctx, [(await repo.findConduct(ctx.db, id))!]);
  return out!;
}

export async function listConduct(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; userId?: string; kind?: ConductKind; status?: string; page: number; pageSize: number },
) {
  const { rows, total } = await repo.listConduct(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    userId: q.userId,
    kind: q.kind,
    status: q.status,
    ...pageWindow(q),
  });
  return { items: await presentConducts(ctx, rows), total };
}

/** 签收确认: the person concerned acknowledges having been told, with an optional statement (陈述). */
export async function acknowledgeConduct(ctx: AppContext, actor: Actor, id: string, note: string) {
  const r = await repo.findConduct(ctx.db, id);
  const visible = r && (r.user_id === actor.userId || (manages(actor) && actor.hallIds.includes(r.hall_id)));
  if (!r || !visible) throw notFound('奖惩记录', 'Record');
  const refusal = acknowledgementRefusal({ userId: r.user_id, status: r.status }, actor.userId);
  if (refusal) throw new AppError(r.user_id === actor.userId ? 409 : 403, 'ACK_REFUSED', refusal.zh, refusal.en);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.acknowledge(trx, id, actor.userId, now, note)))
      throw conflict('该记录已签收确认', 'The record is already acknowledged');
    await appendAudit(trx, byActor(actor, now, 'conduct.acknowledge', 'conduct_record', id, { note }));
  });
  const [out] = await presentConducts(ctx, [(await repo.findConduct(ctx.db, id))!]);
  return out!;
}

/** The conduct records of people (the staff file's section; R19.10 "recorded in the staff file"). */
export async function conductOfPerson(db: Db, userId: string) {
  const rows = await repo.conductOfUser(db, userId);
  const names = await namesOf(db, [userId]);
  return rows.map((r) => presentConduct(r, names));
}

function presentTask(
  t: repo.TaskRow & { meeting_title?: string; meeting_day?: string },
  names: Map<string, string>,
  today: string,
  meeting?: repo.MeetingRow,
) {
  return {
    id: t.id,
    meetingId: t.meeting_id,
    meetingTitle: t.meeting_title ?? meeting?.title ?? '',
    meetingDay: t.meeting_day ?? meeting?.held_on ?? '',
    ownerId: t.owner_id,
    ownerName: names.get(t.owner_id) ?? '',
    content: t.content,
    workingDays: Number(t.working_days),
    dueDay: t.due_day,
    dueProvisional: t.due_provisional === 1,
    status: t.status as 'open' | 'done',
    light: taskLight(t.status, t.due_day, today),
    doneNote: t.done_note,
    doneAt: t.done_at === null ? null : Number(t.done_at),
  };
}

async function presentMeetings(ctx: AppContext, rows: repo.MeetingRow[]) {
  const ids = rows.map((m) => m.id);
  const [attendees, tasks] = await Promise.all([repo.attendeesOf(ctx.db, ids), repo.tasksOfMeetings(ctx.db, ids)]);
  const names = await namesOf(ctx.db, [...attendees.map((a) => a.user_id), ...tasks.map((t) => t.owner_id)]);
  const today = chinaDay(ctx.clock.now());
  return rows.map((m) => ({
    id: m.id,
    hallId: m.hall_id,
    title: m.title,
    heldOn: m.held_on,
    minutes: m.minutes,
    createdByName: m.created_by_name,
    createdAt: Number(m.created_at),
    attendees: attendees
      .filter((a) => a.meeting_id === m.id)
      .map((a) => ({ id: a.user_id, name: names.get(a.user_id) ?? '' })),
    tasks: tasks.filter((t) => t.meeting_id === m.id).map((t) => presentTask(t, names, today, m)),
  }));
}

/**
 * 例会纪要: the meeting, who attended, the minutes and the follow-up tasks, in one transaction. Each task is due
 * its number of working days after the meeting day on the hall's calendar.
 */
export async function recordMeeting(ctx: AppContext, actor: Actor, input: MeetingInput) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  if (input.heldOn > chinaDay(now)) throw invalid('heldOn', '会议日期不能晚于今天', 'The meeting day is in the future');
  const attendees = [...new Set(input.attendeeIds)];
  for (const [i, id] of attendees.entries()) await colleagueIn(ctx, actor, id, input.hallId, `attendeeIds.${i}`);
  for (const [i, t] of input.tasks.entries())
    await colleagueIn(ctx, actor, t.ownerId, input.hallId, `tasks.${i}.ownerId`);
  const calendar = await calendarOf(ctx.db, input.hallId);
  const id = newId(now);
  const tasks: repo.TaskRow[] = input.tasks.map((t) => {
    const due = calendar.addWorkingDays(input.heldOn, t.workingDays);
    return {
      id: newId(now),
      meeting_id: id,
      hall_id: input.hallId,
      owner_id: t.ownerId,
      content: t.content,
      working_days: t.workingDays,
      due_day: due.deadline,
      due_provisional: due.provisional ? 1 : 0,
      status: 'open',
      done_note: null,
      done_at: null,
      created_at: now,
    };
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMeeting(trx, {
      id,
      hall_id: input.hallId,
      title: input.title,
      held_on: input.heldOn,
      minutes: input.minutes,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
    });
    await repo.insertAttendees(trx, id, attendees);
    await repo.insertTasks(trx, tasks);
    await appendAudit(
      trx,
      byActor(actor, now, 'meeting.record', 'meeting', id, {
        heldOn: input.heldOn,
        attendees: attendees.length,
        tasks: tasks.map((t) => ({ id: t.id, owner: t.owner_id, due: t.due_day })),
      }),
    );
  });
  return getMeeting(ctx, actor, id);
}

export async function getMeeting(ctx: AppContext, actor: Actor, id: string) {
  const m = await repo.findMeeting(ctx.db, id);
  if (!m) throw notFound('例会', 'Meeting');
  if (!actor.hallIds.includes(m.hall_id)) throw outOfScope(notFound('例会', 'Meeting'), 'meeting', id);
  const [out] = await presentMeetings(ctx, [m]);
  return out!;
}

export async function listMeetings(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; page: number; pageSize: number },
) {
  const { rows, total } = await repo.listMeetings(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    ...pageWindow(q),
  });
  return { items: await presentMeetings(ctx, rows), total };
}

/** The owner (or a manager of the hall) marks a follow-up done, once. */
export async function finishTask(ctx: AppContext, actor: Actor, id: string, note: string) {
  const t = await repo.findTask(ctx.db, id);
  if (!t || !(t.owner_id === actor.userId || (manages(actor) && actor.hallIds.includes(t.hall_id))))
    throw notFound('会议待办', 'Follow-up task');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.finishTask(trx, id, now, note)))
      throw conflict('该待办已完成', 'The follow-up task is already done');
    await appendAudit(trx, byActor(actor, now, 'meeting.task.done', 'meeting_task', id, { note }));
  });
  const meeting = (await repo.findMeeting(ctx.db, t.meeting_id))!;
  const names = await namesOf(ctx.db, [t.owner_id]);
  return presentTask((await repo.findTask(ctx.db, id))!, names, chinaDay(now), meeting);
}

/** 我的待办: one's open follow-ups (overdue first by due day) and the records waiting for one's acknowledgement. */
export async function myWork(ctx: AppContext, actor: Actor, includeDone = false) {
  const [tasks, conduct] = await Promise.all([
    repo.tasksOfOwner(ctx.db, actor.userId, includeDone),
    repo.conductOfUser(ctx.db, actor.userId),
  ]);
  const names = new Map([[actor.userId, actor.displayName]]);
  const today = chinaDay(ctx.clock.now());
  const all = conduct.map((r) => presentConduct(r, names));
  return {
    tasks: tasks.map((t) => presentTask(t, names, today)),
    pendingAcknowledgements: all.filter((r) => r.status === 'pending_ack'),
    conduct: all,
  };
}

// 考核 reads these figures' records through the owner's service.
export { sanctionsBetween } from './repository.ts';
