/** 预约 SMS: the confirmation, change, cancellation and reminder of a booking, as the notification outbox takes them. */
import type { AppointmentPurpose } from '../../domain/appointments/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { piiFields, reveal } from '../../platform/pii/protect.ts';
import { enqueueNotice, type NoticeRequest } from '../notices/service.ts';
import type * as repo from './repository.ts';

const eventOf = {
  confirmed: 'appointment_confirmed',
  changed: 'appointment_changed',
  cancelled: 'appointment_cancelled',
  reminder: 'appointment_reminder',
} as const;

type NoticeFields = Pick<repo.AppointmentRow, 'id' | 'code' | 'hall_id' | 'item_name' | 'day' | 'slot' | 'slot_end'>;

/** The outbox's dedupe keys of a booking's notices all start with this. */
export const noticeKeyOf = (appointmentId: string) => `appointment:${appointmentId}:`;

/**
 * The SMS about a booking, as the outbox takes it (`enqueueNotice`): to the number given at booking, with the
 * item, the time and the code filled in. The confirmation and the cancellation are queued once per booking, the
 * reminder once per booking and day (a sweep on several nodes), every change on its own.
 */
export function appointmentNoticeFor(
  a: NoticeFields,
  who: { name: string; phone: string },
  purpose: AppointmentPurpose,
  now: number,
): NoticeRequest {
  const key = purpose === 'changed' ? `changed:${newId(now)}` : purpose === 'reminder' ? `reminder:${a.day}` : purpose;
  return {
    hallId: a.hall_id,
    event: eventOf[purpose],
    now,
    recipient: { name: who.name, phone: who.phone },
    channels: ['sms'],
    vars: { itemName: a.item_name, appointmentTime: `${a.day} ${a.slot}-${a.slot_end}`, appointmentCode: a.code },
    dedupeKey: `${noticeKeyOf(a.id)}${key}`,
  };
}

/** Queues the SMS about a stored booking in the caller's transaction; the ids queued (none if it already was). */
export const queueAppointmentNotice = (trx: Db, a: repo.AppointmentRow, purpose: AppointmentPurpose, now: number) =>
  enqueueNotice(
    trx,
    appointmentNoticeFor(
      a,
      { name: a.name, phone: reveal(piiFields.appointmentPhone, a.id, a.phone_enc) },
      purpose,
      now,
    ),
  );
