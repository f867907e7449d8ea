import { z } from 'zod';
import { customRoleCodePattern } from '../../domain/role-composition.ts';
import { permissions } from '../../domain/roles.ts';

export const roleSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.enum(permissions)),
  adminClass: z.enum(['system', 'security', 'audit']).nullable(),
  custom: z.boolean(),
  status: z.enum(['active', 'retired']),
  /** How many accounts hold the role. */
  holders: z.number(),
  updatedAt: z.number().nullable(),
});

export const permissionInfoSchema = z.object({
  code: z.enum(permissions),
  /** system / security / audit: an administrator class; admin: any administrator; neutral; business. */
  powerClass: z.enum(['system', 'security', 'audit', 'admin', 'neutral', 'business']),
});

const permissionList = z.array(z.enum(permissions)).min(1).max(permissions.length);
const roleName = z.string().trim().min(2).max(30);

export const customRoleInput = z.object({
  code: z.string().trim().regex(customRoleCodePattern, '角色代码为 3–32 位小写字母、数字或 _，以字母开头'),
  name: roleName,
  nameEn: z.string().trim().max(60).optional(),
  permissions: permissionList,
});
export const customRolePatch = z
  .object({ name: roleName, nameEn: z.string().trim().min(1).max(60), permissions: permissionList })
  .partial()
  .strict();
export const roleCodeParams = z.object({ code: z.string().min(1).max(64) });

export type CustomRoleInput = z.infer<typeof customRoleInput>;
export type CustomRolePatch = z.infer<typeof customRolePatch>;
