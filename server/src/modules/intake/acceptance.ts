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
import type { ItemContent } from '../catalog/schema.ts';
import { caseDeadline } from '../cases/clock.ts';
import { type CaseContext, formLabels } from '../cases/context.ts';
import * as cases from '../cases/repository.ts';
import { moveCase } from '../cases/trail.ts';
import { stepDeadlineColumns } from '../timelimits/clocks.ts';
import type { PromiseContent, ReceiptContent } from './documents/content.ts';
import { issueDocument, sharedContent } from './issue.ts';

const pad = (n: number) => String(n).padStart(6, '0');

/** The promised completion date if the case were accepted today; for checking a 容缺 deadline beforehand. */
export async function deadlineIfAcceptedNow(ctx: AppContext, c: Pick<cases.CaseRow, 'hall_id' | 'promised_days'>) {
  const calendar = await calendarOf(ctx.db, c.hall_id);
  const acceptedDay = chinaDay(ctx.clock.now());
  const d = caseDeadline(calendar, { acceptedDay, promisedDays: c.promised_days });
  return { acceptedDay, deadline: d.deadline ?? acceptedDay, provisional: d.provisional };
}

/**
 * Which steps acceptance itself completes: the leading order when every step in it is a front-office
 * (window) step without a department — that step is the 受理 the clerk is doing now. Then the next order runs.
 */
function planSteps(content: ItemContent) {
  const orders = [...new Set(content.steps.map((s) => s.order))].sort((a, b) => a - b);
  const first = orders[0];
  const frontOffice = (o: number) =>
    content.steps.filter((s) => s.order === o).every((s) => s.departmentId === null && (s.role === 'clerk' || s.role === 'supervisor'));
  const doneOrder = first !== undefined && frontOffice(first) && orders.length > 1 ? first : null;
  const activeOrder = doneOrder === null ? first : orders[1];
  return { doneOrder, activeOrder };
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
  when: { now: number; acceptedDay: string; deadline: string; provisional: boolean },
  deferral: Deferral | null,
): Promise<void> {
  const { now, acceptedDay } = when;
  const year = Number(acceptedDay.slice(0, 4));
  // Claim the case before writing anything for it: a second acceptance of the same case running at the same
  // time waits on this row and then finds it no longer received (409), instead of colliding on its steps.
  if (!(await cases.updateCaseFrom(trx, c.id, c.state, { updated_at: now }))) {
    throw new AppError(409, 'CONFLICT', '办件已被他人处理，请刷新后重试', 'The case was changed meanwhile; reload and retry');
  }
  const calendar = await calendarOf(trx, c.hall_id);
  const { doneOrder, activeOrder } = planSteps(x.content);
  const steps = x.content.steps.map((s) => {
    const status = s.order === doneOrder ? 'done' : s.order === activeOrder ? 'active' : 'pending';
    const step = {
      id: newId(now), case_id: c.id, step_key: s.key, name: s.name, step_order: s.order, role: s.role, department_id: s.departmentId,
      limit_days: s.limitDays, status, activated_at: status === 'pending' ? null : now, done_at: status === 'done' ? now : null,
    };
    // Each active step gets its own deadline (环节时限) from today; nothing is suspended yet.
    return { ...step, ...(status === 'pending' ? { deadline: null, deadline_provisional: 0 } : stepDeadlineColumns(calendar, step, [])) };
  });
  await cases.insertSteps(trx, steps);
  const active = steps.filter((s) => s.status === 'active');
  await cases.insertSlips(trx, active.map((s) => ({
    id: newId(now), case_id: c.id, at: now, step_id: s.id, handed_over_by: actor.userId, handed_over_by_name: actor.displayName,
    department_id: s.department_id,
  })));

  // The numbers come last: on PostgreSQL a counter's row stays locked until the commit, and every acceptance in
  // the hall waits for it, so it is taken when only the few writes that need it remain.
  const caseNo = `${x.hall.code}-${year}-${pad(await cases.nextNumber(trx, c.hall_id, 'case', year))}`;
  const action = deferral ? 'acceptWithDeferredMaterials' : 'acceptCase';
  let row = await moveCase(trx, actor, c, now, {
    action,
    payload: deferral ? { deferredItems: deferral.keys, promiseSigned: true, supplementDeadline: deferral.deadline } : {},
    patch: {
      case_no: caseNo, accepted_at: now, accepted_day: acceptedDay, deadline: when.deadline,
      deadline_provisional: when.provisional ? 1 : 0, first_owner_id: actor.userId, first_owner_name: actor.displayName,
      deferred_items: deferral ? JSON.stringify(deferral.keys) : null, deferred_deadline: deferral?.deadline ?? null,
    },
    detail: { caseNo, deadline: when.deadline, itemVersion: c.item_version, ...(deferral ? { deferred: deferral } : {}) },
  });
  // Routing to the first back-office department happens with acceptance (R4.1); the back office takes it from here.
  const departments = [...new Set(active.map((s) => s.department_id).filter((d): d is string => d !== null))];
  if (departments.length > 0) {
    row = await moveCase(trx, actor, row, now, {
      action: 'routeToDepartment',
      payload: { departmentId: departments[0] },
      detail: { departmentIds: departments, steps: active.map((s) => s.name) },
    });
  }

  const shared = sharedContent(c, x, actor, acceptedDay);
  const deferredSet = new Set(deferral?.keys ?? []);
  const receipt: ReceiptContent = {
    ...shared,
    caseNo,
    urgency: { regular: '常规', urgent: '紧急（绿色通道）', special: '特殊' }[c.urgency] ?? c.urgency,
    received: x.content.materials.flatMap((m) => {
      const mark = x.marks.find((k) => k.key === m.key);
      return mark?.status === 'received' ? [{ name: m.name, form: formLabels[m.form], copies: mark.copies, pages: mark.pages }] : [];
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
  const docs = [await issueDocument(trx, actor, row, x, 'receipt', receipt, now, 'issued')];
  if (deferral) {
    const letter: PromiseContent = {
      ...shared,
      caseNo,
      deferred: x.check.shortfalls.map((s) => ({ name: s.name, status: s.status, reason: s.reason })),
      supplementDeadline: deferral.deadline,
      deadline: when.deadline,
      deadlineProvisional: when.provisional,
    };
    docs.push(await issueDocument(trx, actor, row, x, 'deferral_promise', letter, now, 'issued'));
  }
  await cases.closeOpenNotices(trx, c.id);
  await appendAudit(trx, byActor(actor, now, deferral ? 'case.accept_deferred' : 'case.accept', 'case', c.id, {
    caseNo, item: c.item_id, itemVersion: c.item_version, deadline: when.deadline, state: row.state as CaseState,
    documents: docs, ...(deferral ? { deferred: deferral } : {}),
  }));
}

