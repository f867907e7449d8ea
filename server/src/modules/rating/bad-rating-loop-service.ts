/**
 * The 差评 loop (domain/ratings/loop.ts) as the supervisor and the responsible person work it: the task list and
 * detail, the call-back, verification, the rectification plan and its completion (the applicant may then rate once
 * more), the evidence files, and the open tasks for the supervision board.
 */
import { displayName, sniffType } from '../../domain/files.ts';
import { maskPhone } from '../../domain/masking.ts';
import { type LoopAction, type LoopStage, stageLight, stepLoop } from '../../domain/ratings/loop.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadCaseFile, sha256Of, storeCaseFile } from '../../platform/stored-files.ts';
import { findApplicant, revealNumbers } from '../applicants/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { enqueueNotice, publicLink } from '../notices/service.ts';
import { visibleHallIds } from '../org/service.ts';
import type { TaskView } from './case-rating-schema.ts';
import * as repo from './case-rating-repository.ts';
import type { RatingLevel } from './schema.ts';

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
