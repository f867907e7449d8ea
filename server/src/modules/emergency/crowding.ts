/**
 * 客流拥挤报警 (R17): each sweep reads every watched hall's queue through the queue service, moves the alarm state
 * by the pure rule in domain/emergency (once per crossing), and on a crossing alerts the hall's supervisors and
 * station heads through supervision's alerts, keyed by the crossing's number so a repeated pass adds nothing; the hall
 * display shows the crowding notice (if the supervisor lets it) from the crossing until the hall is calm again.
 */
import { crowdingStep } from '../../domain/emergency/crowding.ts';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { displayNoticeChanged, setAlarmNotice, waitingNow } from '../queue/service.ts';
import { raiseHallAlert } from '../supervision/service.ts';
import * as repo from './repository.ts';

export const CROWDING_SWEEP_MS = 60_000;

/**
 * One pass over every hall with thresholds (or over one hall, right after its supervisor saved new ones);
 * returns the halls that crossed into crowding now.
 */
export async function sweepCrowding(ctx: AppContext, onlyHallId?: string): Promise<{ fired: string[] }> {
  const now = ctx.clock.now();
  const fired: string[] = [];
  for (const w of await repo.watches(ctx.db, onlyHallId)) {
    const reading = await waitingNow(ctx.db, w.hall_id, now);
    const step = crowdingStep(w.over === 1, reading, {
      maxWaiting: w.max_waiting,
      maxWaitMinutes: w.max_wait_minutes,
    });
    if (step.over === (w.over === 1)) continue;
    const crossings = w.crossings + (step.fire ? 1 : 0);
    let moved = false;
    await ctx.db.transaction().execute(async (trx) => {
      // Guarded by the state this pass read: a second sweep at the same time changes nothing and alerts nobody.
      if (!(await repo.moveWatch(trx, w.hall_id, w.over, { over: step.over ? 1 : 0, crossings, changed_at: now })))
        return;
      moved = true;
      // 拥挤提示上屏: the display shows the notice from the crossing until the hall is calm again.
      await setAlarmNotice(trx, w.hall_id, step.over && w.show_notice === 1 ? w.notice : null, now);
      await appendAudit(trx, {
        at: now,
        userId: null,
        username: 'system',
        action: step.fire ? 'crowding.alarm' : 'crowding.calm',
        targetType: 'hall',
        targetId: w.hall_id,
        outcome: 'success',
        ip: null,
        detail: { waiting: reading.waiting, longestWaitMinutes: reading.longestWaitMinutes, crossings },
      });
      if (!step.fire) return;
      fired.push(w.hall_id);
      await raiseHallAlert(trx, {
        hallId: w.hall_id,
        targetKey: `crowding:${w.hall_id}:${crossings}`,
        targetType: 'crowding',
        title: `客流拥挤：等候 ${reading.waiting} 人，最长等候 ${reading.longestWaitMinutes} 分钟`,
        day: chinaDay(now),
        now,
      });
    });
    if (moved) await displayNoticeChanged(ctx, w.hall_id);
  }
  return { fired };
}

export function startCrowdingSweeps(ctx: AppContext, intervalMs = CROWDING_SWEEP_MS): () => void {
  return runPeriodically(ctx.log, 'crowding sweep', intervalMs, () => sweepCrowding(ctx));
}
