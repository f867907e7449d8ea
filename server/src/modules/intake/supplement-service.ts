/**
 * 一次性告知 and 补正 (R3.5, R3.6): the round trip of a case whose materials fall short — the notice lists every
 * shortfall at once with a supplement deadline, and the applicant's return is recorded as a new reception round that
 * accepts the case at once when it is now complete. Kept apart from service.ts, which registers the reception and
 * takes the other outcomes (受理, 容缺受理, 不予受理).
 */
import { applySupplement, checkMaterials } from '../../domain/intake/checklist.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import {
  caseContext,
  checklistOf,
  formLabels,
  loadCase,
  caseDetail,
  checkMove,
  moveCase,
  type NoticeContent,
  issueDocument,
  sharedContent,
} from '../cases/service.ts';
import * as cases from '../cases/service.ts';
import { enqueueCaseNotice } from '../notices/service.ts';
import { acceptInTransaction, deadlineIfAcceptedNow } from './acceptance.ts';

/** 一次性告知 (R3.5): ALL shortfalls of the checklist at once, with what to correct and a supplement deadline. */
export async function issueOneTimeNotice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { supplementDays: number; corrections: { key: string; requirement: string }[]; note: string },
) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'issueOneTimeNotice');
  const x = await caseContext(ctx.db, c);
  if (x.check.complete)
    throw new AppError(
      409,
      'CONFLICT',
      '材料已齐全，无需一次性告知，请直接受理',
      'Nothing is missing; accept the case',
      'materials',
    );
  const unknown = input.corrections.findIndex((k) => !x.check.shortfalls.some((s) => s.key === k.key));
  if (unknown >= 0)
    throw invalid(`corrections.${unknown}.key`, '该材料不在需补正的材料中', 'This material needs no correction');
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const calendar = await calendarOf(ctx.db, c.hall_id);
  // Counted in working days from tomorrow, so it always falls on a day the hall is open; flagged when its year's
  // national schedule is not published (the notice prints the flag beside the date).
  const { deadline: supplementDeadline, provisional } = calendar.addWorkingDays(today, input.supplementDays);
  const said = new Map(input.corrections.map((k) => [k.key, k.requirement]));
  const items = x.check.shortfalls.map((s) => {
    const m = x.content.materials.find((k) => k.key === s.key)!;
    const standard =
      s.status === 'incorrect'
        ? `${s.reason}，请按要求更正后重新提交`
        : `请提交${m.name}（${formLabels[m.form]}${m.copies}份）${m.condition ? `；适用情形：${m.condition}` : ''}`;
    return { name: s.name, status: s.status, requirement: said.get(s.key) ?? standard };
  });
  const received = x.content.materials.flatMap((m) => {
    const mark = x.marks.find((k) => k.key === m.key);
    return mark?.status === 'received' ? [{ name: m.name, copies: mark.copies, pages: mark.pages }] : [];
  });
  const content: NoticeContent = {
    ...sharedContent(c, x, actor, today),
    items,
    received,
    supplementDeadline,
    supplementDeadlineProvisional: provisional,
    note: input.note,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const row = await moveCase(trx, actor, c, now, {
      action: 'issueOneTimeNotice',
      payload: { missingItems: items, supplementDeadline },
      detail: {
        items: x.check.shortfalls.map((s) => ({ key: s.key, status: s.status })),
        supplementDeadline,
        provisional,
      },
    });
    const docNo = await issueDocument(trx, actor, row, x, 'one_time_notice', content, now, 'open');
    await enqueueCaseNotice(trx, row, 'one_time_notice', now, {
      missingItems: x.check.shortfalls.map((s) => s.name).join('、'),
      supplementDeadline,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.one_time_notice', 'case', id, {
        docNo,
        supplementDeadline,
        provisional,
        items: items.length,
      }),
    );
  });
  return caseDetail(ctx, actor, id);
}

/**
 * 补正 (R3.6): the applicant is back with the notice; the clerk ticks what was brought. The reception record
 * is copied forward as a new round, nothing is typed again, and a now complete case is accepted at once.
 */
export async function supplementMaterials(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { materials: { key: string; copies: number; pages: number }[]; accept: boolean },
) {
  const c = await loadCase(ctx.db, actor, id);
  checkMove(actor, c, 'supplementMaterials', { materials: input.materials });
  const x = await caseContext(ctx.db, c);
  const bad = input.materials.findIndex((m) => !x.check.shortfalls.some((s) => s.key === m.key));
  if (bad >= 0)
    throw invalid(`materials.${bad}.key`, '该材料不在一次性告知书所列的补正材料中', 'This material was not asked for');
  const marks = applySupplement(x.marks, input.materials);
  const check = checkMaterials(checklistOf(x.content), marks);
  const now = ctx.clock.now();
  const when = input.accept && check.complete ? await deadlineIfAcceptedNow(ctx, c) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await cases.insertReception(trx, {
      id: newId(now),
      case_id: id,
      round: x.round + 1,
      materials: JSON.stringify(marks),
      window_id: c.window_id,
      clerk_id: actor.userId,
      clerk_name: actor.displayName,
      at: now,
    });
    const row = await moveCase(trx, actor, c, now, {
      action: 'supplementMaterials',
      payload: { materials: input.materials },
      detail: {
        round: x.round + 1,
        supplied: input.materials.map((m) => m.key),
        remaining: check.shortfalls.map((s) => s.key),
      },
    });
    await cases.closeOpenNotices(trx, id);
    await enqueueCaseNotice(trx, row, 'supplement_received', now);
    await appendAudit(
      trx,
      byActor(actor, now, 'case.supplement', 'case', id, { round: x.round + 1, complete: check.complete }),
    );
    if (when) {
      await acceptInTransaction(
        ctx,
        trx,
        actor,
        row,
        { ...x, marks, check, round: x.round + 1 },
        { now, ...when },
        null,
      );
    }
  });
  return caseDetail(ctx, actor, id);
}
