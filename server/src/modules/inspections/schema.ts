import { z } from 'zod';
import { MAX_SEED } from '../../domain/inspections/index.ts';
import { pageQuery } from '../../platform/schemas.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);
const mark = z.enum(['ok', 'problem']);

export const sampleInput = z.object({
  hallId: z.string().min(1).max(64),
  scope: z.enum(['all', 'item', 'department', 'person']),
  scopeId: z.string().min(1).max(64).optional(),
  from: day,
  to: day,
  size: z.number().int().min(1).max(50),
  /** Given to draw again a sample drawn before; otherwise the service picks one and records it. */
  seed: z.number().int().min(1).max(MAX_SEED).optional(),
});
export type SampleInput = z.infer<typeof sampleInput>;

export const findingInput = z.object({
  checks: z.record(z.string().max(32), mark),
  note: text(1000).default(''),
  /** Working days the responsible person has to rectify a finding (on the hall calendar). */
  workingDays: z.number().int().min(1).max(30).default(5),
});
export type FindingInput = z.infer<typeof findingInput>;

export const normInput = findingInput.extend({
  hallId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  windowId: z.string().min(1).max(64).optional(),
});
export type NormInput = z.infer<typeof normInput>;

export const itemSchema = z.object({
  id: z.string(),
  seq: z.number(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  itemName: z.string().nullable(),
  subjectId: z.string(),
  subjectName: z.string(),
  checks: z.record(z.string(), mark).nullable(),
  result: z.enum(['pending', 'pass', 'finding']),
  note: z.string().nullable(),
  checkedByName: z.string().nullable(),
  checkedAt: z.number().nullable(),
  rectificationId: z.string().nullable(),
});

export const inspectionSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(['records', 'norms']),
  scope: z.string(),
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  seed: z.number(),
  population: z.number(),
  sampleSize: z.number(),
  createdByName: z.string(),
  createdAt: z.number(),
  checklist: z.array(z.object({ key: z.string(), label: z.string() })),
  items: z.array(itemSchema),
});

export const inspectionQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  kind: z.enum(['records', 'norms']).optional(),
});

export const rectificationSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  inspectionId: z.string(),
  kind: z.enum(['records', 'norms']),
  caseNo: z.string().nullable(),
  itemName: z.string().nullable(),
  responsibleId: z.string(),
  responsibleName: z.string(),
  finding: z.string(),
  issuedByName: z.string(),
  issuedAt: z.number(),
  issuedDay: z.string(),
  workingDays: z.number(),
  dueDay: z.string(),
  dueProvisional: z.boolean(),
  status: z.enum(['issued', 'reported', 'returned', 'closed']),
  statusLabel: z.string(),
  light: z.enum(['closed', 'overdue', 'due_today', 'open']),
  reportText: z.string().nullable(),
  evidenceName: z.string().nullable(),
  evidenceSize: z.number().nullable(),
  reportedAt: z.number().nullable(),
  returnNote: z.string().nullable(),
  returns: z.number(),
  closedAt: z.number().nullable(),
  closedDay: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  /** What the caller may do now. */
  canReport: z.boolean(),
  canVerify: z.boolean(),
});

export const rectificationQuery = pageQuery.extend({
  /** 'mine': notices to the caller; 'hall': every notice of the caller's halls (inspectors). */
  view: z.enum(['mine', 'hall']).default('mine'),
  hallId: z.string().max(64).optional(),
  status: z.enum(['issued', 'reported', 'returned', 'closed', 'open', 'overdue']).optional(),
});

export const reportInput = z.object({
  text: text(2000).min(1),
  /** 整改佐证: one file, base64, up to 1 MB. */
  evidence: z
    .object({
      fileName: z.string().trim().min(1).max(120),
      contentBase64: z
        .string()
        .max(1_400_000)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64'),
    })
    .optional(),
});
export type ReportInput = z.infer<typeof reportInput>;

export const verifyInput = z.object({
  decision: z.enum(['close', 'return']),
  note: text(1000).default(''),
});

export const reportQuery = z.object({
  hallId: z.string().min(1).max(64),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
});

export const indicatorSchema = z.object({
  key: z.string(),
  name: z.string(),
  formula: z.string(),
  target: z.number(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  met: z.boolean().nullable(),
});

export const qualityReportSchema = z.object({
  hallId: z.string(),
  month: z.string(),
  indicators: z.array(indicatorSchema),
  people: z.array(
    z.object({
      subjectId: z.string(),
      subjectName: z.string(),
      checked: z.number(),
      findings: z.number(),
      openRectifications: z.number(),
    }),
  ),
});

export const overdueRectificationSchema = z.object({
  id: z.string(),
  responsibleName: z.string(),
  finding: z.string(),
  caseNo: z.string().nullable(),
  dueDay: z.string(),
  status: z.string(),
});
