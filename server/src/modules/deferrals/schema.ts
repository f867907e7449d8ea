import { z } from 'zod';

export const materialParams = z.object({ id: z.string().min(1).max(64), key: z.string().min(1).max(32) });
export const arrivalInput = z.object({
  copies: z.number().int().min(1).max(99).default(1),
  pages: z.number().int().min(1).max(9999).default(1),
  note: z.string().trim().max(500).default(''),
});
export const terminateInput = z.object({ reason: z.string().trim().min(1).max(1000) });

const status = z.enum(['arrived', 'pending', 'overdue']);
export const deferralSchema = z.object({
  /** False for a case accepted without deferral: nothing else applies. */
  deferred: z.boolean(),
  dueDay: z.string().nullable(),
  /** The item lets the case be approved before its deferred materials are in. */
  itemAllowsApproval: z.boolean(),
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      dueDay: z.string(),
      status,
      arrivedAt: z.number().nullable(),
      arrivedDay: z.string().nullable(),
      recordedBy: z.string().nullable(),
      copies: z.number().nullable(),
      pages: z.number().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** What the viewer may do now. */
  mayRecordArrival: z.boolean(),
  mayTerminate: z.boolean(),
  terminationDocumentId: z.string().nullable(),
});
export type Deferral = z.infer<typeof deferralSchema>;
