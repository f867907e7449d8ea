/**
 * 借阅 (R14.3): a request with its purpose, approval at the level the file's confidentiality asks for (the window
 * supervisor for public and internal files, the station head for confidential and secret ones), lending with a due
 * day on the hall calendar, the return check, overdue reminders; an electronic loan opens a view link that lasts
 * two hours at most and renders the contents with the viewer's name and time as a watermark.
 */
import { randomBytes } from 'node:crypto';
import {
  approvalLevelFor,
  approvalLevelLabels,
  approverLevel,
  type Confidentiality,
  confidentialityLabels,
  loanOverdue,
  type LoanStatus,
  loanStatusLabels,
  viewLinkUntil,
} from '../../domain/archives/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import { visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import { appendFileEvent, contentsPdf, loadFile } from './service.ts';

function presentLoan(l: repo.LoanListRow, today: string) {
  const level = Number(l.level_needed) as 1 | 2;
  return {
    id: l.id,
    fileId: l.file_id,
    archiveNo: l.archive_no,
    caseNo: l.case_no,
    itemName: l.item_name,
    confidentiality: l.confidentiality as Confidentiality,
    confidentialityLabel: confidentialityLabels[l.confidentiality as Confidentiality] ?? l.confidentiality,
    borrowerName: l.borrower_name,
    purpose: l.purpose,
    medium: l.medium as 'paper' | 'electronic',
    days: Number(l.days),
    levelNeeded: level,
    levelLabel: approvalLevelLabels[level] ?? String(level),
    status: l.status as LoanStatus,
    statusLabel: loanStatusLabels[l.status as LoanStatus] ?? l.status,
    requestedAt: Number(l.requested_at),
    decidedBy: l.decided_by,
    decisionNote: l.decision_note,
    lentAt: l.lent_at === null ? null : Number(l.lent_at),
    dueDay: l.due_day,
    overdue: loanOverdue({ status: l.status, dueDay: l.due_day }, today),
    returnedAt: l.returned_at === null ? null : Number(l.returned_at),
    returnComplete: l.return_complete === null ? null : l.return_complete === 1,
    returnUndamaged: l.return_undamaged === null ? null : l.return_undamaged === 1,
    returnNote: l.return_note,
    reminders: Number(l.reminders),
    viewUntil: l.view_until === null ? null : Number(l.view_until),
  };
}

async function loanView(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLoan(ctx, actor, id);
  const { rows } = await repo.loans(ctx.db, { hallIds: [l.hall_id], fileId: l.file_id, limit: 500, offset: 0 });
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound('借阅记录', 'Loan');
  return presentLoan(row, chinaDay(ctx.clock.now()));
}

async function loadLoan(ctx: AppContext, actor: Actor, id: string) {
  const l = await repo.findLoan(ctx.db, id);
  if (!l) throw notFound('借阅记录', 'Loan');
  if (!actor.hallIds.includes(l.hall_id)) throw outOfScope(notFound('借阅记录', 'Loan'), 'archive_loan', id);
  return l;
}

const moved = () => conflict('借阅记录已被他人处理，请刷新后重试', 'The loan was changed meanwhile; reload and retry');

export async function requestLoan(
  ctx: AppContext,
  actor: Actor,
  fileId: string,
  input: { purpose: string; medium: 'paper' | 'electronic'; days: number },
) {
  const f = await loadFile(ctx.db, actor, fileId);
  if (f.status === 'paper_disposed' && input.medium === 'paper')
    throw conflict('纸质档案已销毁，只能借阅电子档案', 'The paper copy was disposed of', 'medium');
  const now = ctx.clock.now();
  const id = newId(now);
  const level = approvalLevelFor(f.confidentiality as Confidentiality);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertLoan(trx, {
      id,
      file_id: f.id,
      hall_id: f.hall_id,
      borrower_id: actor.userId,
      borrower_name: actor.displayName,
      purpose: input.purpose,
      medium: input.medium,
      days: input.days,
      level_needed: level,
      status: 'requested',
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      lent_at: null,
      due_day: null,
      returned_at: null,
      return_complete: null,
      return_undamaged: null,
      return_note: null,
      reminders: 0,
      view_token: null,
      view_until: null,
    });
    const detail = { loanId: id, purpose: input.purpose, medium: input.medium, days: input.days, level };
    await appendFileEvent(trx, f.id, now, actor.displayName, 'loan.request', detail);
    await appendAudit(trx, byActor(actor, now, 'archive.loan.request', 'archive', f.id, detail));
  });
  return loanView(ctx, actor, id);
}

/** Approves or refuses a request; the approver's post must reach the level the file's confidentiality asks for. */
export async function decideLoan(ctx: AppContext, actor: Actor, id: string, input: { approve: boolean; note: string }) {
  const l = await loadLoan(ctx, actor, id);
  if (l.status !== 'requested') throw moved();
  if (l.borrower_id === actor.userId) throw forbidden('不能审批本人的借阅申请', 'You cannot approve your own request');
  const need = Number(l.level_needed) as 1 | 2;
  if (approverLevel(actor.roles) < need)
    throw new AppError(
      403,
      'APPROVAL_LEVEL',
      `该档案密级需由${approvalLevelLabels[need]}审批`,
      `This file's confidentiality needs approval at level ${need}`,
    );
  const now = ctx.clock.now();
  const status = input.approve ? 'approved' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateLoanFrom(trx, id, 'requested', {
      status,
      decided_by: actor.displayName,
      decided_at: now,
      decision_note: input.note,
    });
    if (!ok) throw moved();
    const detail = { loanId: id, decision: status, note: input.note, level: need };
    await appendFileEvent(trx, l.file_id, now, actor.displayName, `loan.${status}`, detail);
    await appendAudit(trx, byActor(actor, now, `archive.loan.${status}`, 'archive_loan', id, detail));
  });
  return loanView(ctx, actor, id);
}

/** Lends the paper file (借出): due after the loan's working days on the hall calendar. */
export async function lend(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLoan(ctx, actor, id);
  if (l.status !== 'approved') throw conflict('借阅申请尚未批准，不能借出', 'The request is not approved', 'status');
  if (l.medium !== 'paper')
    throw conflict('电子借阅由借阅人打开查阅链接，无需借出', 'An electronic loan is viewed, not lent', 'medium');
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const due = (await calendarOf(ctx.db, l.hall_id)).addWorkingDays(today, Number(l.days)).deadline;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateFileFrom(trx, l.file_id, ['held'], { status: 'lent' })))
      throw conflict('档案不在库（已借出或待销毁）', 'The file is not on the shelf', 'fileId');
    if (!(await repo.updateLoanFrom(trx, id, 'approved', { status: 'lent', lent_at: now, due_day: due })))
      throw moved();
    const detail = { loanId: id, borrower: l.borrower_name, dueDay: due };
    await appendFileEvent(trx, l.file_id, now, actor.displayName, 'loan.lend', detail);
    await appendAudit(trx, byActor(actor, now, 'archive.loan.lend', 'archive_loan', id, detail));
  });
  return loanView(ctx, actor, id);
}

/** 归还: checks the file is complete and undamaged; a shortfall stays on the file's trail. */
export async function returnLoan(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { complete: boolean; undamaged: boolean; note: string },
) {
  const l = await loadLoan(ctx, actor, id);
  if (l.status !== 'lent') throw conflict('该借阅不在借出状态', 'The loan is not out', 'status');
  if ((!input.complete || !input.undamaged) && !input.note)
    throw conflict('卷内缺失或损坏时请写明情况', 'Describe what is missing or damaged', 'note');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateLoanFrom(trx, id, 'lent', {
      status: 'returned',
      returned_at: now,
      return_complete: input.complete ? 1 : 0,
      return_undamaged: input.undamaged ? 1 : 0,
      return_note: input.note,
      view_until: l.medium === 'electronic' ? now : l.view_until,
    });
    if (!ok) throw moved();
    if (l.medium === 'paper') await repo.updateFileFrom(trx, l.file_id, ['lent'], { status: 'held' });
    const detail = { loanId: id, ...input };
    await appendFileEvent(trx, l.file_id, now, actor.displayName, 'loan.return', detail);
    await appendAudit(trx, byActor(actor, now, 'archive.loan.return', 'archive_loan', id, detail));
  });
  return loanView(ctx, actor, id);
}

/** 催还: a reminder to the borrower of an overdue loan, counted on the loan and on the file's trail. */
export async function remind(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLoan(ctx, actor, id);
  const now = ctx.clock.now();
  if (!loanOverdue({ status: l.status, dueDay: l.due_day }, chinaDay(now)))
    throw conflict('该借阅未逾期', 'The loan is not overdue', 'status');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.bumpReminders(trx, id);
    const detail = { loanId: id, borrower: l.borrower_name, dueDay: l.due_day };
    await appendFileEvent(trx, l.file_id, now, actor.displayName, 'loan.remind', detail);
    await appendAudit(trx, byActor(actor, now, 'archive.loan.remind', 'archive_loan', id, detail));
  });
  return loanView(ctx, actor, id);
}

/** Opens a view link for the borrower of an approved electronic loan: two hours at most, never past the due day. */
export async function openViewLink(ctx: AppContext, actor: Actor, id: string) {
  const l = await loadLoan(ctx, actor, id);
  if (l.borrower_id !== actor.userId) throw forbidden('只有借阅人本人可以查阅', 'Only the borrower may view');
  if (l.medium !== 'electronic')
    throw conflict('纸质借阅请到档案室借出', 'A paper loan is lent at the archive', 'medium');
  if (l.status !== 'approved' && l.status !== 'lent')
    throw conflict('借阅申请尚未批准', 'The request is not approved', 'status');
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const due = l.due_day ?? (await calendarOf(ctx.db, l.hall_id)).addWorkingDays(today, Number(l.days)).deadline;
  if (due < today) throw conflict('借阅期限已过', 'The loan has expired', 'dueDay');
  const token = randomBytes(24).toString('base64url');
  const until = viewLinkUntil(now, due);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateLoanFrom(trx, id, l.status, {
      status: 'lent',
      lent_at: l.lent_at ?? now,
      due_day: due,
      view_token: token,
      view_until: until,
    });
    if (!ok) throw moved();
    await appendFileEvent(trx, l.file_id, now, actor.displayName, 'loan.view_link', { loanId: id, until });
    await appendAudit(trx, byActor(actor, now, 'archive.loan.view_link', 'archive_loan', id, { until }));
  });
  return { url: `/api/archives/view/${token}`, until };
}

/** The watermarked contents behind a view link: only for its borrower, only while the link lasts. */
export async function viewByToken(ctx: AppContext, actor: Actor, token: string) {
  const { loan, file, now, watermark } = await liveLoan(ctx, actor, token);
  await appendAudit(ctx.db, byActor(actor, now, 'archive.view', 'archive', file.id, { loanId: loan.id }));
  return contentsPdf(ctx.db, file, now, watermark);
}

/**
 * The loan behind a view link while it lasts, for its borrower only (anyone else is told there is no such link),
 * with the watermark every page viewed through it carries: the viewer's name, the time and 仅供借阅使用.
 */
export async function liveLoan(ctx: AppContext, actor: Actor, token: string) {
  const l = await repo.loanByToken(ctx.db, token);
  if (!l || l.borrower_id !== actor.userId) throw notFound('查阅链接', 'View link');
  const now = ctx.clock.now();
  if (l.status !== 'lent' || l.view_until === null || Number(l.view_until) < now)
    throw new AppError(410, 'EXPIRED', '查阅链接已过期', 'The view link has expired');
  const file = await loadFile(ctx.db, actor, l.file_id);
  const stamp = new Date(now + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  return { loan: l, file, now, watermark: `${actor.displayName} 查阅 ${stamp} 仅供借阅使用` };
}

export async function listLoans(
  ctx: AppContext,
  actor: Actor,
  q: {
    hallId?: string;
    status?: LoanStatus;
    overdue?: 'true' | 'false';
    mine?: 'true' | 'false';
    page: number;
    pageSize: number;
  },
) {
  const today = chinaDay(ctx.clock.now());
  // Without the archive keeper's or an approver's power a person sees only their own requests.
  const own =
    q.mine === 'true' || !(actor.permissions.has('archive.manage') || actor.permissions.has('archive.approve'));
  const { rows, total } = await repo.loans(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    ...(q.status ? { status: q.status } : {}),
    ...(own ? { borrowerId: actor.userId } : {}),
    ...(q.overdue === 'true' ? { dueBefore: today } : {}),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => presentLoan(r, today)), total };
}

/** Paper loans past their due day, for the 电子监察 board (the keeper reminds the borrower from the register). */
export async function overdueLoansForBoard(ctx: AppContext, hallIds: string[]) {
  const today = chinaDay(ctx.clock.now());
  const { rows } = await repo.loans(ctx.db, { hallIds, dueBefore: today, limit: 100, offset: 0 });
  return rows.map((l) => ({
    loanId: l.id,
    archiveNo: l.archive_no,
    itemName: l.item_name,
    borrowerName: l.borrower_name,
    dueDay: l.due_day ?? '',
    reminders: Number(l.reminders),
  }));
}
