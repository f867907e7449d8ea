/**
 * 预约签到: arrival at the hall. The kiosk checks a booking in by its code or the ID number and issues its ticket
 * through the queue in the same transaction, with appointment priority within the grace, an ordinary one after it.
 */
import { checkInOutcome } from '../../domain/appointments/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { lookupIndexes } from '../../platform/pii/protect.ts';
import { issueTicketIn, publicHall } from '../queue/service.ts';
import { audit, byCode, checkedIdNumber, notBooked, present, trail } from './record-service.ts';
import * as repo from './repository.ts';
import { settingsOf } from './settings-service.ts';

const MINUTE = 60_000;

/**
 * Check-in at the kiosk with the booking code or the ID number: an appointment-priority ticket up to the grace
 * after the slot's start, an ordinary one after it. The ticket and the check-in are one transaction.
 */
export async function checkIn(
  ctx: AppContext,
  hallId: string,
  q: { code?: string | undefined; idNumber?: string | undefined },
) {
  await publicHall(ctx.db, hallId);
  const now = ctx.clock.now();
  const today = chinaDay(now);
  let a: repo.AppointmentRow | undefined;
  if (q.code) {
    a = await byCode(ctx.db, q.code);
    if (a.hall_id !== hallId) throw invalid('code', '该预约不在本大厅办理', 'The booking is for another hall');
  } else {
    const idNumber = checkedIdNumber(q.idNumber ?? '', today);
    const mine = await repo.activeOfPerson(ctx.db, hallId, today, lookupIndexes('id', idNumber));
    a = mine.find((x) => x.status === 'booked') ?? mine[0];
    if (!a) throw invalid('idNumber', '未找到您今天在本大厅的预约，请直接取号', 'No booking today in this hall');
  }
  const field = q.code ? 'code' : 'idNumber';
  if (a.day !== today)
    throw invalid(field, `您的预约日期是 ${a.day}，请在预约当天签到`, `Your booking is on ${a.day}; check in that day`);
  if (a.status === 'checked_in')
    throw conflict(`该预约已签到，排队号 ${a.ticket_number ?? ''}`, 'Already checked in', field);
  if (a.status !== 'booked') throw notBooked(a);
  const settings = await settingsOf(ctx.db, hallId);
  const outcome = checkInOutcome(now, Number(a.starts_at), settings.graceMinutes * MINUTE);
  const late = outcome === 'late';
  const row = a;
  const ticket = await ctx.db.transaction().execute(async (trx) => {
    const t = await issueTicketIn(ctx, trx, null, {
      hallId,
      categoryId: row.category_id,
      priority: late ? 'normal' : 'appointment',
      appointmentAt: late ? null : Number(row.starts_at),
    });
    const patch = {
      status: 'checked_in',
      late: late ? 1 : 0,
      checked_in_at: now,
      ticket_id: t.id,
      ticket_number: t.number,
      updated_at: now,
    };
    if (!(await repo.updateIf(trx, row.id, 'booked', patch)))
      throw conflict('该预约已签到', 'Already checked in', field);
    const detail = { ticket: t.number, late, by: q.code ? 'code' : 'idNumber' };
    await trail(trx, row.id, now, 'checked_in', null, detail);
    await audit(trx, null, now, 'appointment.check_in', row.id, detail);
    return t;
  });
  await ctx.events.publish({ hallId, type: 'queue' });
  return { appointment: await present(ctx.db, (await repo.findById(ctx.db, a.id))!), late, ticket };
}
