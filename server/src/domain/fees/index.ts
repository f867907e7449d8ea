/**
 * 收费 (R19.13): what an item charges, what a case has paid, and the daily reconciliation (收费日报). Money is
 * integer fen throughout; nothing here rounds.
 */

export const payMethods = ['cash', 'card', 'scan'] as const;
export type PayMethod = (typeof payMethods)[number];
export const payMethodLabels: Record<PayMethod, string> = { cash: '现金', card: '银行卡', scan: '扫码支付' };

export interface FeeItem {
  name: string;
  amountFen: number;
}

/** The fee items of an item version: its list, or the single total of older versions (办理费). */
export function feeItemsOf(c: { feeFen?: number; feeItems?: FeeItem[] | undefined }): FeeItem[] {
  if (c.feeItems?.length) return c.feeItems;
  return (c.feeFen ?? 0) > 0 ? [{ name: '办理费', amountFen: c.feeFen ?? 0 }] : [];
}

export const dueOf = (items: FeeItem[]) => items.reduce((s, i) => s + i.amountFen, 0);

/** An item with fee items states as its fee (feeFen) their total, so the guide shows what the case will owe. */
export function withFeeTotal<T extends { feeFen: number; feeItems?: FeeItem[] | undefined }>(c: T): T {
  return c.feeItems?.length ? { ...c, feeFen: dueOf(c.feeItems) } : c;
}

export interface LedgerEntry {
  kind: 'payment' | 'refund';
  status: 'done' | 'requested' | 'rejected';
  amountFen: number;
  method: PayMethod;
  windowId: string | null;
  day: string | null;
}

/** What stands paid: payments less the refunds already approved. A refund waiting for approval still counts paid. */
export function paidOf(entries: LedgerEntry[]): number {
  let paid = 0;
  for (const e of entries) {
    if (e.status !== 'done') continue;
    paid += e.kind === 'payment' ? e.amountFen : -e.amountFen;
  }
  return paid;
}

/** 先缴费后办结: may the case be completed? Only when the item asks payment first and something is still owed. */
export function unpaidProblem(due: number, paid: number, payFirst: boolean): { zh: string; en: string } | null {
  if (!payFirst || due <= 0 || paid >= due) return null;
  const owed = ((due - paid) / 100).toFixed(2);
  return {
    zh: `该事项须先缴费后办结，尚欠 ${owed} 元，请先登记缴费`,
    en: `This item must be paid before completion; ${owed} yuan is still owed`,
  };
}

export interface ReportLine {
  windowId: string | null;
  payments: number;
  paymentsFen: number;
  refunds: number;
  refundsFen: number;
  byMethodFen: Record<PayMethod, number>;
  netFen: number;
}

const emptyLine = (windowId: string | null): ReportLine => ({
  windowId,
  payments: 0,
  paymentsFen: 0,
  refunds: 0,
  refundsFen: 0,
  byMethodFen: { cash: 0, card: 0, scan: 0 },
  netFen: 0,
});

/**
 * 收费日报: per window and for the hall, the payments and approved refunds of one day. A refund counts on the day
 * it was approved, by the method it pays back through (net by method = payments − refunds).
 */
export function dailyReport(entries: LedgerEntry[], day: string): { lines: ReportLine[]; total: ReportLine } {
  const lines = new Map<string, ReportLine>();
  const total = emptyLine(null);
  for (const e of entries) {
    if (e.status !== 'done' || e.day !== day) continue;
    const key = e.windowId ?? '';
    const line = lines.get(key) ?? emptyLine(e.windowId);
    lines.set(key, line);
    for (const l of [line, total]) {
      if (e.kind === 'payment') {
        l.payments += 1;
        l.paymentsFen += e.amountFen;
        l.byMethodFen[e.method] += e.amountFen;
        l.netFen += e.amountFen;
      } else {
        l.refunds += 1;
        l.refundsFen += e.amountFen;
        l.byMethodFen[e.method] -= e.amountFen;
        l.netFen -= e.amountFen;
      }
    }
  }
  return { lines: [...lines.values()].sort((a, b) => (a.windowId ?? '').localeCompare(b.windowId ?? '')), total };
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
