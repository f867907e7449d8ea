/**
 * 好差评 of the case: what the rating and the 差评 loop share — tokens and links, the rating and loop-state views,
 * the task trail event.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { LoopState, LoopStage } from '../../domain/ratings/loop.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CaseRatingView } from './case-rating-schema.ts';
import * as repo from './case-rating-repository.ts';
import type { RatingLevel } from './schema.ts';

export const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');
export const ratePath = (token: string) => `/rate/${token}`;

export const presentRating = (r: repo.CaseRatingRow): CaseRatingView => ({
  id: r.id,
  round: r.round,
  level: r.level as RatingLevel,
  score: r.score,
  bad: r.is_bad === 1,
  reasons: JSON.parse(r.reasons) as string[],
  comment: r.comment,
  channel: r.channel,
  excluded: r.excluded === 1,
  createdAt: Number(r.created_at),
});

export const toState = (t: repo.TaskRow): LoopState => ({
  stage: t.stage as LoopStage,
  dueDay: t.due_day,
  callBackDue: t.call_back_due,
  verifyDue: t.verify_due,
  rectifyDue: t.rectify_due,
  rerateDue: t.rerate_due,
  hasPlan: !!t.plan,
  evidence: 0,
  reached: t.reached === null ? null : t.reached === 1,
});

export const stageColumns = (s: LoopState) => ({
  stage: s.stage,
  due_day: s.dueDay,
  verify_due: s.verifyDue,
  rectify_due: s.rectifyDue,
  rerate_due: s.rerateDue,
});

export const refused = (r: { code: string; zh: string; en: string; field?: string }) =>
  r.code === 'VALIDATION' && r.field ? invalid(r.field, r.zh, r.en) : new AppError(409, r.code, r.zh, r.en, r.field);

export const taskEvent = (
  trx: Db,
  taskId: string,
  action: string,
  from: string,
  to: string,
  detail: Record<string, unknown>,
  byName: string,
  at: number,
) =>
  repo.insertTaskEvent(trx, {
    id: newId(at),
    task_id: taskId,
    action,
    from_stage: from,
    to_stage: to,
    detail: JSON.stringify(detail),
    by_name: byName,
    at,
  });
