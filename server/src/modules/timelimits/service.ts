/**
 * Suspensions, extensions and re-computation of the case clock (R6.2–R6.5). Each write is one transaction
 * with its trail event (through the state machine) and its audit record.
 */
import { suspensionKinds } from '../../domain/case/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import {
  caseContext,
  loadCase,
  caseDetail,
  checkMove,
  moveCase,
  recordEvent,
  issueDocument,
  partyOf,
  refreshDeadlines,
  type ExtensionContent,
} from '../cases/service.ts';
import { visibleHallIds } from '../org/service.ts';
import { enqueueCaseNotice } from '../notices/service.ts';
import * as repo from '../cases/service.ts';

/** 暂停计时: the day of suspension still counts; the clock stops from the next day (clock.ts rule 3). */
export async function suspendClock(ctx: AppContext, actor: Actor, id: string, input: { kind: string; reason: string }) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  const calendar = await calendarOf(ctx.db, c.hall_id);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await moveCase(trx, actor, c, now, {
      action: 'suspendClock',
      payload: { suspensionKind: input.kind, reason: input.reason },
      detail: {
        kind: input.kind,
        kindLabel: suspensionKinds[input.kind as keyof typeof suspensionKinds]?.zh,
        reason: input.reason,
      },
    });
    await repo.insertPause(trx, {
      id: newId(now),
      case_id: id,
      kind: input.kind,
      reason: input.reason,
      from_day: chinaDay(now),
      to_day: null,
      started_at: now,
      started_by_name: actor.displayName,
      ended_at: null,
    });
    const d = await refreshDeadlines(trx, calendar, row);
    await enqueueCaseNotice(trx, row, 'suspended', now, {
      reason: suspensionKinds[input.kind as keyof typeof suspensionKinds]?.zh ?? input.reason,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.suspend', 'case', id, { kind: input.kind, reason: input.reason, deadline: d.deadline }),
    );
  });
  return caseDetail(ctx, actor, id);
}

/** 恢复计时: counting resumes the day after today; the deadline is computed again from every pause. */
export async function resumeClock(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  const calendar = await calendarOf(ctx.db, c.hall_id);
  await ctx.db.transaction().execute(async (trx) => {
    const open = await repo.openPause(trx, id);
    const row = await moveCase(trx, actor, c, now, {
      action: 'resumeClock',
      payload: {},
      detail: { pauseId: open?.id ?? null },
    });
    if (open) await repo.closePause(trx, open.id, chinaDay(now), now);
    const d = await refreshDeadlines(trx, calendar, row);
    await recordEvent(trx, actor, id, now, {
      action: 'deadlineChanged',
      from: row.state,
      to: row.state,
      detail: { deadline: d.deadline, because: 'resumeClock' },
    });
    await enqueueCaseNotice(trx, row, 'resumed', now, { deadline: d.deadline });
    await appendAudit(trx, byActor(actor, now, 'case.resume', 'case', id, { deadline: d.deadline }));
  });
  return caseDetail(ctx, actor, id);
}

/** 申请延期: the handler asks for N more working days with a reason; the station head decides. */
export async function requestExtension(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { extraDays: number; reason: string },
) {
  const c = await loadCase(ctx.db, actor, id);
  const now = ctx.clock.now();
  const pending = (await repo.extensionsOf(ctx.db, id)).find((e) => e.status === 'requested');
  if (pending) throw conflict('已有待审批的延期申请', 'An extension request is already waiting for a decision');
  const extId = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await moveCase(trx, actor, c, now, {
      action: 'requestExtension',
      payload: { reason: input.reason, extraDays: input.extraDays },
      detail: { extensionId: extId, extraDays: input.extraDays, reason: input.reason },
    });
    await repo.insertExtension(trx, {
      id: extId,
      case_id: id,
      extra_days: input.extraDays,
      reason: input.reason,
      status: 'requested',
      requested_by_name: actor.displayName,
      requested_at: now,
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
      new_deadline: null,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.extension_request', 'case', id, { extensionId: extId, extraDays: input.extraDays }),
    );
  });
  return caseDetail(ctx, actor, id);
}

async function openRequest(ctx: AppContext, caseId: string, extId: string) {
  const e = await repo.findExtension(ctx.db, extId);
  if (!e || e.case_id !== caseId) throw notFound('延期申请', 'Extension request');
  if (e.status !== 'requested') throw conflict('该延期申请已处理', 'This extension request was already decided');
  return e;
}

const decidedMeanwhile = () =>
  new AppError(409, 'CONFLICT', '该延期申请已被他人处理', 'The request was decided meanwhile');

/** 批准延期: the days are added to the clock, the deadline moves, and the 延期办理告知书 is issued. */
export async function approveExtension(ctx: AppContext, actor: Actor, id: string, extId: string, note: string) {
  const c = await loadCase(ctx.db, actor, id);
  const e = await openRequest(ctx, id, extId);
  checkMove(actor, c, 'approveExtension', {});
  const now = ctx.clock.now();
  const calendar = await calendarOf(ctx.db, c.hall_id);
  const x = await caseContext(ctx.db, c);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await moveCase(trx, actor, c, now, {
      action: 'approveExtension',
      payload: {},
      patch: { extra_days: (c.extra_days ?? 0) + e.extra_days },
      detail: { extensionId: extId, extraDays: e.extra_days, note },
    });
    const d = await refreshDeadlines(trx, calendar, row);
    if (
      !(await repo.decideExtension(trx, extId, {
        status: 'approved',
        decided_by_name: actor.displayName,
        decided_at: now,
        decision_note: note,
        new_deadline: d.deadline,
        new_deadline_provisional: d.provisional ? 1 : 0,
      }))
    ) {
      throw decidedMeanwhile();
    }
    const content: ExtensionContent = {
      caseNo: c.case_no ?? '',
      itemName: c.item_name,
      applicant: partyOf(x.applicant),
      agent: x.agent ? partyOf(x.agent) : null,
      attorneyChecked: c.attorney_checked === 1,
      acceptedDay: c.accepted_day ?? chinaDay(now),
      previousDeadline: c.deadline,
      newDeadline: d.deadline ?? '',
      newDeadlineProvisional: d.provisional,
      extraDays: e.extra_days,
      reason: e.reason,
      approvedBy: actor.displayName,
      day: chinaDay(now),
    };
    const docNo = await issueDocument(trx, actor, row, x, 'extension_notice', content, now, 'issued');
    await enqueueCaseNotice(trx, row, 'extended', now, {
      extraDays: e.extra_days,
      deadline: d.deadline,
      reason: e.reason,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.extension_approve', 'case', id, {
        extensionId: extId,
        extraDays: e.extra_days,
        from: c.deadline,
        to: d.deadline,
        docNo,
      }),
    );
  });
  return caseDetail(ctx, actor, id);
}

/** 不予延期: recorded with the reason; the clock is unchanged. Only a post that may approve may refuse. */
export async function refuseExtension(ctx: AppContext, actor: Actor, id: string, extId: string, reason: string) {
  const c = await loadCase(ctx.db, actor, id);
  await openRequest(ctx, id, extId);
  checkMove(actor, c, 'approveExtension', {});
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.decideExtension(trx, extId, {
        status: 'refused',
        decided_by_name: actor.displayName,
        decided_at: now,
        decision_note: reason,
      }))
    ) {
      throw decidedMeanwhile();
    }
    await recordEvent(trx, actor, id, now, {
      action: 'refuseExtension',
      from: c.state,
      to: c.state,
      detail: { extensionId: extId, reason },
    });
    await appendAudit(trx, byActor(actor, now, 'case.extension_refuse', 'case', id, { extensionId: extId, reason }));
  });
  return caseDetail(ctx, actor, id);
}

/** The administrator's re-computation with the current calendar (e.g. after a new national schedule). */
export async function recomputeDeadlines(ctx: AppContext, actor: Actor, hallId?: string) {
  const now = ctx.clock.now();
  const hallIds = visibleHallIds(actor, hallId);
  const changed: { caseNo: string | null; from: string | null; to: string | null }[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.runningCases(trx, hallIds);
    for (const c of rows) {
      const d = await refreshDeadlines(trx, await calendarOf(trx, c.hall_id), c);
      if (d.deadline !== c.deadline) {
        changed.push({ caseNo: c.case_no, from: c.deadline, to: d.deadline });
        await recordEvent(trx, actor, c.id, now, {
          action: 'deadlineRecomputed',
          from: c.state,
          to: c.state,
          detail: { from: c.deadline, to: d.deadline },
        });
      }
    }
    await appendAudit(
      trx,
      byActor(actor, now, 'timelimits.recompute', 'hall', hallId ?? 'all', { examined: rows.length, changed }),
    );
  });
  return { examined: (await repo.runningCases(ctx.db, hallIds)).length, changed };
}
