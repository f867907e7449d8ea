import { z } from 'zod';
import { payMethods } from '../../domain/fees/index.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const fen = z.number().int('金额以分为单位，应为整数').min(1, '金额应大于 0').max(100_000_000);
/** 财政电子票据号: letters, digits and dashes. */
const receiptNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{6,40}$/, '财政电子票据号应为 6–40 位字母、数字或“-”');

export const paymentInput = z.object({
  amountFen: fen,
  method: z.enum(payMethods),
  receiptNo,
  /** The window that took the money; defaults to the case's window. */
  windowId: z.string().min(1).max(64).nullable().default(null),
});
export type PaymentInput = z.infer<typeof paymentInput>;

export const refundInput = z.object({
  paymentId: z.string().min(1).max(64),
  amountFen: fen,
  reason: z.string().trim().min(1, '请填写退费原因').max(500),
});
export type RefundInput = z.infer<typeof refundInput>;

export const decisionInput = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(500).default(''),
});

export const entrySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string().nullable().optional(),
  itemName: z.string().optional(),
  kind: z.enum(['payment', 'refund']),
  status: z.enum(['done', 'requested', 'rejected']),
  amountFen: z.number(),
  method: z.enum(payMethods),
  methodLabel: z.string(),
  receiptNo: z.string(),
  reason: z.string(),
  refundOf: z.string().nullable(),
  windowId: z.string().nullable(),
  day: z.string().nullable(),
  at: z.number(),
  by: z.string(),
  decidedAt: z.number().nullable(),
  decidedBy: z.string().nullable(),
});

export const caseFeesSchema = z.object({
  caseId: z.string(),
  items: z.array(z.object({ name: z.string(), amountFen: z.number() })),
  dueFen: z.number(),
  paidFen: z.number(),
  owedFen: z.number(),
  payFirst: z.boolean(),
  note: z.string(),
  entries: z.array(entrySchema),
});

export const reportQuery = z.object({ hallId: z.string().min(1).max(64), day });
export const hallQuery = z.object({ hallId: z.string().min(1).max(64).optional() });

const line = z.object({
  windowId: z.string().nullable(),
  windowName: z.string(),
  payments: z.number(),
  paymentsFen: z.number(),
  refunds: z.number(),
  refundsFen: z.number(),
  byMethodFen: z.object({ cash: z.number(), card: z.number(), scan: z.number() }),
  netFen: z.number(),
});
export const reportSchema = z.object({
  hallId: z.string(),
  day: z.string(),
  lines: z.array(line),
  total: line,
  entries: z.array(entrySchema),
});
