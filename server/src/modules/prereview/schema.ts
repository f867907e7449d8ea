import { z } from 'zod';
import { prereviewStates } from '../../domain/prereview/index.ts';
import { pageQuery } from '../../platform/schemas.ts';
import { applicantInput } from '../applicants/schema.ts';
import { importances, urgencies } from '../cases/schema.ts';
import { scanTypes } from '../scans/schema.ts';

const text = (max: number) => z.string().trim().max(max);
/** What the applicant types online: the item, who applies and how to reach them. */
export const applyInput = applicantInput
  .omit({ hallId: true })
  .extend({ itemId: z.string().min(1).max(64), kind: z.enum(['person', 'enterprise']).default('person') });
export type ApplyInput = z.infer<typeof applyInput>;

/** The number and the lookup code: together they open the application on the public page. */
export const publicParams = z.object({ number: z.string().trim().min(1).max(40) });
export const codeQuery = z.object({ code: z.string().trim().min(1).max(16) });
export const publicUploadParams = publicParams.extend({ materialKey: z.string().min(1).max(64) });
export const publicFileParams = publicParams.extend({ uploadId: z.string().min(1).max(64) });
export const fileParams = z.object({ id: z.string().min(1).max(64), uploadId: z.string().min(1).max(64) });

export const uploadSchema = z.object({
  id: z.string(),
  materialKey: z.string(),
  materialName: z.string(),
  name: z.string(),
  contentType: z.enum(scanTypes),
  size: z.number(),
  round: z.number(),
  uploadedAt: z.number(),
});

const noticeItem = z.object({ key: z.string(), name: z.string(), requirement: z.string() });
export const noticeSchema = z.object({ round: z.number(), items: z.array(noticeItem), note: z.string() });
export const passSchema = z.object({ note: z.string(), appointment: z.string() });

const light = z.enum(['green', 'yellow', 'red']);

/** What the applicant sees with the number and the code: nothing personal beyond the masked contact. */
export const publicApplicationSchema = z.object({
  number: z.string(),
  lookupCode: z.string(),
  hallName: z.string(),
  itemName: z.string(),
  state: z.enum(prereviewStates),
  round: z.number(),
  applicantName: z.string(),
  phone: z.string(),
  limitDays: z.number(),
  submittedDay: z.string().nullable(),
  dueDay: z.string().nullable(),
  dueProvisional: z.boolean(),
  maxBytes: z.number(),
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      requirement: z.enum(['required', 'conditional', 'optional']),
      condition: z.string(),
      /** Named in the last one-time notice: to be corrected before resubmitting. */
      toCorrect: z.boolean(),
      files: z.array(uploadSchema),
    }),
  ),
  notice: noticeSchema.nullable(),
  pass: passSchema.nullable(),
  caseNo: z.string().nullable(),
});
export type PublicApplication = z.infer<typeof publicApplicationSchema>;

export const summarySchema = z.object({
  id: z.string(),
  hallId: z.string(),
  number: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  /** Masked. */
  phone: z.string(),
  state: z.enum(prereviewStates),
  round: z.number(),
  submittedAt: z.number().nullable(),
  dueDay: z.string().nullable(),
  dueProvisional: z.boolean(),
  /** The pre-review clock while it waits for the clerk; null off the clock. */
  light: light.nullable(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
});

export const detailSchema = summarySchema.extend({
  applicantKind: z.enum(['person', 'enterprise']),
  docType: z.string(),
  /** Masked. */
  docNumber: z.string(),
  address: z.string(),
  legalRepresentative: z.string(),
  contactName: z.string(),
  limitDays: z.number(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.number().nullable(),
  materials: publicApplicationSchema.shape.materials,
  notice: noticeSchema.nullable(),
  pass: passSchema.nullable(),
  events: z.array(
    z.object({
      seq: z.number(),
      at: z.number(),
      actorName: z.string(),
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type PrereviewDetail = z.infer<typeof detailSchema>;

export const listQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  /** waiting: submitted (on the clock); passed: ready for the window; default every state but draft. */
  state: z.enum(['waiting', 'returned', 'passed', 'accepted', 'all']).default('waiting'),
  q: text(60).optional(),
});

export const returnInput = z.object({
  corrections: z
    .array(z.object({ key: z.string().min(1).max(32), requirement: text(300).min(1, '请写明需补正的内容') }))
    .min(1, '请至少列出一项需补正的材料')
    .max(60),
  note: text(500).default(''),
});

export const passInput = z.object({
  note: text(500).default(''),
  /** An appointment offered for the visit with the originals (free text: day and time, window). */
  appointment: text(120).default(''),
});

export const acceptInput = z.object({
  windowId: z.string().min(1).max(64).nullable().default(null),
  urgency: z.enum(urgencies).default('regular'),
  importance: z.enum(importances).default('normal'),
});

export const boardEntrySchema = z.object({
  id: z.string(),
  number: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  dueDay: z.string(),
  light,
  round: z.number(),
});
