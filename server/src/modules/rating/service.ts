import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { HallEvent } from '../../platform/events.ts';
import { AppError, conflict, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { findHall, findWindow } from '../org/service.ts';
import { visibleHallIds } from '../org/service.ts';
import { settingsOf } from '../queue/service.ts';
import * as repo from './repository.ts';
import { isBadReview, levelScore, type RatingInput, type RatingLevel } from './schema.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

const badPad = () =>
  new AppError(401, 'PAD_TOKEN', '评价器未授权，请联系窗口主管重新配置', 'The rating pad is not authorised');

/**
 * Issues a new token for a window's rating pad; the previous one stops working. The pad holds only this token:
 * it can read what finished at its own window and submit one rating per service, nothing else.
 */
export async function issuePadToken(ctx: AppContext, actor: Actor, windowId: string) {
  const window = await findWindow(ctx.db, windowId);
  if (!window) throw notFound('窗口', 'Window');
  if (!actor.hallIds.includes(window.hall_id)) throw outOfScope(notFound('窗口', 'Window'), 'window', window.id);
  const token = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.savePadToken(trx, windowId, window.hall_id, sha256(token).toString('hex'), now);
    await appendAudit(trx, byActor(actor, now, 'rating.pad.issue', 'window', windowId, { number: window.number }));
  });
  return { windowId, token, padPath: `/pad/${windowId}#${token}` };
}

/** The window a pad token belongs to; the same refusal for an unknown window as for a wrong token. */
async function padWindow(ctx: AppContext, windowId: string, token: string) {
  const row = await repo.padTokenHash(ctx.db, windowId);
  const expected = row?.pad_token_hash ? Buffer.from(row.pad_token_hash, 'hex') : null;
  if (!expected || !timingSafeEqual(expected, sha256(token))) throw badPad();
  const window = await findWindow(ctx.db, windowId);
  if (!window) throw badPad();
  return window;
}

async function pendingAt(ctx: AppContext, windowId: string, hallId: string) {
  const settings = await settingsOf(ctx.db, hallId);
  const since = ctx.clock.now() - settings.ratingWindowMinutes * 60_000;
  const t = await repo.unratedFinished(ctx.db, windowId, since);
  return t
    ? { ticketId: t.id, number: t.number, staffName: t.display_name ?? null, finishedAt: Number(t.finished_at) }
    : null;
}

export async function padState(ctx: AppContext, windowId: string, token: string) {
  const window = await padWindow(ctx, windowId, token);
  const hall = await findHall(ctx.db, window.hall_id);
  return {
    window: { id: window.id, number: window.number, name: window.name, hallName: hall?.name ?? '' },
    pending: await pendingAt(ctx, windowId, window.hall_id),
  };
}

/** Checks the token, then feeds the pad the services finished at its window (the same hall event stream). */
export async function checkPad(ctx: AppContext, windowId: string, token: string) {
  return padWindow(ctx, windowId, token);
}

export function subscribePad(
  ctx: AppContext,
  hallId: string,
  windowId: string,
  send: (e: HallEvent) => void,
): () => void {
  return ctx.events.subscribe(hallId, (e) => {
    if (e.type === 'resync') send({ hallId, type: 'resync' });
    if (e.windowId !== windowId) return;
    if (e.type === 'finish')
      send({ hallId, type: 'finish', ticketId: e.ticketId, number: e.number, staffName: e.staffName, at: e.at });
    if (e.type === 'rated') send({ hallId, type: 'rated', ticketId: e.ticketId });
  });
}

/**
 * Records the applicant's rating of one service. A bad review (不满意 / 非常不满意) opens a call-back task for
 * the feedback officer due in 1 working day by the hall's calendar.
 */
export async function rateService(ctx: AppContext, windowId: string, token: string, input: RatingInput) {
  const window = await padWindow(ctx, windowId, token);
  const ticket = await repo.findTicket(ctx.db, input.ticketId);
  if (!ticket || ticket.window_id !== windowId || ticket.status !== 'done')
    throw notFound('已办结的服务', 'Finished service');
  if (await repo.ratingOfTicket(ctx.db, ticket.id))
    throw conflict('该次服务已评价', 'This service has already been rated');
  const settings = await settingsOf(ctx.db, window.hall_id);
  const now = ctx.clock.now();
  if (now - Number(ticket.finished_at) > settings.ratingWindowMinutes * 60_000) {
    throw new AppError(409, 'RATING_CLOSED', '评价时间已过', 'The time to rate this service has passed');
  }
  const level: RatingLevel = input.level;
  const bad = isBadReview(level);
  const today = chinaDay(now);
  const due = bad ? (await calendarOf(ctx.db, window.hall_id)).addWorkingDays(today, 1) : null;
  const id = newId(now);
  const followUpId = bad ? newId(now) : null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertRating(trx, {
        id,
        hall_id: window.hall_id,
        ticket_id: ticket.id,
        window_id: windowId,
        staff_user_id: ticket.served_by,
        outcome_kind: ticket.outcome_kind,
        outcome_id: ticket.outcome_id,
        level,
        score: levelScore[level],
        is_bad: bad ? 1 : 0,
        reasons: JSON.stringify(input.reasons),
        comment: input.comment,
        channel: 'pad',
        day: today,
        created_at: now,
      });
      if (followUpId && due) {
        await repo.insertFollowUp(trx, {
          id: followUpId,
          hall_id: window.hall_id,
          rating_id: id,
          status: 'open',
          due_day: due.deadline,
          provisional: due.provisional ? 1 : 0,
          assigned_role: 'feedback',
          note: '',
          called_back_at: null,
          called_back_by: null,
          created_at: now,
          updated_at: now,
        });
      }
      await appendAudit(trx, {
        at: now,
        userId: null,
        username: 'rating-pad',
        action: 'rating.create',
        targetType: 'queue_ticket',
        targetId: ticket.id,
        outcome: 'success',
        ip: null,
        detail: { level, window: window.number, followUpId },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该次服务已评价', 'This service has already been rated');
    throw e;
  }
  await ctx.events.publish({ hallId: window.hall_id, type: 'rated', windowId, ticketId: ticket.id });
  return { id, ticketId: ticket.id, level, score: levelScore[level], bad, followUpId, createdAt: now };
}

async function presentFollowUps(ctx: AppContext, rows: Awaited<ReturnType<typeof repo.followUps>>) {
  const today = chinaDay(ctx.clock.now());
  const calendars = new Map<string, Awaited<ReturnType<typeof calendarOf>>>();
  const out = [];
  for (const r of rows) {
    if (!calendars.has(r.hall_id)) calendars.set(r.hall_id, await calendarOf(ctx.db, r.hall_id));
    const light = r.status === 'open' ? calendars.get(r.hall_id)!.lightFor(today, r.due_day, 0) : 'green';
    out.push({
      id: r.id,
      hallId: r.hall_id,
      status: r.status as 'open' | 'called_back',
      dueDay: r.due_day,
      provisional: r.provisional === 1,
      light: light as 'green' | 'yellow' | 'red',
      rating: {
        level: r.level as RatingLevel,
        reasons: JSON.parse(r.reasons) as string[],
        comment: r.comment,
        createdAt: Number(r.rated_at),
      },
      ticketNumber: r.ticket_number,
      windowNumber: r.window_number ?? null,
      staffName: r.staff_name ?? null,
      outcomeKind: r.outcome_kind,
      outcomeId: r.outcome_id,
      note: r.note,
      calledBackAt: r.called_back_at === null ? null : Number(r.called_back_at),
      calledBackBy: r.called_back_name ?? null,
      createdAt: Number(r.created_at),
    });
  }
  return out;
}

/** The feedback officer's inbox of bad reviews to call back (差评回访), open ones first by deadline. */
export async function listFollowUps(ctx: AppContext, actor: Actor, f: { hallId?: string; status?: string }) {
  const rows = await repo.followUps(ctx.db, { hallIds: visibleHallIds(actor, f.hallId), status: f.status });
  const items = await presentFollowUps(ctx, rows);
  return { items, total: items.length };
}

export async function recordCallBack(ctx: AppContext, actor: Actor, id: string, note: string) {
  const f = await repo.findFollowUp(ctx.db, id);
  if (!f) throw notFound('回访任务', 'Follow-up');
  if (!actor.hallIds.includes(f.hall_id)) throw outOfScope(notFound('回访任务', 'Follow-up'), 'follow_up', f.id);
  if (f.status !== 'open') throw conflict('该差评已回访', 'This review has already been called back');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateFollowUp(trx, id, {
      status: 'called_back',
      note,
      called_back_at: now,
      called_back_by: actor.userId,
      updated_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'rating.follow_up.call_back', 'rating_follow_up', id, { onTime: chinaDay(now) <= f.due_day }),
    );
  });
  const [row] = await presentFollowUps(ctx, await repo.followUps(ctx.db, { hallIds: [f.hall_id], ids: [id] }));
  return row!;
}
export {
  caseLevelCountsBetween,
  caseRatingLevelsBetween,
  padLevelCountsBetween,
  padRatingLevelsBetween,
  ratingsOfCases,
} from './repository.ts';
export * from './case-rating-service.ts';

// 考核 reads these figures' records through the owner's service.
export {
  caseRatingsForAssessment,
  caseRatingTotalsForAssessment,
  padRatingsForAssessment,
  padRatingTotalsForAssessment,
} from './repository.ts';
