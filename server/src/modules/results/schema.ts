/** Request and response shapes of completion, result files, delivery and the archive. */
import { z } from 'zod';
import { documentTypeCodes } from '../../domain/identity/index.ts';
import { signatures } from '../../domain/files.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a hall files as a result: PDF, OFD and scans (files.ts checks the first bytes against the type). */
const allowedTypes = Object.keys(signatures);

/**
 * POST /api/cases/:id/files — a result document as base64 JSON (≤ 5 MB decoded). contentType one of
 * application/pdf, application/ofd, image/png, image/jpeg; the first bytes must match it.
 */
export const uploadInput = z.object({
  name: text(200),
  contentType: z.string().refine((t) => allowedTypes.includes(t), { message: `应为 ${allowedTypes.join('、')}` }),
  dataBase64: z.string().min(1).max(7_100_000),
  kind: z.enum(['result', 'other']).default('result'),
});
export const fileSchema = z.object({
  id: z.string(),
  kind: z.enum(['result', 'other']),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.number(),
});
export const fileParams = z.object({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });

/**
 * POST /api/cases/:id/complete — 办结. success: summary (e.g. the licence number) optional. failure: reason and
 * remedy (what the applicant can do: 复议、诉讼、补充后重新申请) required. Issues the 结果告知书 (kind result_notice).
 */
export const completeInput = z.object({
  outcome: z.enum(['success', 'failure']),
  summary: z.string().trim().max(1000).default(''),
  reason: z.string().trim().max(2000).default(''),
  remedy: z.string().trim().max(1000).default(''),
});

/** POST /api/cases/:id/notify — 通知领取. */
export const notifyInput = z.object({
  channel: z.enum(['sms', 'phone', 'window', 'online']),
  note: z.string().trim().max(500).default(''),
});

/** POST /api/cases/:id/collect — 领取登记: the collector and the identity document checked at the window. */
export const collectInput = z.object({
  collectedBy: text(60),
  docType: z.enum(documentTypeCodes),
  docNumber: text(40),
});

/** POST /api/cases/:id/mail — 邮寄送达. */
export const mailInput = z.object({
  carrier: text(60),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, '邮寄单号格式不正确'),
});

export const deliverySchema = z.object({
  method: z.enum(['collect', 'mail']),
  collectedBy: z.string().nullable(),
  docType: z.string().nullable(),
  docTypeLabel: z.string().nullable(),
  /** Always masked. */
  docNumber: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  at: z.number(),
  by: z.string(),
});

/** Paper files are kept at least five years; the electronic file is kept permanently. */
export const MIN_PAPER_YEARS = 5;

export const retentionSchema = z.object({
  paperYears: z.number(),
  electronic: z.literal('permanent'),
  rule: z.string(),
});

export const manifestSchema = z.object({
  documents: z.array(z.object({ docNo: z.string(), kind: z.string(), kindLabel: z.string(), issuedAt: z.number() })),
  files: z.array(
    z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), sha256: z.string() }),
  ),
  materials: z.array(
    z.object({
      round: z.number(),
      at: z.number(),
      clerk: z.string(),
      marks: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
  deliveries: z.array(
    z.object({
      method: z.string(),
      collectedBy: z.string().nullable(),
      docNumber: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      at: z.number(),
    }),
  ),
  trail: z.array(
    z.object({
      seq: z.number(),
      at: z.number(),
      by: z.string(),
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
    }),
  ),
  // Material scans filed with the case; archives made before scans existed list none.
  scans: z
    .array(
      z.object({
        material: z.string(),
        name: z.string(),
        contentType: z.string(),
        size: z.number(),
        sha256: z.string(),
        uploadedBy: z.string(),
        uploadedAt: z.number(),
      }),
    )
    .default([]),
});

/** POST /api/cases/:id/archive — 归档; paper retention in years (at least 5, default 10). */
export const archiveInput = z.object({ paperYears: z.number().int().min(MIN_PAPER_YEARS).max(100).default(10) });
export const archiveSchema = z.object({
  archiveNo: z.string(),
  caseId: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  archivedAt: z.number(),
  archivedBy: z.string(),
  retention: retentionSchema,
  manifest: manifestSchema,
});
