/**
 * Queuing a notice (the outbox's write side, R7.2): what `enqueueNotice` takes, the channels a person is reached on,
 * the hall's wording of the event rendered with the common variables, and one row per channel written in the
 * caller's transaction; `enqueueCaseNotice` for a case's applicant, `recipientOf` for the worker (delivery.ts).
 * Kept apart from service.ts, which holds the log (通知记录) and the resend; other modules reach these through it.
 */
import {
  eventDefinitions,
  type NoticeChannel,
  type NoticeEvent,
  type NoticeState,
  renderTemplate,
} from '../../domain/notices/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { pii } from '../../platform/pii/index.ts';
import { findApplicant, revealNumbers } from '../applicants/service.ts';
import type { ApplicantRow } from '../applicants/repository.ts';
import { findHall } from '../org/service.ts';
import { type NoticeVars, publicLink } from './link-service.ts';
import * as repo from './repository.ts';

/** Bound into each recipient's ciphertext; the key rotation re-encrypts under it. */
export const NOTICE_RECIPIENT_FIELD = 'notices.recipient';
const RECIPIENT_FIELD = NOTICE_RECIPIENT_FIELD;

type HallRow = NonNullable<Awaited<ReturnType<typeof findHall>>>;

/** What `enqueueNotice` takes. Give `applicantId` (a registered applicant) or `recipient` (anyone else). */
export interface NoticeRequest {
  hallId: string;
  event: NoticeEvent;
  /** The event's time (ctx.clock.now()). */
  now: number;
  caseId?: string | null;
  caseNo?: string | null;
  /** Phone, e-mail, preferred channel and opt-out come from the applicant's file. */
  applicantId?: string | null;
  /** For someone without a file (a consultation, a booking): name, phone and/or e-mail. */
  recipient?: { name?: string | null; phone?: string | null; email?: string | null } | null;
  /** Send on these channels instead of the preferred one (e.g. the clerk chose 短信 for the result). */
  channels?: NoticeChannel[];
  /** Template variables besides the common ones (hallName, hallPhone, applicantName, caseNo, itemName, progressUrl). */
  vars?: NoticeVars;
  /** The same key is queued once (a reminder sweep run on several nodes). */
  dedupeKey?: string;
  /** To a member of staff: in-app means the staff alert bell (站内提醒), not the public case page. */
  staff?: boolean;
  /**
   * The applicant's and the hall's rows when the caller has just read them in this transaction (an acceptance),
   * so they are not read twice.
   */
  known?: { applicant?: ApplicantRow; hall?: HallRow };
}

export const maskEmail = (email: string) => {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
};

interface Target {
  channel: NoticeChannel;
  to: string | null;
  masked: string;
}

/** The channels a person is reached on: the preferred one, e-mail only when there is an address. */
function targetsOf(
  who: { phone: string | null; email: string | null; preferred: string | null },
  override?: NoticeChannel[],
  staff = false,
): Target[] {
  const phone: Target | null = who.phone ? { channel: 'sms', to: who.phone, masked: maskPhone(who.phone) ?? '' } : null;
  const email: Target | null = who.email ? { channel: 'email', to: who.email, masked: maskEmail(who.email) } : null;
  const inapp: Target = { channel: 'inapp', to: null, masked: staff ? '站内提醒' : '办件公示页' };
  const pick = (c: NoticeChannel): Target | null => (c === 'sms' ? phone : c === 'email' ? email : inapp);
  if (override?.length) {
    const chosen = override.map(pick).filter((t): t is Target => t !== null);
    if (chosen.length) return chosen;
  }
  const preferred = who.preferred ?? (email ? 'all' : 'sms');
  const list = preferred === 'all' ? [phone, email] : preferred === 'email' ? [email ?? phone] : [phone ?? email];
  const out = list.filter((t): t is Target => t !== null);
  return out.length ? out : [inapp];
}

async function templateFor(db: Db, hallId: string, event: NoticeEvent) {
  const own = await repo.templateOf(db, hallId, event);
  const d = eventDefinitions[event];
  return { subject: own?.subject ?? d.subject, body: own?.body ?? d.body, custom: own !== undefined };
}

/**
 * Queues a notice in the caller's transaction (one row per channel) and returns their ids. The worker sends it
 * after the commit; a rolled-back event leaves no notice. A sealed applicant gets none.
 */
export async function enqueueNotice(trx: Db, req: NoticeRequest): Promise<string[]> {
  const def = eventDefinitions[req.event];
  let who = {
    name: req.recipient?.name ?? '',
    phone: req.recipient?.phone ?? null,
    email: req.recipient?.email ?? null,
  };
  let preferred: string | null = null;
  let optedOut = false;
  if (req.applicantId) {
    const a =
      req.known?.applicant?.id === req.applicantId ? req.known.applicant : await findApplicant(trx, req.applicantId);
    if (!a || a.sealed_at !== null || a.purged_at !== null) return [];
    who = { name: a.contact_name || a.name, phone: revealNumbers(a).phone, email: a.email ?? null };
    preferred = a.preferred_channel ?? null;
    optedOut = a.notice_opt_out === 1;
  }
  const hall = req.known?.hall?.id === req.hallId ? req.known.hall : await findHall(trx, req.hallId);
  const vars: NoticeVars = {
    hallName: hall?.name ?? '',
    hallPhone: hall?.phone ?? '',
    hallAddress: hall?.address ?? '',
    applicantName: who.name,
    caseNo: req.caseNo ?? '',
    progressUrl: `${publicLink('/progress')}`,
    ...req.vars,
  };
  const t = await templateFor(trx, req.hallId, req.event);
  const subject = renderTemplate(t.subject, vars);
  const body = renderTemplate(t.body, vars);
  const ids: string[] = [];
  const targets = targetsOf({ phone: who.phone, email: who.email, preferred }, req.channels, req.staff);
  for (const [i, target] of targets.entries()) {
    const id = newId(req.now);
    const row = {
      id,
      hall_id: req.hallId,
      case_id: req.caseId ?? null,
      case_no: req.caseNo ?? null,
      applicant_id: req.applicantId ?? null,
      event: req.event,
      legal: def.legal ? 1 : 0,
      channel: target.channel,
      recipient_enc: target.to ? pii().encrypt(RECIPIENT_FIELD, id, target.to) : null,
      recipient_masked: target.masked,
      subject,
      body,
      state: (optedOut && !def.legal ? 'opted_out' : 'pending') satisfies NoticeState,
      attempts: 0,
      next_attempt_at: req.now,
      lease_until: null,
      last_error: null,
      idempotency_key: `ntc_${id}`,
      dedupe_key: req.dedupeKey ? `${req.dedupeKey}:${i}` : null,
      created_at: req.now,
      created_day: chinaDay(req.now),
      sent_at: null,
      updated_at: req.now,
    };
    if (req.dedupeKey) {
      if (await repo.insertNoticeOnce(trx, row)) ids.push(id);
    } else {
      await repo.insertNotice(trx, row);
      ids.push(id);
    }
  }
  return ids;
}

/** The recipient's address, decrypted for the channel adapter (never logged or shown). */
export const recipientOf = (n: repo.NoticeRow) =>
  n.recipient_enc ? pii().decrypt(RECIPIENT_FIELD, n.id, n.recipient_enc) : '';

/** A case event's notice to its applicant: the case's number and item are filled in. */
export function enqueueCaseNotice(
  trx: Db,
  c: { id: string; hall_id: string; case_no: string | null; item_name: string; applicant_id: string },
  event: NoticeEvent,
  now: number,
  vars: NoticeVars = {},
  channels?: NoticeChannel[],
  dedupeKey?: string,
  known?: NoticeRequest['known'],
) {
  return enqueueNotice(trx, {
    hallId: c.hall_id,
    event,
    now,
    caseId: c.id,
    caseNo: c.case_no,
    applicantId: c.applicant_id,
    vars: { itemName: c.item_name, ...vars },
    ...(channels ? { channels } : {}),
    ...(dedupeKey ? { dedupeKey } : {}),
    ...(known ? { known } : {}),
  });
}
