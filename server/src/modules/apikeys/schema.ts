import { z } from 'zod';
import { MAX_GRACE_DAYS } from '../../domain/api-keys.ts';

const permissionList = z.array(z.string().max(64)).min(1).max(200);
const hallList = z.array(z.string().min(1).max(64)).min(1).max(100);
const reason = z.string().trim().min(2).max(500);

export const keyInput = z
  .object({
    name: z.string().trim().min(2).max(60),
    holderOrg: z.string().trim().min(2).max(100),
    holderContact: z.string().trim().min(2).max(100),
    permissions: permissionList,
    hallIds: hallList,
    /** Epoch ms; within two years. */
    expiresAt: z.number().int().positive(),
    ratePerMinute: z.number().int().min(1).max(6000).optional(),
  })
  .strict();

export const scopePatch = z
  .object({
    permissions: permissionList.optional(),
    hallIds: hallList.optional(),
    expiresAt: z.number().int().positive().optional(),
    ratePerMinute: z.number().int().min(1).max(6000).optional(),
    reason,
  })
  .strict();

export const rotateInput = z
  .object({ graceDays: z.number().int().min(0).max(MAX_GRACE_DAYS), reason: reason.optional() })
  .strict();
export const revokeInput = z.object({ reason }).strict();

export const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  holderOrg: z.string(),
  holderContact: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  hallIds: z.array(z.string()),
  ratePerMinute: z.number(),
  expiresAt: z.number(),
  state: z.enum(['active', 'revoked', 'expired']),
  createdBy: z.string(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  revokeReason: z.string().nullable(),
  lastUsedAt: z.number().nullable(),
  lastUsedIp: z.string().nullable(),
  /** The secrets that still work: the current one, and a rotated one during its grace period. */
  secrets: z.array(z.object({ prefix: z.string(), createdAt: z.number(), retiresAt: z.number().nullable() })),
});

/** The answer of an issue or a rotation: the whole key, shown this once (only its hash is kept). */
export const issuedSchema = z.object({ key: keySchema, secret: z.string().nullable() });

export const keyEventSchema = z.object({
  at: z.number(),
  action: z.enum(['issue', 'rotate', 'rescope', 'revoke']),
  actorName: z.string(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const scopeGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
});

export type KeyInput = z.infer<typeof keyInput>;
export type ScopePatch = z.infer<typeof scopePatch>;
export type RotateInput = z.infer<typeof rotateInput>;
