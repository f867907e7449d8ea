/** 考勤: clocking in and out, 暂离 with a stand-in, and the monthly attendance sheet with its Excel export. */
import { addDays } from '../../domain/calendar/days.ts';
import { monthSheet, type Session } from '../../domain/staff/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { calendarOf } from '../calendar/service.ts';
import { assertHallAccess, listWindows } from '../org/service.ts';
import { pauseWindow, resumeWindow } from '../queue/service.ts';
import { coverChanged } from './cover-service.ts';
import * as repo from './repository.ts';
import type { ClockInput } from './schema.ts';

import { assertStaffOfHall, hallWeek, hhmm, namesOf, staffOf } from './hall-staff-service.ts';

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
  // written only through clockInput
  kind: r.kind as ClockInput['kind'],
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
