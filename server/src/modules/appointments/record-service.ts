/**
 * A 预约's record as the booking and check-in services share it: found by its code (the public) or by id within the
 * staff's halls, its view with personal numbers masked, the ID number as typed checked, the refusal once it is no
 * longer booked, and the trail and audit rows every change writes. Also the reads: the lookup by code, the desk's
 * list of a day's bookings and one booking's trail with its SMS.
 */
import { codePattern, normaliseCode } from '../../domain/appointments/index.ts';
import { validateResidentId } from '../../domain/identity/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageWindow } from '../../platform/schemas.ts';
import { noticesOfKey } from '../notices/service.ts';
import { assertHallAccess } from '../org/service.ts';
import { categoriesOfHall, publicHall } from '../queue/service.ts';
import { noticeKeyOf } from './notice-service.ts';
import * as repo from './repository.ts';
import type { AppointmentView } from './schema.ts';

type HallNames = { hall: { name: string }; categories: { id: string; name: string }[] };
const hallNames = async (db: Db, hallId: string): Promise<HallNames> => {
  const [hall, categories] = await Promise.all([publicHall(db, hallId), categoriesOfHall(db, hallId)]);
  return { hall, categories };
};

/** The view of a booking: personal numbers masked, always. */
export async function present(db: Db, a: repo.AppointmentRow, hallOf?: HallNames): Promise<AppointmentView> {
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

export function checkedIdNumber(raw: string, today: string) {
  const r = validateResidentId(raw, today);
  if (!r.ok) throw invalid('idNumber', `身份证号码有误：${r.zh}`, `The ID number is wrong: ${r.en}`);
  return r.normalised;
}

export async function trail(trx: Db, id: string, at: number, kind: string, actor: Actor | null, detail: object) {
  await repo.insertEvent(trx, {
    id: newId(at),
    appointment_id: id,
    at,
    kind,
    user_id: actor?.userId ?? null,
    detail: JSON.stringify(detail),
  });
}

export async function audit(trx: Db, actor: Actor | null, at: number, action: string, id: string, detail: object) {
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

export async function byCode(db: Db, raw: string) {
  const code = normaliseCode(raw);
  const a = codePattern.test(code) ? await repo.findByCode(db, code) : undefined;
  if (!a) throw notFound('预约', 'Appointment');
  return a;
}

export async function loadForStaff(ctx: AppContext, actor: Actor, id: string) {
  const a = await repo.findById(ctx.db, id);
  if (!a) throw notFound('预约', 'Appointment');
  if (!actor.hallIds.includes(a.hall_id)) throw outOfScope(notFound('预约', 'Appointment'), 'appointment', id);
  return a;
}

export const notBooked = (a: repo.AppointmentRow) =>
  conflict(
    a.status === 'checked_in'
      ? '该预约已签到，不能再取消或改约'
      : a.status === 'cancelled'
        ? '该预约已取消'
        : '该预约已过期（未按时签到）',
    'The booking can no longer be changed',
    'code',
  );

export async function lookup(ctx: AppContext, code: string) {
  return present(ctx.db, await byCode(ctx.db, code));
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
