/**
 * 通知 (R7.2, R7.3, R7.5): a transactional outbox. A notice is written by `enqueueNotice` inside the transaction of
 * the event that causes it, so it commits with that event or not at all; the worker (delivery.ts) sends it later
 * with retries. Queuing is in enqueue-service.ts, the templates in templates-service.ts; the log (通知记录) is read,
 * exported and resent here.
 */
import {
  channelLabels,
  eventDefinitions,
  type NoticeChannel,
  type NoticeEvent,
  type NoticeState,
  stateLabels,
} from '../../domain/notices/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { pii } from '../../platform/pii/index.ts';
import { type Column, xlsx } from '../../platform/xlsx.ts';
import { findApplicant, revealNumbers } from '../applicants/service.ts';
import { visibleHallIds } from '../org/service.ts';
import { maskEmail, NOTICE_RECIPIENT_FIELD as RECIPIENT_FIELD } from './enqueue-service.ts';
import * as repo from './repository.ts';
import type { NoticeQuery } from './schema.ts';

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
  enqueueCaseNotice,
  enqueueNotice,
  NOTICE_RECIPIENT_FIELD,
  type NoticeRequest,
} from './enqueue-service.ts';
export {
  listTemplates,
  noticeSettings,
  previewTemplate,
  resetTemplate,
  saveNoticeSettings,
  saveTemplate,
} from './templates-service.ts';
export { type NoticeVars, publicLink, setNoticeBaseUrl } from './link-service.ts';
