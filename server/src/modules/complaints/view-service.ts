/** 投诉 / 举报 as the desk shows them: the list rows and the detail with its trail and the moves open now. */
import {
  type ComplaintAction,
  type ComplaintState,
  complaintLight,
  complaintMove,
  isRestricted,
  type NoteKind,
  type Satisfaction,
} from '../../domain/complaints/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { displayNameMap } from '../accounts/service.ts';
import { departmentsByIds, findWindow } from '../org/service.ts';
import * as repo from './repository.ts';
import type { ComplaintView } from './schema.ts';

import { assertDesk, loadComplaint, mayHandle, maySupervise, reveal } from './desk-service.ts';

/** What the desk shows. The source of a report is shown only in the detail, and only to those who supervise. */
export async function present(ctx: AppContext, actor: Actor, rows: repo.ComplaintRow[], detail: boolean) {
  const today = chinaDay(ctx.clock.now());
  const names = await displayNameMap(
    ctx.db,
    rows.flatMap((r) => [r.staff_user_id, r.responsible_id]).filter((x): x is string => !!x),
  );
  const deptIds = [...new Set(rows.map((r) => r.department_id).filter((x): x is string => !!x))];
  const depts = new Map((await departmentsByIds(ctx.db, deptIds)).map((d) => [d.id, d.name]));
  const windows = new Map<string, number>();
  for (const w of new Set(rows.map((r) => r.window_id).filter((x): x is string => !!x))) {
    const found = await findWindow(ctx.db, w);
    if (found) windows.set(w, found.number);
  }
  return rows.map((r): ComplaintView => {
    const restricted = isRestricted({ kind: r.kind, staffUserId: r.staff_user_id });
    const showSource = r.kind === 'complaint' || (detail && maySupervise(actor));
    const complainant =
      r.anonymous === 1 ? '匿名' : showSource ? (reveal(r, 'name', r.name_enc) ?? '') : '举报人信息保密';
    const contact =
      r.anonymous === 1 || !showSource
        ? null
        : (r.phone_masked ?? (r.email_enc ? maskEmailOf(reveal(r, 'email', r.email_enc) ?? '') : null));
    return {
      id: r.id,
      hallId: r.hall_id,
      number: r.number,
      kind: r.kind as ComplaintView['kind'],
      channel: r.channel as ComplaintView['channel'],
      workOrderNo: r.work_order_no,
      category: r.category as ComplaintView['category'],
      anonymous: r.anonymous === 1,
      complainant,
      contact,
      matter: r.matter,
      caseNo: r.case_no,
      itemName: r.item_name,
      windowNumber: r.window_id ? (windows.get(r.window_id) ?? null) : null,
      staffName: r.staff_user_id ? (names.get(r.staff_user_id) ?? null) : null,
      departmentName: r.department_id ? (depts.get(r.department_id) ?? null) : null,
      state: r.state as ComplaintState,
      simple: r.simple === 1,
      cause: r.cause,
      responsibleId: r.responsible_id,
      responsibleName: r.responsible_id ? (names.get(r.responsible_id) ?? null) : null,
      receivedDay: r.received_day,
      dueDay: r.due_day,
      provisional: r.provisional === 1,
      light: complaintLight(r.state as ComplaintState, today, r.due_day),
      round: r.round,
      reply: r.reply,
      rectification: r.rectification,
      repliedDay: r.replied_day,
      satisfaction: r.satisfaction as Satisfaction | null,
      restricted,
      createdAt: Number(r.created_at),
    };
  });
}

export const maskEmailOf = (email: string) => {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
};

const allActions: ComplaintAction[] = ['assign', 'note', 'reply', 'rate', 'reopen'];

export async function complaintDetail(ctx: AppContext, actor: Actor, id: string) {
  assertDesk(actor);
  const c = await loadComplaint(ctx.db, actor, id);
  const [view] = await present(ctx, actor, [c], true);
  const steps = await repo.stepsOf(ctx.db, c.id);
  return {
    ...view!,
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action,
      noteKind: (s.note_kind ?? null) as NoteKind | null,
      text: s.text,
      fromState: s.from_state,
      toState: s.to_state,
      userName: s.user_name,
      at: Number(s.at),
    })),
    actions: mayHandle(actor) ? allActions.filter((a) => complaintMove(c.state as ComplaintState, a) !== null) : [],
  };
}

export async function replyRow(ctx: AppContext, actor: Actor, id: string) {
  assertDesk(actor);
  const c = await loadComplaint(ctx.db, actor, id);
  if (!c.reply) throw notFound('书面答复', 'Written reply');
  return c;
}
