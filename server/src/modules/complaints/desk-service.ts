/**
 * 投诉 / 举报: what registering, the desk, the handling moves and the public pages share — who may see a record (a
 * report about staff is for supervisors and inspectors only), the complainant's encrypted particulars, the notices,
 * the trail step and the audit record.
 */
import { createHash } from 'node:crypto';
import {
  type ComplaintState,
  DEFAULT_REPLY_DAYS,
  isRestricted,
  kindLabels,
  type NoteKind,
  stateLabels,
} from '../../domain/complaints/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pii } from '../../platform/pii/index.ts';
import { piiFields } from '../../platform/pii/protect.ts';
import { enqueueNotice } from '../notices/service.ts';
import * as repo from './repository.ts';

export const F = { name: piiFields.complaintName, phone: piiFields.complaintPhone, email: piiFields.complaintEmail };
export const sha = (s: string) => createHash('sha256').update(s).digest('hex');
export const notFoundComplaint = () => notFound('投诉举报', 'Complaint');

export const mayHandle = (actor: Actor) => actor.permissions.has('complaint.handle');
export const maySupervise = (actor: Actor) => actor.permissions.has('complaint.supervise');

export function assertDesk(actor: Actor) {
  if (!mayHandle(actor) && !maySupervise(actor)) throw forbidden();
}

/** A report about staff is for supervisors and inspectors only; to anyone else it does not exist. */
export function mayRead(actor: Actor, c: repo.ComplaintRow) {
  if (!actor.hallIds.includes(c.hall_id)) return false;
  if (!mayHandle(actor) && !maySupervise(actor)) return false;
  return !isRestricted({ kind: c.kind, staffUserId: c.staff_user_id }) || maySupervise(actor);
}

export async function loadComplaint(db: Db, actor: Actor, id: string) {
  const c = await repo.findComplaint(db, id);
  if (!c || !mayRead(actor, c)) throw notFoundComplaint();
  return c;
}

export async function replyDaysFor(db: Db, hallId: string, category: string) {
  const rows = await repo.typeDays(db, hallId);
  return rows.find((r) => r.category === category)?.days ?? DEFAULT_REPLY_DAYS;
}

export const reveal = (c: repo.ComplaintRow, field: keyof typeof F, stored: string | null) =>
  stored ? pii().decrypt(F[field], c.id, stored) : null;

/** The complainant's name and e-mail/phone for a notice (never shown, never logged). */
export function recipientOf(c: repo.ComplaintRow) {
  if (c.anonymous === 1) return null;
  const phone = reveal(c, 'phone', c.phone_enc);
  const email = reveal(c, 'email', c.email_enc);
  if (!phone && !email) return null;
  // A reporter's name is not written into the notice text, which the notice log shows.
  return { name: c.kind === 'report' ? '' : (reveal(c, 'name', c.name_enc) ?? ''), phone, email };
}

/** Whom the written reply is addressed to: the complainant by name; a reporter never by name. */
export const addresseeOf = (c: repo.ComplaintRow) =>
  c.kind === 'complaint' && c.anonymous === 0 ? (reveal(c, 'name', c.name_enc) ?? '投诉人') : '举报人';

export const hasContact = (c: repo.ComplaintRow) => c.anonymous === 0 && (!!c.phone_enc || !!c.email_enc);

export async function queueComplaintNotice(
  trx: Db,
  c: repo.ComplaintRow,
  event: 'complaint_received' | 'complaint_progress' | 'complaint_replied',
  now: number,
  dedupeKey?: string,
) {
  const to = recipientOf(c);
  if (!to) return [];
  return enqueueNotice(trx, {
    hallId: c.hall_id,
    event,
    now,
    recipient: to,
    vars: {
      complaintNo: c.number,
      kindLabel: kindLabels[c.kind as 'complaint'],
      dueDay: c.due_day,
      stateLabel: stateLabels[c.state as ComplaintState],
    },
    ...(dedupeKey ? { dedupeKey } : {}),
  });
}

export interface Who {
  userId: string | null;
  name: string;
}
export const whoOf = (actor: Actor): Who => ({ userId: actor.userId, name: actor.displayName });
export const PUBLIC: Who = { userId: null, name: '投诉举报人（网上）' };

export async function step(
  trx: Db,
  c: { id: string },
  who: Who,
  now: number,
  s: { action: string; from: string | null; to: string; text: string; noteKind?: NoteKind },
) {
  await repo.insertStep(trx, {
    id: newId(now),
    complaint_id: c.id,
    action: s.action,
    note_kind: s.noteKind ?? null,
    text: s.text,
    from_state: s.from,
    to_state: s.to,
    user_id: who.userId,
    user_name: who.name,
    at: now,
  });
}

/** Audit details name the record, never the complainant or the contact. */
export async function audit(
  trx: Db,
  actor: Actor | null,
  now: number,
  action: string,
  c: repo.ComplaintRow,
  extra = {},
) {
  const detail = { number: c.number, kind: c.kind, ...extra };
  if (actor) await appendAudit(trx, byActor(actor, now, action, 'complaint', c.id, detail));
  else
    await appendAudit(trx, {
      at: now,
      userId: null,
      username: 'public',
      action,
      targetType: 'complaint',
      targetId: c.id,
      outcome: 'success',
      ip: null,
      detail,
    });
}
