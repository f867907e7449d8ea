/** 投诉 / 举报 on the public pages: the complainant's lookup by number and code, the rating and the objection. */
import {
  type ComplaintState,
  complaintMove,
  kindLabels,
  type Satisfaction,
  stateLabels,
} from '../../domain/complaints/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './repository.ts';

import { notFoundComplaint, sha } from './desk-service.ts';
import { rate, reopen } from './handling-service.ts';

/** The public lookup by number and code; a wrong code answers exactly like an unknown number. */
async function byCode(ctx: AppContext, q: { number: string; code: string }) {
  const c = await repo.findComplaintByNumber(ctx.db, q.number.trim().toUpperCase());
  if (!c || c.lookup_hash !== sha(q.code.trim().toUpperCase())) throw notFoundComplaint();
  return c;
}

function publicView(c: repo.ComplaintRow) {
  const state = c.state as ComplaintState;
  return {
    number: c.number,
    kindLabel: kindLabels[c.kind as 'complaint'],
    state,
    stateLabel: stateLabels[state],
    receivedDay: c.received_day,
    dueDay: c.due_day,
    reply: c.reply,
    rectification: c.rectification,
    repliedDay: c.replied_day,
    satisfaction: c.satisfaction as Satisfaction | null,
    mayRate: complaintMove(state, 'rate') !== null,
    mayObject: complaintMove(state, 'reopen') !== null,
  };
}

export async function publicLookup(ctx: AppContext, q: { number: string; code: string }) {
  return publicView(await byCode(ctx, q));
}

export async function publicRate(
  ctx: AppContext,
  q: { number: string; code: string; satisfaction: Satisfaction; comment: string },
) {
  const c = await byCode(ctx, q);
  await rate(ctx, null, c, q.satisfaction, q.comment);
  return publicView((await repo.findComplaint(ctx.db, c.id))!);
}

export async function publicObject(ctx: AppContext, q: { number: string; code: string; reason: string }) {
  const c = await byCode(ctx, q);
  await reopen(ctx, null, c, q.reason);
  return publicView((await repo.findComplaint(ctx.db, c.id))!);
}

export async function publicReplyRow(ctx: AppContext, q: { number: string; code: string }) {
  const c = await byCode(ctx, q);
  if (!c.reply) throw notFound('书面答复', 'Written reply');
  return c;
}
