/**
 * 专家意见: a back-office step calls in a named expert — a colleague of the hall or an outside person — with a
 * time limit in working days on the hall calendar (the clock of the case). The opinion is recorded once, by the
 * internal expert themself or, for an outside expert, by the step's handler. Trail and audit in one transaction.
 */
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { terminalStates } from '../../domain/case/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { caseDetail, caseHeadings, loadCase, recordEvent } from '../cases/service.ts';
import { visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { Consultation, RequestInput } from './schema.ts';

/** Days the expert has unless the step says otherwise. */
export const DEFAULT_EXPERT_DAYS = 5;

const closedStates: readonly string[] = [...terminalStates, 'completed', 'awaiting_collection', 'delivered'];

/** Who records the opinion: an internal expert themself; for an outside one, whoever called them in or holds the step. */
function mayAnswer(x: repo.ConsultationRow, actor: Actor, stepAssigneeId: string | null): boolean {
  if (x.status !== 'open') return false;
  if (x.expert_kind === 'internal') return x.expert_user_id === actor.userId;
  return x.requested_by === actor.userId || stepAssigneeId === actor.userId;
}

function present(x: repo.ConsultationRow, calendar: WorkingCalendar, today: string, may: boolean): Consultation {
  return {
    id: x.id,
    caseId: x.case_id,
    stepId: x.step_id,
    stepName: x.step_name,
    kind: x.expert_kind as Consultation['kind'],
    expertUserId: x.expert_user_id,
    expertName: x.expert_name,
    organisation: x.organisation,
    phone: maskPhone(x.phone),
    question: x.question,
    days: Number(x.days),
    dueDay: x.due_day,
    dueProvisional: x.due_provisional === 1,
    requestedBy: x.requested_by_name,
    requestedAt: Number(x.requested_at),
    status: x.status as Consultation['status'],
    opinion: x.opinion,
    opinionBy: x.opinion_by_name,
    opinionAt: x.opinion_at === null ? null : Number(x.opinion_at),
    // Due within its last working day, as every clock of the hall; red after it.
    light: x.status === 'open' ? calendar.lightFor(today, x.due_day, 1) : null,
    mayAnswer: may,
  };
}

export async function caseConsultations(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await caseDetail(ctx, actor, caseId);
  const rows = await repo.consultationsOfCase(ctx.db, c.id);
  const calendar = await calendarOf(ctx.db, c.hallId);
  const today = chinaDay(ctx.clock.now());
  const assignee = new Map(c.steps.map((s) => [s.id, s.assignee?.id ?? null]));
  const open = !closedStates.includes(c.state);
  return {
    items: rows.map((x) => present(x, calendar, today, open && mayAnswer(x, actor, assignee.get(x.step_id) ?? null))),
    mySteps: open
      ? c.steps
          .filter((s) => s.status === 'active' && s.assignee?.id === actor.userId)
          .map((s) => ({ id: s.id, name: s.name }))
      : [],
  };
}

/** The expert as the request names them; every missing part is a 400 naming its field. */
async function expertOf(ctx: AppContext, hallId: string, input: RequestInput) {
  if (input.kind === 'internal') {
    if (!input.expertUserId) throw invalid('expertUserId', '请选择本大厅的专家', 'Choose the colleague to consult');
    const u = (await repo.hallStaff(ctx.db, hallId)).find((s) => s.id === input.expertUserId);
    if (!u) throw invalid('expertUserId', '所选人员不是本大厅在岗人员', 'The expert must be active staff of the hall');
    return { userId: u.id, name: u.display_name, organisation: '本中心', phone: null };
  }
  if (!input.name) throw invalid('name', '请填写专家姓名', 'Give the expert’s name');
  if (!input.organisation) throw invalid('organisation', '请填写专家所在单位', 'Give the expert’s organisation');
  if (!input.phone) throw invalid('phone', '请填写专家联系电话', 'Give the expert’s phone');
  return { userId: null, name: input.name, organisation: input.organisation, phone: input.phone };
}

export async function requestOpinion(ctx: AppContext, actor: Actor, caseId: string, input: RequestInput) {
  const c = await caseDetail(ctx, actor, caseId);
  const step = c.steps.find((s) => s.id === input.stepId);
  if (!step) throw invalid('stepId', '该办件没有这个环节', 'No such step on the case');
  if (step.status !== 'active' || step.assignee?.id !== actor.userId) {
    throw forbidden('只有正在办理该环节的人员可以邀请专家', 'Only the person working the step may call in an expert');
  }
  if (closedStates.includes(c.state)) throw conflict('办件已办结或已终结', 'The case is finished');
  const expert = await expertOf(ctx, c.hallId, input);
  const now = ctx.clock.now();
  const calendar = await calendarOf(ctx.db, c.hallId);
  const due = calendar.addWorkingDays(chinaDay(now), input.days);
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, actor, caseId);
    await repo.insertConsultation(trx, {
      id,
      hall_id: row.hall_id,
      case_id: row.id,
      step_id: step.id,
      step_name: step.name,
      expert_kind: input.kind,
      expert_user_id: expert.userId,
      expert_name: expert.name,
      organisation: expert.organisation,
      phone: expert.phone,
      question: input.question,
      days: input.days,
      due_day: due.deadline,
      due_provisional: due.provisional ? 1 : 0,
      requested_by: actor.userId,
      requested_by_name: actor.displayName,
      requested_at: now,
      status: 'open',
      opinion: null,
      opinion_by_name: null,
      opinion_at: null,
      opinion_day: null,
    });
    await recordEvent(trx, actor, row.id, now, {
      action: 'expertRequested',
      from: row.state,
      to: row.state,
      detail: {
        consultationId: id,
        step: step.name,
        expert: expert.name,
        organisation: expert.organisation,
        days: input.days,
        dueDay: due.deadline,
      },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.expert_request', 'case', row.id, {
        consultationId: id,
        stepId: step.id,
        expertKind: input.kind,
        expert: expert.name,
        days: input.days,
        dueDay: due.deadline,
      }),
    );
  });
  return caseConsultations(ctx, actor, caseId);
}

export async function recordOpinion(ctx: AppContext, actor: Actor, id: string, input: { opinion: string }) {
  const x = await repo.findConsultation(ctx.db, id);
  if (!x || !actor.hallIds.includes(x.hall_id)) throw notFound('专家咨询', 'Expert consultation');
  const c = await caseDetail(ctx, actor, x.case_id);
  const assignee = c.steps.find((s) => s.id === x.step_id)?.assignee?.id ?? null;
  if (x.status !== 'open') throw alreadyAnswered();
  if (!mayAnswer(x, actor, assignee)) {
    throw forbidden(
      x.expert_kind === 'internal' ? '只有受邀专家本人可以填写意见' : '只有该环节的办理人员可以录入外部专家意见',
      'Only the expert (or, for an outside expert, the step’s handler) records the opinion',
    );
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, actor, x.case_id);
    const first = await repo.answerFrom(trx, id, {
      opinion: input.opinion,
      opinion_by_name: actor.displayName,
      opinion_at: now,
      opinion_day: chinaDay(now),
    });
    if (!first) throw alreadyAnswered();
    await recordEvent(trx, actor, row.id, now, {
      action: 'expertOpinionRecorded',
      from: row.state,
      to: row.state,
      detail: { consultationId: id, expert: x.expert_name, opinion: input.opinion, late: chinaDay(now) > x.due_day },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.expert_opinion', 'case', row.id, { consultationId: id, expert: x.expert_name }),
    );
  });
  return caseConsultations(ctx, actor, x.case_id);
}

const alreadyAnswered = () =>
  new AppError(409, 'CONFLICT', '该专家意见已录入，不能重复录入', 'The opinion has already been recorded', 'opinion');

/** Colleagues of the case's hall who can be called in. */
export async function expertCandidates(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const items = (await repo.hallStaff(ctx.db, c.hall_id))
    .filter((u) => u.id !== actor.userId)
    .map((u) => ({ id: u.id, name: u.display_name }));
  return { items, total: items.length };
}

async function presentOpen(
  ctx: AppContext,
  rows: Awaited<ReturnType<typeof repo.openConsultations>>,
  actor: Actor | null,
) {
  const today = chinaDay(ctx.clock.now());
  const cases = await caseHeadings(
    ctx.db,
    rows.map((r) => r.case_id),
  );
  const out = [];
  for (const r of rows) {
    const c = cases.get(r.case_id);
    if (!c) continue;
    const calendar = await calendarOf(ctx.db, r.hall_id);
    out.push({
      ...present(r, calendar, today, actor !== null && r.expert_user_id === actor.userId),
      caseNo: c.case_no,
      itemName: c.item_name,
    });
  }
  return out;
}

/** The internal expert's own open requests. */
export async function myConsultations(ctx: AppContext, actor: Actor) {
  const items = await presentOpen(
    ctx,
    await repo.openConsultations(ctx.db, visibleHallIds(actor), actor.userId),
    actor,
  );
  return { items, total: items.length };
}

/** Open consultations of the halls that are due today or overdue, for the 电子监察 board. */
export async function lateForBoard(ctx: AppContext, hallIds: string[]) {
  return (await presentOpen(ctx, await repo.openConsultations(ctx.db, hallIds), null)).filter(
    (x) => x.light !== 'green',
  );
}
