import { z } from 'zod';
import { caseDetailSchema, importances, urgencies } from '../cases/schema.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const markSchema = z.object({
  key: z.string().trim().min(1).max(32),
  status: z.enum(['received', 'missing', 'incorrect', 'not_applicable']),
  copies: z.number().int().min(0).max(99).default(0),
  pages: z.number().int().min(0).max(9999).default(0),
  /** Why an incorrect material does not meet the requirement. */
  reason: z.string().trim().max(300).default(''),
});
export type MarkInput = z.infer<typeof markSchema>;

export const receptionInput = z.object({
  itemId: z.string().min(1).max(64),
  applicantId: z.string().min(1).max(64),
  /** An individual acting for the applicant under a power of attorney (授权委托书). */
  agentId: z.string().min(1).max(64).nullable().default(null),
  powerOfAttorneyChecked: z.boolean().default(false),
  windowId: z.string().min(1).max(64).nullable().default(null),
  /** The queue ticket being served at the window for this applicant (收件受理 picks it up); the case links to it. */
  ticketId: z.string().min(1).max(64).nullable().default(null),
  urgency: z.enum(urgencies).default('regular'),
  importance: z.enum(importances).default('normal'),
  materials: z.array(markSchema).min(1).max(60),
});
export type ReceptionInput = z.infer<typeof receptionInput>;

export const noticeInput = z.object({
  /** Working days the applicant has to supplement (default 5). */
  supplementDays: z.number().int().min(1).max(30).default(5),
  /** What to correct per material; a default sentence is written for any material not listed. */
  corrections: z
    .array(z.object({ key: z.string().min(1).max(32), requirement: z.string().trim().min(1).max(300) }))
    .max(60)
    .default([]),
  note: z.string().trim().max(500).default(''),
});

export const refusalInput = z.object({
  reasons: z.string().trim().max(1000),
  /** The body or place to go instead (办理指引). */
  referral: z.string().trim().max(500).default(''),
  basis: z.string().trim().max(500).default(''),
});

export const deferredInput = z.object({
  promiseSigned: z.boolean(),
  supplementDeadline: day,
});

export const supplementInput = z.object({
  materials: z
    .array(
      z.object({
        key: z.string().min(1).max(32),
        copies: z.number().int().min(1).max(99),
        pages: z.number().int().min(1).max(9999),
      }),
    )
    .max(60),
  /** Accept at once when the checklist is now complete (default), or leave the clerk to decide. */
  accept: z.boolean().default(true),
});

/** 补录 (R17.2): a reception taken on paper during an outage, entered afterwards with its real times. */
export const backEntryInput = receptionInput.extend({
  /** When the applicant was received and when the case was accepted at the window (epoch ms). */
  receivedAt: z.number().int().min(0),
  acceptedAt: z.number().int().min(0),
  /** The handwritten number of the paper receipt the applicant holds. */
  paperReceiptNo: z.string().trim().min(1, '请填写纸质回执编号').max(40),
});
export type BackEntryInput = z.infer<typeof backEntryInput>;

/** 当场受理's answer: what the clerk's screen shows next (number, promised date, receipt to print), not the whole case. */
export const acceptanceSchema = caseDetailSchema.pick({
  id: true,
  caseNo: true,
  itemName: true,
  state: true,
  stateLabel: true,
  acceptedDay: true,
  deadline: true,
  deadlineProvisional: true,
  firstOwner: true,
  documents: true,
});
