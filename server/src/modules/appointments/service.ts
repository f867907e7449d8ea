/**
 * 预约 (R19.5): the public books an item, a day and a slot of the hall's opening hours on its calendar, within the
 * capacity the supervisor set per slot and category; checks in at the kiosk with the code or ID number for an
 * appointment-priority ticket (an ordinary one past the grace); a booking not checked in by the slot's end plus
 * the grace is a no-show, and repeated no-shows block online booking for a while. Staff book for callers by phone.
 */
import { randomInt } from 'node:crypto';
import {
  blockedUntil,
  bookableDays,
  CODE_ALPHABET,
  CODE_LENGTH,
  checkInOutcome,
  codePattern,
  instantOf,
  normaliseCode,
  slotOpen,
  slotsOfDay,
} from '../../domain/appointments/index.ts';
import { validateResidentId } from '../../domain/identity/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { lookupIndexes, piiFields, protectDocNumber, protectPhone } from '../../platform/pii/protect.ts';
import { pageWindow } from '../../platform/schemas.ts';
import { calendarOf } from '../calendar/service.ts';
import { findItem } from '../catalog/service.ts';
import { publicGuide } from '../guide/service.ts';
import { enqueueNotice, noticesOfKey } from '../notices/service.ts';
import { assertHallAccess } from '../org/service.ts';
import { categoriesOfHall, issueTicketIn, publicHall, timetablesOf } from '../queue/service.ts';
import * as repo from './repository.ts';
import type { AppointmentSettings, AppointmentView, BookingInput } from './schema.ts';
import { ruleOf, settingsOf } from './settings-service.ts';
import { appointmentNoticeFor, noticeKeyOf, queueAppointmentNotice } from './notice-service.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

type HallNames = { hall: { name: string }; categories: { id: string; name: string }[] };
const hallNames = async (db: Db, hallId: string): Promise<HallNames> => {
  const [hall, categories] = await Promise.all([publicHall(db, hallId), categoriesOfHall(db, hallId)]);
  return { hall, categories };
};

/** The view of a booking: personal numbers masked, always. */
async function present(db: Db, a: repo.AppointmentRow, hallOf?: HallNames): Promise<AppointmentView> {
  const { hall, categories } = hallOf ?? (await hallNames(db, a.hall_id));
  return {
    id: a.id,
    code: a.code,
    hallId: a.hall_id,
    hallName: hall.name,
    categoryId: a.category_id,
    categoryName: categories.find((c) => c.id === a.category_id)?.name ?? '',
    itemId: a.item_id,
    itemName: a.item_name,
    day: a.day,
    slot: a.slot,
    slotEnd: a.slot_end,
    startsAt: Number(a.starts_at),
    name: a.name,
    idNumber: a.id_number_masked,
    phone: a.phone_masked,
    channel: a.channel as AppointmentView['channel'],
    status: a.status as AppointmentView['status'],
    late: a.late === 1,
    checkedInAt: a.checked_in_at === null ? null : Number(a.checked_in_at),
    ticketId: a.ticket_id,
    ticketNumber: a.ticket_number,
    createdAt: Number(a.created_at),
  };
}

type Category = Awaited<ReturnType<typeof categoriesOfHall>>[number];

/**
 * The queue category an item is served in: of the active ones naming the item's catalogue category, the most
 * specialised (fewest catalogue categories, e.g. a marriage desk before a general civil-affairs one); else the first.
 */
function servingCategory(categories: Category[], itemCategory: string): Category | null {
  const active = categories.filter((c) => c.active);
  const naming = active
    .filter((c) => (c.itemCategories as readonly string[]).includes(itemCategory))
    .sort((a, b) => a.itemCategories.length - b.itemCategories.length);
  return naming[0] ?? active[0] ?? null;
}

async function categoryForItem(db: Db, hallId: string, itemCategory: string) {
  return servingCategory(await categoriesOfHall(db, hallId), itemCategory);
}

async function capacityFor(db: Db, hallId: string, categoryId: string) {
  return (await repo.capacityOf(db, hallId)).find((c) => c.category_id === categoryId)?.capacity ?? 0;
}

/** The published items of a hall that can be booked: their category has places. */
export async function bookableItems(ctx: AppContext, hallId: string) {
  await publicHall(ctx.db, hallId);
  const [{ items }, categories, capacity] = await Promise.all([
    publicGuide(ctx, { hallId, limit: 500, offset: 0 }),
    categoriesOfHall(ctx.db, hallId),
    repo.capacityOf(ctx.db, hallId),
  ]);
  const places = new Map(capacity.map((c) => [c.category_id, c.capacity]));
  const out = [];
  for (const i of items) {
    const c = servingCategory(categories, i.category);
    if (c && (places.get(c.id) ?? 0) > 0)
      out.push({ id: i.id, code: i.code, name: i.name, categoryId: c.id, categoryName: c.name });
  }
  return { items: out, total: out.length };
}

async function itemOf(db: Db, hallId: string, itemId: string) {
  const item = await findItem(db, itemId);
  if (!item || item.hall_id !== hallId || item.status !== 'published')
    throw invalid('itemId', '请选择本大厅可预约的事项', 'Choose an item of this hall');
  const category = await categoryForItem(db, hallId, item.category);
  if (!category) throw invalid('itemId', '该事项暂不提供预约', 'This item cannot be booked');
  const capacity = await capacityFor(db, hallId, category.id);
  if (capacity <= 0) throw invalid('itemId', '该事项暂不提供预约', 'This item cannot be booked');
  return { item, category, capacity };
}

/** The days one may book and each slot's places left, for an item. */
export async function availableDays(ctx: AppContext, hallId: string, itemId: string) {
  await publicHall(ctx.db, hallId);
  const { category, capacity } = await itemOf(ctx.db, hallId, itemId);
  const s = await settingsOf(ctx.db, hallId);
  const now = ctx.clock.now();
  const days = bookableDays(chinaDay(now), s.daysAhead);
  const [calendar, tables, taken] = await Promise.all([
    calendarOf(ctx.db, hallId),
    timetablesOf(ctx.db, [hallId]),
    repo.takenIn(ctx.db, hallId, category.id, days[0]!, days[days.length - 1]!),
  ]);
  const week = tables.get(hallId)?.hall ?? [];
  const used = new Map(taken.map((t) => [`${t.day} ${t.slot}`, Number(t.taken)]));
  return {
    itemId,
    categoryId: category.id,
    capacity,
    graceMinutes: s.graceMinutes,
    days: days.map((day) => {
      const working = calendar.isWorkingDay(day);
      return {
        day,
        working,
        slots: slotsOfDay(week, day, working, s.slotMinutes).map((sl) => ({
          from: sl.from,
          to: sl.to,
          left: Math.max(0, capacity - (used.get(`${day} ${sl.from}`) ?? 0)),
          open: slotOpen(instantOf(day, sl.from), now),
        })),
      };
    }),
  };
}

/** The slot asked for, if the hall offers it that day and it has not started. */
async function checkedSlot(db: Db, hallId: string, day: string, slot: string, now: number) {
  const s = await settingsOf(db, hallId);
  if (!bookableDays(chinaDay(now), s.daysAhead).includes(day))
    throw invalid('day', `只能预约今天起 ${s.daysAhead} 天内的日期`, `Book within ${s.daysAhead} days from today`);
  const [calendar, tables] = await Promise.all([calendarOf(db, hallId), timetablesOf(db, [hallId])]);
  const slots = slotsOfDay(tables.get(hallId)?.hall ?? [], day, calendar.isWorkingDay(day), s.slotMinutes);
  if (!slots.length) throw invalid('day', '该日大厅不办公，请选择其他日期', 'The hall is closed that day');
  const found = slots.find((x) => x.from === slot);
  if (!found) throw invalid('slot', '请选择大厅办公时间内的时段', 'Choose a slot of the opening hours');
  const startsAt = instantOf(day, found.from);
  if (!slotOpen(startsAt, now)) throw invalid('slot', '该时段已开始，请选择之后的时段', 'That slot has started');
  return { slot: found, startsAt, endsAt: instantOf(day, found.to), settings: s };
}

const full = () =>
  new AppError(409, 'SLOT_FULL', '该时段已约满，请选择其他时段', 'That slot is full; choose another', 'slot');

function newCode(): string {
  let c = '';
  for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return c;
}

function checkedIdNumber(raw: string, today: string) {
  const r = validateResidentId(raw, today);
  if (!r.ok) throw invalid('idNumber', `身份证号码有误：${r.zh}`, `The ID number is wrong: ${r.en}`);
  return r.normalised;
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

async function trail(trx: Db, id: string, at: number, kind: string, actor: Actor | null, detail: object) {
  await repo.insertEvent(trx, {
    id: newId(at),
    appointment_id: id,
    at,
    kind,
    user_id: actor?.userId ?? null,
    detail: JSON.stringify(detail),
  });
}

async function audit(trx: Db, actor: Actor | null, at: number, action: string, id: string, detail: object) {
  await appendAudit(
    trx,
    actor
      ? byActor(actor, at, action, 'appointment', id, { ...detail })
      : {
          at,
          userId: null,
          username: 'public',
          action,
          targetType: 'appointment',
          targetId: id,
          outcome: 'success',
          detail: { ...detail },
        },
  );
}

export const bookOnline = (ctx: AppContext, hallId: string, input: BookingInput) =>
  book(ctx, null, hallId, input, 'online');

/** A caller on the phone, booked by staff: the no-show block does not apply (staff decide). */
export async function bookByPhone(ctx: AppContext, actor: Actor, input: BookingInput & { hallId: string }) {
  assertHallAccess(actor, input.hallId);
  return book(ctx, actor, input.hallId, input, 'phone');
}

async function byCode(db: Db, raw: string) {
  const code = normaliseCode(raw);
  const a = codePattern.test(code) ? await repo.findByCode(db, code) : undefined;
  if (!a) throw notFound('预约', 'Appointment');
  return a;
}

export async function lookup(ctx: AppContext, code: string) {
  return present(ctx.db, await byCode(ctx.db, code));
}

const notBooked = (a: repo.AppointmentRow) =>
  conflict(
    a.status === 'checked_in'
      ? '该预约已签到，不能再取消或改约'
      : a.status === 'cancelled'
        ? '该预约已取消'
        : '该预约已过期（未按时签到）',
    'The booking can no longer be changed',
    'code',
  );

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

async function loadForStaff(ctx: AppContext, actor: Actor, id: string) {
  const a = await repo.findById(ctx.db, id);
  if (!a) throw notFound('预约', 'Appointment');
  if (!actor.hallIds.includes(a.hall_id)) throw outOfScope(notFound('预约', 'Appointment'), 'appointment', id);
  return a;
}

export async function listForStaff(
  ctx: AppContext,
  actor: Actor,
  f: { hallId: string; day?: string | undefined; status?: string | undefined; page: number; pageSize: number },
) {
  assertHallAccess(actor, f.hallId);
  // Without a day: the hall's today (the server's clock, not the desk's).
  const day = f.day ?? chinaDay(ctx.clock.now());
  const [rows, total] = await repo.listAppointments(ctx.db, { ...f, day, ...pageWindow(f) });
  const names = await hallNames(ctx.db, f.hallId);
  return { items: await Promise.all(rows.map((r) => present(ctx.db, r, names))), total };
}

export async function appointmentTrail(ctx: AppContext, actor: Actor, id: string) {
  await loadForStaff(ctx, actor, id);
  const [events, notices] = await Promise.all([repo.eventsOf(ctx.db, id), noticesOfKey(ctx.db, noticeKeyOf(id))]);
  return {
    events: events.map((e) => ({
      at: Number(e.at),
      kind: e.kind,
      userId: e.user_id,
      detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    })),
    notices: notices.map((n) => ({
      id: n.id,
      event: n.event,
      eventLabel: n.eventLabel,
      recipient: n.recipient,
      body: n.body,
      state: n.state,
      stateLabel: n.stateLabel,
      createdAt: n.createdAt,
      sentAt: n.sentAt,
    })),
  };
}

export {
  capacityList,
  defaultSettings,
  hallSettings,
  noShowList,
  saveCapacity,
  saveHallSettings,
  settingsOf,
} from './settings-service.ts';
export { appointmentNoticeFor, queueAppointmentNotice } from './notice-service.ts';
