/**
 * 好差评 of the case (R8): the applicant rates a completed case once from the invitation link; a bad rating opens
 * the 差评 loop (domain/ratings/loop.ts) with its clocks on the hall calendar; rectified, the applicant is told and
 * may rate once more, the second rating kept beside the first. Staff appeal a rating, the supervisor decides.
 */
import { type LoopState, openLoop, stepLoop } from '../../domain/ratings/loop.ts';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { enqueueNotice, publicLink } from '../notices/service.ts';
import { findHall } from '../org/service.ts';
import type { CaseRatingInput } from './case-rating-schema.ts';
import * as repo from './case-rating-repository.ts';
import { isBadReview, levelScore } from './schema.ts';

import {
  hashOf,
  newToken,
  presentRating,
  ratePath,
  refused,
  stageColumns,
  taskEvent,
  toState,
} from './case-rating-common-service.ts';

const noInvitation = () => notFound('评价邀请', 'Rating invitation');

/** What a completed case hands over so the rating can attach to its item, department, window and staff. */
export interface CompletedCase {
  id: string;
  hall_id: string;
  case_no: string | null;
  item_id: string;
  item_name: string;
  department_id: string | null;
  window_id: string | null;
  staff_user_id: string | null;
  staff_name: string | null;
  applicant_id: string;
}

/**
 * 办结: the applicant is invited to rate the case, by the link in an SMS queued in the completion's transaction.
 * A case is invited once; the token is kept only as its hash.
 */
export async function inviteCaseRating(trx: Db, c: CompletedCase, now: number) {
  if (await repo.invitationOfCase(trx, c.id)) return;
  const token = newToken();
  await repo.insertInvitation(trx, {
    case_id: c.id,
    hall_id: c.hall_id,
    token_hash: hashOf(token),
    rerate_token_hash: null,
    case_no: c.case_no ?? '',
    item_id: c.item_id,
    item_name: c.item_name,
    department_id: c.department_id,
    window_id: c.window_id,
    staff_user_id: c.staff_user_id,
    staff_name: c.staff_name,
    applicant_id: c.applicant_id,
    created_at: now,
  });
  await enqueueNotice(trx, {
    hallId: c.hall_id,
    event: 'survey_invitation',
    now,
    caseId: c.id,
    caseNo: c.case_no,
    applicantId: c.applicant_id,
    channels: ['sms'],
    vars: { itemName: c.item_name, surveyUrl: publicLink(ratePath(token)) },
    dedupeKey: `case-rating:${c.id}:invite`,
  });
}

async function invitationFor(ctx: AppContext, token: string) {
  const inv = await repo.invitationByToken(ctx.db, hashOf(token));
  if (!inv) throw noInvitation();
  return inv;
}

/** The public rating page (reached by the SMS link): the case and what it may rate now. */
export async function publicRating(ctx: AppContext, token: string) {
  const inv = await invitationFor(ctx, token);
  const [ratings, task, hall] = await Promise.all([
    repo.ratingsOfCase(ctx.db, inv.case_id),
    repo.taskOfCase(ctx.db, inv.case_id),
    findHall(ctx.db, inv.hall_id),
  ]);
  const open = ratings.length === 0 ? 'rate' : task?.stage === 'rerate' ? 'rerate' : 'done';
  return {
    caseNo: inv.case_no,
    itemName: inv.item_name,
    hallName: hall?.name ?? '',
    staffName: inv.staff_name,
    ratings: ratings.map((r) => {
      const v = presentRating(r);
      return { round: v.round, level: v.level, reasons: v.reasons, comment: v.comment, createdAt: v.createdAt };
    }),
    open: open as 'rate' | 'rerate' | 'done',
    rectification: task && task.rectified_at !== null ? (task.rectified_note ?? '') : null,
  };
}

const alreadyRated = () =>
  conflict('该办件已评价，每件只可评价一次', 'This case has already been rated (once per case)');

/**
 * The applicant's rating from the link: the first one (一事一评), or the one re-rating once the 差评 is rectified.
 * A first rating of 不满意 / 非常不满意 opens the 差评 task, its call-back due in one working day.
 */
export async function rateCase(ctx: AppContext, token: string, input: CaseRatingInput) {
  const inv = await invitationFor(ctx, token);
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const level = input.level;
  const bad = isBadReview(level);
  const existing = await repo.ratingsOfCase(ctx.db, inv.case_id);
  const task = await repo.taskOfCase(ctx.db, inv.case_id);
  const round = existing.length === 0 ? 1 : 2;
  const cal = await calendarOf(ctx.db, inv.hall_id);
  let next: LoopState | null = null;
  if (round === 2) {
    if (!task || existing.length > 1) throw alreadyRated();
    const moved = stepLoop(cal, toState(task), { kind: 'rerate', day: today });
    if (!moved.ok) throw refused(moved.refusal);
    next = moved.state;
  }
  const id = newId(now);
  const taskId = round === 1 && bad ? newId(now) : null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertCaseRating(trx, {
        id,
        hall_id: inv.hall_id,
        case_id: inv.case_id,
        round,
        level,
        score: levelScore[level],
        is_bad: bad ? 1 : 0,
        reasons: JSON.stringify(input.reasons),
        comment: input.comment,
        channel: 'link',
        staff_user_id: inv.staff_user_id,
        excluded: 0,
        day: today,
        created_at: now,
      });
      if (taskId) {
        const s = openLoop(cal, today);
        await repo.insertTask(trx, {
          id: taskId,
          hall_id: inv.hall_id,
          case_id: inv.case_id,
          rating_id: id,
          ...stageColumns(s),
          call_back_due: s.callBackDue,
          reached: null,
          call_back_note: null,
          called_back_at: null,
          called_back_name: null,
          finding: null,
          verified_at: null,
          verified_name: null,
          plan: null,
          responsible: null,
          rectified_at: null,
          rectified_note: null,
          rerating_id: null,
          closed_at: null,
          created_at: now,
          updated_at: now,
        });
        await taskEvent(trx, taskId, 'open', 'call_back', 'call_back', { level }, '申请人', now);
      }
      if (task && next) {
        const ok = await repo.updateTaskFrom(trx, task.id, task.stage, Number(task.updated_at), {
          ...stageColumns(next),
          rerating_id: id,
          closed_at: now,
          updated_at: now,
        });
        if (!ok) throw alreadyRated();
        await taskEvent(trx, task.id, 'rerate', task.stage, next.stage, { level }, '申请人', now);
      }
      if (input.suggestion) {
        await repo.insertSuggestion(trx, {
          id: newId(now),
          hall_id: inv.hall_id,
          case_id: inv.case_id,
          rating_id: id,
          text: input.suggestion,
          tags: '[]',
          status: 'open',
          department_id: null,
          department_name: null,
          forwarded_at: null,
          forwarded_name: null,
          answer: null,
          answered_at: null,
          answered_name: null,
          created_at: now,
        });
      }
      await appendAudit(trx, {
        at: now,
        userId: null,
        username: 'applicant-link',
        action: round === 1 ? 'case_rating.create' : 'case_rating.rerate',
        targetType: 'case',
        targetId: inv.case_id,
        outcome: 'success',
        ip: null,
        detail: { level, round, taskId },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyRated();
    throw e;
  }
  return { id, round, level, bad, taskId: taskId ?? task?.id ?? null };
}

export { appeal, decideAppeal, listAppeals, myRatings, staffFigures } from './case-rating-appeals-service.ts';
export { answerSuggestion, forwardSuggestion, listSuggestions } from './case-rating-appeals-service.ts';

/** The board's 差评整改 section: every open stage with its clock. */
export {
  completeRectification,
  evidenceContent,
  listTasks,
  planRectification,
  ratingTasksForBoard,
  recordCaseCallBack,
  taskDetail,
  uploadEvidence,
  verifyTask,
} from './bad-rating-loop-service.ts';
