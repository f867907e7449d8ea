/**
 * 窗口人员管理: staff files, AB pairs, the weekly roster, attendance (clock, 暂离, the monthly sheet) and leave
 * (request → B confirms → approval by authority level). Who acts for whom now is in cover-service.ts.
 */
import { addDays, dayOfWeek } from '../../domain/calendar/days.ts';
import type { WeeklyHours } from '../../domain/queue/hours.ts';
import {
  DEFAULT_STAFF_HOURS,
  type LeaveKind,
  leaveApprover,
  leaveKindLabels,
  monthSheet,
  type Session,
  sessionsOn,
} from '../../domain/staff/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { displayNamesOf, hallStaff } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { trainingStatusOf } from '../training/service.ts';
import { assertHallAccess, listWindows } from '../org/service.ts';
import { pauseWindow, resumeWindow, takeOverWindow, timetablesOf, windowHolder } from '../queue/service.ts';
import { absencesOf, actingFor, coverChanged, coveredNow, uncoveredNow } from './cover-service.ts';
import * as repo from './repository.ts';
import type { ClockInput, LeaveInput, PairInput, ProfileInput, RosterInput } from './schema.ts';

export {
  actingFor,
  type CoverListener,
  coveredDepartments,
  coveredNow,
  uncoveredNow,
  whenCoverChanges,
} from './cover-service.ts';

const reasonLabel: Record<string, string> = { leave: '请假', away: '暂离', not_clocked_in: '未签到' };
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

async function staffOf(ctx: AppContext, hallId: string) {
  return hallStaff(ctx.db, [hallId]);
}

async function assertStaffOfHall(ctx: AppContext, hallId: string, userId: string, field: string) {
  const found = (await staffOf(ctx, hallId)).find((u) => u.id === userId);
  if (!found) throw invalid(field, '该人员不属于本大厅', 'This person is not on the staff of this hall');
  return found;
}

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

async function namesOf(ctx: AppContext, ids: string[]) {
  return new Map((await displayNamesOf(ctx.db, [...new Set(ids)])).map((r) => [r.id, r.display_name]));
}

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

async function hallWeek(ctx: AppContext, hallId: string): Promise<WeeklyHours> {
  return (await timetablesOf(ctx.db, [hallId])).get(hallId)?.hall ?? DEFAULT_STAFF_HOURS;
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

export async function clock(ctx: AppContext, actor: Actor, input: ClockInput) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const day = chinaDay(now);
  if (input.kind === 'away') {
    if (!input.reason) throw invalid('reason', '暂离须写明原因', 'Give the reason for leaving the post');
    if (!input.standInId) throw invalid('standInId', '暂离须指定顶岗人员', 'Name who stands in');
    if (input.standInId === actor.userId)
      throw invalid('standInId', '顶岗人员不能是本人', 'Someone else must stand in');
    await assertStaffOfHall(ctx, input.hallId, input.standInId, 'standInId');
  }
  if (input.windowId && !(await listWindows(ctx, actor, input.hallId)).some((w) => w.id === input.windowId))
    throw invalid('windowId', '窗口不属于本大厅', 'The window is not in this hall');
  const mine = await repo.clocksOf(ctx.db, [actor.userId], day, day);
  const last = mine.at(-1)?.kind;
  if (input.kind === 'in' && mine.some((r) => r.kind === 'in') && last !== 'out')
    throw conflict('今日已签到', 'Already clocked in today', 'kind');
  if (input.kind === 'back' && last !== 'away') throw conflict('当前未暂离', 'Not away from the post', 'kind');
  if (input.kind === 'away' && last === 'away') throw conflict('已处于暂离状态', 'Already away', 'kind');
  // The window screen shows 暂离 and the queue stops sending it tickets: its session is paused for the time.
  if (input.windowId && (input.kind === 'away' || input.kind === 'back')) {
    const standIn = input.standInId ? (await namesOf(ctx, [input.standInId])).get(input.standInId) : null;
    try {
      if (input.kind === 'away')
        await pauseWindow(ctx, actor, input.windowId, `暂离：${input.reason}（顶岗：${standIn}）`);
      else await resumeWindow(ctx, actor, input.windowId);
    } catch (e) {
      // A window not open (or already in that state) has no queue to stop: the record alone stands.
      if (!(e instanceof AppError) || (e.status !== 409 && e.status !== 403 && e.status !== 404)) throw e;
    }
  }
  const row: repo.ClockRow = {
    id: newId(now),
    hall_id: input.hallId,
    user_id: actor.userId,
    day,
    kind: input.kind,
    at: now,
    window_id: input.windowId,
    stand_in_id: input.kind === 'away' ? input.standInId : null,
    reason: input.reason,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertClock(trx, row);
    await appendAudit(trx, byActor(actor, now, `staff.clock.${input.kind}`, 'user', actor.userId, { ...input }));
    // AB岗: a person leaving the post may leave someone uncovered; the supervisor hears at once.
    if (input.kind === 'away') await coverChanged(trx, [input.hallId], now);
  });
  return presentClock(row, await namesOf(ctx, [row.user_id, ...(row.stand_in_id ? [row.stand_in_id] : [])]));
}

const presentClock = (r: repo.ClockRow, names: Map<string, string>) => ({
  id: r.id,
  userId: r.user_id,
  userName: names.get(r.user_id) ?? '',
  day: r.day,
  kind: r.kind,
  at: Number(r.at),
  windowId: r.window_id,
  standInId: r.stand_in_id,
  standInName: r.stand_in_id ? (names.get(r.stand_in_id) ?? '') : null,
  reason: r.reason,
});

const minuteOf = (ms: number) => {
  const t = new Date(ms + 8 * 3_600_000);
  return t.getUTCHours() * 60 + t.getUTCMinutes();
};

export async function attendanceSheet(ctx: AppContext, actor: Actor, hallId: string, month: string) {
  assertHallAccess(actor, hallId);
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (m < 1 || m > 12) throw invalid('month', '月份无效', 'Invalid month');
  const first = `${month}-01`;
  const last = addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
  const [cal, week, rosterRows, clocks, people] = await Promise.all([
    calendarOf(ctx.db, hallId),
    hallWeek(ctx, hallId),
    repo.rosterBetween(ctx.db, hallId, first, last),
    repo.clocksInHall(ctx.db, hallId, first, last),
    staffOf(ctx, hallId),
  ]);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  const workingDays = new Set(days.filter((d) => cal.isWorkingDay(d)));
  const ids = [...new Set(rosterRows.map((r) => r.user_id))];
  const [leaves, profiles, allClocks] = await Promise.all([
    repo.approvedLeaves(ctx.db, ids, first, last),
    repo.profilesOf(ctx.db, ids),
    repo.clocksOf(ctx.db, ids, first, last),
  ]);
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  const today = chinaDay(ctx.clock.now());
  const rows = ids.map((userId) => {
    const myClocks = new Map<string, { kind: string; minute: number }[]>();
    for (const c of allClocks.filter((c) => c.user_id === userId))
      myClocks.set(c.day, [...(myClocks.get(c.day) ?? []), { kind: c.kind, minute: minuteOf(Number(c.at)) }]);
    const leaveDays = new Set(
      days.filter((d) => leaves.some((l) => l.user_id === userId && l.from_day <= d && d <= l.to_day)),
    );
    const sheet = monthSheet({
      workingDays,
      week,
      // Days still ahead are not counted yet; today once the person has clocked in.
      slots: rosterRows
        .filter((r) => r.user_id === userId && (r.day < today || (r.day === today && myClocks.has(today))))
        .map((r) => ({ day: r.day, session: r.session as Session })),
      clocks: myClocks,
      leaveDays,
    });
    const { days: sheetDays, ...totals } = sheet;
    return {
      userId,
      name: names.get(userId) ?? userId,
      staffNo: profiles.find((p) => p.user_id === userId)?.staff_no ?? null,
      ...totals,
      days: sheetDays.map((d) => ({ day: d.day, status: d.status, clockIn: d.clockIn, clockOut: d.clockOut })),
    };
  });
  const clockNames = new Map([
    ...names,
    ...(await namesOf(
      ctx,
      clocks.flatMap((c) => (c.stand_in_id ? [c.stand_in_id] : [])),
    )),
  ]);
  return { month, workingDays: workingDays.size, rows, clocks: clocks.map((c) => presentClock(c, clockNames)) };
}

const statusLabel: Record<string, string> = {
  present: '正常',
  late: '迟到',
  early: '早退',
  late_early: '迟到早退',
  absent: '缺勤',
  leave: '请假',
};

export async function exportAttendance(ctx: AppContext, actor: Actor, hallId: string, month: string) {
  const s = await attendanceSheet(ctx, actor, hallId, month);
  const count = (header: string): Column => ({ header, type: 'integer' });
  const summary = {
    name: `考勤汇总 ${month}`,
    columns: [
      { header: '工号', type: 'text' },
      { header: '姓名', type: 'text' },
      count('排班天数'),
      count('正常'),
      count('迟到次数'),
      count('早退次数'),
      count('缺勤天数'),
      count('请假天数'),
      count('迟到分钟'),
      count('早退分钟'),
    ] satisfies Column[],
    rows: s.rows.map((r) => [
      r.staffNo,
      r.name,
      r.rosteredDays,
      r.presentDays,
      r.lateCount,
      r.earlyCount,
      r.absentDays,
      r.leaveDays,
      r.lateMinutes,
      r.earlyMinutes,
    ]),
  };
  // 考勤明细: each rostered day of each person, with the clock times as the hall's wall clock shows them.
  const detail = {
    name: `考勤明细 ${month}`,
    columns: [
      { header: '工号', type: 'text' },
      { header: '姓名', type: 'text' },
      { header: '日期', type: 'date' },
      { header: '情况', type: 'text' },
      { header: '签到', type: 'text' },
      { header: '签退', type: 'text' },
    ] satisfies Column[],
    rows: s.rows.flatMap((r) =>
      r.days.map((d) => [
        r.staffNo,
        r.name,
        d.day,
        statusLabel[d.status] ?? d.status,
        d.clockIn === null ? '' : hhmm(d.clockIn),
        d.clockOut === null ? '' : hhmm(d.clockOut),
      ]),
    ),
  };
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, byActor(actor, ctx.clock.now(), 'staff.attendance.export', 'hall', hallId, { month })),
    );
  return { xlsx: await workbook([summary, detail]), fileName: `考勤表-${month}.xlsx` };
}

/* ---------------------------------------------------------------- leave (请假) */

const presentLeave = (l: repo.LeaveRow) => ({
  id: l.id,
  hallId: l.hall_id,
  userId: l.user_id,
  userName: l.user_name,
  kind: l.kind as LeaveKind,
  fromDay: l.from_day,
  toDay: l.to_day,
  workingDays: Number(l.working_days),
  reason: l.reason,
  contact: l.contact,
  bUserId: l.b_user_id,
  bUserName: l.b_user_name,
  bConfirmedAt: l.b_confirmed_at === null ? null : Number(l.b_confirmed_at),
  approverRole: l.approver_role,
  status: l.status as 'requested' | 'confirmed' | 'approved' | 'rejected' | 'cancelled',
  decidedByName: l.decided_by_name,
  decidedAt: l.decided_at === null ? null : Number(l.decided_at),
  decisionNote: l.decision_note,
  createdAt: Number(l.created_at),
});

/** Contact during leave: a phone number is kept masked (138****0009); any other note as written. */
const maskedContact = (s: string) => s.replace(/(1\d{2})\d{4}(\d{4})/g, '$1****$2');

export async function requestLeave(ctx: AppContext, actor: Actor, input: LeaveInput) {
  assertHallAccess(actor, input.hallId);
  if (input.toDay < input.fromDay)
    throw invalid('toDay', '结束日期不能早于开始日期', 'The last day is before the first');
  if (input.bUserId === actor.userId) throw invalid('bUserId', 'B 岗人员不能是本人', 'B must be someone else');
  const b = await assertStaffOfHall(ctx, input.hallId, input.bUserId, 'bUserId');
  const cal = await calendarOf(ctx.db, input.hallId);
  let working = 0;
  for (let d = input.fromDay; d <= input.toDay; d = addDays(d, 1)) if (cal.isWorkingDay(d)) working++;
  if (working === 0) throw invalid('toDay', '所选日期内没有工作日，无需请假', 'No working day in this span');
  if (working > 60) throw invalid('toDay', '单次请假不超过 60 个工作日', 'At most 60 working days at once');
  const now = ctx.clock.now();
  const row: repo.LeaveRow = {
    id: newId(now),
    hall_id: input.hallId,
    user_id: actor.userId,
    user_name: actor.displayName,
    kind: input.kind,
    from_day: input.fromDay,
    to_day: input.toDay,
    working_days: working,
    reason: input.reason,
    contact: maskedContact(input.contact),
    b_user_id: b.id,
    b_user_name: b.display_name,
    b_confirmed_at: null,
    approver_role: leaveApprover(working, actor.roles),
    status: 'requested',
    decided_by_id: null,
    decided_by_name: null,
    decided_at: null,
    decision_note: null,
    created_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertLeave(trx, row);
    await appendAudit(
      trx,
      byActor(actor, now, 'staff.leave.request', 'staff_leave', row.id, {
        kind: leaveKindLabels[input.kind],
        from: input.fromDay,
        to: input.toDay,
        b: b.id,
      }),
    );
  });
  return presentLeave(row);
}

async function loadLeave(ctx: AppContext, actor: Actor, id: string) {
  const l = await repo.findLeave(ctx.db, id);
  if (!l || !actor.hallIds.includes(l.hall_id)) throw notFound('请假申请', 'Leave request');
  return l;
}

async function moveLeave(
  ctx: AppContext,
  actor: Actor,
  l: repo.LeaveRow,
  patch: Partial<repo.LeaveRow>,
  action: string,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateLeaveFrom(trx, l.id, l.status, patch)))
      throw conflict('申请已被他人处理，请刷新', 'The request changed meanwhile; reload');
    await appendAudit(trx, byActor(actor, now, action, 'staff_leave', l.id, { from: l.status, to: patch.status }));
    // AB岗: an approved leave may leave someone uncovered now; the supervisor hears at once.
    if (patch.status === 'approved') await coverChanged(trx, [l.hall_id], now);
  });
  return presentLeave({ ...l, ...patch });
}

/** The B person confirms they will cover. */
export async function confirmLeave(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLeave(ctx, actor, id);
  if (l.b_user_id !== actor.userId)
    throw forbidden('只有被指定的 B 岗人员可以确认', 'Only the named B person confirms');
  if (l.status !== 'requested') throw conflict('该申请不在待确认状态', 'Not waiting for confirmation');
  return moveLeave(ctx, actor, l, { status: 'confirmed', b_confirmed_at: ctx.clock.now() }, 'staff.leave.confirm');
}

const mayApprove = (actor: Actor, role: string) =>
  actor.roles.includes('station_head') || (role === 'supervisor' && actor.roles.includes('supervisor'));

export async function decideLeave(ctx: AppContext, actor: Actor, id: string, d: { approve: boolean; note: string }) {
  const l = await loadLeave(ctx, actor, id);
  if (l.user_id === actor.userId) throw forbidden('不能审批本人的请假', 'You cannot decide your own leave');
  if (!mayApprove(actor, l.approver_role))
    throw forbidden('该请假须由站长审批（超过 3 个工作日或主管本人请假）', 'This leave needs the station head');
  if (d.approve && l.status !== 'confirmed')
    throw conflict('须先由 B 岗人员确认顶岗', 'The B person must confirm first', 'status');
  if (l.status !== 'confirmed' && l.status !== 'requested') throw conflict('该申请已处理', 'Already decided');
  if (!d.approve && !d.note) throw invalid('note', '不批准须写明理由', 'Give the reason for refusing');
  const now = ctx.clock.now();
  return moveLeave(
    ctx,
    actor,
    l,
    {
      status: d.approve ? 'approved' : 'rejected',
      decided_by_id: actor.userId,
      decided_by_name: actor.displayName,
      decided_at: now,
      decision_note: d.note || null,
    },
    d.approve ? 'staff.leave.approve' : 'staff.leave.reject',
  );
}

export async function cancelLeave(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLeave(ctx, actor, id);
  if (l.user_id !== actor.userId) throw forbidden('只能撤回本人的申请', 'Only your own request');
  if (l.status === 'rejected' || l.status === 'cancelled') throw conflict('该申请已结束', 'Already closed');
  return moveLeave(ctx, actor, l, { status: 'cancelled' }, 'staff.leave.cancel');
}

export async function listLeaves(ctx: AppContext, actor: Actor, hallId: string, status?: string) {
  assertHallAccess(actor, hallId);
  const rows = await repo.leavesInHalls(ctx.db, [hallId], status);
  // Staff see their own requests and those naming them as B; managers see the hall's.
  const all = actor.permissions.has('staff.manage') || actor.permissions.has('staff.leave.approve');
  return {
    items: rows.filter((l) => all || l.user_id === actor.userId || l.b_user_id === actor.userId).map(presentLeave),
  };
}

/* ---------------------------------------------------------------- cover as seen by people */

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
