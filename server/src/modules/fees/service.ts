/**
 * 收费 (R19.13): the fee of a case from its pinned item version, payments with the fiscal receipt number
 * (财政电子票据号), refunds asked by the window and approved by another person, and the daily reconciliation per
 * window and hall (收费日报) with its Excel export. The ledger is a case table kept by the case core, whose
 * completion refuses a case still owing a fee when its item says payment comes first.
 */
import {
  dailyReport,
  dueOf,
  feeItemsOf,
  paidOf,
  payMethodLabels,
  type PayMethod,
  type ReportLine,
  yuan,
} from '../../domain/fees/index.ts';

import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import * as cases from '../cases/service.ts';
import { assertHallAccess, findWindow, listWindows } from '../org/service.ts';
import type { PaymentInput, RefundInput } from './schema.ts';

type EntryRow = cases.FeeEntryRow & { case_no?: string | null; item_name?: string };

const present = (r: EntryRow) => ({
  id: r.id,
  caseId: r.case_id,
  ...(r.case_no !== undefined ? { caseNo: r.case_no } : {}),
  ...(r.item_name !== undefined ? { itemName: r.item_name } : {}),
  kind: r.kind as 'payment' | 'refund',
  status: r.status as 'done' | 'requested' | 'rejected',
  amountFen: Number(r.amount_fen),
  method: r.method as PayMethod,
  methodLabel: payMethodLabels[r.method as PayMethod] ?? r.method,
  receiptNo: r.receipt_no,
  reason: r.reason,
  refundOf: r.refund_of,
  windowId: r.window_id,
  day: r.day,
  at: Number(r.at),
  by: r.by_name,
  decidedAt: r.decided_at === null ? null : Number(r.decided_at),
  decidedBy: r.decided_by_name,
});

/** A ledger entry, its trail event and its audit record, in one transaction. */
async function writeEntry(
  ctx: AppContext,
  actor: Actor,
  c: cases.CaseRow,
  row: cases.FeeEntryRow,
  [action, auditAction]: [string, string],
  detail: Record<string, unknown>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    await cases.insertFeeEntry(trx, row);
    await cases.recordEvent(trx, actor, c.id, row.at, { action, from: c.state, to: c.state, detail });
    await appendAudit(trx, byActor(actor, row.at, auditAction, 'case', c.id, { entry: row.id, ...detail }));
  });
}

async function feesOf(ctx: AppContext, c: cases.CaseRow) {
  const { content } = await cases.pinnedItem(ctx.db, c);
  const items = feeItemsOf(content);
  const rows = await cases.feeEntriesOf(ctx.db, c.id);
  const dueFen = dueOf(items);
  const paidFen = paidOf(rows.map(cases.ledgerEntry));
  return {
    caseId: c.id,
    items,
    dueFen,
    paidFen,
    owedFen: Math.max(0, dueFen - paidFen),
    payFirst: content.payBeforeCompletion === true,
    note: content.feeNote,
    entries: rows.map(present),
    rows,
  };
}

export async function caseFees(ctx: AppContext, actor: Actor, caseId: string) {
  const { rows: _rows, ...fees } = await feesOf(ctx, await cases.loadCase(ctx.db, actor, caseId));
  return fees;
}

/** 缴费登记: money taken at the window, at most what is still owed, with its fiscal receipt number. */
export async function recordPayment(ctx: AppContext, actor: Actor, caseId: string, input: PaymentInput) {
  const c = await cases.loadCase(ctx.db, actor, caseId);
  if (!c.accepted_at) throw new AppError(409, 'CONFLICT', '办件尚未受理，不能收费', 'The case is not accepted yet');
  const fees = await feesOf(ctx, c);
  if (fees.dueFen === 0) throw invalid('amountFen', '该事项不收费', 'This item charges no fee');
  if (input.amountFen > fees.owedFen)
    throw invalid(
      'amountFen',
      `缴费金额超过应缴未缴金额 ${yuan(fees.owedFen)} 元`,
      `More than the ${yuan(fees.owedFen)} yuan still owed`,
    );
  const windowId = input.windowId ?? c.window_id;
  if (input.windowId) {
    const w = await findWindow(ctx.db, input.windowId);
    if (!w || w.hall_id !== c.hall_id) throw invalid('windowId', '窗口不存在或不属于本大厅', 'No such window');
  }
  const now = ctx.clock.now();
  const row: cases.FeeEntryRow = {
    id: newId(now),
    case_id: c.id,
    hall_id: c.hall_id,
    window_id: windowId,
    kind: 'payment',
    status: 'done',
    amount_fen: input.amountFen,
    method: input.method,
    receipt_no: input.receiptNo,
    reason: '',
    refund_of: null,
    day: chinaDay(now),
    at: now,
    by_id: actor.userId,
    by_name: actor.displayName,
    decided_at: null,
    decided_by_name: null,
  };
  const detail = { amountFen: input.amountFen, method: input.method, receiptNo: input.receiptNo };
  await writeEntry(ctx, actor, c, row, ['feePayment', 'fee.payment'], detail);
  return caseFees(ctx, actor, c.id);
}

/** 退费申请: a refund of (part of) one payment, waiting for approval; never more than is left of that payment. */
export async function requestRefund(ctx: AppContext, actor: Actor, caseId: string, input: RefundInput) {
  const c = await cases.loadCase(ctx.db, actor, caseId);
  const fees = await feesOf(ctx, c);
  const payment = fees.rows.find((r) => r.id === input.paymentId && r.kind === 'payment');
  if (!payment) throw invalid('paymentId', '该缴费记录不存在', 'No such payment on this case');
  const taken = fees.rows
    .filter((r) => r.refund_of === payment.id && r.status !== 'rejected')
    .reduce((s, r) => s + Number(r.amount_fen), 0);
  const left = Number(payment.amount_fen) - taken;
  if (input.amountFen > left)
    throw invalid('amountFen', `退费金额超过该笔可退金额 ${yuan(left)} 元`, `More than the ${yuan(left)} yuan left`);
  const now = ctx.clock.now();
  const row: cases.FeeEntryRow = {
    ...payment,
    id: newId(now),
    kind: 'refund',
    status: 'requested',
    amount_fen: input.amountFen,
    reason: input.reason,
    refund_of: payment.id,
    day: null,
    at: now,
    by_id: actor.userId,
    by_name: actor.displayName,
    decided_at: null,
    decided_by_name: null,
  };
  const detail = { amountFen: input.amountFen, reason: input.reason, payment: payment.id };
  await writeEntry(ctx, actor, c, row, ['feeRefundRequested', 'fee.refund_request'], detail);
  return caseFees(ctx, actor, c.id);
}

/** 退费审批: decided once (guarded by status), by someone other than who asked; counts on the approval day. */
export async function decideRefund(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { approve: boolean; note: string },
) {
  const r = await cases.findFeeEntry(ctx.db, id);
  if (r?.kind !== 'refund' || !actor.hallIds.includes(r.hall_id)) throw notFound('退费申请', 'Refund');
  if (r.status !== 'requested')
    throw new AppError(409, 'CONFLICT', '该退费申请已处理', 'The refund was already decided');
  if (r.by_id === actor.userId)
    throw new AppError(403, 'FORBIDDEN', '退费须由申请人以外的人员审批', 'A refund is approved by someone else');
  const c = await cases.loadCase(ctx.db, actor, r.case_id);
  const now = ctx.clock.now();
  const patch = {
    status: input.approve ? 'done' : 'rejected',
    day: input.approve ? chinaDay(now) : null,
    decided_at: now,
    decided_by_name: actor.displayName,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await cases.decideRefund(trx, id, patch)))
      throw new AppError(409, 'CONFLICT', '该退费申请已处理', 'The refund was already decided');
    await cases.recordEvent(trx, actor, c.id, now, {
      action: input.approve ? 'feeRefunded' : 'feeRefundRefused',
      from: c.state,
      to: c.state,
      detail: { amountFen: Number(r.amount_fen), note: input.note },
    });
    await appendAudit(
      trx,
      byActor(actor, now, input.approve ? 'fee.refund_approve' : 'fee.refund_refuse', 'case', c.id, {
        entry: id,
        amountFen: Number(r.amount_fen),
      }),
    );
  });
  return present({ ...r, ...patch });
}

export async function waitingRefunds(ctx: AppContext, actor: Actor, hallId?: string) {
  const halls = hallId ? actor.hallIds.filter((h) => h === hallId) : actor.hallIds;
  return { items: (await cases.refundsWaiting(ctx.db, halls)).map(present) };
}

/** 收费日报: the day's payments and approved refunds, per window and for the hall; totals equal the entries' sums. */
export async function dayReport(ctx: AppContext, actor: Actor, q: { hallId: string; day: string }) {
  assertHallAccess(actor, q.hallId);
  const [rows, windows] = await Promise.all([
    cases.feeEntriesOfDay(ctx.db, q.hallId, q.day),
    listWindows(ctx, actor, q.hallId),
  ]);
  const names = new Map(windows.map((w) => [w.id, `${w.number}号窗口 ${w.name}`]));
  const report = dailyReport(rows.map(cases.ledgerEntry), q.day);
  const named = (l: ReportLine) => ({
    ...l,
    windowName: l.windowId ? (names.get(l.windowId) ?? l.windowId) : '未指定窗口',
  });
  return {
    hallId: q.hallId,
    day: q.day,
    lines: report.lines.map(named),
    total: { ...report.total, windowName: '合计' },
    entries: rows.map(present),
  };
}

/** 收费日报 as a workbook: the per-window summary with the hall's total, and the day's entries on their own sheet. */
export async function dayReportXlsx(ctx: AppContext, actor: Actor, q: { hallId: string; day: string }) {
  const r = await dayReport(ctx, actor, q);
  const yuan = (header: string): Column => ({ header, type: 'money' });
  const count = (header: string): Column => ({ header, type: 'integer' });
  const line = (l: (typeof r.lines)[number]) => [
    l.windowName,
    l.payments,
    l.paymentsFen,
    l.refunds,
    l.refundsFen,
    l.byMethodFen.cash,
    l.byMethodFen.card,
    l.byMethodFen.scan,
    l.netFen,
  ];
  const summary = {
    name: `窗口汇总 ${q.day}`,
    columns: [
      { header: '窗口', type: 'text' },
      count('缴费笔数'),
      yuan('缴费金额(元)'),
      count('退费笔数'),
      yuan('退费金额(元)'),
      yuan('现金(元)'),
      yuan('银行卡(元)'),
      yuan('扫码(元)'),
      yuan('净收(元)'),
    ] satisfies Column[],
    rows: [...r.lines.map(line), line(r.total)],
  };
  const windowNames = new Map(r.lines.map((l) => [l.windowId, l.windowName]));
  const entries = {
    name: `收退费明细 ${q.day}`,
    columns: [
      { header: '时间', type: 'datetime' },
      { header: '类型', type: 'text' },
      { header: '办件编号', type: 'text' },
      { header: '事项名称', type: 'text' },
      { header: '支付方式', type: 'text' },
      { header: '票据号', type: 'text' },
      yuan('金额(元)'),
      yuan('净收(元)'),
      { header: '窗口', type: 'text' },
      { header: '经办人', type: 'text' },
      { header: '退费原因', type: 'text' },
    ] satisfies Column[],
    rows: r.entries.map((e) => [
      e.at,
      e.kind === 'payment' ? '缴费' : '退费',
      e.caseNo ?? '',
      e.itemName ?? '',
      e.methodLabel,
      e.receiptNo,
      e.amountFen,
      e.kind === 'payment' ? e.amountFen : -e.amountFen,
      (e.windowId ? windowNames.get(e.windowId) : null) ?? '未指定窗口',
      e.by ?? '',
      e.kind === 'refund' ? (e.reason ?? '') : '',
    ]),
  };
  return { xlsx: await workbook([summary, entries]), fileName: `收费日报-${q.day}.xlsx` };
}
