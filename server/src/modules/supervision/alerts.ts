/**
 * 站内提醒: the sweep that tells people when a case or step turns yellow or red, and each person's alert list.
 * The unique key (target, level, recipient) makes a sweep idempotent: running it again adds nothing.
 */
import { DEFAULT_STUCK_DAYS, recipientsOf } from '../../domain/supervision/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AlertTable } from '../../platform/db/tables-supervision.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { allHallIds } from '../org/service.ts';
import { actingFor } from '../staff/service.ts';
import * as repo from './repository.ts';
import { type FlaggedCase, type FlaggedStep, watch } from './watch.ts';

/** How often the server sweeps. */
export const SWEEP_INTERVAL_MS = 5 * 60_000;

/** One pass over every hall; returns how many alerts were added. */
export async function sweepAlerts(ctx: AppContext): Promise<{ added: number }> {
  const now = ctx.clock.now();
  const hallIds = await allHallIds(ctx.db);
  const w = await watch(ctx.db, hallIds, now, DEFAULT_STUCK_DAYS);
  const unassignedDepartments = [
    ...new Set(w.steps.filter((s) => !s.assigneeId && s.departmentId).map((s) => s.departmentId!)),
  ];
  const staff = new Map<string, string[]>();
  for (const r of await repo.departmentStaff(ctx.db, unassignedDepartments)) {
    staff.set(r.department_id, [...(staff.get(r.department_id) ?? []), r.user_id]);
  }
  const supervisors = new Map<string, string[]>();
  for (const hallId of new Set([...w.cases, ...w.steps].filter((x) => x.level === 'red').map((x) => x.hallId))) {
    supervisors.set(
      hallId,
      (await repo.hallUsersWithRole(ctx.db, hallId, 'supervisor')).map((r) => r.user_id),
    );
  }
  const rows: AlertTable[] = [];
  // AB岗: what is A's goes to whoever acts for A now (B while A is away).
  const responsibleIds = [...w.cases.map((c) => c.ownerId), ...w.steps.map((s) => s.assigneeId)];
  const acting = await actingFor(
    ctx.db,
    [...responsibleIds, ...[...staff.values()].flat()].filter((x): x is string => !!x),
    now,
  );
  const actingOf = (id: string) => acting.get(id)?.actingId ?? id;
  for (const x of [...w.cases, ...w.steps] as (FlaggedCase | FlaggedStep)[]) {
    const responsibleId = x.kind === 'case' ? x.ownerId : x.assigneeId;
    const recipients = recipientsOf({
      kind: x.kind,
      level: x.level,
      responsibleId: responsibleId ? actingOf(responsibleId) : responsibleId,
      departmentStaffIds: [
        ...new Set(x.kind === 'step' && x.departmentId ? (staff.get(x.departmentId) ?? []).map(actingOf) : []),
      ],
      supervisorIds: supervisors.get(x.hallId) ?? [],
    });
    for (const r of recipients) {
      rows.push({
        id: newId(now),
        hall_id: x.hallId,
        recipient_id: r.userId,
        target_key: x.kind === 'case' ? `case:${x.caseId}` : `step:${x.stepId}`,
        target_type: x.kind,
        case_id: x.caseId,
        step_id: x.kind === 'step' ? x.stepId : null,
        level: x.level,
        audience: r.audience,
        case_no: x.caseNo,
        title: x.kind === 'case' ? x.itemName : `${x.itemName} · ${x.stepName}`,
        deadline: x.deadline,
        created_at: now,
        read_at: null,
      });
    }
  }
  if (!rows.length) return { added: 0 };
  const added = await ctx.db.transaction().execute((trx) => repo.insertAlerts(trx, rows));
  if (added) ctx.log.info({ added }, 'supervision alerts added');
  return { added };
}

/** Runs the sweep now and every five minutes; returns the stop function. A failed pass is logged, not fatal. */
export function startAlertSweeps(ctx: AppContext, intervalMs = SWEEP_INTERVAL_MS): () => void {
  return runPeriodically(ctx.log, 'supervision alert sweep', intervalMs, () => sweepAlerts(ctx));
}

const present = (a: AlertTable) => ({
  id: a.id,
  level: a.level as 'yellow' | 'red',
  targetType: a.target_type as 'case' | 'step' | 'crowding' | 'incident',
  audience: a.audience as 'responsible' | 'supervisor',
  caseId: a.case_id,
  caseNo: a.case_no,
  stepId: a.step_id,
  title: a.title,
  deadline: a.deadline,
  createdAt: Number(a.created_at),
  readAt: a.read_at === null ? null : Number(a.read_at),
});

export async function myAlerts(ctx: AppContext, actor: Actor, limit: number) {
  const [rows, unread] = await Promise.all([
    repo.alertsOf(ctx.db, actor.userId, limit),
    repo.unreadCount(ctx.db, actor.userId),
  ]);
  return { items: rows.map(present), total: rows.length, unread };
}

export async function markAlertRead(ctx: AppContext, actor: Actor, id: string) {
  const a = await repo.findAlert(ctx.db, id);
  // Someone else's alert is as unknown as a missing one.
  if (!a || a.recipient_id !== actor.userId) throw notFound('提醒', 'Alert');
  if (a.read_at !== null) return present(a);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.markRead(trx, id, now);
    await appendAudit(trx, byActor(actor, now, 'alert.read', 'alert', id));
  });
  return present({ ...a, read_at: now });
}

/**
 * An alert about the hall itself (客流拥挤, an incident) to its supervisors and station heads, once per target key:
 * the unique key (target, level, recipient) keeps a repeated call from alerting twice. Returns how many were added.
 */
export async function raiseHallAlert(
  db: Db,
  a: {
    hallId: string;
    targetKey: string;
    targetType: 'crowding' | 'incident';
    title: string;
    day: string;
    now: number;
  },
): Promise<number> {
  const ids = new Set<string>();
  for (const role of ['supervisor', 'station_head'])
    for (const r of await repo.hallUsersWithRole(db, a.hallId, role)) ids.add(r.user_id);
  return repo.insertAlerts(
    db,
    [...ids].map((userId) => ({
      id: newId(a.now),
      hall_id: a.hallId,
      recipient_id: userId,
      target_key: a.targetKey,
      target_type: a.targetType,
      case_id: null,
      step_id: null,
      level: 'red',
      audience: 'supervisor',
      case_no: null,
      title: a.title,
      deadline: a.day,
      created_at: a.now,
      read_at: null,
    })),
  );
}
