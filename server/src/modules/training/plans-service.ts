/**
 * 培训计划: a hall's training plans (internal, external, online, case studies) with their sessions and, per session,
 * each person's attendance (签到), score, pass and certificate. What a person has passed is read back from these
 * records by the post check and the training status in service.ts.
 */
import { hoursOf, sessionPassed, type TrainingKind, type TrainingSubject } from '../../domain/people/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageWindow } from '../../platform/schemas.ts';
import { colleagueInHall, displayNameMap as namesOf } from '../accounts/service.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { PlanInput, ResultInput, SessionInput } from './schema.ts';
import { presentRecord } from './service.ts';

async function loadPlan(ctx: AppContext, actor: Actor, id: string) {
  const p = await repo.findPlan(ctx.db, id);
  if (!p) throw notFound('培训计划', 'Training plan');
  if (!actor.hallIds.includes(p.hall_id)) throw outOfScope(notFound('培训计划', 'Training plan'), 'training_plan', id);
  return p;
}

async function presentPlans(ctx: AppContext, plans: repo.PlanRow[]) {
  const sessions = await repo.sessionsOfPlans(
    ctx.db,
    plans.map((p) => p.id),
  );
  const records = await repo.recordsOfSessions(
    ctx.db,
    sessions.map((s) => s.id),
  );
  const names = await namesOf(
    ctx.db,
    records.map((r) => r.user_id),
  );
  return plans.map((p) => ({
    id: p.id,
    hallId: p.hall_id,
    title: p.title,
    kind: p.kind as TrainingKind,
    subject: p.subject as TrainingSubject,
    year: Number(p.year),
    description: p.description,
    passScore: Number(p.pass_score),
    createdAt: Number(p.created_at),
    sessions: sessions
      .filter((s) => s.plan_id === p.id)
      .map((s) => ({
        id: s.id,
        day: s.day,
        hours: hoursOf(Number(s.minutes)),
        place: s.place,
        trainer: s.trainer,
        records: records
          .filter((r) => r.session_id === s.id)
          .map((r) => presentRecord({ ...r, plan_title: p.title, plan_kind: p.kind }, names))
          .sort((a, b) => a.userName.localeCompare(b.userName, 'zh-CN')),
      })),
  }));
}

export async function listPlans(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; year?: number; page: number; pageSize: number },
) {
  const { rows, total } = await repo.listPlans(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    year: q.year,
    ...pageWindow(q),
  });
  return { items: await presentPlans(ctx, rows), total };
}

export async function getPlan(ctx: AppContext, actor: Actor, id: string) {
  const [p] = await presentPlans(ctx, [await loadPlan(ctx, actor, id)]);
  return p!;
}

export async function createPlan(ctx: AppContext, actor: Actor, input: PlanInput) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPlan(trx, {
      id,
      hall_id: input.hallId,
      title: input.title,
      kind: input.kind,
      subject: input.subject,
      year: input.year,
      description: input.description,
      pass_score: input.passScore,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'training.plan.create', 'training_plan', id, { title: input.title, subject: input.subject }),
    );
  });
  return getPlan(ctx, actor, id);
}

export async function addSession(ctx: AppContext, actor: Actor, planId: string, input: SessionInput) {
  const plan = await loadPlan(ctx, actor, planId);
  if (Number(input.day.slice(0, 4)) !== Number(plan.year))
    throw invalid('day', `培训日期应在计划年度（${plan.year} 年）内`, 'The session falls outside the plan’s year');
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      id,
      plan_id: plan.id,
      hall_id: plan.hall_id,
      day: input.day,
      minutes: Math.round(input.hours * 60),
      place: input.place,
      trainer: input.trainer,
      created_by: actor.userId,
      created_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'training.session.create', 'training_session', id, { planId, day: input.day }),
    );
  });
  return getPlan(ctx, actor, plan.id);
}

/**
 * 签到与成绩: records attendance, score, pass and certificate for each person of a session, in one transaction.
 * A person recorded again is corrected (the audit keeps both values).
 */
export async function recordResults(ctx: AppContext, actor: Actor, sessionId: string, input: ResultInput) {
  const session = await repo.findSession(ctx.db, sessionId);
  if (!session || !actor.hallIds.includes(session.hall_id)) throw notFound('培训场次', 'Training session');
  const plan = (await repo.findPlan(ctx.db, session.plan_id))!;
  const seen = new Set<string>();
  for (const [i, r] of input.results.entries()) {
    if (seen.has(r.userId))
      throw invalid(`results.${i}.userId`, '同一人员在名单中出现了两次', 'The same person is listed twice');
    seen.add(r.userId);
    await colleagueInHall(ctx, actor, r.userId, session.hall_id, `results.${i}.userId`);
    if (!r.attended && (r.score !== null || r.certificateNo))
      throw invalid(
        `results.${i}.score`,
        '未参加培训的人员不能登记成绩或证书',
        'No score or certificate without attendance',
      );
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of input.results) {
      const passed = sessionPassed(r.attended, r.score, Number(plan.pass_score));
      const values = {
        attended: r.attended ? 1 : 0,
        minutes: r.attended ? Number(session.minutes) : 0,
        score: r.score,
        passed: passed ? 1 : 0,
        certificate_no: r.certificateNo || null,
        note: r.note,
        updated_at: now,
      };
      const before = await repo.findRecord(trx, session.id, r.userId);
      if (before) await repo.updateRecord(trx, before.id, values);
      else
        await repo.insertRecord(trx, {
          id: newId(now),
          session_id: session.id,
          plan_id: plan.id,
          hall_id: session.hall_id,
          user_id: r.userId,
          subject: plan.subject,
          day: session.day,
          year: Number(plan.year),
          recorded_by: actor.userId,
          recorded_at: now,
          ...values,
        });
      await appendAudit(
        trx,
        byActor(actor, now, 'training.result.record', 'user', r.userId, {
          sessionId: session.id,
          subject: plan.subject,
          attended: r.attended,
          score: r.score,
          passed,
          certificateNo: r.certificateNo || null,
          before: before ? { attended: before.attended === 1, score: before.score, passed: before.passed === 1 } : null,
        }),
      );
    }
  });
  return getPlan(ctx, actor, plan.id);
}
