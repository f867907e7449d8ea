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
import { chinaDay } from '../../platform/clock.ts';
import { allHallIds } from '../org/service.ts';
import { displayNamesOf } from '../accounts/service.ts';
import { enqueueNotice } from '../notices/service.ts';
import { actingFor, uncoveredNow } from '../staff/service.ts';
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
  const gaps = await ctx.db.transaction().execute((trx) => alertUncovered(trx, hallIds, now));
  if (!rows.length) return { added: gaps };
  const added = gaps + (await ctx.db.transaction().execute((trx) => repo.insertAlerts(trx, rows)));
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
  targetType: a.target_type as 'case' | 'step' | 'crowding' | 'incident' | 'uncovered',
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

const absenceLabels: Record<string, string> = { leave: '请假', away: '暂离', not_clocked_in: '未签到' };

/**
 * AB岗缺位: a person away whose B is away too (and no stand-in named) leaves work nobody can take. The hall's
 * supervisors get a red alert in-app and a notice through the outbox, once per person and day (the alert's unique key
 * and the notice's dedupe key), in the caller's transaction. Returns how many alerts were added.
 */
export async function alertUncovered(db: Db, hallIds: readonly string[], now: number): Promise<number> {
  const gaps = await uncoveredNow(db, hallIds, now);
  if (!gaps.length) return 0;
  const day = chinaDay(now);
  const names = new Map(
    (await displayNamesOf(db, [...new Set(gaps.flatMap((g) => [g.userId, ...(g.bId ? [g.bId] : [])]))])).map((r) => [
      r.id,
      r.display_name,
    ]),
  );
  let added = 0;
  for (const g of gaps) {
    const supervisors = (await repo.hallUsersWithRole(db, g.hallId, 'supervisor')).filter(
      (r) => r.user_id !== g.userId,
    );
    const staffName = names.get(g.userId) ?? '';
    const bName = g.bId ? (names.get(g.bId) ?? '') : '（未设）';
    const reason = absenceLabels[g.reason] ?? g.reason;
    const key = `uncovered:${g.userId}:${day}`;
    const fresh = await repo.insertAlerts(
      db,
      supervisors.map((r) => ({
        id: newId(now),
        hall_id: g.hallId,
        recipient_id: r.user_id,
        target_key: key,
        target_type: 'uncovered',
        case_id: null,
        step_id: null,
        level: 'red',
        audience: 'supervisor',
        case_no: null,
        title: `AB岗缺位：${staffName}不在岗（${reason}），B岗${bName}也不在岗，请安排临时顶岗`,
        deadline: day,
        created_at: now,
        read_at: null,
      })),
    );
    added += fresh;
    const supNames = new Map(
      (
        await displayNamesOf(
          db,
          supervisors.map((r) => r.user_id),
        )
      ).map((r) => [r.id, r.display_name]),
    );
    for (const r of supervisors)
      await enqueueNotice(db, {
        hallId: g.hallId,
        event: 'ab_uncovered',
        now,
        recipient: { name: supNames.get(r.user_id) ?? '' },
        channels: ['inapp'],
        staff: true,
        vars: { staffName, bName, reason },
        dedupeKey: `${key}:${r.user_id}`,
      });
    if (fresh)
      await appendAudit(db, {
        at: now,
        userId: null,
        username: 'system',
        action: 'staff.cover.uncovered',
        targetType: 'user',
        targetId: g.userId,
        outcome: 'success',
        ip: null,
        detail: { hallId: g.hallId, reason: g.reason, bId: g.bId, supervisors: supervisors.map((r) => r.user_id) },
      });
  }
  return added;
}
