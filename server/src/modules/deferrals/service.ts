/**
 * 容缺 follow-up: each material deferred at acceptance is due by the promise's supplement deadline; the clerk
 * records its arrival; a material past due shows on the board and lets the supervisor end the case (终止) with a
 * printed notice to the applicant. Nothing of a deferred case is approved before its materials are in, unless
 * the item allows it (assertDeferredMaterialsIn, called by the approval).
 */
import {
  approvalCheck,
  type DeferredMaterial,
  deferredStatus,
  overdueMaterials,
} from '../../domain/case-support/deferred.ts';
import { allowedActions } from '../../domain/case/index.ts';
import { isRoleCode } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  caseContext,
  caseDetail,
  checkMove,
  type DeferralCase,
  deferralOfCase,
  issueDocument,
  lapsedDeferrals,
  loadCase,
  moveCase,
  partyOf,
  pinnedItem,
  recordEvent,
  statusOf,
  type TerminationContent,
} from '../cases/service.ts';
import { enqueueCaseNotice } from '../notices/service.ts';
import * as repo from './repository.ts';
import type { Deferral } from './schema.ts';

/** States in which a deferred case is still being worked: its materials can arrive and it can be ended. */
const openStates = [
  'accepted',
  'in_process',
  'awaiting_verification',
  'in_review',
  'in_approval',
  'suspended',
  'returned_for_rework',
  'approved',
  'denied',
];

/** The deferred materials of a case with their names (from the item version it was received under) and due day. */
async function materialsOf(db: Db, c: DeferralCase): Promise<{ materials: DeferredMaterial[]; itemAllows: boolean }> {
  if (!c.deferred_items || !c.deferred_deadline) return { materials: [], itemAllows: false };
  const { content } = await pinnedItem(db, c);
  const names = new Map(content.materials.map((m) => [m.key, m.name]));
  const keys = JSON.parse(c.deferred_items) as string[];
  const dueDay = c.deferred_deadline;
  return {
    materials: keys.map((key) => ({ key, name: names.get(key) ?? key, dueDay })),
    itemAllows: content.deferredApprovalAllowed === true,
  };
}

async function deferralCase(db: Db, caseId: string) {
  const c = await deferralOfCase(db, caseId);
  if (!c) throw notFound('办件', 'Case');
  return c;
}

/**
 * Throws 409 naming the deferred materials still outstanding, unless they are all in or the item lets approval
 * go first. The approval calls it before it decides; a case accepted without deferral always passes.
 */
export async function assertDeferredMaterialsIn(db: Db, caseId: string): Promise<void> {
  const c = await deferralCase(db, caseId);
  const { materials, itemAllows } = await materialsOf(db, c);
  if (!materials.length) return;
  const arrived = new Set((await repo.arrivalsOf(db, [caseId])).map((a) => a.material_key));
  const check = approvalCheck(materials, arrived, itemAllows);
  if (check.ok) return;
  const names = check.outstanding.map((m) => m.name);
  throw new AppError(
    409,
    'DEFERRED_MATERIALS_OUTSTANDING',
    `容缺材料尚未补齐，不能审批：${names.join('、')}`,
    `Deferred materials are still outstanding: ${names.join(', ')}`,
    'deferredMaterials',
    { outstanding: names },
  );
}

export async function deferralOf(ctx: AppContext, actor: Actor, caseId: string): Promise<Deferral> {
  const row = await loadCase(ctx.db, actor, caseId);
  const c = await deferralCase(ctx.db, row.id);
  const { materials, itemAllows } = await materialsOf(ctx.db, c);
  const arrivals = new Map((await repo.arrivalsOf(ctx.db, [c.id])).map((a) => [a.material_key, a]));
  const today = chinaDay(ctx.clock.now());
  const arrived = new Set(arrivals.keys());
  const open = openStates.includes(c.state);
  const roles = actor.roles.filter(isRoleCode);
  const terminated =
    c.state === 'terminated'
      ? (await caseDetail(ctx, actor, c.id)).documents.find((d) => d.kind === 'termination_notice')
      : undefined;
  return {
    deferred: materials.length > 0,
    dueDay: c.deferred_deadline,
    itemAllowsApproval: itemAllows,
    materials: materials.map((m) => {
      const a = arrivals.get(m.key);
      return {
        key: m.key,
        name: m.name,
        dueDay: m.dueDay,
        status: deferredStatus(m, arrived, today),
        arrivedAt: a ? Number(a.arrived_at) : null,
        arrivedDay: a?.arrived_day ?? null,
        recordedBy: a?.recorded_by_name ?? null,
        copies: a ? Number(a.copies) : null,
        pages: a ? Number(a.pages) : null,
        note: a?.note ?? null,
      };
    }),
    mayRecordArrival: open && actor.permissions.has('reception.register') && materials.some((m) => !arrived.has(m.key)),
    mayTerminate:
      overdueMaterials(materials, arrived, today).length > 0 &&
      allowedActions(statusOf(row), roles).includes('terminate'),
    terminationDocumentId: terminated?.id ?? null,
  };
}

export async function recordArrival(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  key: string,
  input: { copies: number; pages: number; note: string },
) {
  const row = await loadCase(ctx.db, actor, caseId);
  const c = await deferralCase(ctx.db, row.id);
  const { materials } = await materialsOf(ctx.db, c);
  const m = materials.find((x) => x.key === key);
  if (!m) throw notFound('容缺材料', 'Deferred material');
  if (!openStates.includes(c.state))
    throw conflict('办件已不在办理中，不能登记补交材料', 'The case is no longer being processed');
  const now = ctx.clock.now();
  const today = chinaDay(now);
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await loadCase(trx, actor, caseId);
    if ((await repo.arrivalsOf(trx, [c.id])).some((a) => a.material_key === key)) throw alreadyArrived(m.name);
    const id = newId(now);
    await repo.insertArrival(trx, {
      id,
      hall_id: c.hall_id,
      case_id: c.id,
      material_key: key,
      material_name: m.name,
      copies: input.copies,
      pages: input.pages,
      note: input.note,
      arrived_at: now,
      arrived_day: today,
      recorded_by: actor.userId,
      recorded_by_name: actor.displayName,
    });
    await onTrail(trx, actor, fresh, now, 'deferredMaterialArrived', {
      material: m.name,
      key,
      dueDay: m.dueDay,
      late: today > m.dueDay,
      copies: input.copies,
      pages: input.pages,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.deferred_arrival', 'case', c.id, { key, material: m.name, late: today > m.dueDay }),
    );
  });
  return deferralOf(ctx, actor, caseId);
}

const alreadyArrived = (name: string) =>
  conflict(`“${name}”已登记补交，不能重复登记`, `${name} has already been recorded as handed in`, 'key');

/** An event on the case's trail that leaves its state as it is. */
const onTrail = (
  trx: Db,
  actor: Actor,
  c: { id: string; state: string },
  now: number,
  action: string,
  detail: Record<string, unknown>,
) => recordEvent(trx, actor, c.id, now, { action, from: c.state, to: c.state, detail });

/** 终止: allowed only once a deferred material is past its promised day; the applicant gets a numbered notice. */
export async function terminateCase(ctx: AppContext, actor: Actor, caseId: string, input: { reason: string }) {
  const row = await loadCase(ctx.db, actor, caseId);
  checkMove(actor, row, 'terminate');
  const c = await deferralCase(ctx.db, row.id);
  const { materials } = await materialsOf(ctx.db, c);
  const arrived = new Set((await repo.arrivalsOf(ctx.db, [c.id])).map((a) => a.material_key));
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const overdue = overdueMaterials(materials, arrived, today);
  if (!overdue.length) {
    throw conflict(
      '没有逾期未补齐的容缺材料，不能终止办理',
      'No deferred material is past its promised day; the case cannot be terminated',
      'deferredMaterials',
    );
  }
  const x = await caseContext(ctx.db, row);
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await loadCase(trx, actor, caseId);
    const content: TerminationContent = {
      caseNo: fresh.case_no ?? '',
      itemName: x.content.name,
      applicant: partyOf(x.applicant),
      agent: x.agent ? partyOf(x.agent) : null,
      attorneyChecked: fresh.attorney_checked === 1,
      acceptedDay: fresh.accepted_day ?? today,
      promiseDay: c.deferred_deadline ?? today,
      materials: overdue.map((m) => ({ name: m.name })),
      reason: input.reason,
      decidedBy: actor.displayName,
      day: today,
    };
    const docNo = await issueDocument(trx, actor, fresh, x, 'termination_notice', content, now, 'issued');
    const detail = {
      reason: input.reason,
      materials: overdue.map((m) => m.name),
      promiseDay: c.deferred_deadline,
      docNo,
    };
    const ended = await moveCase(trx, actor, fresh, now, {
      action: 'terminate',
      payload: { reason: input.reason },
      patch: { closed_reason: input.reason },
      detail,
    });
    await enqueueCaseNotice(trx, ended, 'terminated', now, { reason: input.reason });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.terminate', 'case', c.id, { caseNo: fresh.case_no, from: fresh.state, ...detail }),
    );
  });
  return deferralOf(ctx, actor, caseId);
}

/** Deferred materials past their promised day on open cases, for the 电子监察 board. */
export async function overdueForBoard(ctx: AppContext, hallIds: string[]) {
  const today = chinaDay(ctx.clock.now());
  const cases = await lapsedDeferrals(ctx.db, hallIds, today, openStates);
  const arrivals = await repo.arrivalsOf(
    ctx.db,
    cases.map((c) => c.id),
  );
  const out = [];
  for (const c of cases) {
    const arrived = new Set(arrivals.filter((a) => a.case_id === c.id).map((a) => a.material_key));
    const { materials } = await materialsOf(ctx.db, c);
    const overdue = overdueMaterials(materials, arrived, today);
    if (overdue.length) {
      out.push({
        caseId: c.id,
        caseNo: c.case_no,
        itemName: c.item_name,
        dueDay: c.deferred_deadline ?? '',
        materials: overdue.map((m) => m.name),
      });
    }
  }
  return out;
}
