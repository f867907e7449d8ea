/**
 * The progress notice (R9.3): once a round, on the working day before its deadline, a complaint still being handled
 * gets a notice to the complainant queued in the outbox. The dedupe key and the guarded round counter make a pass
 * on several nodes queue it once.
 */
import { type ComplaintState, progressNoticeDay, progressNoticeOwed } from '../../domain/complaints/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { calendarOf } from '../calendar/service.ts';
import * as repo from './repository.ts';
import { hasContact, previousWorkingDay, queueComplaintNotice } from './service.ts';

export const COMPLAINT_SWEEP_INTERVAL_MS = 30 * 60_000;

export async function sweepComplaintProgress(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDay(now);
  let queued = 0;
  for (const c of await repo.openComplaints(ctx.db)) {
    const calendar = await calendarOf(ctx.db, c.hall_id);
    const noticeDay = progressNoticeDay(c.received_day, c.due_day, (d) =>
      previousWorkingDay((x) => calendar.isWorkingDay(x), d),
    );
    const owed = progressNoticeOwed({
      state: c.state as ComplaintState,
      hasContact: hasContact(c),
      round: c.round,
      noticedRound: c.progress_noticed_round,
      noticeDay,
      dueDay: c.due_day,
      today,
    });
    if (!owed) continue;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.updateComplaintFrom(trx, c.id, c.state, { progress_noticed_round: c.round }))) return;
      const ids = await queueComplaintNotice(
        trx,
        c,
        'complaint_progress',
        now,
        `complaint:${c.id}:progress:${c.round}`,
      );
      await repo.insertStep(trx, {
        id: newId(now),
        complaint_id: c.id,
        action: 'progress_notice',
        note_kind: null,
        text: `已向投诉举报人发送进展告知（答复期限 ${c.due_day}）`,
        from_state: c.state,
        to_state: c.state,
        user_id: null,
        user_name: '系统',
        at: now,
      });
      queued += ids.length ? 1 : 0;
    });
  }
  return queued;
}

export function startComplaintSweeps(ctx: AppContext, intervalMs = COMPLAINT_SWEEP_INTERVAL_MS): () => void {
  return runPeriodically(ctx.log, 'complaint progress sweep', intervalMs, () => sweepComplaintProgress(ctx));
}
