import { z } from 'zod';
import { authorityLevels } from '../../domain/case/authority.ts';
import { customRoleCodePattern } from '../../domain/role-composition.ts';
import { pageQuery } from '../../platform/schemas.ts';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.string()),
  hallIds: z.array(z.string()),
  departmentIds: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.number().nullable(),
  mustChangePassword: z.boolean(),
  /** 审批权限: 科室负责人 / 分管领导 / 主要领导, or none. */
  authorityLevel: z.enum(authorityLevels).nullable(),
  lastLoginAt: z.number().nullable(),
  createdAt: z.number(),
});

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, '电话号码格式不正确');
/** A fixed role's code or a custom role's (whether it exists is the service's question). */
const roleCode = z.string().regex(customRoleCodePattern, '角色代码不正确');
const ids = z.array(z.string().min(1).max(64)).max(50);

export const userInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字或 _ . -'),
  displayName: z.string().trim().min(1).max(40),
  phone: phone.nullable().optional(),
  roles: z.array(roleCode).min(1).max(20),
  hallIds: ids.min(1),
  departmentIds: ids.default([]),
  initialPassword: z.string().min(1).max(128),
});

export const userPatch = z
  .object({
    displayName: z.string().trim().min(1).max(40),
    phone: phone.nullable(),
    roles: z.array(roleCode).min(1).max(20),
    hallIds: ids.min(1),
    departmentIds: ids,
    status: z.enum(['active', 'disabled']),
  })
  .partial()
  .strict();

export const userQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: roleCode.optional(),
  hallId: z.string().max(64).optional(),
});

export type UserInput = z.infer<typeof userInput>;
export type UserPatch = z.infer<typeof userPatch>;

const adminTarget = { targetUserId: z.string().min(1).max(64) };
export const adminRequestInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), user: userInput }),
  z.object({ kind: z.literal('update'), ...adminTarget, patch: userPatch }),
  z.object({ kind: z.literal('reset_password'), ...adminTarget, initialPassword: z.string().min(1).max(128) }),
  z.object({ kind: z.literal('reset_totp'), ...adminTarget }),
]);
export type AdminRequestInput = z.infer<typeof adminRequestInput>;
export const adminRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(['create', 'update', 'reset_password', 'reset_totp']),
  targetUserId: z.string().nullable(),
  targetUsername: z.string().nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.number(),
  decidedByName: z.string().nullable(),
  decidedAt: z.number().nullable(),
  note: z.string().nullable(),
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export const adminRequestQuery = pageQuery.extend({
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional(),
});
export const decisionBody = z.object({ note: z.string().trim().max(200).optional() });

export const authorityInput = z.object({ authorityLevel: z.enum(authorityLevels).nullable() });
