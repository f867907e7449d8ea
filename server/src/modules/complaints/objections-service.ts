/**
 * 异议 (R19.9): an applicant objects to a review result, a refusal or a one-time notice, online (case number and the
 * last four digits of the phone on the case) or through the clerk; the reviewer's superior (窗口主管、站长)
 * re-examines it within a set number of working days and answers in writing. Both ends are on the case trail.
 */
import {
  DEFAULT_OBJECTION_DAYS,
  type ObjectionKind,
  type ObjectionOutcome,
  complaintLight,
  objectionKindLabels,
  objectionOutcomeLabels,
} from '../../domain/complaints/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findApplicant } from '../applicants/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { findCaseByNo, loadCase, recordEvent } from '../cases/service.ts';
import { enqueueNotice } from '../notices/service.ts';
import { visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';

const lastFour = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '').slice(-4);

export function presentObjection(o: repo.ObjectionRow, today: string) {
  return {
    id: o.id,
    hallId: o.hall_id,
    caseId: o.case_id,
    caseNo: o.case_no,
    decisionKind: o.decision_kind as ObjectionKind,
    reason: o.reason,
    channel: o.channel as 'public' | 'clerk',
    recordedBy: o.recorded_by_name,
    status: o.status as 'open' | 'answered',
    dueDay: o.due_day,
    provisional: o.provisional === 1,
    light: complaintLight(o.status === 'open' ? 'handling' : 'replied', today, o.due_day),
    outcome: (o.outcome ?? null) as ObjectionOutcome | null,
    answer: o.answer,
    answeredBy: o.answered_by_name,
    answeredAt: o.answered_at === null ? null : Number(o.answered_at),
    createdAt: Number(o.created_at),
  };
}

/** The applicant's own voice on the trail: recorded by no member of staff. */
const applicantActor = (c: { hall_id: string }): Actor => ({
  userId: 'public',
  username: 'public',
  displayName: '申请人（网上）',
  roles: [],
  permissions: new Set(),
  hallIds: [c.hall_id],
  departmentIds: [],
  mustChangePassword: false,
  sessionId: '',
  ip: null,
});

async function insert(
  trx: Db,
  who: Actor,
  byStaff: boolean,
  c: { id: string; hall_id: string; case_no: string | null; state: string },
  input: { decisionKind: ObjectionKind; reason: string },
  now: number,
) {
  if (await repo.openObjectionOfCase(trx, c.id, input.decisionKind))
    throw conflict('该决定已有待复核的异议', 'An objection to this decision is already open', 'decisionKind');
  // The hall sets the limit beside the complaint types (category 'objection'), 5 working days by default.
  const days =
    (await repo.typeDays(trx, c.hall_id)).find((r) => r.category === 'objection')?.days ?? DEFAULT_OBJECTION_DAYS;
  const due = (await calendarOf(trx, c.hall_id)).addWorkingDays(chinaDay(now), days);
  const id = newId(now);
  await repo.insertObjection(trx, {
    id,
    hall_id: c.hall_id,
    case_id: c.id,
    case_no: c.case_no ?? '',
    decision_kind: input.decisionKind,
    reason: input.reason,
    channel: byStaff ? 'clerk' : 'public',
    recorded_by: byStaff ? who.userId : null,
    recorded_by_name: who.displayName,
    status: 'open',
    due_day: due.deadline,
    provisional: due.provisional ? 1 : 0,
    outcome: null,
    answer: null,
    answered_by: null,
    answered_by_name: null,
    answered_at: null,
    created_at: now,
  });
  await recordEvent(trx, who, c.id, now, {
    action: 'objectionRaised',
    from: c.state,
    to: c.state,
    detail: {
      objectionId: id,
      decision: objectionKindLabels[input.decisionKind],
      reason: input.reason,
      due: due.deadline,
    },
  });
  const auditEntry = byActor(who, now, 'objection.record', 'case', c.id, {
    objectionId: id,
    caseNo: c.case_no,
    decisionKind: input.decisionKind,
  });
  await appendAudit(trx, byStaff ? auditEntry : { ...auditEntry, userId: null });
  return { id, dueDay: due.deadline };
}

export async function recordObjection(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { decisionKind: ObjectionKind; reason: string },
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await loadCase(trx, actor, caseId);
    await insert(trx, actor, true, c, input, now);
  });
  return caseObjections(ctx, actor, caseId);
}

export async function recordPublicObjection(
  ctx: AppContext,
  input: { caseNo: string; phone4: string; decisionKind: ObjectionKind; reason: string },
) {
  const c = await findCaseByNo(ctx.db, input.caseNo.trim().toUpperCase());
  const unknown = () => notFound('办件', 'Case');
  if (!c) throw unknown();
  const applicant = await findApplicant(ctx.db, c.applicant_id);
  if (lastFour(applicant?.phone_masked) !== input.phone4) throw unknown();
  const now = ctx.clock.now();
  let out!: { id: string; dueDay: string };
  await ctx.db.transaction().execute(async (trx) => {
    out = await insert(trx, applicantActor(c), false, c, input, now);
  });
  return { caseNo: c.case_no ?? '', dueDay: out.dueDay };
}

export async function caseObjections(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const today = chinaDay(ctx.clock.now());
  const items = (await repo.objectionsOfCase(ctx.db, c.id)).map((o) => presentObjection(o, today));
  return { items, total: items.length };
}

export async function listObjections(ctx: AppContext, actor: Actor, q: { hallId?: string; status?: string }) {
  const today = chinaDay(ctx.clock.now());
  const rows = await repo.listObjections(ctx.db, { hallIds: visibleHallIds(actor, q.hallId), status: q.status });
  const items = rows.map((o) => presentObjection(o, today));
  return { items, total: items.length };
}

async function loadObjection(ctx: AppContext, actor: Actor, id: string) {
  const o = await repo.findObjection(ctx.db, id);
  if (!o || !actor.hallIds.includes(o.hall_id)) throw notFound('异议', 'Objection');
  return o;
}

/** The superior's re-examination, once: a second answer (or a concurrent one that lost) is a 409. */
export async function answerObjection(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { outcome: ObjectionOutcome; answer: string },
) {
  if (!actor.permissions.has('objection.decide')) throw forbidden();
  const o = await loadObjection(ctx, actor, id);
  if (o.status !== 'open') throw conflict('该异议已答复', 'This objection has been answered');
  if (o.recorded_by === actor.userId)
    throw forbidden('登记异议的人员不能复核同一异议', 'Whoever recorded the objection cannot re-examine it');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await loadCase(trx, actor, o.case_id);
    const ok = await repo.answerObjection(trx, id, {
      status: 'answered',
      outcome: input.outcome,
      answer: input.answer,
      answered_by: actor.userId,
      answered_by_name: actor.displayName,
      answered_at: now,
    });
    if (!ok) throw conflict('该异议已答复', 'This objection has been answered');
    await recordEvent(trx, actor, c.id, now, {
      action: 'objectionAnswered',
      from: c.state,
      to: c.state,
      detail: { objectionId: id, outcome: objectionOutcomeLabels[input.outcome], answer: input.answer },
    });
    await enqueueNotice(trx, {
      hallId: c.hall_id,
      event: 'objection_answered',
      now,
      caseId: c.id,
      caseNo: c.case_no,
      applicantId: c.applicant_id,
      vars: { itemName: c.item_name, outcome: objectionOutcomeLabels[input.outcome] },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'objection.answer', 'case', c.id, {
        objectionId: id,
        outcome: input.outcome,
        onTime: chinaDay(now) <= o.due_day,
      }),
    );
  });
  return presentObjection((await repo.findObjection(ctx.db, id))!, chinaDay(now));
}

export async function objectionRow(ctx: AppContext, actor: Actor, id: string) {
  const o = await loadObjection(ctx, actor, id);
  await loadCase(ctx.db, actor, o.case_id);
  if (o.status !== 'answered') throw notFound('书面答复', 'Written answer');
  return o;
}
