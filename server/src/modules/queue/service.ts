/**
 * The queue as other modules reach it: they import only this file and schema.ts (scripts/check-layers.mjs). What
 * exists only for them is here — the crowding alarm's look at the queue and its notice on the display, the ticket a
 * reception picks up — and what they share with the queue's own routes is re-exported from the file that holds it
 * (the routes import those files directly).
 */
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import * as repo from './repository.ts';

// The appointments check a public booking's hall, and check in a booking by issuing its ticket in their transaction.
export { issueTicketIn, publicHall } from './ticket-issue-service.ts';
/** The hall's queue categories, for the appointments (a booking takes a place in its item's category). */
export { categoriesOfHall } from './settings-service.ts';
/** The rating pad follows its window through the same event stream and reads the hall's rating settings. */
export { settingsOf } from './floor.ts';
export { installStreamShutdown, serveEventStream } from './sse.ts';
/** The appointments (slots) and the staff module (attendance, cover) read the timetables; staff also pauses a
 * window while its person is away (暂离). */
export { timetablesOf } from './hours-service.ts';
export { listWindows, pauseWindow, resumeWindow, takeOverWindow, windowHolder } from './window-service.ts';
// The workbench shows the tickets its clerk's window finished today.
export { listTickets } from './ticket-view-service.ts';
// The staffing forecast, 统计分析 and 工作报告 read the day's summary and a period's tickets.
export { arrivalsBetween, daySummary, ticketSumsBetween, ticketTimesBetween } from './figures-service.ts';
// 考核 reads these figures' records through the owner's service.
export { servedBetween, servedTotals } from './figures-repository.ts';

/** The hall's queue right now, for the crowding alarm: tickets waiting today and the longest wait in minutes. */
export async function waitingNow(db: Db, hallId: string, now: number) {
  const rows = await repo.waitingInHall(db, hallId, chinaDay(now));
  const longest = rows.reduce((m, t) => Math.max(m, now - Number(t.arrived_at)), 0);
  return { waiting: rows.length, longestWaitMinutes: Math.floor(longest / 60_000) };
}
/**
 * 拥挤提示上屏: the crowding alarm (emergency) sets the notice the hall display shows, or clears it (text null) when
 * the hall is calm; inside the caller's transaction, so the alarm's state and the screen move together. The caller
 * tells the displays after its commit with `displayNoticeChanged`.
 */
export async function setAlarmNotice(db: Db, hallId: string, text: string | null, now: number): Promise<void> {
  if (text === null) await repo.clearAlarmNotice(db, hallId);
  else await repo.putAlarmNotice(db, { hall_id: hallId, text, since: now });
}
export const displayNoticeChanged = (ctx: AppContext, hallId: string) =>
  ctx.events.publish({ hallId, type: 'queue', reason: 'notice' });

/**
 * The ticket a reception names (收件受理 picks up the ticket being served): it must be served now at a window of
 * the case's hall, and at the reception's window when one is named.
 */
export async function servedTicketFor(db: Db, ticketId: string, hallId: string, windowId: string | null) {
  const t = await repo.findTicket(db, ticketId);
  if (!t || t.hall_id !== hallId || t.status !== 'serving' || (windowId !== null && t.window_id !== windowId))
    throw invalid(
      'ticketId',
      '该号不是本大厅窗口正在办理的号',
      'The ticket is not being served at a window of this hall',
    );
  return t;
}

/** Links the served ticket to the case received for it, in the reception's transaction (guarded by 'serving'). */
export async function linkTicketToCase(trx: Db, ticketId: string, caseId: string, now: number) {
  if (
    !(await repo.updateTicketIf(
      trx,
      ticketId,
      { status: 'serving' },
      { outcome_kind: 'case', outcome_id: caseId, updated_at: now },
    ))
  )
    throw conflict('号的状态已变化，请刷新', 'The ticket changed; refresh');
}
