/**
 * Roles as data: a custom role is a named set of permissions composed by the security administrator. Which
 * permissions may sit together in one hand (三权分立 and the separation of administrators from business) is decided
 * here, on permissions, so it holds for any composition and any assignment of fixed and custom roles.
 */
import { type AdminClass, type Permission, permissions, roleDefinition, isRoleCode, roles } from './roles.ts';

/** Administrator powers: those of one administrator class, or shared by the administrators only ('any'). */
const adminPowers: Partial<Record<Permission, AdminClass | 'any'>> = {
  'org.manage': 'system',
  'calendar.manage': 'system',
  'timelimits.recompute': 'system',
  'webhook.manage': 'system',
  'account.manage': 'security',
  'account.grant_admin': 'security',
  'policy.manage': 'security',
  'personal.unseal': 'security',
  'role.manage': 'security',
  'apikey.manage': 'security',
  'account.authority': 'security',
  'audit.read': 'audit',
  'audit.verify': 'audit',
  'account.read': 'any',
  'account.approve_admin': 'any',
};
/** Held by administrators and business posts alike (reading the organisation and catalogue, keeping them). */
const neutral: ReadonlySet<Permission> = new Set(['org.read', 'catalog.read', 'catalog.manage', 'queue.manage']);

export type PowerClass = AdminClass | 'admin' | 'business' | 'neutral';

/** The class of a permission: an administrator class, 'admin' (any administrator), 'neutral' or 'business'. */
export function powerClass(p: Permission): PowerClass {
  const a = adminPowers[p];
  if (a === 'any') return 'admin';
  if (a) return a;
  return neutral.has(p) ? 'neutral' : 'business';
}

export const isAdminPower = (p: Permission) => adminPowers[p] !== undefined;

export interface SeparationProblem {
  zh: string;
  en: string;
  /** The permissions that may not sit together (or may not be composed), for the message and the UI. */
  permissions: Permission[];
}

/**
 * Why these permissions may not be held by one person, or null: powers of two administrator classes (三权分立), or an
 * administrator power beside a business permission.
 */
export function permissionSetProblem(held: Iterable<Permission>): SeparationProblem | null {
  const list = [...new Set(held)];
  const byClass = new Map<string, Permission>();
  for (const p of list) {
    const c = powerClass(p);
    if (c === 'system' || c === 'security' || c === 'audit') byClass.set(c, byClass.get(c) ?? p);
  }
  if (byClass.size > 1) {
    const ps = [...byClass.values()];
    return {
      zh: `系统管理、安全管理、审计管理的权限不能由同一人担任（三权分立）：${ps.join('、')}`,
      en: `System, security and audit administrator powers must be held by different people: ${ps.join(', ')}`,
      permissions: ps,
    };
  }
  const admin = list.find((p) => isAdminPower(p));
  const business = list.find((p) => powerClass(p) === 'business');
  if (admin && business) {
    return {
      zh: `管理员权限不能与业务权限由同一人担任：${admin} 与 ${business}`,
      en: `An administrator power cannot be held beside a business permission: ${admin} and ${business}`,
      permissions: [admin, business],
    };
  }
  return null;
}

/**
 * Why a custom role may not be composed of these permissions, or null. Administrator powers stay in the three fixed
 * administrator roles (each held alone and changed only with a second administrator's approval), so a custom role
 * is a business role and can never carry them.
 */
export function compositionProblem(composed: readonly Permission[]): SeparationProblem | null {
  const admin = composed.filter((p) => isAdminPower(p));
  if (admin.length) {
    return {
      zh: `自定义角色不能包含管理员权限（只属于系统、安全、审计管理员三个固定角色）：${admin.join('、')}`,
      en: `A custom role cannot carry administrator powers (they belong to the three fixed administrator roles): ${admin.join(', ')}`,
      permissions: admin,
    };
  }
  return permissionSetProblem(composed);
}

/** A role as the catalogue knows it: a fixed post, or a custom role (active or retired). */
export interface RoleEntry {
  code: string;
  permissions: readonly Permission[];
  adminClass: AdminClass | null;
  custom: boolean;
  active: boolean;
}

/** The fixed roles and the custom ones from the database, in one lookup. */
export class RoleCatalog {
  private readonly byCode = new Map<string, RoleEntry>();
  constructor(custom: readonly { code: string; permissions: readonly Permission[]; active: boolean }[]) {
    for (const r of roles) {
      this.byCode.set(r.code, { ...r, custom: false, active: true });
    }
    for (const c of custom) {
      if (!this.byCode.has(c.code)) this.byCode.set(c.code, { ...c, adminClass: null, custom: true });
    }
  }
  find(code: string): RoleEntry | undefined {
    return this.byCode.get(code);
  }
  /** The permissions the roles give (a retired or unknown role gives none). */
  permissionsOf(roleList: readonly string[]): Set<Permission> {
    const out = new Set<Permission>();
    for (const code of roleList) {
      const r = this.byCode.get(code);
      if (r?.active) for (const p of r.permissions) out.add(p);
    }
    return out;
  }
}

export const isPermission = (p: string): p is Permission => (permissions as readonly string[]).includes(p);

/** Custom role codes: lower-case letters, digits and _, never the code of a fixed role. */
export const customRoleCodePattern = /^[a-z][a-z0-9_]{2,31}$/;
export const isFixedRole = (code: string) => isRoleCode(code);
export const fixedRoleName = (code: string) => (isRoleCode(code) ? roleDefinition(code).name : code);
