import { z } from 'zod';

export const scanTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const uploadParams = z.object({ id: z.string().min(1).max(64), materialKey: z.string().min(1).max(64) });
export const scanParams = z.object({ id: z.string().min(1).max(64), scanId: z.string().min(1).max(64) });
export const contentQuery = z.object({
  /** 1: save as a file (attachment); otherwise shown in the browser (preview). */
  download: z.enum(['0', '1']).optional(),
});

export const scanSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  materialKey: z.string(),
  materialName: z.string(),
  /** Display name only, already cleaned of folders and control characters. */
  name: z.string(),
  contentType: z.enum(scanTypes),
  size: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.number(),
});
export type Scan = z.infer<typeof scanSchema>;

export const uploadResultSchema = scanSchema.extend({
  /** The same file was already attached to this material: nothing new was stored. */
  duplicate: z.boolean(),
});

export const caseScansSchema = z.object({
  caseId: z.string(),
  /** The viewer may attach scans now (reception staff, case still open). */
  canUpload: z.boolean(),
  maxBytes: z.number(),
  types: z.array(z.enum(scanTypes)),
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      status: z.enum(['received', 'missing', 'incorrect', 'not_applicable']),
      scans: z.array(scanSchema),
    }),
  ),
});
