/**
 * 通知 (R7.2, R7.3, R7.5): a transactional outbox. A notice is written by `enqueueNotice` inside the transaction of
 * the event that causes it, so it commits with that event or not at all; the worker (delivery.ts) sends it later
 * with retries. Templates are per hall and event; the log (通知记录) is read and exported here.
 */
import {
  channelLabels,
  eventDefinitions,
  type NoticeChannel,
  type NoticeEvent,
  type NoticeState,
  renderTemplate,
  stateLabels,
} from '../../domain/notices/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pii } from '../../platform/pii/index.ts';
import { type Column, xlsx } from '../../platform/xlsx.ts';
import { findApplicant, revealNumbers } from '../applicants/service.ts';
import type { ApplicantRow } from '../applicants/repository.ts';
import { findHall, visibleHallIds } from '../org/service.ts';
import { type NoticeVars, publicLink } from './link-service.ts';
import * as repo from './repository.ts';
import type { NoticeQuery } from './schema.ts';

/** Bound into each recipient's ciphertext; the key rotation re-encrypts under it. */
export const NOTICE_RECIPIENT_FIELD = 'notices.recipient';
const RECIPIENT_FIELD = NOTICE_RECIPIENT_FIELD;

/** What `enqueueNotice` takes. Give `applicantId` (a registered applicant) or `recipient` (anyone else). */
type HallRow = NonNullable<Awaited<ReturnType<typeof findHall>>>;

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

/**
 * The notices queued under one dedupe-key prefix (e.g. `appointment:<id>:`), oldest first: what a module without
 * a case (a booking) shows of the notices it queued.
 */
export const noticesOfKey = async (db: Db, prefix: string) => withTries(db, await repo.noticesOfKeyPrefix(db, prefix));

function present(n: repo.NoticeRow, attempts: repo.AttemptRow[] = []) {
  const state = n.state as NoticeState;
  const channel = n.channel as NoticeChannel;
  const def = eventDefinitions[n.event as NoticeEvent];
  return {
    id: n.id,
    hallId: n.hall_id,
    caseId: n.case_id,
    caseNo: n.case_no,
    event: n.event,
    eventLabel: def?.zh ?? n.event,
    legal: n.legal === 1,
    channel,
    channelLabel: channelLabels[channel]?.zh ?? channel,
    recipient: n.recipient_masked,
    subject: n.subject,
    body: n.body,
    state,
    stateLabel: stateLabels[state]?.zh ?? state,
    attempts: n.attempts,
    nextAttemptAt: state === 'pending' ? Number(n.next_attempt_at) : null,
    lastError: n.last_error,
    createdAt: Number(n.created_at),
    sentAt: n.sent_at === null ? null : Number(n.sent_at),
    tries: attempts
      .filter((a) => a.notice_id === n.id)
      .map((a) => ({
        at: Number(a.at),
        channel: a.channel,
        ok: a.ok === 1,
        answer: a.answer,
        durationMs: a.duration_ms,
      })),
  };
}
export type NoticeView = ReturnType<typeof present>;

function filterOf(actor: Actor, q: NoticeQuery): repo.NoticeFilter {
  return {
    hallIds: visibleHallIds(actor, q.hallId),
    state: q.state,
    channel: q.channel,
    event: q.event,
    caseId: q.caseId,
    caseNo: q.caseNo,
    from: q.from,
    to: q.to,
  };
}

/** 通知记录: the hall's notices with every try, newest first. */
export async function listNotices(ctx: AppContext, actor: Actor, q: NoticeQuery & { limit: number; offset: number }) {
  const { items, total } = await repo.listNotices(ctx.db, filterOf(actor, q), q);
  const attempts = await repo.attemptsOf(
    ctx.db,
    items.map((n) => n.id),
  );
  return { items: items.map((n) => present(n, attempts)), total };
}

/** The same list as an Excel workbook (at most 5000 rows); recipients masked as everywhere. */
export async function exportNotices(ctx: AppContext, actor: Actor, q: NoticeQuery) {
  const { items } = await repo.listNotices(ctx.db, filterOf(actor, q), { limit: 5000, offset: 0 });
  const rows = items.map((n) => {
    const v = present(n);
    return [
      v.createdAt,
      v.caseNo ?? '',
      v.eventLabel,
      v.channelLabel,
      v.recipient,
      v.body,
      v.stateLabel,
      v.attempts,
      v.sentAt,
      v.lastError ?? '',
    ];
  });
  const header: Column[] = [
    { header: '时间', type: 'datetime' },
    { header: '办件编号', type: 'text' },
    { header: '事件', type: 'text' },
    { header: '通道', type: 'text' },
    { header: '接收人', type: 'text' },
    { header: '内容', type: 'text' },
    { header: '状态', type: 'text' },
    { header: '尝试次数', type: 'integer' },
    { header: '发送时间', type: 'datetime' },
    { header: '最后错误', type: 'text' },
  ];
  return { xlsx: await xlsx('通知记录', header, rows), fileName: `通知记录-${chinaDay(ctx.clock.now())}.xlsx` };
}

/** The notices about one case, for its detail page (the caller has checked the case is in scope). */
export const noticesOfCase = async (db: Db, caseId: string) => withTries(db, await repo.noticesOfCase(db, caseId));

/** Notices with every try, as the log shows them. */
async function withTries(db: Db, items: repo.NoticeRow[]) {
  const attempts = await repo.attemptsOf(
    db,
    items.map((n) => n.id),
  );
  return items.map((n) => present(n, attempts));
}

/**
 * What the applicant's public case page shows: what was sent about the case, when, how; nothing personal: the
 * names in `hide` (the applicant's, the agent's) are shown as their first character and **.
 */
export async function publicNoticesOfCase(db: Db, caseId: string, hide: string[] = []) {
  const names = hide.filter((h) => h.length > 0).sort((a, b) => b.length - a.length);
  const masked = (text: string) => names.reduce((t, name) => t.split(name).join(`${name.slice(0, 1)}**`), text);
  return (await repo.noticesOfCase(db, caseId))
    .filter((n) => n.state === 'sent')
    .map((n) => ({
      at: Number(n.sent_at ?? n.created_at),
      event: eventDefinitions[n.event as NoticeEvent]?.zh ?? n.event,
      channel: channelLabels[n.channel as NoticeChannel]?.zh ?? n.channel,
      body: masked(n.body),
    }));
}

async function loadNotice(ctx: AppContext, actor: Actor, id: string) {
  const n = await repo.findNotice(ctx.db, id);
  if (!n) throw notFound('通知', 'Notice');
  if (!actor.hallIds.includes(n.hall_id)) throw outOfScope(notFound('通知', 'Notice'), 'notice', id);
  return n;
}

/**
 * 重发 / 改用其他通道: a notice that failed, was not sent for want of a channel, or was opted out is queued again
 * (tries from zero); with `channel` it goes to the applicant's address for that channel instead.
 */
export async function resendNotice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { channel?: NoticeChannel | undefined },
) {
  const n = await loadNotice(ctx, actor, id);
  if (n.state === 'pending' || n.state === 'sent') {
    throw new AppError(
      409,
      'NOTICE_NOT_RESENDABLE',
      '只有发送失败或未发送的通知可以重发',
      'Only a failed or unsent notice can be resent',
    );
  }
  const now = ctx.clock.now();
  const patch: Partial<repo.NoticeRow> = {
    state: 'pending',
    attempts: 0,
    next_attempt_at: now,
    lease_until: null,
    last_error: null,
    updated_at: now,
  };
  const channel = input.channel ?? (n.channel as NoticeChannel);
  if (channel !== n.channel) {
    if (channel === 'inapp') {
      Object.assign(patch, { channel, recipient_enc: null, recipient_masked: '办件公示页' });
    } else {
      const a = n.applicant_id ? await findApplicant(ctx.db, n.applicant_id) : undefined;
      const to = !a || a.sealed_at !== null ? null : channel === 'sms' ? revealNumbers(a).phone : (a.email ?? null);
      if (!to) {
        throw invalid(
          'channel',
          channel === 'email' ? '申请人未登记电子邮箱，无法改用邮件' : '申请人未登记手机号码，无法改用短信',
          `The applicant has no ${channel === 'email' ? 'e-mail address' : 'phone number'} on file`,
        );
      }
      Object.assign(patch, {
        channel,
        recipient_enc: pii().encrypt(RECIPIENT_FIELD, n.id, to),
        recipient_masked: channel === 'sms' ? (maskPhone(to) ?? '') : maskEmail(to),
      });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateNotice(trx, id, patch);
    await appendAudit(
      trx,
      byActor(actor, now, 'notice.resend', 'notice', id, {
        from: n.state,
        channel,
        previousChannel: n.channel,
        caseNo: n.case_no,
      }),
    );
  });
  return present((await repo.findNotice(ctx.db, id))!, await repo.attemptsOf(ctx.db, [id]));
}

export {
  listTemplates,
  noticeSettings,
  previewTemplate,
  resetTemplate,
  saveNoticeSettings,
  saveTemplate,
} from './templates-service.ts';
export { type NoticeVars, publicLink, setNoticeBaseUrl } from './link-service.ts';
