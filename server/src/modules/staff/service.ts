/**
 * 窗口人员管理: staff files, AB pairs, the weekly roster, attendance (clock, 暂离, the monthly sheet) and leave
 * (request → B confirms → approval by authority level). Who acts for whom now is in cover-service.ts, attendance in
 * attendance-service.ts, leave in leave-service.ts; this file keeps the staff files, AB pairs and the roster.
 */
import { addDays, dayOfWeek } from '../../domain/calendar/days.ts';
import { type Session, sessionsOn } from '../../domain/staff/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { trainingStatusOf } from '../training/service.ts';
import { assertHallAccess, listWindows } from '../org/service.ts';
import { takeOverWindow, windowHolder } from '../queue/service.ts';
import { absencesOf, actingFor, coveredNow, uncoveredNow } from './cover-service.ts';
import * as repo from './repository.ts';
import type { PairInput, ProfileInput, RosterInput } from './schema.ts';

export {
  actingFor,
  type CoverListener,
  coveredDepartments,
  coveredNow,
  uncoveredNow,
  whenCoverChanges,
} from './cover-service.ts';
import { assertStaffOfHall, hallWeek, hhmm, namesOf, staffOf } from './hall-staff-service.ts';

const reasonLabel: Record<string, string> = { leave: '请假', away: '暂离', not_clocked_in: '未签到' };
export async function listStaffFiles(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const people = await staffOf(ctx, hallId);
  const ids = people.map((p) => p.id);
  const [profiles, training, acting] = await Promise.all([
    repo.profilesOf(ctx.db, ids),
    // 培训情况 as the training records have it (the single place to read it: the training module).
    trainingStatusOf(ctx.db, ids, ctx.clock.now()),
    actingFor(ctx.db, ids, ctx.clock.now()),
  ]);
  const byId = new Map(profiles.map((p) => [p.user_id, p]));
  // By staff number; people without a file yet last.
  const no = (id: string) => byId.get(id)?.staff_no ?? '~';
  return {
    items: [...people]
      .sort((a, b) => no(a.id).localeCompare(no(b.id)))
      .map((u) => {
        const p = byId.get(u.id);
        const a = acting.get(u.id);
        return {
          userId: u.id,
          username: u.username,
          name: u.display_name,
          staffNo: p?.staff_no ?? null,
          photo: p?.photo ?? null,
          posts: u.roles,
          windowIds: p ? (JSON.parse(p.window_ids) as string[]) : [],
          departmentIds: u.departmentIds,
          authorityLevel: u.authority_level ?? null,
          phone: u.phone_masked,
          entryDate: p?.entry_date ?? null,
          confidentialitySignedAt: p?.confidentiality_signed_at == null ? null : Number(p.confidentiality_signed_at),
          trainingStatus: training.get(u.id)!,
          away: a && a.cover.kind !== 'self' ? (reasonLabel[a.cover.reason] ?? a.cover.reason) : null,
          actingName: a?.forId ? a.actingName : null,
        };
      }),
  };
}

/** Colleagues of the hall (name and posts only): whom a person may name as B or as a stand-in. */
export async function colleagues(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return {
    items: (await staffOf(ctx, hallId))
      .filter((u) => u.id !== actor.userId)
      .map((u) => ({ userId: u.id, name: u.display_name, posts: u.roles })),
  };
}

export async function saveProfile(ctx: AppContext, actor: Actor, hallId: string, userId: string, input: ProfileInput) {
  assertHallAccess(actor, hallId);
  await assertStaffOfHall(ctx, hallId, userId, 'userId');
  const windows = new Set((await listWindows(ctx, actor, hallId)).map((w) => w.id));
  const bad = input.windowIds.findIndex((w) => !windows.has(w));
  if (bad >= 0) throw invalid(`windowIds.${bad}`, '窗口不属于本大厅', 'The window is not in this hall');
  const now = ctx.clock.now();
  if (await repo.staffNoTaken(ctx.db, input.staffNo, userId))
    throw invalid('staffNo', '工号已被他人使用', 'This staff number is taken');
  const signedAt = input.confidentialitySigned
    ? input.confidentialitySignedOn
      ? Date.parse(`${input.confidentialitySignedOn}T00:00:00+08:00`)
      : now
    : null;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertProfile(trx, {
      user_id: userId,
      staff_no: input.staffNo,
      photo: input.photo,
      window_ids: JSON.stringify(input.windowIds),
      entry_date: input.entryDate,
      confidentiality_signed_at: signedAt,
      updated_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'staff.profile.save', 'user', userId, {
        staffNo: input.staffNo,
        windowIds: input.windowIds,
        confidentialitySignedAt: signedAt,
      }),
    );
  });
  return (await listStaffFiles(ctx, actor, hallId)).items.find((x) => x.userId === userId)!;
}

const presentPair = (p: repo.PairRow, names: Map<string, string>) => ({
  id: p.id,
  hallId: p.hall_id,
  kind: p.kind as 'post' | 'window' | 'stand_in',
  subject: p.subject,
  aUserId: p.a_user_id,
  aName: names.get(p.a_user_id) ?? '',
  bUserId: p.b_user_id,
  bName: names.get(p.b_user_id) ?? '',
  fromDay: p.from_day,
  toDay: p.to_day,
});

export async function listPairs(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const rows = await repo.pairsInHalls(ctx.db, [hallId]);
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => [r.a_user_id, r.b_user_id]),
  );
  return { items: rows.map((r) => presentPair(r, names)) };
}

export async function addPair(ctx: AppContext, actor: Actor, input: PairInput) {
  assertHallAccess(actor, input.hallId);
  if (input.aUserId === input.bUserId) throw invalid('bUserId', 'B 岗不能与 A 岗为同一人', 'B must be another person');
  await assertStaffOfHall(ctx, input.hallId, input.aUserId, 'aUserId');
  const b = await assertStaffOfHall(ctx, input.hallId, input.bUserId, 'bUserId');
  if (input.kind === 'post' && !b.roles.includes(input.subject))
    throw invalid('bUserId', 'B 岗人员须具备同一岗位', 'B must hold the same post');
  if (input.kind === 'window' && !(await listWindows(ctx, actor, input.hallId)).some((w) => w.id === input.subject))
    throw invalid('subject', '窗口不属于本大厅', 'The window is not in this hall');
  if (input.kind === 'stand_in' && (!input.fromDay || !input.toDay || input.toDay < input.fromDay))
    throw invalid('toDay', '临时顶岗须写明起止日期', 'A stand-in needs its first and last day');
  const now = ctx.clock.now();
  const row: repo.PairRow = {
    id: newId(now),
    hall_id: input.hallId,
    kind: input.kind,
    subject: input.subject,
    a_user_id: input.aUserId,
    b_user_id: input.bUserId,
    from_day: input.kind === 'stand_in' ? input.fromDay : null,
    to_day: input.kind === 'stand_in' ? input.toDay : null,
    created_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPair(trx, row);
    await appendAudit(trx, byActor(actor, now, `staff.pair.${input.kind}`, 'staff_pair', row.id, { ...input }));
  });
  return presentPair(row, await namesOf(ctx, [row.a_user_id, row.b_user_id]));
}

export async function removePair(ctx: AppContext, actor: Actor, id: string) {
  const p = await repo.findPair(ctx.db, id);
  if (!p) throw notFound('AB岗', 'AB pair');
  assertHallAccess(actor, p.hall_id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deletePair(trx, id);
    await appendAudit(
      trx,
      byActor(actor, now, 'staff.pair.remove', 'staff_pair', id, { a: p.a_user_id, b: p.b_user_id }),
    );
  });
  return { ok: true };
}

/* ---------------------------------------------------------------- roster (排班) */

const mondayOf = (day: string) => addDays(day, 1 - dayOfWeek(day));

function checkWeek(week: string, field: string) {
  if (dayOfWeek(week) !== 1) throw invalid(field, '周排班须从周一开始', 'A week starts on a Monday');
  return week;
}

export async function roster(ctx: AppContext, actor: Actor, hallId: string, week: string) {
  assertHallAccess(actor, hallId);
  checkWeek(week, 'week');
  const [cal, hours, windows, rows] = await Promise.all([
    calendarOf(ctx.db, hallId),
    hallWeek(ctx, hallId),
    listWindows(ctx, actor, hallId),
    repo.rosterBetween(ctx.db, hallId, week, addDays(week, 6)),
  ]);
  const active = windows.filter((w) => w.status === 'active').sort((a, b) => a.number - b.number);
  const names = await namesOf(
    ctx,
    rows.map((r) => r.user_id),
  );
  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i)).map((day) => {
    const working = cal.isWorkingDay(day);
    const spans = working ? sessionsOn(hours, day) : [];
    const sessions = spans.length
      ? (spans.length === 1 ? (['am'] as const) : (['am', 'pm'] as const)).map((s) => {
          const span = s === 'am' ? spans[0]! : spans.at(-1)!;
          return { session: s as Session, from: hhmm(span.from), to: hhmm(span.to) };
        })
      : [];
    return { day, working, sessions };
  });
  const taken = new Set(rows.map((r) => `${r.day}|${r.session}|${r.window_id}`));
  const gaps = days.flatMap((d) =>
    d.sessions.flatMap((s) =>
      active
        .filter((w) => !taken.has(`${d.day}|${s.session}|${w.id}`))
        .map((w) => ({ day: d.day, session: s.session, windowId: w.id })),
    ),
  );
  return {
    hallId,
    week,
    days,
    windows: active.map((w) => ({ id: w.id, number: w.number, name: w.name })),
    slots: rows.map((r) => ({
      day: r.day,
      session: r.session as Session,
      windowId: r.window_id,
      userId: r.user_id,
      post: r.post,
      userName: names.get(r.user_id) ?? '',
    })),
    gaps,
  };
}

export async function saveRoster(ctx: AppContext, actor: Actor, input: RosterInput) {
  assertHallAccess(actor, input.hallId);
  checkWeek(input.week, 'week');
  const [plan, people] = await Promise.all([roster(ctx, actor, input.hallId, input.week), staffOf(ctx, input.hallId)]);
  const staff = new Map(people.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const busy = new Set<string>();
  for (const [i, s] of input.slots.entries()) {
    const d = plan.days.find((x) => x.day === s.day);
    if (!d) throw invalid(`slots.${i}.day`, '日期不在本周内', 'The day is not in this week');
    if (!d.sessions.some((x) => x.session === s.session))
      throw invalid(`slots.${i}.session`, `${s.day} 该时段不办公（非工作日或无办公时间）`, 'The hall is closed then');
    if (!plan.windows.some((w) => w.id === s.windowId))
      throw invalid(`slots.${i}.windowId`, '窗口不属于本大厅', 'Unknown window');
    const person = staff.get(s.userId);
    if (!person) throw invalid(`slots.${i}.userId`, '该人员不属于本大厅', 'Not on the staff of this hall');
    if (!person.roles.includes(s.post))
      throw invalid(`slots.${i}.post`, '该人员不具备此岗位', 'The person does not hold this post');
    const key = `${s.day}|${s.session}|${s.windowId}`;
    if (seen.has(key))
      throw invalid(`slots.${i}.windowId`, '同一窗口同一时段只能安排一人', 'One person per window and session');
    seen.add(key);
    const who = `${s.day}|${s.session}|${s.userId}`;
    if (busy.has(who))
      throw invalid(`slots.${i}.userId`, '同一人同一时段只能在一个窗口', 'One window per person and session');
    busy.add(who);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceRoster(
      trx,
      input.hallId,
      input.week,
      addDays(input.week, 6),
      input.slots.map((s) => ({
        id: newId(now),
        hall_id: input.hallId,
        day: s.day,
        session: s.session,
        window_id: s.windowId,
        user_id: s.userId,
        post: s.post,
        created_at: now,
      })),
    );
    await appendAudit(
      trx,
      byActor(actor, now, 'staff.roster.save', 'hall', input.hallId, { week: input.week, slots: input.slots.length }),
    );
  });
  return roster(ctx, actor, input.hallId, input.week);
}

/** Copies a week's roster onto another week, weekday by weekday, dropping sessions the hall does not open then. */
export async function copyRoster(
  ctx: AppContext,
  actor: Actor,
  q: { hallId: string; fromWeek: string; toWeek: string },
) {
  checkWeek(q.fromWeek, 'fromWeek');
  checkWeek(q.toWeek, 'toWeek');
  if (q.fromWeek === q.toWeek) throw invalid('toWeek', '目标周与源周相同', 'Pick another week');
  const from = await roster(ctx, actor, q.hallId, q.fromWeek);
  const to = await roster(ctx, actor, q.hallId, q.toWeek);
  const shift = (day: string) => addDays(q.toWeek, dayOfWeek(day) - 1);
  const slots = from.slots
    .map((s) => ({ day: shift(s.day), session: s.session, windowId: s.windowId, userId: s.userId, post: s.post }))
    .filter((s) => to.days.find((d) => d.day === s.day)?.sessions.some((x) => x.session === s.session));
  return saveRoster(ctx, actor, { hallId: q.hallId, week: q.toWeek, slots });
}

/* ---------------------------------------------------------------- attendance (考勤) */

export async function myCover(ctx: AppContext, actor: Actor) {
  const now = ctx.clock.now();
  const [as, me] = await Promise.all([coveredNow(ctx.db, actor.userId, now), actingFor(ctx.db, [actor.userId], now)]);
  const names = await namesOf(ctx, as);
  const mine = me.get(actor.userId);
  return {
    actingFor: as.map((id) => ({ userId: id, name: names.get(id) ?? '' })),
    actedBy:
      mine?.forId && mine.cover.kind === 'b'
        ? { userId: mine.actingId, name: mine.actingName, reason: reasonLabel[mine.cover.reason] ?? '' }
        : null,
  };
}

export async function uncovered(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const rows = await uncoveredNow(ctx.db, [hallId], ctx.clock.now());
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => [r.userId, ...(r.bId ? [r.bId] : [])]),
  );
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      name: names.get(r.userId) ?? '',
      reason: reasonLabel[r.reason] ?? r.reason,
      bUserId: r.bId,
      bName: r.bId ? (names.get(r.bId) ?? '') : null,
    })),
  };
}

/**
 * AB岗 at the window: B (or the stand-in) takes over the window whose holder B covers now — the holder away on leave,
 * 暂离 or not clocked in — and serves its queue as B for A.
 */
export async function coverWindow(ctx: AppContext, actor: Actor, windowId: string) {
  const holder = await windowHolder(ctx, actor, windowId);
  if (!holder) throw conflict('该窗口未开启，可直接开窗', 'The window is not open: open it yourself', 'windowId');
  if (holder.userId === actor.userId) throw conflict('您已在该窗口', 'You hold this window already', 'windowId');
  const covered = await coveredNow(ctx.db, actor.userId, ctx.clock.now());
  const name = (await namesOf(ctx, [holder.userId])).get(holder.userId) ?? '';
  if (!covered.includes(holder.userId))
    throw forbidden(
      `${name}在岗或您不是其 B 岗/临时顶岗人员，不能接替该窗口`,
      'You do not cover the person holding this window now',
    );
  return takeOverWindow(ctx, actor, windowId, { id: holder.userId, name });
}

export { absencesOf, mondayOf };

export { attendanceSheet, clock, exportAttendance } from './attendance-service.ts';
export { cancelLeave, confirmLeave, decideLeave, listLeaves, requestLeave } from './leave-service.ts';
