/**
 * 领取提醒: the periodic pass that reminds an applicant, once per case, of a result told ready (通知领取) and still
 * not collected after the set number of working days (setting `notices.collection_reminder_days`, default 3) on the
 * hall calendar. The notice goes through the outbox like every other; its dedupe key keeps it single however many
 * sweeps or nodes run, and a case already reminded is not queued again.
 */
import {
  collectionReminderDue,
  collectionReminderKey,
  DEFAULT_COLLECTION_REMINDER_DAYS,
} from '../../domain/notices/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { readCollectionReminderDays } from '../../platform/settings.ts';
import { calendarOf } from '../calendar/service.ts';
import { awaitingCollection } from '../cases/service.ts';
import { enqueueCaseNotice, noticesOfKey } from '../notices/service.ts';
import { allHallIds, findHall } from '../org/service.ts';

export const COLLECTION_REMINDER_INTERVAL_MS = 60 * 60_000;

export async function sweepCollectionReminders(ctx: AppContext): Promise<{ reminded: number }> {
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const days = await readCollectionReminderDays(ctx.db, DEFAULT_COLLECTION_REMINDER_DAYS);
  const calendars = new Map<string, Awaited<ReturnType<typeof calendarOf>>>();
  let reminded = 0;
  for (const c of await awaitingCollection(ctx.db, await allHallIds(ctx.db))) {
    if (!calendars.has(c.hall_id)) calendars.set(c.hall_id, await calendarOf(ctx.db, c.hall_id));
    if (!collectionReminderDue(calendars.get(c.hall_id)!, chinaDay(Number(c.notified_at)), today, days)) continue;
    const key = collectionReminderKey(c.id);
    if ((await noticesOfKey(ctx.db, `${key}:`)).length) continue;
    const queued = await ctx.db.transaction().execute(async (trx) => {
      const hall = await findHall(trx, c.hall_id);
      const place = hall?.address || hall?.name || '';
      const ids = await enqueueCaseNotice(trx, c, 'collection_reminder', now, { place }, undefined, key);
      return ids.length;
    });
    if (queued) reminded++;
  }
  if (reminded) ctx.log.info({ reminded }, 'collection reminders queued');
  return { reminded };
}

export function startCollectionReminders(ctx: AppContext, intervalMs = COLLECTION_REMINDER_INTERVAL_MS): () => void {
  return runPeriodically(ctx.log, 'collection reminder sweep', intervalMs, () => sweepCollectionReminders(ctx));
}
