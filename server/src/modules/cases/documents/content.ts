/**
 * What each printed document says, stored as JSON with the document when it is issued, so a re-print years
 * later shows exactly what was handed over. Personal numbers are stored masked: the paper shows them masked.
 */
import { z } from 'zod';

export const partySchema = z.object({
  name: z.string(),
  docTypeLabel: z.string(),
  docNumber: z.string(),
  phone: z.string(),
  kind: z.enum(['person', 'enterprise']),
  legalRepresentative: z.string().default(''),
});
export type Party = z.infer<typeof partySchema>;

const common = {
  itemName: z.string(),
  itemCode: z.string(),
  applicant: partySchema,
  agent: partySchema.nullable(),
  attorneyChecked: z.boolean(),
  window: z.string(),
  handler: z.string(),
  day: z.string(),
};

export const receiptContentSchema = z.object({
  ...common,
  caseNo: z.string(),
  urgency: z.string(),
  received: z.array(z.object({ name: z.string(), form: z.string(), copies: z.number(), pages: z.number() })),
  deferred: z.array(z.object({ name: z.string() })),
  deferredDeadline: z.string().nullable(),
  kind: z.enum(['instant', 'committed']),
  promisedDays: z.number(),
  deadline: z.string(),
  provisional: z.boolean(),
  pickupDay: z.string(),
  progressUrl: z.string(),
});
export type ReceiptContent = z.infer<typeof receiptContentSchema>;

export const noticeContentSchema = z.object({
  ...common,
  items: z.array(z.object({ name: z.string(), status: z.enum(['missing', 'incorrect']), requirement: z.string() })),
  received: z.array(z.object({ name: z.string(), copies: z.number(), pages: z.number() })),
  supplementDeadline: z.string(),
  /** 待定: the deadline lies in a year without a published schedule (absent on notices issued before it was kept). */
  supplementDeadlineProvisional: z.boolean().default(false),
  note: z.string(),
});
export type NoticeContent = z.infer<typeof noticeContentSchema>;

export const refusalContentSchema = z.object({
  ...common,
  reasons: z.string(),
  referral: z.string(),
  basis: z.string(),
});
export type RefusalContent = z.infer<typeof refusalContentSchema>;

export const promiseContentSchema = z.object({
  ...common,
  caseNo: z.string(),
  deferred: z.array(z.object({ name: z.string(), status: z.enum(['missing', 'incorrect']), reason: z.string() })),
  supplementDeadline: z.string(),
  deadline: z.string(),
  deadlineProvisional: z.boolean().default(false),
});
export type PromiseContent = z.infer<typeof promiseContentSchema>;
