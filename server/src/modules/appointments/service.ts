/**
 * 预约 (R19.5): the public books an item, a day and a slot of the hall's opening hours on its calendar, within the
 * capacity the supervisor set per slot and category; checks in at the kiosk with the code or ID number for an
 * appointment-priority ticket (an ordinary one past the grace); a booking not checked in by the slot's end plus
 * the grace is a no-show, and repeated no-shows block online booking for a while. Staff book for callers by phone.
 * This file books, changes and cancels; the slots and places are in slots-service.ts, the check-in in
 * check-in-service.ts, the record's view, trail and lookups in record-service.ts.
 */
import { randomInt } from 'node:crypto';
import { blockedUntil, CODE_ALPHABET, CODE_LENGTH, slotOpen } from '../../domain/appointments/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { lookupIndexes, piiFields, protectDocNumber, protectPhone } from '../../platform/pii/protect.ts';
import { enqueueNotice } from '../notices/service.ts';
import { assertHallAccess } from '../org/service.ts';
import { publicHall } from '../queue/service.ts';
import { appointmentNoticeFor, queueAppointmentNotice } from './notice-service.ts';
import { audit, byCode, checkedIdNumber, loadForStaff, notBooked, present, trail } from './record-service.ts';
import * as repo from './repository.ts';
import type { AppointmentSettings, BookingInput } from './schema.ts';
import { ruleOf } from './settings-service.ts';
import { capacityFor, checkedSlot, itemOf } from './slots-service.ts';

const DAY = 86_400_000;

const full = () =>
  new AppError(409, 'SLOT_FULL', '该时段已约满，请选择其他时段', 'That slot is full; choose another', 'slot');

function newCode(): string {
  let c = '';
  for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return c;
}

/** Online booking is refused while the person's no-shows block it. */
async function assertNotBlocked(db: Db, idNumber: string, s: AppointmentSettings, now: number) {
  const times = await repo.noShowsOf(db, lookupIndexes('id', idNumber), now - (s.noShowDays + s.blockDays) * DAY);
  const until = blockedUntil(times, ruleOf(s), now);
  if (until !== null) {
    throw new AppError(
      403,
      'BOOKING_BLOCKED',
      `您近期多次预约未到，${chinaDay(until)} 前不能在网上预约，请到大厅取号或致电大厅`,
      `Repeated no-shows: online booking is blocked until ${chinaDay(until)}`,
      'idNumber',
    );
  }
}

/**
 * Books a place. The place is taken by a conditional increment in the same transaction as the booking, so two
 * people can never take the last place of a slot, and a failed booking leaves no place taken.
 */
async function book(
  ctx: AppContext,
  actor: Actor | null,
  hallId: string,
  input: BookingInput,
  channel: 'online' | 'phone',
) {
  await publicHall(ctx.db, hallId);
  const now = ctx.clock.now();
  const idNumber = checkedIdNumber(input.idNumber, chinaDay(now));
  const { item, category, capacity } = await itemOf(ctx.db, hallId, input.itemId);
  const { slot, startsAt, endsAt, settings } = await checkedSlot(ctx.db, hallId, input.day, input.slot, now);
  if (channel === 'online') await assertNotBlocked(ctx.db, idNumber, settings, now);
  const id = newId(now);
  const doc = protectDocNumber(piiFields.appointmentId, id, idNumber, true);
  const phone = protectPhone(piiFields.appointmentPhone, id, input.phone);
  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const mine = await repo.activeOfPerson(trx, hallId, input.day, lookupIndexes('id', idNumber));
        if (mine.length)
          throw conflict(
            `该身份证号码当日已有预约（${mine[0]!.slot}），如需调整请用预约码改约`,
            'This ID number already has a booking that day; change it with its code',
            'idNumber',
          );
        if (
          !(await repo.takePlace(trx, { hallId, categoryId: category.id, day: input.day, slot: slot.from }, capacity))
        )
          throw full();
        await repo.insertAppointment(trx, {
          id,
          code,
          hall_id: hallId,
          category_id: category.id,
          item_id: item.id,
          item_name: item.name,
          day: input.day,
          slot: slot.from,
          slot_end: slot.to,
          starts_at: startsAt,
          ends_at: endsAt,
          name: input.name,
          id_number_enc: doc.enc,
          id_number_index: doc.index,
          id_number_masked: doc.masked,
          phone_enc: phone.enc,
          phone_index: phone.index,
          phone_masked: phone.masked,
          channel,
          status: 'booked',
          late: 0,
          checked_in_at: null,
          ticket_id: null,
          ticket_number: null,
          booked_by: actor?.userId ?? null,
          created_at: now,
          updated_at: now,
        });
        const detail = { item: item.name, day: input.day, slot: slot.from, channel, idNumber: doc.masked };
        await trail(trx, id, now, 'booked', actor, detail);
        await enqueueNotice(
          trx,
          appointmentNoticeFor(
            { id, code, hall_id: hallId, item_name: item.name, day: input.day, slot: slot.from, slot_end: slot.to },
            { name: input.name, phone: input.phone },
            'confirmed',
            now,
          ),
        );
        await audit(trx, actor, now, 'appointment.book', id, detail);
      });
      break;
    } catch (e) {
      // A code already in use (one chance in billions): draw another.
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
  return present(ctx.db, (await repo.findById(ctx.db, id))!);
}

export const bookOnline = (ctx: AppContext, hallId: string, input: BookingInput) =>
  book(ctx, null, hallId, input, 'online');

/** A caller on the phone, booked by staff: the no-show block does not apply (staff decide). */
export async function bookByPhone(ctx: AppContext, actor: Actor, input: BookingInput & { hallId: string }) {
  assertHallAccess(actor, input.hallId);
  return book(ctx, actor, input.hallId, input, 'phone');
}

async function cancel(ctx: AppContext, actor: Actor | null, a: repo.AppointmentRow) {
  const now = ctx.clock.now();
  if (a.status !== 'booked') throw notBooked(a);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateIf(trx, a.id, 'booked', { status: 'cancelled', updated_at: now }))) throw notBooked(a);
    // A place of a slot still to come is offered again.
    if (slotOpen(Number(a.starts_at), now))
      await repo.releasePlace(trx, { hallId: a.hall_id, categoryId: a.category_id, day: a.day, slot: a.slot });
    const detail = { day: a.day, slot: a.slot };
    await trail(trx, a.id, now, 'cancelled', actor, detail);
    await queueAppointmentNotice(trx, a, 'cancelled', now);
    await audit(trx, actor, now, 'appointment.cancel', a.id, detail);
  });
  return present(ctx.db, (await repo.findById(ctx.db, a.id))!);
}

export async function cancelByCode(ctx: AppContext, code: string) {
  return cancel(ctx, null, await byCode(ctx.db, code));
}

export async function cancelByStaff(ctx: AppContext, actor: Actor, id: string) {
  return cancel(ctx, actor, await loadForStaff(ctx, actor, id));
}

/** Moves a booking to another day or slot of the same item: the new place is taken before the old one is given back. */
export async function changeByCode(ctx: AppContext, code: string, to: { day: string; slot: string }) {
  const a = await byCode(ctx.db, code);
  if (a.status !== 'booked') throw notBooked(a);
  const now = ctx.clock.now();
  if (!slotOpen(Number(a.starts_at), now))
    throw conflict('预约时段已开始，不能再改约', 'The booked slot has started', 'slot');
  if (a.day === to.day && a.slot === to.slot) throw invalid('slot', '请选择与原预约不同的时段', 'Choose another slot');
  const { slot, startsAt, endsAt } = await checkedSlot(ctx.db, a.hall_id, to.day, to.slot, now);
  const capacity = await capacityFor(ctx.db, a.hall_id, a.category_id);
  await ctx.db.transaction().execute(async (trx) => {
    if (a.day !== to.day) {
      const others = (await repo.activeOfPerson(trx, a.hall_id, to.day, [a.id_number_index])).filter(
        (x) => x.id !== a.id,
      );
      if (others.length) throw conflict('该身份证号码当日已有预约', 'Already booked that day', 'day');
    }
    const key = { hallId: a.hall_id, categoryId: a.category_id, day: to.day, slot: slot.from };
    if (!(await repo.takePlace(trx, key, capacity))) throw full();
    const moved = {
      day: to.day,
      slot: slot.from,
      slot_end: slot.to,
      starts_at: startsAt,
      ends_at: endsAt,
      updated_at: now,
    };
    if (!(await repo.updateIf(trx, a.id, 'booked', moved))) throw notBooked(a);
    await repo.releasePlace(trx, { hallId: a.hall_id, categoryId: a.category_id, day: a.day, slot: a.slot });
    const detail = { from: { day: a.day, slot: a.slot }, to: { day: to.day, slot: slot.from } };
    await trail(trx, a.id, now, 'changed', null, detail);
    await queueAppointmentNotice(trx, { ...a, ...moved }, 'changed', now);
    await audit(trx, null, now, 'appointment.change', a.id, detail);
  });
  return present(ctx.db, (await repo.findById(ctx.db, a.id))!);
}
