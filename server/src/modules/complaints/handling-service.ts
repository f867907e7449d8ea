/**
 * 投诉 / 举报 handling: classification and a responsible person, notes, the written reply, the satisfaction and
 * re-opening on objection. Every move is guarded by the state it was read in, and written with its step, audit record
 * and notice in one transaction.
 */
import {
  type ComplaintAction,
  type ComplaintState,
  complaintMove,
  DEFAULT_REPLY_DAYS,
  type NoteKind,
  type Satisfaction,
  satisfactionLabels,
  stateLabels,
} from '../../domain/complaints/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { hallStaff } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import * as repo from './repository.ts';

import {
  audit,
  loadComplaint,
  mayHandle,
  PUBLIC,
  queueComplaintNotice,
  replyDaysFor,
  step,
  whoOf,
} from './desk-service.ts';
import { complaintDetail } from './view-service.ts';

/** One move: the allowed-from check, the guarded update, the step and the audit record, in one transaction. */
export async function move(
  ctx: AppContext,
  actor: Actor | null,
  c: repo.ComplaintRow,
  action: ComplaintAction,
  patch: (now: number, today: string) => Promise<Partial<repo.ComplaintRow>> | Partial<repo.ComplaintRow>,
  text: string,
  extra: { noteKind?: NoteKind; notice?: 'complaint_replied'; audit?: Record<string, unknown> } = {},
) {
  const from = c.state as ComplaintState;
  const to = complaintMove(from, action);
  if (!to) throw conflict(`当前状态（${stateLabels[from]}）不能进行此操作`, `Not open in state ${from}`, 'state');
  const now = ctx.clock.now();
  const p = { ...(await patch(now, chinaDay(now))), state: to, updated_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateComplaintFrom(trx, c.id, from, p)))
      throw conflict('该投诉举报已被他人处理，请刷新', 'Moved by someone else; reload');
    await step(trx, c, actor ? whoOf(actor) : PUBLIC, now, {
      action:
        action === 'note'
          ? 'note'
          : action === 'assign'
            ? 'assigned'
            : action === 'reply'
              ? 'replied'
              : action === 'rate'
                ? 'rated'
                : 'reopened',
      from,
      to,
      text,
      ...(extra.noteKind ? { noteKind: extra.noteKind } : {}),
    });
    if (extra.notice) await queueComplaintNotice(trx, { ...c, ...p } as repo.ComplaintRow, extra.notice, now);
    await audit(trx, actor, now, `complaint.${action}`, c, { from, to, ...extra.audit });
  });
}

export async function forHandling(ctx: AppContext, actor: Actor, id: string) {
  if (!mayHandle(actor)) throw forbidden();
  return loadComplaint(ctx.db, actor, id);
}

export async function assignComplaint(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { responsibleId: string; cause: string },
) {
  const c = await forHandling(ctx, actor, id);
  const staff = await hallStaff(ctx.db, [c.hall_id]);
  const who = staff.find((s) => s.id === input.responsibleId);
  if (!who) throw invalid('responsibleId', '负责人须为本大厅工作人员', 'The responsible person must be hall staff');
  await move(
    ctx,
    actor,
    c,
    'assign',
    () => ({ responsible_id: who.id, cause: input.cause }),
    `定性：${input.cause}；负责人：${who.display_name}`,
    {
      audit: { responsibleId: who.id },
    },
  );
  return complaintDetail(ctx, actor, id);
}

export async function addNote(ctx: AppContext, actor: Actor, id: string, input: { kind: NoteKind; text: string }) {
  const c = await forHandling(ctx, actor, id);
  await move(ctx, actor, c, 'note', () => ({}), input.text, { noteKind: input.kind, audit: { noteKind: input.kind } });
  return complaintDetail(ctx, actor, id);
}

export async function replyComplaint(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reply: string; rectification: string },
) {
  const c = await forHandling(ctx, actor, id);
  await move(
    ctx,
    actor,
    c,
    'reply',
    (now, today) => ({
      reply: input.reply,
      rectification: input.rectification || null,
      replied_at: now,
      replied_day: today,
      replied_by: actor.userId,
      responsible_id: c.responsible_id ?? actor.userId,
    }),
    input.reply,
    { notice: 'complaint_replied', audit: { onTime: chinaDay(ctx.clock.now()) <= c.due_day } },
  );
  return complaintDetail(ctx, actor, id);
}

export async function rateByStaff(ctx: AppContext, actor: Actor, id: string, satisfaction: Satisfaction) {
  const c = await forHandling(ctx, actor, id);
  await rate(ctx, actor, c, satisfaction, '');
  return complaintDetail(ctx, actor, id);
}

export function rate(
  ctx: AppContext,
  actor: Actor | null,
  c: repo.ComplaintRow,
  satisfaction: Satisfaction,
  comment: string,
) {
  return move(
    ctx,
    actor,
    c,
    'rate',
    (now) => ({ satisfaction, rated_at: now }),
    `${satisfactionLabels[satisfaction]}${comment ? `：${comment}` : ''}`,
    { audit: { satisfaction } },
  );
}

export function reopen(ctx: AppContext, actor: Actor | null, c: repo.ComplaintRow, reason: string) {
  return move(
    ctx,
    actor,
    c,
    'reopen',
    async (_now, today) => {
      const days = c.simple === 1 ? DEFAULT_REPLY_DAYS : await replyDaysFor(ctx.db, c.hall_id, c.category);
      const due = (await calendarOf(ctx.db, c.hall_id)).addWorkingDays(today, days);
      return {
        round: c.round + 1,
        due_day: due.deadline,
        provisional: due.provisional ? 1 : 0,
        received_day: c.received_day,
        reply: null,
        replied_at: null,
        replied_day: null,
        replied_by: null,
        satisfaction: null,
        rated_at: null,
      };
    },
    `对答复有异议，重新处理：${reason}`,
    { audit: { round: c.round + 1 } },
  );
}

export async function reopenByStaff(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const c = await forHandling(ctx, actor, id);
  await reopen(ctx, actor, c, reason);
  return complaintDetail(ctx, actor, id);
}
