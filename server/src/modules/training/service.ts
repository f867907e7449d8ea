/**
 * 培训 (R11): training plans of a hall (internal, external, online, case studies) with their sessions, each
 * person's attendance, score, pass and certificate (plans-service.ts); individual training plans; and the post
 * check that keeps a new member of staff from a window or a case step until the pre-post training (岗前培训) is
 * recorded as passed. Here too: a person's training status and records, and the staff to pick from.
 */
import { hoursOf, missingTraining, type TrainingSubject, trainingSubjectLabels } from '../../domain/people/index.ts';
import { holdsAdminRole } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { colleagueInHall, displayNameMap as namesOf, listUsers, loadVisible } from '../accounts/service.ts';
import { visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { IndividualPlanInput, TrainingStatus } from './schema.ts';

const manages = (actor: Actor) => actor.permissions.has('training.manage');

/** The training a person still lacks before working a post (empty: ready). */
export async function missingForPost(db: Db, userId: string): Promise<TrainingSubject[]> {
  return missingTraining((await repo.passedSubjects(db, userId)).map((r) => r.subject));
}

export const missingNames = (missing: readonly TrainingSubject[]) =>
  missing.map((s) => trainingSubjectLabels[s]).join('、');

/** Refuses a person who has not passed the training their post needs, naming what is missing (R11.1). */
export async function assertPostReady(db: Db, userId: string): Promise<void> {
  const missing = await missingForPost(db, userId);
  if (missing.length === 0) return;
  throw new AppError(
    403,
    'TRAINING_REQUIRED',
    `尚未通过${missingNames(missing)}，不能上岗办理业务（开启窗口、认领环节）；请联系窗口主管登记培训合格记录`,
    `The ${missing.join(', ')} training has not been passed yet: no window or case step until it is`,
    undefined,
    { missing },
  );
}

type RecordWithPlan = Awaited<ReturnType<typeof repo.recordsOfUsers>>[number];

export function presentRecord(r: repo.RecordRow & Partial<RecordWithPlan>, names: Map<string, string>) {
  return {
    id: r.id,
    userId: r.user_id,
    userName: names.get(r.user_id) ?? '',
    subject: r.subject as TrainingSubject,
    day: r.day,
    attended: r.attended === 1,
    hours: hoursOf(Number(r.minutes)),
    score: r.score === null ? null : Number(r.score),
    passed: r.passed === 1,
    certificateNo: r.certificate_no,
    note: r.note,
    planTitle: r.plan_title ?? null,
    planKind: r.plan_kind ?? null,
  };
}

/**
 * Training status of people, for the staff file and the pages: pre-post, confidentiality and system-use training
 * passed, hours this year (attended sessions), certificates.
 */
export async function trainingStatusOf(db: Db, userIds: string[], now: number): Promise<Map<string, TrainingStatus>> {
  const year = Number(chinaDay(now).slice(0, 4));
  const rows = await repo.recordsOfUsers(db, userIds);
  const out = new Map<string, TrainingStatus>();
  for (const id of userIds) {
    const mine = rows.filter((r) => r.user_id === id);
    const passed = new Set(mine.filter((r) => r.passed === 1).map((r) => r.subject));
    out.set(id, {
      userId: id,
      prePostPassed: passed.has('pre_post'),
      confidentialityPassed: passed.has('confidentiality'),
      systemUsePassed: passed.has('system_use'),
      missing: missingTraining(passed),
      hoursThisYear: hoursOf(
        mine.filter((r) => r.attended === 1 && Number(r.year) === year).reduce((n, r) => n + Number(r.minutes), 0),
      ),
      certificates: mine
        .filter((r) => r.certificate_no)
        .map((r) => ({ no: r.certificate_no!, planTitle: r.plan_title ?? null, day: r.day })),
    });
  }
  return out;
}

function presentIndividual(p: repo.IndividualPlanRow, names: Map<string, string>, today: string) {
  return {
    id: p.id,
    userId: p.user_id,
    userName: names.get(p.user_id) ?? '',
    source: p.source as 'supervisor' | 'assessment',
    goal: p.goal,
    topics: p.topics,
    dueDay: p.due_day,
    status: p.status as 'open' | 'done',
    overdue: p.status === 'open' && today > p.due_day,
    doneNote: p.done_note,
    createdAt: Number(p.created_at),
  };
}

/**
 * Creates an individual training plan for a person (R11.2). The supervisor creates it from the page; the
 * assessment (a later module) calls this too, with `source: 'assessment'` and its own reference.
 */
export async function createIndividualPlan(
  ctx: AppContext,
  actor: Actor,
  input: IndividualPlanInput,
  origin: { source: 'supervisor' | 'assessment'; ref?: string } = { source: 'supervisor' },
) {
  const { user: u, hallId } = await colleagueInHall(ctx, actor, input.userId, null, 'userId');
  const now = ctx.clock.now();
  if (input.dueDay < chinaDay(now)) throw invalid('dueDay', '完成期限不能早于今天', 'The due day is in the past');
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertIndividualPlan(trx, {
      id,
      hall_id: hallId,
      user_id: u.id,
      source: origin.source,
      source_ref: origin.ref ?? null,
      goal: input.goal,
      topics: input.topics,
      due_day: input.dueDay,
      status: 'open',
      created_by: actor.userId,
      created_at: now,
      done_at: null,
      done_note: null,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'training.individual.create', 'user', u.id, { planId: id, source: origin.source }),
    );
  });
  return presentIndividual(
    (await repo.findIndividualPlan(ctx.db, id))!,
    new Map([[u.id, u.display_name]]),
    chinaDay(now),
  );
}

export async function listIndividualPlans(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; userId?: string; status?: 'open' | 'done' },
) {
  const rows = await repo.listIndividualPlans(ctx.db, { hallIds: visibleHallIds(actor, q.hallId), ...q });
  const names = await namesOf(
    ctx.db,
    rows.map((r) => r.user_id),
  );
  const today = chinaDay(ctx.clock.now());
  return { items: rows.map((r) => presentIndividual(r, names, today)), total: rows.length };
}

/** The person or a manager marks an individual plan done, once. */
export async function completeIndividualPlan(ctx: AppContext, actor: Actor, id: string, note: string) {
  const p = await repo.findIndividualPlan(ctx.db, id);
  if (!p || !(p.user_id === actor.userId || (manages(actor) && actor.hallIds.includes(p.hall_id))))
    throw notFound('个人培训计划', 'Individual training plan');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.closeIndividualPlan(trx, id, now, note)))
      throw conflict('该个人培训计划已完成', 'The individual plan is already done');
    await appendAudit(trx, byActor(actor, now, 'training.individual.done', 'user', p.user_id, { planId: id, note }));
  });
  const names = await namesOf(ctx.db, [p.user_id]);
  return presentIndividual((await repo.findIndividualPlan(ctx.db, id))!, names, chinaDay(now));
}

/** One's own training: the status, every record and the individual plans. */
export async function myTraining(ctx: AppContext, actor: Actor) {
  return personTraining(ctx, actor.userId);
}

async function personTraining(ctx: AppContext, userId: string) {
  const now = ctx.clock.now();
  const [status, rows, plans] = await Promise.all([
    trainingStatusOf(ctx.db, [userId], now),
    repo.recordsOfUsers(ctx.db, [userId]),
    repo.individualPlansOfUser(ctx.db, userId),
  ]);
  const names = await namesOf(ctx.db, [userId]);
  const today = chinaDay(now);
  return {
    status: status.get(userId)!,
    records: rows.map((r) => presentRecord(r, names)),
    plans: plans.map((p) => presentIndividual(p, names, today)),
  };
}

/** A manager reads a colleague's training (the staff file's section). */
export async function colleagueTraining(ctx: AppContext, actor: Actor, userId: string) {
  if (userId !== actor.userId) {
    if (!manages(actor)) throw forbidden();
    await loadVisible(ctx, actor, userId);
  }
  return personTraining(ctx, userId);
}

/** The hall's staff to pick from (attendance lists, individual plans), with their pre-post standing. */
export async function hallStaff(ctx: AppContext, actor: Actor, hallId?: string) {
  if (!manages(actor) && !actor.permissions.has('conduct.manage')) throw forbidden();
  const { items } = await listUsers(ctx, actor, { hallId, limit: 500, offset: 0 });
  const staff = items.filter(
    (u) => u.status === 'active' && !holdsAdminRole(u.roles) && !u.roles.includes('applicant'),
  );
  const status = await trainingStatusOf(
    ctx.db,
    staff.map((u) => u.id),
    ctx.clock.now(),
  );
  return {
    items: staff.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      roles: u.roles,
      prePostPassed: status.get(u.id)?.prePostPassed ?? false,
    })),
  };
}

// 考核 reads these figures' records through the owner's service.
export { attendedBetween } from './repository.ts';
