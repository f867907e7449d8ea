/**
 * The case core's one way to move a case along its published process: the engine (domain/case/process.ts)
 * decides, and this applies what it decided — the steps (each update guarded by what was read), the routing
 * slips and deadlines of steps that start, the case row (guarded by its state) and the trail event — inside the
 * caller's transaction. Reception, back office, results and time limits all move cases through here.
 */
import {
  authorityForItem,
  type CaseAction,
  isAuthorityLevel,
  type CaseStep,
  caseMove,
  caseOptions,
  isProcessAction,
  type ProcessAction,
  type StepActor,
  type StepStatus,
  startProcess,
} from '../../domain/case/index.ts';
import { isRoleCode } from '../../domain/roles.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { actingFor, coveredDepartments, coveredNow } from '../staff/service.ts';
import { pausesFrom, stepDeadlineColumns } from './clock.ts';
import { pinnedItem } from './context.ts';
import { assertFeePaid } from './fees.ts';
import * as records from './records-repository.ts';
import * as repo from './repository.ts';
import { changedMeanwhile, recordEvent, statusOf, type TrailEvent } from './trail.ts';

export const stepActor = (actor: Actor): StepActor => ({
  userId: actor.userId,
  name: actor.displayName,
  roles: actor.roles.filter(isRoleCode),
  departmentIds: actor.departmentIds,
  authority: isAuthorityLevel(actor.authorityLevel) ? actor.authorityLevel : null,
});

const signs = (role: string) => role === 'approver' || role === 'station_head';

/** The level a step needs: its own, or — for a sign-off step of a case from before levels were stored — the item's. */
const stepAuthority = (s: repo.StepRow, approvalLevel?: string) =>
  isAuthorityLevel(s.authority) ? s.authority : approvalLevel && signs(s.role) ? authorityForItem(approvalLevel) : null;

export const toCaseStep = (s: repo.StepRow, approvalLevel?: string): CaseStep => ({
  id: s.id,
  name: s.name,
  order: s.step_order,
  role: s.role,
  departmentId: s.department_id,
  status: s.status as StepStatus,
  assigneeId: s.assignee_id ?? null,
  assigneeName: s.assignee_name ?? null,
  authority: stepAuthority(s, approvalLevel),
});

/**
 * What the actor may do on the case now: the action bar's actions and each active step's own — for B also the steps of
 * the person B acts for now (AB岗), so the case page shows B the buttons for A's steps.
 */
export async function optionsFor(
  db: Db,
  actor: Actor,
  c: repo.CaseRow,
  steps: readonly repo.StepRow[],
  approvalLevel: string,
  now: number,
) {
  const own = await asCover(
    db,
    actor,
    steps.map((s) => toCaseStep(s, approvalLevel)),
    now,
  );
  return caseOptions(statusOf(c), own, await coverReach(db, actor, own, now), leaderOnly(c));
}

/**
 * AB岗: while B covers A, B reaches A's departments too — B may claim an unclaimed step of A's department inbox even
 * when B is not a member. Looked up only when an active unclaimed step lies outside B's own departments.
 */
async function coverReach(db: Db, actor: Actor, steps: readonly CaseStep[], now: number): Promise<StepActor> {
  const me = stepActor(actor);
  const outside = steps.some(
    (s) => s.status === 'active' && !s.assigneeId && s.departmentId && !me.departmentIds.includes(s.departmentId),
  );
  if (!outside) return me;
  const theirs = await coveredDepartments(db, actor.userId, now);
  return theirs.length ? { ...me, departmentIds: [...new Set([...me.departmentIds, ...theirs])] } : me;
}

/** The person the actor works this step for (AB岗 B代A), when the step's holder is someone the actor covers now. */
function coveredHolder(before: readonly repo.StepRow[], covered: readonly CaseStep[], stepId: string | undefined) {
  const old = before.find((b) => b.id === stepId);
  const now = covered.find((s) => s.id === stepId);
  if (!old?.assignee_id || !now || now.assigneeId === old.assignee_id) return null;
  return { id: old.assignee_id, name: old.assignee_name ?? '' };
}

/** A decision referred upwards is the station head's to decide (a leader-level item needs 主要领导 authority). */
export const leaderOnly = (c: repo.CaseRow) => c.approval_escalated === 1;

export interface ProcessMove {
  action: ProcessAction | CaseAction;
  stepId?: string | undefined;
  /** The item's approval level (who decides an approval step); read from the pinned version when absent. */
  approvalLevel?: string | undefined;
  payload?: Record<string, unknown>;
  patch?: Partial<repo.CaseRow>;
  detail?: Record<string, unknown>;
}

/**
 * Checks and applies one move; refusals are 409 (naming unfinished steps), 403 (not the step's post, department or
 * holder) or 400 (a missing field). Returns the new case row and steps.
 */
export async function processMove(trx: Db, actor: Actor, c: repo.CaseRow, now: number, m: ProcessMove) {
  const before = await repo.stepsOf(trx, c.id);
  const pinned = m.approvalLevel && m.action !== 'complete' ? null : await pinnedItem(trx, c);
  const level = m.approvalLevel ?? pinned!.content.approvalLevel;
  // 先缴费后办结: a successful completion waits for the fee when the item says payment comes first.
  if (m.action === 'complete' && (m.payload as { outcome?: string } | undefined)?.outcome !== 'failure')
    await assertFeePaid(trx, c.id, pinned!.content);
  const asB = await asCover(
    trx,
    actor,
    before.map((s) => toCaseStep(s, level)),
    now,
  );
  const r = caseMove({
    status: statusOf(c),
    steps: asB,
    actor: await coverReach(trx, actor, asB, now),
    action: m.action,
    stepId: m.stepId,
    payload: m.payload ?? {},
    leaderOnly: leaderOnly(c),
  });
  if (!r.ok) {
    if (r.code === 'VALIDATION') throw invalid(r.field ?? 'body', r.zh, r.en);
    throw new AppError(r.code === 'FORBIDDEN' ? 403 : 409, r.code, r.zh, r.en);
  }
  const covered = await routeToCover(trx, actor, before, r.steps, now);
  const steps = await applySteps(trx, actor, c, before, covered.steps, now);
  const to = r.status;
  // B working A's step: the trail names B for A (张三（代李四）) and keeps A's id beside it.
  const forHolder = coveredHolder(before, asB, m.stepId);
  const detail = {
    ...r.event.detail,
    ...m.detail,
    ...(covered.cover.length ? { cover: covered.cover } : {}),
    ...(forHolder ? { actingFor: { stepId: m.stepId, id: forHolder.id, name: forHolder.name } } : {}),
  };
  let row = c;
  if (to.state !== c.state || m.patch) {
    const patch = {
      ...m.patch,
      state: to.state,
      resume_to: to.state === 'suspended' ? to.resumeTo : null,
      updated_at: now,
    };
    if (!(await repo.updateCaseFrom(trx, c.id, c.state, patch))) throw changedMeanwhile();
    row = { ...c, ...patch };
  }
  const by = forHolder ? { ...actor, displayName: `${actor.displayName}（代${forHolder.name}）` } : actor;
  await recordEvent(trx, by, c.id, now, { action: m.action, from: c.state, to: to.state, detail });
  return { row, steps, stepId: r.stepId, actingFor: forHolder };
}

/**
 * AB岗: a step held by someone the actor acts for now (A away, the actor their B) is the actor's to work, as B代A;
 * once B moves it, it stays with B (the holder written is B) unless handed back.
 */
async function asCover(trx: Db, actor: Actor, steps: CaseStep[], now: number): Promise<CaseStep[]> {
  if (!steps.some((s) => s.assigneeId && s.assigneeId !== actor.userId && s.status === 'active')) return steps;
  const covered = new Set(await coveredNow(trx, actor.userId, now));
  return steps.map((s) =>
    s.assigneeId && covered.has(s.assigneeId)
      ? { ...s, assigneeId: actor.userId, assigneeName: `${actor.displayName}（代${s.assigneeName ?? ''}）` }
      : s,
  );
}

/**
 * AB岗: a step that starts with a holder, or is given to someone else, goes to whoever acts for that person now — B
 * while A is away (B代A, on the trail); the person themself once back.
 */
async function routeToCover(trx: Db, actor: Actor, before: repo.StepRow[], after: CaseStep[], now: number) {
  const given = after.filter((s) => {
    if (!s.assigneeId || s.assigneeId === actor.userId || s.status !== 'active') return false;
    const old = before.find((b) => b.id === s.id);
    return old?.status !== 'active' || (old.assignee_id ?? null) !== s.assigneeId;
  });
  if (!given.length) return { steps: after, cover: [] };
  const acting = await actingFor(
    trx,
    given.map((s) => s.assigneeId!),
    now,
  );
  const cover: { stepId: string; forId: string; forName: string; actingId: string; actingName: string }[] = [];
  const steps = after.map((s) => {
    const a = given.includes(s) ? acting.get(s.assigneeId!) : undefined;
    if (!a?.forId) return s;
    cover.push({
      stepId: s.id,
      forId: a.forId,
      forName: a.forName ?? '',
      actingId: a.actingId,
      actingName: a.actingName,
    });
    return { ...s, assigneeId: a.actingId, assigneeName: `${a.actingName}（代${a.forName ?? ''}）` };
  });
  return { steps, cover };
}

/** Writes the steps the engine changed; a step that starts gets its deadline and a routing slip. */
async function applySteps(
  trx: Db,
  actor: Actor,
  c: repo.CaseRow,
  before: repo.StepRow[],
  after: CaseStep[],
  now: number,
) {
  const started: repo.StepRow[] = [];
  const out: repo.StepRow[] = [];
  let pauses: ReturnType<typeof pausesFrom> | null = null;
  for (const old of before) {
    const s = after.find((x) => x.id === old.id);
    if (!s || (s.status === old.status && s.assigneeId === (old.assignee_id ?? null))) {
      out.push(old);
      continue;
    }
    const patch: Partial<repo.StepRow> = { status: s.status, assignee_id: s.assigneeId, assignee_name: s.assigneeName };
    if (s.assigneeId !== (old.assignee_id ?? null)) patch.claimed_at = s.assigneeId ? now : null;
    if (s.status === 'done' || s.status === 'skipped') patch.done_at = now;
    if (s.status === 'active' && old.status !== 'active') {
      pauses ??= pausesFrom(await records.pausesOf(trx, c.id));
      patch.activated_at = now;
      patch.done_at = null;
      Object.assign(
        patch,
        stepDeadlineColumns(
          await calendarOf(trx, c.hall_id),
          { activated_at: now, limit_days: old.limit_days },
          pauses,
        ),
      );
    }
    if (s.status === 'pending')
      Object.assign(patch, { activated_at: null, done_at: null, deadline: null, deadline_provisional: 0 });
    if (!(await repo.updateStepFrom(trx, old.id, old.status, old.assignee_id, patch))) throw changedMeanwhile();
    const row = { ...old, ...patch };
    if (s.status === 'active' && old.status !== 'active') started.push(row);
    out.push(row);
  }
  await repo.insertSlips(
    trx,
    started.map((s) => ({
      id: newId(now),
      case_id: c.id,
      at: now,
      step_id: s.id,
      handed_over_by: actor.userId,
      handed_over_by_name: actor.displayName,
      department_id: s.department_id,
    })),
  );
  return out;
}

/**
 * The steps a case gets at acceptance, copied from the pinned item version: the reception order done by the
 * accepting clerk, the first order after it started with its deadlines. Pure rows; the caller inserts them.
 */
export function stepsAtAcceptance(
  actor: Actor,
  caseId: string,
  plan: readonly {
    key: string;
    name: string;
    order: number;
    role: string;
    departmentId: string | null;
    limitDays: number;
    authority?: string | null | undefined;
  }[],
  now: number,
  deadlineOf: (s: { activated_at: number; limit_days: number }) => {
    deadline: string | null;
    deadline_provisional: number;
  },
  approvalLevel?: string,
) {
  const rows = plan.map((s) => ({
    id: newId(now),
    case_id: caseId,
    step_key: s.key,
    name: s.name,
    step_order: s.order,
    role: s.role,
    department_id: s.departmentId,
    limit_days: s.limitDays,
    // A sign-off step needs its own level, else the item's approval level.
    authority: isAuthorityLevel(s.authority)
      ? s.authority
      : approvalLevel && signs(s.role)
        ? authorityForItem(approvalLevel)
        : null,
  }));
  const start = startProcess(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      order: r.step_order,
      role: r.role,
      departmentId: r.department_id,
      authority: r.authority,
      status: 'pending',
      assigneeId: null,
      assigneeName: null,
    })),
    stepActor(actor),
  );
  const steps: repo.StepRow[] = rows.map((r) => {
    const s = start.steps.find((x) => x.id === r.id)!;
    return {
      ...r,
      status: s.status,
      activated_at: s.status === 'pending' ? null : now,
      done_at: s.status === 'done' ? now : null,
      assignee_id: s.assigneeId,
      assignee_name: s.assigneeName,
      claimed_at: s.assigneeId ? now : null,
      ...(s.status === 'pending'
        ? { deadline: null, deadline_provisional: 0 }
        : deadlineOf({ activated_at: now, limit_days: r.limit_days })),
    };
  });
  return { steps, state: start.state, activated: steps.filter((s) => start.activated.includes(s.id)) };
}

export { isProcessAction };

/**
 * The hand-over that acceptance makes to the first order after reception, on the trail as 流转至承办部门. The
 * acceptance writes it with its own move: one update of the case row, one insert of the trail.
 */
export function handOverAtAcceptance(
  now: number,
  from: repo.CaseRow['state'],
  to: repo.CaseRow['state'],
  active: readonly repo.StepRow[],
): TrailEvent {
  const departmentIds = [...new Set(active.map((s) => s.department_id).filter((d): d is string => d !== null))];
  return {
    at: now,
    action: 'routeToDepartment',
    from,
    to,
    detail: { departmentIds, steps: active.map((s) => s.name) },
  };
}
