/**
 * 应急 (R17): contingency plans per hall (系统故障, 客流拥挤, 重大投诉, 停电 …) with their organisation, response
 * steps, measures and recovery; drills with date, participants and review; the incident log (open, actions by
 * time, closed with a review; the supervisors and station heads are alerted on opening); the crowding thresholds.
 */
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertHallAccess, findHall, visibleHallIds } from '../org/service.ts';
import { displayNoticeChanged, setAlarmNotice, waitingNow } from '../queue/service.ts';
import { raiseHallAlert } from '../supervision/service.ts';
import { sweepCrowding } from './crowding.ts';
import * as repo from './repository.ts';
import { type PlanInput, planKindLabels, type planKinds } from './schema.ts';

type Kind = (typeof planKinds)[number];

const presentPlan = (p: repo.PlanRow) => ({
  id: p.id,
  hallId: p.hall_id,
  kind: p.kind as Kind,
  kindLabel: planKindLabels[p.kind as Kind] ?? p.kind,
  title: p.title,
  organisation: p.organisation,
  responseSteps: p.response_steps,
  measures: p.measures,
  recovery: p.recovery,
  updatedAt: Number(p.updated_at),
  updatedBy: p.updated_by_name,
});

export async function listPlans(ctx: AppContext, actor: Actor, hallId?: string) {
  return { items: (await repo.plansOf(ctx.db, visibleHallIds(actor, hallId))).map(presentPlan) };
}

const planColumns = (input: PlanInput) => ({
  kind: input.kind,
  title: input.title,
  organisation: input.organisation,
  response_steps: input.responseSteps,
  measures: input.measures,
  recovery: input.recovery,
});

export async function createPlan(ctx: AppContext, actor: Actor, input: PlanInput) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const row: repo.PlanRow = {
    id: newId(now),
    hall_id: input.hallId,
    ...planColumns(input),
    updated_at: now,
    updated_by_name: actor.displayName,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPlan(trx, row);
    await appendAudit(
      trx,
      byActor(actor, now, 'emergency.plan_create', 'emergency_plan', row.id, { kind: input.kind }),
    );
  });
  return presentPlan(row);
}

async function loadPlan(ctx: AppContext, actor: Actor, id: string, field = 'id') {
  const p = await repo.findPlan(ctx.db, id);
  if (!p || !actor.hallIds.includes(p.hall_id))
    throw field === 'id' ? notFound('应急预案', 'Plan') : invalid(field, '应急预案不存在', 'No such plan');
  return p;
}

export async function updatePlan(ctx: AppContext, actor: Actor, id: string, input: PlanInput) {
  const p = await loadPlan(ctx, actor, id);
  if (input.hallId !== p.hall_id) throw invalid('hallId', '预案不能改到其他大厅', 'A plan stays in its hall');
  const now = ctx.clock.now();
  const patch = { ...planColumns(input), updated_at: now, updated_by_name: actor.displayName };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePlan(trx, id, patch);
    await appendAudit(trx, byActor(actor, now, 'emergency.plan_update', 'emergency_plan', id, { kind: input.kind }));
  });
  return presentPlan({ ...p, ...patch });
}

export async function listDrills(ctx: AppContext, actor: Actor, hallId?: string) {
  const halls = visibleHallIds(actor, hallId);
  const [drills, plans] = await Promise.all([repo.drillsOf(ctx.db, halls), repo.plansOf(ctx.db, halls)]);
  const titles = new Map(plans.map((p) => [p.id, p.title]));
  return { items: drills.map((d) => presentDrill(d, titles.get(d.plan_id) ?? '')) };
}

const presentDrill = (d: repo.DrillRow, planTitle: string) => ({
  id: d.id,
  planId: d.plan_id,
  planTitle,
  day: d.day,
  participants: d.participants,
  review: d.review,
  recordedAt: Number(d.recorded_at),
  recordedBy: d.recorded_by_name,
});

export async function recordDrill(
  ctx: AppContext,
  actor: Actor,
  input: { planId: string; day: string; participants: string; review: string },
) {
  const p = await loadPlan(ctx, actor, input.planId, 'planId');
  const now = ctx.clock.now();
  if (input.day > chinaDay(now)) throw invalid('day', '演练日期不能晚于今天', 'The drill day is in the future');
  const row: repo.DrillRow = {
    id: newId(now),
    plan_id: p.id,
    hall_id: p.hall_id,
    day: input.day,
    participants: input.participants,
    review: input.review,
    recorded_at: now,
    recorded_by_name: actor.displayName,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDrill(trx, row);
    await appendAudit(trx, byActor(actor, now, 'emergency.drill', 'emergency_plan', p.id, { day: input.day }));
  });
  return presentDrill(row, p.title);
}

const presentIncident = (i: repo.IncidentRow, actions: repo.ActionRow[]) => ({
  id: i.id,
  hallId: i.hall_id,
  kind: i.kind as Kind,
  kindLabel: planKindLabels[i.kind as Kind] ?? i.kind,
  title: i.title,
  status: i.status as 'open' | 'closed',
  openedAt: Number(i.opened_at),
  openedBy: i.opened_by_name,
  closedAt: i.closed_at === null ? null : Number(i.closed_at),
  closedBy: i.closed_by_name,
  review: i.review,
  actions: actions
    .filter((a) => a.incident_id === i.id)
    .map((a) => ({ id: a.id, at: Number(a.at), by: a.by_name, text: a.text })),
});

export async function listIncidents(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string | undefined; status?: 'open' | 'closed' | undefined; limit: number; offset: number },
) {
  const rows = await repo.incidentsOf(ctx.db, visibleHallIds(actor, q.hallId), q.status, q.limit, q.offset);
  const actions = await repo.actionsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentIncident(r, actions)) };
}

async function loadIncident(ctx: AppContext, actor: Actor, id: string) {
  const i = await repo.findIncident(ctx.db, id);
  if (!i || !actor.hallIds.includes(i.hall_id)) throw notFound('应急事件', 'Incident');
  return i;
}

const closedAlready = () =>
  new AppError(409, 'CONFLICT', '该事件已结束，不能再记录', 'The incident is closed', 'status');

/** 启动应急: the incident is logged and the hall's supervisors and station heads are alerted at once. */
export async function openIncident(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; kind: Kind; title: string },
) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  const row: repo.IncidentRow = {
    id: newId(now),
    hall_id: input.hallId,
    kind: input.kind,
    title: input.title,
    status: 'open',
    opened_at: now,
    opened_by_name: actor.displayName,
    closed_at: null,
    closed_by_name: null,
    review: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertIncident(trx, row);
    await raiseHallAlert(trx, {
      hallId: input.hallId,
      targetKey: `incident:${row.id}`,
      targetType: 'incident',
      title: `应急事件（${planKindLabels[input.kind]}）：${input.title}`,
      day: chinaDay(now),
      now,
    });
    await appendAudit(trx, byActor(actor, now, 'emergency.incident_open', 'incident', row.id, { kind: input.kind }));
  });
  return presentIncident(row, []);
}

export async function recordAction(ctx: AppContext, actor: Actor, id: string, text: string) {
  const i = await loadIncident(ctx, actor, id);
  if (i.status !== 'open') throw closedAlready();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertAction(trx, { id: newId(now), incident_id: id, at: now, by_name: actor.displayName, text });
    await appendAudit(trx, byActor(actor, now, 'emergency.incident_action', 'incident', id));
  });
  return presentIncident(i, await repo.actionsOf(ctx.db, [id]));
}

export async function closeIncident(ctx: AppContext, actor: Actor, id: string, review: string) {
  const i = await loadIncident(ctx, actor, id);
  const now = ctx.clock.now();
  const patch = { closed_at: now, closed_by_name: actor.displayName, review };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.closeIncident(trx, id, patch))) throw closedAlready();
    await appendAudit(trx, byActor(actor, now, 'emergency.incident_close', 'incident', id));
  });
  return presentIncident({ ...i, ...patch, status: 'closed' }, await repo.actionsOf(ctx.db, [id]));
}

const DEFAULT_NOTICE = '当前办事群众较多，请耐心等候，可关注叫号屏或使用网上办理';

/** The hall's crowding thresholds, the alarm's state and the queue now. */
export async function crowding(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  const [w, now] = [await repo.findWatch(ctx.db, hallId), ctx.clock.now()];
  const reading = await waitingNow(ctx.db, hallId, now);
  return {
    hallId,
    maxWaiting: w?.max_waiting ?? 0,
    maxWaitMinutes: w?.max_wait_minutes ?? 0,
    notice: w?.notice ?? DEFAULT_NOTICE,
    showNotice: w ? w.show_notice === 1 : true,
    over: w?.over === 1,
    crossings: w?.crossings ?? 0,
    changedAt: w ? Number(w.changed_at) : 0,
    ...reading,
  };
}

/**
 * 客流拥挤阈值: the hall is read against the new thresholds at once (not at the next minute's sweep), so a
 * threshold the queue already passes raises the alarm now and one it no longer reaches calms it; while the
 * alarm stands, the display takes the new notice text (or drops it when the supervisor turns showing off).
 */
export async function saveThresholds(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; maxWaiting: number; maxWaitMinutes: number; notice: string; showNotice: boolean },
) {
  assertHallAccess(actor, input.hallId);
  if (input.showNotice && input.notice === '')
    throw invalid('notice', '上屏显示时请填写提示内容', 'Write the notice the display shows');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveThresholds(trx, {
      hall_id: input.hallId,
      max_waiting: input.maxWaiting,
      max_wait_minutes: input.maxWaitMinutes,
      notice: input.notice,
      show_notice: input.showNotice ? 1 : 0,
      changed_at: now,
    });
    const over = (await repo.findWatch(trx, input.hallId))?.over === 1;
    await setAlarmNotice(trx, input.hallId, over && input.showNotice ? input.notice : null, now);
    await appendAudit(
      trx,
      byActor(actor, now, 'emergency.crowding_thresholds', 'hall', input.hallId, {
        maxWaiting: input.maxWaiting,
        maxWaitMinutes: input.maxWaitMinutes,
        showNotice: input.showNotice,
      }),
    );
  });
  await displayNoticeChanged(ctx, input.hallId);
  await sweepCrowding(ctx, input.hallId);
  return crowding(ctx, actor, input.hallId);
}

/** What the hall display shows while the hall is crowded (null when calm or not watched). */
export async function crowdingNotice(ctx: AppContext, hallId: string) {
  const w = await repo.findWatch(ctx.db, hallId);
  return { notice: w?.over === 1 && w.show_notice === 1 ? w.notice : null };
}

/** The letterhead of the blank paper receipt: one of the clerk's halls. */
export async function hallName(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return (await findHall(ctx.db, hallId))?.name ?? '';
}
