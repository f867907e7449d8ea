/**
 * The clocks electronic supervision watches, computed the same way for the board and the alert sweep: each
 * running case and its active steps, lit by the hall's working calendar (domain/calendar rule 6).
 */
import { stateInfo } from '../../domain/case/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { isStuck, type Level } from '../../domain/supervision/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { calendarOf } from '../calendar/service.ts';
import { watchedCases, watchedSteps } from '../cases/service.ts';

/** Running, or stopped by a suspension: a clock that was overdue when it stopped stays overdue (rule 3). */
export const watchedStates = Object.entries(stateInfo)
  .filter(([, i]) => i.clock === 'running' || i.clock === 'paused')
  .map(([s]) => s);

const isSuspended = (state: string) => stateInfo[state as keyof typeof stateInfo]?.clock === 'paused';

export interface FlaggedCase {
  kind: 'case';
  caseId: string;
  hallId: string;
  caseNo: string | null;
  itemName: string;
  windowId: string | null;
  deadline: string;
  level: Level;
  ownerId: string;
  ownerName: string;
  departmentIds: string[];
  /** The clock is stopped (暂停计时); listed because its deadline had passed before it stopped. */
  suspended: boolean;
}

export interface FlaggedStep {
  kind: 'step';
  stepId: string;
  caseId: string;
  hallId: string;
  caseNo: string | null;
  itemName: string;
  stepName: string;
  windowId: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  deadline: string;
  level: Level;
  suspended: boolean;
}

export interface StuckStep {
  stepId: string;
  caseId: string;
  caseNo: string | null;
  itemName: string;
  stepName: string;
  departmentId: string | null;
  activatedAt: number;
  waitingDays: number;
}

export interface Watch {
  today: string;
  cases: FlaggedCase[];
  steps: FlaggedStep[];
  stuck: StuckStep[];
}

export async function calendars(db: Db, hallIds: readonly string[]): Promise<Map<string, WorkingCalendar>> {
  const m = new Map<string, WorkingCalendar>();
  for (const id of hallIds) m.set(id, await calendarOf(db, id));
  return m;
}

export async function watch(db: Db, hallIds: readonly string[], now: number, stuckDays: number): Promise<Watch> {
  const today = chinaDay(now);
  const cals = await calendars(db, hallIds);
  const rows = await watchedCases(db, hallIds, watchedStates);
  const steps = await watchedSteps(
    db,
    rows.map((c) => c.id),
  );
  const out: Watch = { today, cases: [], steps: [], stuck: [] };
  const byCase = new Map(rows.map((c) => [c.id, c]));
  const stepDepartments = new Map<string, string[]>();
  for (const s of steps) {
    const c = byCase.get(s.case_id);
    const cal = c && cals.get(c.hall_id);
    if (!c || !cal) continue;
    if (s.department_id) stepDepartments.set(c.id, [...(stepDepartments.get(c.id) ?? []), s.department_id]);
    if (s.activated_at === null) continue;
    const activatedDay = chinaDay(s.activated_at);
    const suspended = isSuspended(c.state);
    // The step clock counts separately from the case clock; computed here when not stored. A suspended case's
    // step has a stored deadline only if it had run out before the stop; otherwise its clock is stopped.
    const deadline = s.deadline ?? (suspended ? null : cal.addWorkingDays(activatedDay, s.limit_days).deadline);
    const light = deadline === null ? 'green' : cal.lightFor(today, deadline, c.warning_days);
    if (deadline !== null && light !== 'green') {
      out.steps.push({
        kind: 'step',
        stepId: s.id,
        caseId: c.id,
        hallId: c.hall_id,
        caseNo: c.case_no,
        itemName: c.item_name,
        stepName: s.name,
        windowId: c.window_id,
        departmentId: s.department_id,
        assigneeId: s.assignee_id ?? null,
        assigneeName: s.assignee_name ?? null,
        deadline,
        level: light,
        suspended,
      });
    }
    // Nobody is expected to pick up a step while the case is suspended.
    if (suspended) continue;
    const claimed = Boolean(s.assignee_id) || s.claimed_at != null;
    const waitingDays = cal.workingDaysBetween(activatedDay, today).workingDays;
    if (isStuck(claimed, waitingDays, stuckDays)) {
      out.stuck.push({
        stepId: s.id,
        caseId: c.id,
        caseNo: c.case_no,
        itemName: c.item_name,
        stepName: s.name,
        departmentId: s.department_id,
        activatedAt: s.activated_at,
        waitingDays,
      });
    }
  }
  for (const c of rows) {
    const cal = cals.get(c.hall_id);
    if (!cal || !c.deadline) continue;
    const light = cal.lightFor(today, c.deadline, c.warning_days);
    if (light === 'green') continue;
    out.cases.push({
      kind: 'case',
      caseId: c.id,
      hallId: c.hall_id,
      caseNo: c.case_no,
      itemName: c.item_name,
      windowId: c.window_id,
      deadline: c.deadline,
      level: light,
      ownerId: c.first_owner_id ?? c.received_by,
      ownerName: c.first_owner_name ?? c.received_by_name,
      departmentIds: [...new Set(stepDepartments.get(c.id) ?? [])],
      suspended: isSuspended(c.state),
    });
  }
  const worst = (a: { level: Level; deadline: string }, b: { level: Level; deadline: string }) =>
    (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1) || a.deadline.localeCompare(b.deadline);
  out.cases.sort(worst);
  out.steps.sort(worst);
  out.stuck.sort((a, b) => b.waitingDays - a.waitingDays || a.activatedAt - b.activatedAt);
  return out;
}
