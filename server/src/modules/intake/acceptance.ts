/**
 * Acceptance (受理, R3.5, R3.8, R4.1): in one transaction the case gets its number, deadline and first-question
 * owner, its steps are created from the pinned item version and the first back-office order is routed, the
 * receipt (and for 容缺受理 the promise letter) is issued, and the trail and the audit log record it all.
 */
import type { CaseState } from '../../domain/case/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import {
  caseDeadline,
  stepDeadlineColumns,
  type CaseContext,
  formLabels,
  changedMeanwhile,
  handOverAtAcceptance,
  stepsAtAcceptance,
  planMove,
  recordEvents,
  type DocumentKind,
  documentSeries,
  type PromiseContent,
  type ReceiptContent,
  issueDocument,
  sharedContent,
} from '../cases/service.ts';
import * as cases from '../cases/service.ts';
import { enqueueCaseNotice } from '../notices/service.ts';

const pad = (n: number) => String(n).padStart(6, '0');

/** The promised completion date if the case were accepted today; for checking a 容缺 deadline beforehand. */
export async function deadlineIfAcceptedNow(ctx: AppContext, c: Pick<cases.CaseRow, 'hall_id' | 'promised_days'>) {
  const calendar = await calendarOf(ctx.db, c.hall_id);
  const acceptedDay = chinaDay(ctx.clock.now());
  const d = caseDeadline(calendar, { acceptedDay, promisedDays: c.promised_days });
  return { acceptedDay, deadline: d.deadline ?? acceptedDay, provisional: d.provisional, calendar };
}

/** When a case is accepted; the hall's calendar when the caller has just built it for the deadline. */
export interface AcceptanceTime {
  now: number;
  acceptedDay: string;
  deadline: string;
  provisional: boolean;
  calendar?: Awaited<ReturnType<typeof calendarOf>>;
}

export interface AcceptedDocument {
  id: string;
  kind: DocumentKind;
  docNo: string;
  issuedAt: number;
}

/** What an acceptance wrote: the case row as it now stands, its number and the documents issued. */
export interface Accepted {
  row: cases.CaseRow;
  caseNo: string;
  documents: AcceptedDocument[];
}

export interface Deferral {
  keys: string[];
  deadline: string;
}

export async function acceptInTransaction(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  c: cases.CaseRow,
  x: CaseContext,
  when: AcceptanceTime,
  deferral: Deferral | null,
  /**
   * The case row was inserted by this same transaction (当场受理, 补录): nobody else can hold it or its notices, and
   * its reception's trail event, not yet written, goes into the trail with the acceptance's.
   */
  fresh: { receptionEvent: cases.TrailEvent } | null = null,
): Promise<Accepted> {
  const { now, acceptedDay } = when;
  const year = Number(acceptedDay.slice(0, 4));
  // Claim the case before writing anything for it: a second acceptance of the same case running at the same
  // time waits on this row and then finds it no longer received (409), instead of colliding on its steps.
  if (!fresh && !(await cases.updateCaseFrom(trx, c.id, c.state, { updated_at: now }))) {
    throw new AppError(
      409,
      'CONFLICT',
      '办件已被他人处理，请刷新后重试',
      'The case was changed meanwhile; reload and retry',
    );
  }
  const calendar = when.calendar ?? (await calendarOf(trx, c.hall_id));
  // The published process starts: the reception order is done by this clerk, the next order is routed to its
  // departments, each step with its own deadline (环节时限) from today; nothing is suspended yet.
  const plan = stepsAtAcceptance(
    actor,
    c.id,
    x.content.steps,
    now,
    (s) => stepDeadlineColumns(calendar, s, []),
    x.content.approvalLevel,
  );
  await cases.insertSteps(trx, plan.steps);
  const active = plan.activated;
  await cases.insertSlips(
    trx,
    active.map((s) => ({
      id: newId(now),
      case_id: c.id,
      at: now,
      step_id: s.id,
      handed_over_by: actor.userId,
      handed_over_by_name: actor.displayName,
      department_id: s.department_id,
    })),
  );

  // The numbers come last: on PostgreSQL a counter's row stays locked until the commit, and every acceptance in
  // the hall waits for it, so it is taken when only the few writes that need it remain.
  // The case's number and its documents' numbers in one statement.
  const docKinds: DocumentKind[] = deferral ? ['receipt', 'deferral_promise'] : ['receipt'];
  const numbers = await cases.nextNumbers(trx, c.hall_id, year, ['case', ...docKinds.map((k) => documentSeries[k])]);
  const numberOf = (series: string) => numbers.get(series) ?? Number.NaN;
  const caseNo = `${x.hall.code}-${year}-${pad(numberOf('case'))}`;
  const action = deferral ? 'acceptWithDeferredMaterials' : 'acceptCase';
  const accept = planMove(actor, c, now, {
    action,
    payload: deferral
      ? { deferredItems: deferral.keys, promiseSigned: true, supplementDeadline: deferral.deadline }
      : {},
    patch: {
      case_no: caseNo,
      accepted_at: now,
      accepted_day: acceptedDay,
      deadline: when.deadline,
      deadline_provisional: when.provisional ? 1 : 0,
      first_owner_id: actor.userId,
      first_owner_name: actor.displayName,
      deferred_items: deferral ? JSON.stringify(deferral.keys) : null,
      deferred_deadline: deferral?.deadline ?? null,
    },
    detail: {
      caseNo,
      deadline: when.deadline,
      itemVersion: c.item_version,
      ...(deferral ? { deferred: deferral } : {}),
    },
  });
  // The case stands where its first step after reception puts it (审核中 for a review, 已受理 while 分办 waits):
  // the move and the hand-over are one update of the case row and, with a fresh case's reception, one insert of
  // the trail (three events, in order).
  const handOver =
    plan.state !== accept.patch.state ? handOverAtAcceptance(now, accept.patch.state, plan.state, active) : null;
  const patch = { ...accept.patch, state: plan.state };
  if (!(await cases.updateCaseFrom(trx, c.id, c.state, patch))) throw changedMeanwhile();
  await recordEvents(trx, actor, c.id, [
    ...(fresh ? [fresh.receptionEvent] : []),
    accept.event,
    ...(handOver ? [handOver] : []),
  ]);
  const row: cases.CaseRow = { ...c, ...patch };

  const shared = sharedContent(c, x, actor, acceptedDay);
  const deferredSet = new Set(deferral?.keys ?? []);
  const receipt: ReceiptContent = {
    ...shared,
    caseNo,
    urgency: { regular: '常规', urgent: '紧急（绿色通道）', special: '特殊' }[c.urgency] ?? c.urgency,
    received: x.content.materials.flatMap((m) => {
      const mark = x.marks.find((k) => k.key === m.key);
      return mark?.status === 'received'
        ? [{ name: m.name, form: formLabels[m.form], copies: mark.copies, pages: mark.pages }]
        : [];
    }),
    deferred: x.content.materials.filter((m) => deferredSet.has(m.key)).map((m) => ({ name: m.name })),
    deferredDeadline: deferral?.deadline ?? null,
    kind: x.content.kind,
    promisedDays: c.promised_days,
    deadline: when.deadline,
    provisional: when.provisional,
    pickupDay: when.deadline,
    progressUrl: `${ctx.config.publicBaseUrl}/progress?no=${encodeURIComponent(caseNo)}`,
  };
  const documents: AcceptedDocument[] = [];
  const issue = async (kind: DocumentKind, content: object) => {
    const id = newId(now);
    const docNo = await issueDocument(trx, actor, row, x, kind, content, now, 'issued', {
      id,
      number: numberOf(documentSeries[kind]),
    });
    documents.push({ id, kind, docNo, issuedAt: now });
    return docNo;
  };
  const docs = [await issue('receipt', receipt)];
  if (deferral) {
    const letter: PromiseContent = {
      ...shared,
      caseNo,
      deferred: x.check.shortfalls.map((s) => ({ name: s.name, status: s.status, reason: s.reason })),
      supplementDeadline: deferral.deadline,
      deadline: when.deadline,
      deadlineProvisional: when.provisional,
    };
    docs.push(await issue('deferral_promise', letter));
  }
  if (!fresh) await cases.closeOpenNotices(trx, c.id);
  // 受理通知: queued with the acceptance, so it is sent if and only if the acceptance commits.
  await enqueueCaseNotice(trx, row, 'accepted', now, { deadline: when.deadline }, undefined, undefined, {
    applicant: x.applicant,
    hall: x.hall,
  });
  await appendAudit(
    trx,
    byActor(actor, now, deferral ? 'case.accept_deferred' : 'case.accept', 'case', c.id, {
      caseNo,
      item: c.item_id,
      itemVersion: c.item_version,
      deadline: when.deadline,
      state: row.state as CaseState,
      documents: docs,
      ...(deferral ? { deferred: deferral } : {}),
    }),
  );
  return { row, caseNo, documents };
}
