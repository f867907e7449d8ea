/**
 * 好差评 of the case (R8): the applicant rates a completed case once from the invitation link; a bad rating opens
 * the 差评 loop (domain/ratings/loop.ts) with its clocks on the hall calendar; rectified, the applicant is told and
 * may rate once more, the second rating kept beside the first. Staff appeal a rating, the supervisor decides.
 */
import { createHash, randomBytes } from 'node:crypto';
import { displayName, sniffType } from '../../domain/files.ts';
import { maskPhone } from '../../domain/masking.ts';
import {
  type LoopAction,
  type LoopState,
  type LoopStage,
  openLoop,
  stageLight,
  stepLoop,
} from '../../domain/ratings/loop.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadCaseFile, sha256Of, storeCaseFile } from '../../platform/stored-files.ts';
import { findApplicant, revealNumbers } from '../applicants/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { enqueueNotice, publicLink } from '../notices/service.ts';
import { findHall, visibleHallIds } from '../org/service.ts';
import type { CaseRatingInput, CaseRatingView, TaskView } from './case-rating-schema.ts';
import * as repo from './case-rating-repository.ts';
import { isBadReview, levelScore, type RatingLevel } from './schema.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');
const ratePath = (token: string) => `/rate/${token}`;

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

const presentRating = (r: repo.CaseRatingRow): CaseRatingView => ({
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

const toState = (t: repo.TaskRow): LoopState => ({
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

const stageColumns = (s: LoopState) => ({
  stage: s.stage,
  due_day: s.dueDay,
  verify_due: s.verifyDue,
  rectify_due: s.rectifyDue,
  rerate_due: s.rerateDue,
});

const refused = (r: { code: string; zh: string; en: string; field?: string }) =>
  r.code === 'VALIDATION' && r.field ? invalid(r.field, r.zh, r.en) : new AppError(409, r.code, r.zh, r.en, r.field);

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

const taskEvent = (
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

async function presentTasks(ctx: AppContext, rows: repo.TaskRow[]): Promise<TaskView[]> {
  const today = chinaDay(ctx.clock.now());
  const ids = rows.map((r) => r.id);
  const ratingIds = rows.flatMap((r) => (r.rerating_id ? [r.rating_id, r.rerating_id] : [r.rating_id]));
  const [ratings, invitations, events, evidence] = await Promise.all([
    repo.caseRatingsByIds(ctx.db, ratingIds),
    repo.invitationsOf(
      ctx.db,
      rows.map((r) => r.case_id),
    ),
    repo.eventsOfTasks(ctx.db, ids),
    repo.evidenceOfTasks(ctx.db, ids),
  ]);
  const rating = new Map(ratings.map((r) => [r.id, r]));
  const inv = new Map(invitations.map((i) => [i.case_id, i]));
  const out: TaskView[] = [];
  for (const t of rows) {
    const i = inv.get(t.case_id)!;
    const a = await findApplicant(ctx.db, i.applicant_id);
    const hidden = !a || a.sealed_at !== null || a.purged_at !== null;
    out.push({
      id: t.id,
      hallId: t.hall_id,
      caseId: t.case_id,
      caseNo: i.case_no,
      itemName: i.item_name,
      staffName: i.staff_name,
      applicantId: i.applicant_id,
      applicantName: hidden ? '（已封存）' : a.contact_name || a.name,
      applicantPhone: hidden ? null : maskPhone(revealNumbers(a).phone),
      stage: t.stage as LoopStage,
      dueDay: t.due_day,
      light: stageLight({ stage: t.stage as LoopStage, dueDay: t.due_day }, today),
      callBackDue: t.call_back_due,
      verifyDue: t.verify_due,
      rectifyDue: t.rectify_due,
      rerateDue: t.rerate_due,
      reached: t.reached === null ? null : t.reached === 1,
      callBackNote: t.call_back_note,
      calledBackName: t.called_back_name,
      finding: t.finding,
      verifiedName: t.verified_name,
      plan: t.plan,
      responsible: t.responsible,
      rectifiedNote: t.rectified_note,
      rating: presentRating(rating.get(t.rating_id)!),
      rerating: t.rerating_id && rating.get(t.rerating_id) ? presentRating(rating.get(t.rerating_id)!) : null,
      evidence: evidence
        .filter((e) => e.task_id === t.id)
        .map((e) => ({
          id: e.id,
          name: e.name,
          contentType: e.content_type,
          size: e.size,
          byName: e.by_name,
          at: Number(e.at),
        })),
      events: events
        .filter((e) => e.task_id === t.id)
        .map((e) => ({
          action: e.action,
          fromStage: e.from_stage,
          toStage: e.to_stage,
          detail: JSON.parse(e.detail) as Record<string, unknown>,
          byName: e.by_name,
          at: Number(e.at),
        })),
      createdAt: Number(t.created_at),
    });
  }
  return out;
}

/** The 差评 task list (反馈专员, 窗口主管): open stages first by their due day. */
export async function listTasks(ctx: AppContext, actor: Actor, q: { hallId?: string; stage?: string }) {
  const rows = await repo.tasksIn(ctx.db, { hallIds: visibleHallIds(actor, q.hallId), stage: q.stage });
  const items = await presentTasks(ctx, rows);
  return { items, total: items.length };
}

async function loadTask(ctx: AppContext, actor: Actor, id: string) {
  const t = await repo.findTask(ctx.db, id);
  if (!t) throw notFound('差评整改任务', 'Bad-rating task');
  if (!actor.hallIds.includes(t.hall_id))
    throw outOfScope(notFound('差评整改任务', 'Bad-rating task'), 'case_rating_task', id);
  return t;
}

export async function taskDetail(ctx: AppContext, actor: Actor, id: string) {
  const [v] = await presentTasks(ctx, [await loadTask(ctx, actor, id)]);
  return v!;
}

/** One move of the loop: the pure rule decides, the update is guarded by the stage it was read in. */
async function moveTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: LoopAction,
  patch: (now: number) => Partial<repo.TaskRow>,
  detail: Record<string, unknown>,
  also?: (trx: Db, t: repo.TaskRow, now: number) => Promise<void>,
) {
  const t = await loadTask(ctx, actor, id);
  const cal = await calendarOf(ctx.db, t.hall_id);
  const state = toState(t);
  state.evidence = (await repo.evidenceOfTasks(ctx.db, [t.id])).length;
  const moved = stepLoop(cal, state, action);
  if (!moved.ok) throw refused(moved.refusal);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateTaskFrom(trx, t.id, t.stage, Number(t.updated_at), {
      ...stageColumns(moved.state),
      ...patch(now),
      updated_at: now,
    });
    if (!ok) throw conflict('任务已被他人处理，请刷新后重试', 'The task changed meanwhile; reload and retry');
    await taskEvent(trx, t.id, action.kind, t.stage, moved.state.stage, detail, actor.displayName, now);
    if (also) await also(trx, t, now);
    await appendAudit(
      trx,
      byActor(actor, now, `case_rating.task.${action.kind}`, 'case_rating_task', t.id, {
        caseId: t.case_id,
        from: t.stage,
        to: moved.state.stage,
        onTime: t.due_day === null || chinaDay(now) <= t.due_day,
        ...detail,
      }),
    );
  });
  return taskDetail(ctx, actor, id);
}

/** 回访: reached or not and what was said; not reached keeps the call-back due, to be tried again. */
export const recordCaseCallBack = (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reached: boolean; note: string },
) =>
  moveTask(
    ctx,
    actor,
    id,
    { kind: 'call_back', day: chinaDay(ctx.clock.now()), reached: input.reached },
    (now) => ({
      reached: input.reached ? 1 : 0,
      call_back_note: input.note,
      called_back_at: now,
      called_back_name: actor.displayName,
    }),
    { reached: input.reached, note: input.note },
  );

/** 核实: what was found; the rectification is due in the set working days (15 by default). */
export const verifyTask = (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { finding: string; rectifyDays?: number },
) =>
  moveTask(
    ctx,
    actor,
    id,
    {
      kind: 'verify',
      day: chinaDay(ctx.clock.now()),
      ...(input.rectifyDays ? { rectifyDays: input.rectifyDays } : {}),
    },
    (now) => ({ finding: input.finding, verified_at: now, verified_name: actor.displayName }),
    { finding: input.finding, rectifyDays: input.rectifyDays ?? 15 },
  );

/** 整改方案: the plan and the person responsible. */
export const planRectification = (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { plan: string; responsible: string },
) =>
  moveTask(
    ctx,
    actor,
    id,
    { kind: 'plan', day: chinaDay(ctx.clock.now()) },
    () => ({ plan: input.plan, responsible: input.responsible }),
    input,
  );

/** 整改完成: the applicant is told by SMS, with a fresh link to rate once more. */
export const completeRectification = (ctx: AppContext, actor: Actor, id: string, input: { note: string }) =>
  moveTask(
    ctx,
    actor,
    id,
    { kind: 'rectified', day: chinaDay(ctx.clock.now()) },
    (now) => ({ rectified_at: now, rectified_note: input.note }),
    { note: input.note },
    async (trx, t, now) => {
      const inv = (await repo.invitationOfCase(trx, t.case_id))!;
      const token = newToken();
      await repo.setRerateToken(trx, t.case_id, hashOf(token));
      await enqueueNotice(trx, {
        hallId: t.hall_id,
        event: 'rerate_invitation',
        now,
        caseId: t.case_id,
        caseNo: inv.case_no,
        applicantId: inv.applicant_id,
        channels: ['sms'],
        vars: { itemName: inv.item_name, surveyUrl: publicLink(ratePath(token)) },
        dedupeKey: `case-rating:${t.case_id}:rerate`,
      });
    },
  );

const evidenceTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** 整改证明: a PDF or photo kept beside the case (DATA_DIR/files/<caseId>/rating/<sha256>). */
export async function uploadEvidence(
  ctx: AppContext,
  actor: Actor,
  id: string,
  file: { fileName: string; bytes: Buffer },
) {
  const t = await loadTask(ctx, actor, id);
  if (t.stage !== 'rectify')
    throw new AppError(
      409,
      'WRONG_STAGE',
      '只有整改中的任务可以上传整改证明',
      'Evidence is uploaded while rectifying',
      'file',
    );
  const type = sniffType(file.bytes, evidenceTypes);
  if (!type) throw invalid('file', '整改证明应为 PDF、JPG 或 PNG 文件', 'Evidence is a PDF, JPEG or PNG file');
  const sha = sha256Of(file.bytes);
  await storeCaseFile(ctx.config.dataDir, t.case_id, ['rating', sha], file.bytes);
  const now = ctx.clock.now();
  const name = displayName(file.fileName, type, '整改证明');
  await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.insertEvidence(trx, {
      id: newId(now),
      task_id: t.id,
      case_id: t.case_id,
      name,
      content_type: type,
      sha256: sha,
      size: file.bytes.length,
      by_name: actor.displayName,
      at: now,
    });
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await taskEvent(trx, t.id, 'evidence', t.stage, t.stage, { name, sha256: sha }, actor.displayName, now);
    await appendAudit(
      trx,
      byActor(actor, now, 'case_rating.task.evidence', 'case_rating_task', t.id, { sha256: sha, name }),
    );
  });
  return taskDetail(ctx, actor, id);
}

export async function evidenceContent(ctx: AppContext, actor: Actor, id: string, evidenceId: string) {
  const t = await loadTask(ctx, actor, id);
  const e = await repo.findEvidence(ctx.db, t.id, evidenceId);
  if (!e) throw notFound('整改证明', 'Evidence');
  const bytes = await loadCaseFile(ctx.config.dataDir, t.case_id, ['rating', e.sha256], e.sha256);
  return { bytes, contentType: e.content_type, name: e.name };
}

export { appeal, decideAppeal, listAppeals, myRatings, staffFigures } from './case-rating-appeals-service.ts';
export { answerSuggestion, forwardSuggestion, listSuggestions } from './case-rating-appeals-service.ts';

/** The board's 差评整改 section: every open stage with its clock. */
export async function ratingTasksForBoard(ctx: AppContext, hallIds: string[]) {
  const rows = await repo.tasksIn(ctx.db, { hallIds, stage: 'open' });
  const today = chinaDay(ctx.clock.now());
  const [ratings, invitations] = await Promise.all([
    repo.caseRatingsByIds(
      ctx.db,
      rows.map((r) => r.rating_id),
    ),
    repo.invitationsOf(
      ctx.db,
      rows.map((r) => r.case_id),
    ),
  ]);
  const level = new Map(ratings.map((r) => [r.id, r.level as RatingLevel]));
  const inv = new Map(invitations.map((i) => [i.case_id, i]));
  return rows.map((t) => ({
    taskId: t.id,
    caseId: t.case_id,
    caseNo: inv.get(t.case_id)?.case_no ?? '',
    itemName: inv.get(t.case_id)?.item_name ?? '',
    staffName: inv.get(t.case_id)?.staff_name ?? null,
    level: level.get(t.rating_id) ?? 'dissatisfied',
    stage: t.stage as LoopStage,
    dueDay: t.due_day,
    light: stageLight({ stage: t.stage as LoopStage, dueDay: t.due_day }, today),
  }));
}
