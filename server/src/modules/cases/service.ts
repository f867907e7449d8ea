import { caseStates } from '../../domain/case/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { renderPdf } from '../../platform/pdf/kit.ts';
import { presentApplicant } from '../applicants/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { departmentsByIds, visibleHallIds } from '../org/service.ts';
import { endOpenPause } from './deadlines.ts';
import { documentModel } from './documents/index.ts';
import { afterAcceptance, calendarCache, caseLight, presentStep } from './after-acceptance.ts';
import { type CaseContext, caseContext, formLabels, loadCase } from './context.ts';
import { type DocumentKind, documentKindLabels, stateLabel, type Urgency, urgencyLabels } from './presenter.ts';
import { withInternalOpinionsFor } from './internal-opinions.ts';
import * as repo from './repository.ts';
import { findBackEntry } from './fee-repository.ts';
import type { CaseDetail } from './schema.ts';
import { optionsFor, toCaseStep } from './process.ts';
import { handBackable } from './cover-service.ts';
import { moveCase } from './trail.ts';
import { noticesOfCase } from '../notices/service.ts';

export function presentSummary(c: repo.CaseRow, applicantName: string, light: CaseDetail['light'] = null) {
  return {
    id: c.id,
    hallId: c.hall_id,
    caseNo: c.case_no,
    itemId: c.item_id,
    itemName: c.item_name,
    applicantName,
    state: c.state as CaseDetail['state'],
    stateLabel: stateLabel(c.state),
    urgency: c.urgency as Urgency,
    urgencyLabel: urgencyLabels[c.urgency as Urgency] ?? c.urgency,
    importance: c.importance as CaseDetail['importance'],
    windowId: c.window_id,
    receivedBy: c.received_by_name,
    receivedAt: Number(c.received_at),
    acceptedAt: c.accepted_at === null ? null : Number(c.accepted_at),
    deadline: c.deadline,
    deadlineProvisional: c.deadline_provisional === 1,
    light,
  };
}

export async function presentDetail(
  ctx: AppContext,
  actor: Actor,
  c: repo.CaseRow,
  cc?: CaseContext,
): Promise<CaseDetail> {
  const x = cc ?? (await caseContext(ctx.db, c));
  const [steps, slips, docs, events, back] = await Promise.all([
    repo.stepsOf(ctx.db, c.id),
    repo.slipsOf(ctx.db, c.id),
    repo.documentsOf(ctx.db, [c.id]),
    repo.eventsOf(ctx.db, [c.id]),
    findBackEntry(ctx.db, c.id),
  ]);
  const marks = new Map(x.marks.map((m) => [m.key, m]));
  // Department names come with the case: whoever may open it may not read the hall's department list.
  const deptIds = [...new Set(steps.map((s) => s.department_id).filter((d): d is string => d !== null))];
  const deptNames = new Map((await departmentsByIds(ctx.db, deptIds)).map((d) => [d.id, d.name]));
  // The buttons: exactly what the process and the state table allow this person now.
  const options = await optionsFor(ctx.db, actor, c, steps, x.content.approvalLevel, ctx.clock.now());
  // AB岗: a step B took while covering may be handed back (交还) once its person is back.
  const handBack = await handBackable(ctx.db, actor.userId, steps, events, ctx.clock.now());
  const calendar = await calendarOf(ctx.db, c.hall_id);
  const today = chinaDay(ctx.clock.now());
  const parties = { firstOwnerId: c.first_owner_id, eventUserIds: events.map((e) => e.user_id), steps };
  return withInternalOpinionsFor(actor, parties, {
    ...presentSummary(c, x.applicant.name, caseLight(calendar, today, c)),
    ...(await afterAcceptance(ctx.db, c)),
    itemVersion: c.item_version,
    backEntry: back
      ? { paperReceiptNo: back.paper_receipt_no, enteredAt: Number(back.entered_at), enteredBy: back.entered_by_name }
      : null,
    applicant: presentApplicant(x.applicant),
    agent: x.agent ? presentApplicant(x.agent) : null,
    attorneyChecked: c.attorney_checked === 1,
    firstOwner: c.first_owner_id ? { id: c.first_owner_id, name: c.first_owner_name ?? '' } : null,
    acceptedDay: c.accepted_day,
    promisedDays: c.promised_days,
    deferred: c.deferred_items
      ? { keys: JSON.parse(c.deferred_items) as string[], deadline: c.deferred_deadline ?? '' }
      : null,
    closedReason: c.closed_reason,
    round: x.round,
    materials: x.content.materials.map((m) => {
      const mark = marks.get(m.key);
      return {
        key: m.key,
        name: m.name,
        form: formLabels[m.form],
        requirement: m.requirement,
        condition: m.condition,
        essential: m.essential,
        status: mark?.status ?? 'missing',
        copies: mark?.copies ?? 0,
        pages: mark?.pages ?? 0,
        reason: mark?.reason ?? '',
      };
    }),
    checklist: x.check,
    steps: steps.map((s) => ({
      ...presentStep(calendar, today, c, s),
      departmentName: s.department_id ? (deptNames.get(s.department_id) ?? null) : null,
      authority: toCaseStep(s, x.content.approvalLevel).authority ?? null,
      actions: [
        ...(options.perStep.find((p) => p.stepId === s.id)?.actions ?? []),
        ...(handBack.has(s.id) ? ['handBackStep'] : []),
      ],
      handBackTo: handBack.get(s.id) ?? null,
    })),
    routingSlips: slips.map((s) => ({
      at: Number(s.at),
      handedOverBy: s.handed_over_by_name,
      departmentId: s.department_id,
      stepId: s.step_id,
    })),
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind as DocumentKind,
      kindLabel: documentKindLabels[d.kind as DocumentKind] ?? d.kind,
      docNo: d.doc_no,
      status: d.status,
      issuedAt: Number(d.issued_at),
    })),
    events: events.map((e) => ({
      at: Number(e.at),
      by: e.display_name,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    })),
    allowedActions: options.actions,
  });
}

export async function caseDetail(ctx: AppContext, actor: Actor, id: string) {
  return presentDetail(ctx, actor, await loadCase(ctx.db, actor, id));
}

/** 通知记录 of one case, with every try (the case must be in the caller's scope). */
export async function caseNotices(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadCase(ctx.db, actor, id);
  return noticesOfCase(ctx.db, c.id);
}

export async function listCases(
  ctx: AppContext,
  actor: Actor,
  f: Omit<repo.CaseFilter, 'hallIds' | 'states'> & { hallId?: string; status?: string },
) {
  const states = f.status
    ? f.status
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const unknown = states?.find((s) => !(caseStates as readonly string[]).includes(s));
  if (unknown) throw invalid('status', `未知的办件状态：${unknown}`, `Unknown case state ${unknown}`);
  const { rows, total, totalCapped } = await repo.listCases(ctx.db, {
    ...f,
    states,
    hallIds: visibleHallIds(actor, f.hallId),
  });
  const today = chinaDay(ctx.clock.now());
  const calendarFor = calendarCache(ctx.db);
  const items = [];
  for (const r of rows)
    items.push(presentSummary(r, r.applicant_name, caseLight(await calendarFor(r.hall_id), today, r)));
  return { items, total, totalCapped };
}

/** Withdrawal at the applicant's request (撤回), with the reason on the trail; open notices and an open pause close with it. */
export async function withdrawCase(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // A suspended case's pause ends with it, so its clock and the statistics see no stop left open.
    const ended = await endOpenPause(trx, c, now);
    const detail = ended
      ? { reason, endedPause: { id: ended.id, fromDay: ended.fromDay, toDay: ended.toDay } }
      : { reason };
    await moveCase(trx, actor, c, now, {
      action: 'withdraw',
      payload: { reason },
      patch: { closed_reason: reason },
      detail,
    });
    await repo.closeOpenNotices(trx, id);
    await appendAudit(
      trx,
      byActor(actor, now, 'case.withdraw', 'case', id, {
        caseNo: c.case_no,
        from: c.state,
        reason,
        pauseEnded: ended?.id ?? null,
      }),
    );
  });
  return caseDetail(ctx, actor, id);
}

/** A document of the case as an A4 PDF, rebuilt from what was stored when it was issued. */
export async function documentPdf(ctx: AppContext, actor: Actor, caseId: string, docId: string) {
  const c = await loadCase(ctx.db, actor, caseId);
  const d = await repo.findDocument(ctx.db, docId);
  if (!d || d.case_id !== c.id) throw notFound('文书', 'Document');
  const x = await caseContext(ctx.db, c);
  const model = await documentModel(d.kind as DocumentKind, x.hall, d.doc_no, d.content);
  const pdf = await renderPdf(model, { createdAt: new Date(Number(d.issued_at)) });
  return { pdf, fileName: `${d.doc_no}.pdf` };
}

/** A document of a case rebuilt for an electronic loan of its archive file (the archive checks the loan and audits). */
export async function documentPdfForLoan(ctx: AppContext, caseId: string, docId: string, watermark: string) {
  const c = await repo.findCase(ctx.db, caseId);
  const d = await repo.findDocument(ctx.db, docId);
  if (!c || !d || d.case_id !== c.id) throw notFound('文书', 'Document');
  const x = await caseContext(ctx.db, c);
  const model = await documentModel(d.kind as DocumentKind, x.hall, d.doc_no, d.content);
  return renderPdf(model, { createdAt: new Date(Number(d.issued_at)), watermark });
}

// The case core's public face: reception, back office, results and time limits move and record cases through
// these, never through the core's files or tables directly.
export { calendarCache, caseLight } from './after-acceptance.ts';
export { caseDeadline, lightOf, stepDeadlineColumns, stepDeadlineOf } from './clock.ts';
export { type CaseContext, caseContext, checklistOf, formLabels, loadCase, pinnedItem } from './context.ts';
export { endOpenPause, refreshDeadlines } from './deadlines.ts';
export type { NoticeContent, PromiseContent, ReceiptContent, RefusalContent } from './documents/content.ts';
export type { ExtensionContent } from './documents/extension.ts';
export type { ResultContent } from './documents/result.ts';
export type { TerminationContent } from './documents/termination.ts';
export { issueDocument, partyOf, sharedContent } from './issue.ts';
export {
  type DocumentKind,
  documentKindLabels,
  documentSeries,
  importances,
  stateLabel,
  urgencies,
  urgencyPriority,
} from './presenter.ts';
export { handOverAtAcceptance, type ProcessMove, processMove, stepsAtAcceptance } from './process.ts';
export { presentDelivery, presentFile } from './records-presenter.ts';
export * from './records-repository.ts';
export * from './township-repository.ts';
export * from './fee-repository.ts';
export { ledgerEntry } from './fees.ts';
export { publicProgress } from './progress.ts';
export {
  type CaseRow,
  closeOpenNotices,
  documentsOf,
  eventsOf,
  findCase,
  findCaseByNo,
  findStep,
  insertCase,
  insertDocument,
  insertReception,
  insertSlips,
  insertSteps,
  nextNumber,
  nextNumbers,
  receptionsOf,
  type StepRow,
  stepsOf,
  updateCaseFrom,
  updateStep,
  updateStepFrom,
} from './repository.ts';
export {
  acceptedBetween,
  caseDepartments,
  completions,
  finishedStepsBetween,
  reviewDecisionsBetween,
  watchedCases,
  watchedSteps,
} from './board-repository.ts';
export {
  type Count,
  type FinishedCount,
  finishedCounts,
  finishedStepTotals,
  finishedTotals,
  receivedCounts,
  receivedTotals,
  reviewTotals,
} from './figures-repository.ts';

/** The ids of an applicant's cases, as applicant or agent: what other modules join on for 一企一档. */
export async function caseIdsOfApplicant(ctx: AppContext, applicantId: string): Promise<string[]> {
  return (await repo.casesOfApplicant(ctx.db, applicantId)).map((c) => c.id);
}
export { type InboxFilter, type InboxRow, inbox } from './inbox-repository.ts';
export {
  casesOfParty,
  clearDeliveryNumbers,
  exportDeliveries,
  exportDocuments,
  exportFiles,
  openCaseCount,
  purgeCandidates,
} from './privacy-repository.ts';
export {
  acceptedCasesForSample,
  awaitingCollection,
  caseHeadings,
  type DeferralCase,
  deferralOfCase,
  lapsedDeferrals,
} from './support-repository.ts';
export {
  changedMeanwhile,
  checkMove,
  moveCase,
  planMove,
  recordEvent,
  recordEvents,
  statusOf,
  type TrailEvent,
} from './trail.ts';
export { coverOriginOf } from './cover-service.ts';
export { applicantFile } from './applicant-file.ts';
