/**
 * What the case detail shows of the work after acceptance: the lights of the case and its steps, who holds
 * each step, suspensions, extensions, verification questions, result files and the delivery.
 */
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { suspensionKinds } from '../../domain/case/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { calendarOf } from '../calendar/service.ts';
import { lightOf } from './clock.ts';
import { presentDelivery, presentFile } from './records-presenter.ts';
import { deliveriesOf, extensionsOf, filesOf, pausesOf, verificationsOf } from './records-repository.ts';
import type { CaseRow, StepRow } from './repository.ts';

/** Lights stop at completion: a finished case is judged by the day it finished. */
export function caseLight(calendar: WorkingCalendar, today: string, c: CaseRow) {
  return lightOf(calendar, c.completed_day ?? today, c.deadline, c.warning_days);
}

export function presentStep(calendar: WorkingCalendar, today: string, c: CaseRow, s: StepRow) {
  const until = s.done_at ? chinaDay(Number(s.done_at)) : today;
  return {
    id: s.id,
    key: s.step_key,
    name: s.name,
    order: s.step_order,
    role: s.role,
    departmentId: s.department_id,
    limitDays: s.limit_days,
    status: s.status as 'pending' | 'active' | 'done' | 'skipped',
    assignee: s.assignee_id ? { id: s.assignee_id, name: s.assignee_name ?? '' } : null,
    activatedAt: s.activated_at === null ? null : Number(s.activated_at),
    doneAt: s.done_at === null ? null : Number(s.done_at),
    deadline: s.deadline ?? null,
    deadlineProvisional: s.deadline_provisional === 1,
    light: s.status === 'pending' ? null : lightOf(calendar, until, s.deadline, c.warning_days),
  };
}

export async function afterAcceptance(db: Db, c: CaseRow) {
  const [pauses, extensions, verifications, files, deliveries] = await Promise.all([
    pausesOf(db, c.id),
    extensionsOf(db, c.id),
    verificationsOf(db, c.id),
    filesOf(db, c.id),
    deliveriesOf(db, c.id),
  ]);
  return {
    extraDays: c.extra_days ?? 0,
    approvalEscalated: c.approval_escalated === 1,
    outcome: (c.outcome ?? null) as 'success' | 'failure' | null,
    completedDay: c.completed_day ?? null,
    suspensions: pauses.map((p) => ({
      id: p.id,
      kind: p.kind,
      kindLabel: suspensionKinds[p.kind as keyof typeof suspensionKinds]?.zh ?? p.kind,
      reason: p.reason,
      fromDay: p.from_day,
      toDay: p.to_day,
      by: p.started_by_name,
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      extraDays: e.extra_days,
      reason: e.reason,
      status: e.status as 'requested' | 'approved' | 'refused',
      requestedBy: e.requested_by_name,
      requestedAt: Number(e.requested_at),
      decidedBy: e.decided_by_name,
      decidedAt: e.decided_at === null ? null : Number(e.decided_at),
      decisionNote: e.decision_note,
      newDeadline: e.new_deadline,
      newDeadlineProvisional: e.new_deadline_provisional === 1,
    })),
    verifications: verifications.map((v) => ({
      id: v.id,
      stepId: v.step_id,
      question: v.question,
      responseDeadline: v.response_deadline,
      responseDeadlineProvisional: v.response_deadline_provisional === 1,
      askedBy: v.asked_by_name,
      askedAt: Number(v.asked_at),
      answer: v.answer,
      answeredBy: v.answered_by_name,
      answeredAt: v.answered_at === null ? null : Number(v.answered_at),
    })),
    files: files.map(presentFile),
    deliveries: deliveries.map(presentDelivery),
  };
}

/** One calendar per hall for a whole list, loaded the first time a row of that hall needs it. */
export function calendarCache(db: Db) {
  const loaded = new Map<string, Promise<WorkingCalendar>>();
  return (hallId: string) => {
    let c = loaded.get(hallId);
    if (!c) {
      c = calendarOf(db, hallId);
      loaded.set(hallId, c);
    }
    return c;
  };
}
