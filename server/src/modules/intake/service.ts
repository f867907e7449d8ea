/**
 * Reception (收件登记, R3.3–R3.8): the clerk registers what the applicant handed in against the pinned item
 * version's checklist, and the checklist decides which outcome the clerk may choose — enforced here.
 */
import { markProblem } from '../../domain/intake/checklist.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { ApplicantRow } from '../applicants/repository.ts';
import { loadApplicant } from '../applicants/service.ts';
import { enqueueCaseNotice } from '../notices/service.ts';
import { findItem, publishedContent } from '../catalog/service.ts';
import {
  caseContext,
  checklistOf,
  loadCase,
  urgencyPriority,
  caseDetail,
  presentDetail,
  checkMove,
  moveCase,
  type RefusalContent,
  issueDocument,
  sharedContent,
} from '../cases/service.ts';
import { fileCase } from '../archives/service.ts';
import * as cases from '../cases/service.ts';
import { findWindow } from '../org/service.ts';
import { linkTicketToCase, servedTicketFor } from '../queue/service.ts';
import { acceptInTransaction, deadlineIfAcceptedNow } from './acceptance.ts';
import type { ReceptionInput } from './schema.ts';

/** What a reception is checked against, loaded once: the published item version, the parties and the window. */
export async function checkReception(ctx: AppContext, actor: Actor, input: ReceptionInput) {
  const item = await findItem(ctx.db, input.itemId);
  if (!item || !actor.hallIds.includes(item.hall_id))
    throw invalid('itemId', '事项不存在或不属于本大厅', 'No such service item in your halls');
  // The case is pinned to the version published at this moment (R1.5).
  if (item.status !== 'published' || item.published_version === null) {
    throw invalid('itemId', '该事项未发布或已停用，不能收件', 'The item is not published');
  }
  const content = await publishedContent(ctx.db, item.id, item.published_version);
  if (!content) throw invalid('itemId', '事项版本不存在', 'Item version missing');
  const applicant = await loadApplicant(ctx.db, actor, input.applicantId, 'applicantId');
  if (applicant.hall_id !== item.hall_id)
    throw invalid('applicantId', '申请人不属于该事项所在大厅', 'The applicant is registered in another hall');
  let agent: ApplicantRow | null = null;
  if (input.agentId !== null) {
    agent = await loadApplicant(ctx.db, actor, input.agentId, 'agentId');
    if (agent.kind !== 'person') throw invalid('agentId', '代理人应为自然人', 'An agent is an individual');
    if (agent.id === applicant.id)
      throw invalid('agentId', '代理人不能是申请人本人', 'The agent cannot be the applicant');
    if (agent.hall_id !== item.hall_id)
      throw invalid('agentId', '代理人不属于该事项所在大厅', 'The agent is registered in another hall');
    if (!input.powerOfAttorneyChecked) {
      throw invalid('powerOfAttorneyChecked', '代理人办理须核验授权委托书', 'Check the power of attorney of the agent');
    }
  }
  let window: Awaited<ReturnType<typeof findWindow>> | null = null;
  if (input.windowId !== null) {
    const w = await findWindow(ctx.db, input.windowId);
    if (!w || w.hall_id !== item.hall_id || w.status !== 'active')
      throw invalid('windowId', '窗口不存在或未启用', 'No such active window in the hall');
    window = w;
  }
  const ticket =
    input.ticketId === null ? null : await servedTicketFor(ctx.db, input.ticketId, item.hall_id, input.windowId);
  const problem = markProblem(checklistOf(content), input.materials);
  if (problem) throw invalid(problem.field, problem.zh, problem.en);
  return { item, version: item.published_version, content, applicant, agent, window, ticket };
}
export type CheckedReception = Awaited<ReturnType<typeof checkReception>>;

/** The case context of a reception accepted in the same step (当场受理, 补录): what was just checked, not read back. */
export const receptionContext = (
  r: CheckedReception,
  hall: cases.CaseContext['hall'],
  input: ReceptionInput,
  check: cases.CaseContext['check'],
): cases.CaseContext => ({
  item: r.item,
  content: r.content,
  hall,
  applicant: r.applicant,
  agent: r.agent,
  window: r.window ?? null,
  round: 1,
  marks: input.materials,
  check,
});

/**
 * Writes the received case and its first reception round; returns its trail event for the caller to record, so
 * that 当场受理 writes it in one insert with the acceptance's. The caller audits.
 */
export async function insertReceived(
  trx: Db,
  actor: Actor,
  r: CheckedReception,
  input: ReceptionInput,
  id: string,
  now: number,
): Promise<{ row: cases.CaseRow; event: cases.TrailEvent }> {
  const row: cases.CaseRow = {
    id,
    hall_id: r.item.hall_id,
    case_no: null,
    item_id: r.item.id,
    item_version: r.version,
    item_name: r.content.name,
    applicant_id: r.applicant.id,
    agent_id: input.agentId,
    attorney_checked: input.agentId !== null && input.powerOfAttorneyChecked ? 1 : 0,
    state: 'received',
    resume_to: null,
    urgency: input.urgency,
    priority: urgencyPriority[input.urgency],
    importance: input.importance,
    window_id: input.windowId,
    received_by: actor.userId,
    received_by_name: actor.displayName,
    received_at: now,
    received_day: chinaDay(now),
    first_owner_id: null,
    first_owner_name: null,
    accepted_at: null,
    accepted_day: null,
    promised_days: r.content.promisedDays,
    warning_days: r.content.warningDays,
    deadline: null,
    deadline_provisional: 0,
    deferred_items: null,
    deferred_deadline: null,
    closed_reason: null,
    updated_at: now,
  };
  await cases.insertCase(trx, row);
  await cases.insertReception(trx, {
    id: newId(now),
    case_id: id,
    round: 1,
    materials: JSON.stringify(input.materials),
    window_id: input.windowId,
    clerk_id: actor.userId,
    clerk_name: actor.displayName,
    at: now,
  });
  if (r.ticket) await linkTicketToCase(trx, r.ticket.id, id, now);
  const event: cases.TrailEvent = {
    at: now,
    action: 'registerReception',
    from: null,
    to: 'received',
    detail: {
      itemVersion: r.version,
      urgency: input.urgency,
      importance: input.importance,
      round: 1,
      ...(r.ticket ? { ticket: r.ticket.number } : {}),
    },
  };
  return { row, event };
}

export async function registerReception(ctx: AppContext, actor: Actor, input: ReceptionInput) {
  const r = await checkReception(ctx, actor, input);
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    const { event } = await insertReceived(trx, actor, r, input, id, now);
    await cases.recordEvents(trx, actor, id, [event]);
    await appendAudit(
      trx,
      byActor(actor, now, 'case.register', 'case', id, {
        item: r.item.id,
        itemVersion: r.version,
        urgency: input.urgency,
      }),
    );
  });
  return caseDetail(ctx, actor, id);
}

export function incomplete(names: string[]) {
  return new AppError(
    409,
    'MATERIALS_INCOMPLETE',
    `材料不齐全，不能受理：${names.join('、')}`,
    `Materials missing or incorrect: ${names.join(', ')}`,
    'materials',
  );
}

/** 受理: only when every required (and applicable conditional) material is received. */
export async function acceptCase(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'acceptCase');
  const x = await caseContext(ctx.db, c);
  if (!x.check.complete) throw incomplete(x.check.shortfalls.map((s) => s.name));
  const when = await deadlineIfAcceptedNow(ctx, c);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) => acceptInTransaction(ctx, trx, actor, c, x, { now, ...when }, null));
  // The materials, parties and item are as just checked; only the case row and its trail are read back.
  return presentDetail(ctx, actor, await loadCase(ctx.db, actor, id), x);
}

/** 容缺受理 (R3.8): every shortfall non-essential, a signed promise, and a deadline not beyond the promised date. */
export async function acceptWithDeferral(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { promiseSigned: boolean; supplementDeadline: string },
) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'acceptWithDeferredMaterials', {
    deferredItems: ['-'],
    promiseSigned: input.promiseSigned,
    supplementDeadline: input.supplementDeadline,
  });
  const x = await caseContext(ctx.db, c);
  if (x.check.complete)
    throw new AppError(409, 'CONFLICT', '材料已齐全，请直接受理', 'Nothing is missing; accept the case', 'materials');
  const essential = x.check.shortfalls.find((s) => s.essential);
  if (essential) {
    throw invalid(
      'materials',
      `“${essential.name}”是关键材料，不能容缺受理`,
      `${essential.name} is essential and cannot be deferred`,
    );
  }
  const when = await deadlineIfAcceptedNow(ctx, c);
  if (input.supplementDeadline < when.acceptedDay || input.supplementDeadline > when.deadline) {
    throw invalid(
      'supplementDeadline',
      `补齐期限应在今天至承诺办结日期（${when.deadline}）之间`,
      `The supplement deadline must fall between today and ${when.deadline}`,
    );
  }
  const now = ctx.clock.now();
  const deferral = { keys: x.check.shortfalls.map((s) => s.key), deadline: input.supplementDeadline };
  await ctx.db.transaction().execute((trx) => acceptInTransaction(ctx, trx, actor, c, x, { now, ...when }, deferral));
  return presentDetail(ctx, actor, await loadCase(ctx.db, actor, id), x);
}

/** 不予受理: the reasons and where to go instead, from receipt or after a lapsed notice. */
export async function refuseAcceptance(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reasons: string; referral: string; basis: string },
) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'refuseAcceptance', { reason: input.reasons });
  const x = await caseContext(ctx.db, c);
  const now = ctx.clock.now();
  const content: RefusalContent = { ...sharedContent(c, x, actor, chinaDay(now)), ...input };
  await ctx.db.transaction().execute(async (trx) => {
    const row = await moveCase(trx, actor, c, now, {
      action: 'refuseAcceptance',
      payload: { reason: input.reasons },
      patch: { closed_reason: input.reasons },
      detail: { reasons: input.reasons, referral: input.referral },
    });
    await cases.closeOpenNotices(trx, id);
    const docNo = await issueDocument(trx, actor, row, x, 'non_acceptance', content, now, 'issued');
    await enqueueCaseNotice(trx, row, 'refused', now, { reason: input.reasons });
    await appendAudit(trx, byActor(actor, now, 'case.refuse', 'case', id, { docNo }));
    // A refused case ends here: its archive file (档号) is taken in the same transaction.
    await fileCase(trx, actor, row, now);
  });
  return caseDetail(ctx, actor, id);
}

export { acceptAtWindow } from './on-the-spot.ts';
