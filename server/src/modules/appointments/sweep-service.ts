/**
 * The periodic pass: a booking not checked in by its slot's end plus the hall's grace becomes a no-show (没有到场),
 * on its trail and in the audit log; and the reminder the day before is queued in the notification outbox for every
 * booking of tomorrow.
 * Every update is guarded by status = 'booked', so a check-in at the last moment wins and nodes sweeping at once
 * mark each booking once; the reminder's dedupe key keeps it single.
 */
import { addDays } from '../../domain/calendar/days.ts';
import { isNoShow } from '../../domain/appointments/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import * as repo from './repository.ts';
import { queueAppointmentNotice } from './notice-service.ts';
import { settingsOf } from './settings-service.ts';

export const APPOINTMENT_SWEEP_INTERVAL_MS = 5 * 60_000;
/** The reminder goes out from this Beijing hour of the day before. */
export const REMINDER_HOUR = 9;

export async function sweepAppointments(ctx: AppContext): Promise<{ noShows: number; reminders: number }> {
  const now = ctx.clock.now();
  const ended = await repo.bookedEndedBefore(ctx.db, now);
  const graceOf = new Map<string, number>();
  let noShows = 0;
  for (const a of ended) {
    if (!graceOf.has(a.hall_id)) graceOf.set(a.hall_id, (await settingsOf(ctx.db, a.hall_id)).graceMinutes * 60_000);
    if (!isNoShow(now, Number(a.ends_at), graceOf.get(a.hall_id)!)) continue;
    const done = await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.updateIf(trx, a.id, 'booked', { status: 'no_show', updated_at: now }))) return false;
      const detail = { day: a.day, slot: a.slot, idNumber: a.id_number_masked };
      await repo.insertEvent(trx, {
        id: newId(now),
        appointment_id: a.id,
        at: now,
        kind: 'no_show',
        user_id: null,
        detail: JSON.stringify(detail),
      });
      await appendAudit(trx, {
        at: now,
        userId: null,
        username: 'system',
        action: 'appointment.no_show',
        targetType: 'appointment',
        targetId: a.id,
        outcome: 'success',
        detail,
      });
      return true;
    });
    if (done) noShows++;
  }
  let reminders = 0;
  const today = chinaDay(now);
  const dueAt = Date.parse(`${today}T00:00:00Z`) - 8 * 3_600_000 + REMINDER_HOUR * 3_600_000;
  if (now >= dueAt) {
    for (const a of await repo.bookedOn(ctx.db, addDays(today, 1))) {
      // Booked today for tomorrow after the reminder hour: the confirmation just sent says it all.
      if (Number(a.created_at) >= dueAt) continue;
      // Queued once per booking and day, however many nodes sweep (the outbox's dedupe key).
      const ids = await ctx.db.transaction().execute((trx) => queueAppointmentNotice(trx, a, 'reminder', now));
      if (ids.length) reminders++;
    }
  }
  if (noShows) ctx.log.info({ noShows }, 'appointments marked no-show');
  return { noShows, reminders };
}

export function startAppointmentSweeps(ctx: AppContext, intervalMs = APPOINTMENT_SWEEP_INTERVAL_MS): () => void {
  return runPeriodically(ctx.log, 'appointment sweep', intervalMs, () => sweepAppointments(ctx));
}
