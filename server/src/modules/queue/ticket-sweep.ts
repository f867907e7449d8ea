/**
 * The end-of-day sweep: a ticket still waiting (未叫号) when its hall's queue closes — the end of the last session
 * of the hall's timetable that day, and in any case the start of the next China day — is expired (已作废), with
 * its trail event and one audit record per hall and pass. Displays and kiosks hear of it and stop counting it.
 * Every update is guarded by status = 'waiting', so a ticket called at the last moment is left alone and several
 * nodes sweeping at once expire each ticket once.
 */
import { pastClosing } from '../../domain/queue/hours.ts';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { newId } from '../../platform/ids.ts';
import { closingFor, timetablesOf } from './hours-service.ts';
import * as repo from './repository.ts';

/** How often the server sweeps; the same rhythm as the supervision alerts. */
export const TICKET_SWEEP_INTERVAL_MS = 5 * 60_000;

/** One pass over every hall; returns how many tickets were expired. */
export async function sweepWaitingTickets(ctx: AppContext): Promise<{ expired: number }> {
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const waiting = await repo.waitingUpTo(ctx.db, today);
  if (!waiting.length) return { expired: 0 };
  const byHall = new Map<string, repo.TicketRow[]>();
  for (const t of waiting) byHall.set(t.hall_id, [...(byHall.get(t.hall_id) ?? []), t]);
  const tables = await timetablesOf(ctx.db, [...byHall.keys()]);
  let total = 0;
  for (const [hallId, tickets] of byHall) {
    const closingOfDay = new Map<string, ReturnType<typeof closingFor>>();
    const due = tickets.filter((t) => {
      if (!closingOfDay.has(t.day)) closingOfDay.set(t.day, closingFor(tables.get(hallId), t.day));
      return pastClosing(closingOfDay.get(t.day)!.closing, t.day, today, now);
    });
    if (!due.length) continue;
    const expired = await ctx.db.transaction().execute(async (trx) => {
      const done: repo.TicketRow[] = [];
      for (const t of due) {
        const { closing, source } = closingOfDay.get(t.day)!;
        if (
          !(await repo.updateTicketIf(
            trx,
            t.id,
            { status: 'waiting' },
            { status: 'expired', finished_at: now, updated_at: now },
          ))
        )
          continue;
        await repo.insertEvent(trx, {
          id: newId(now),
          ticket_id: t.id,
          hall_id: hallId,
          at: now,
          kind: 'expired',
          window_id: null,
          user_id: null,
          duration_ms: null,
          detail: JSON.stringify({
            why: t.day < today ? 'day_over' : 'hall_closed',
            closedAt: t.day < today ? null : closing,
            hoursOf: source,
          }),
        });
        done.push(t);
      }
      if (done.length) {
        await appendAudit(trx, {
          at: now,
          userId: null,
          username: 'system',
          action: 'queue.ticket.expire',
          targetType: 'hall',
          targetId: hallId,
          outcome: 'success',
          detail: {
            days: [...new Set(done.map((t) => t.day))],
            count: done.length,
            numbers: done.map((t) => `${t.day} ${t.number}`),
          },
        });
      }
      return done.length;
    });
    if (expired) {
      total += expired;
      await ctx.events.publish({ hallId, type: 'queue', reason: 'expired', count: expired });
      ctx.log.info({ hallId, expired }, 'waiting tickets expired at closing');
    }
  }
  return { expired: total };
}

/** Runs the sweep now and every five minutes; returns the stop function. A failed pass is logged, not fatal. */
export function startTicketSweeps(ctx: AppContext, intervalMs = TICKET_SWEEP_INTERVAL_MS): () => void {
  return runPeriodically(ctx.log, 'queue ticket sweep', intervalMs, () => sweepWaitingTickets(ctx));
}
