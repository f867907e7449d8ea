/**
 * 接口密钥 of machine clients (the provincial 一网通办 platform, a 12345 hotline system): which permissions a key may
 * carry, how a key reads, and the limits the security administrator chooses within. Pure: no I/O.
 */
import { powerClass } from './role-composition.ts';
import { type Permission, permissions } from './roles.ts';

/** A key reads `owk_<prefix>_<secret>`: the prefix recognises it in lists and logs, the secret proves it. */
export const KEY_TAG = 'owk_';
export const PREFIX_LENGTH = 8;
export const MAX_GRACE_DAYS = 30;
export const MAX_VALID_DAYS = 730;
export const DEFAULT_RATE_PER_MINUTE = 300;
export const DAY_MS = 86_400_000;

/** A person's own attendance and leave mean nothing for a machine. */
const personalOnly: ReadonlySet<Permission> = new Set(['staff.self']);

/**
 * The permissions a key may carry: business and neutral ones. Administrator powers (accounts, roles, policy, the audit
 * log, keys themselves) stay with the three administrators, who sign in in person with a second factor.
 */
export const keyPermissions: readonly Permission[] = permissions.filter(
  (p) => (powerClass(p) === 'business' || powerClass(p) === 'neutral') && !personalOnly.has(p),
);
const allowed: ReadonlySet<string> = new Set(keyPermissions);
export const isKeyPermission = (p: string): p is Permission => allowed.has(p);

/** The groups of the scope picker: a permission's area is the first part of its code. */
export const scopeGroups: readonly { code: string; name: string; nameEn: string }[] = [
  { code: 'case', name: '办件', nameEn: 'Cases' },
  { code: 'reception', name: '收件受理', nameEn: 'Reception' },
  { code: 'applicant', name: '申请人', nameEn: 'Applicants' },
  { code: 'personal', name: '个人信息', nameEn: 'Personal data' },
  { code: 'consult', name: '咨询', nameEn: 'Consultations' },
  { code: 'complaint', name: '投诉举报', nameEn: 'Complaints' },
  { code: 'objection', name: '异议', nameEn: 'Objections' },
  { code: 'appointment', name: '预约', nameEn: 'Appointments' },
  { code: 'queue', name: '排队叫号', nameEn: 'Queue' },
  { code: 'rating', name: '好差评', nameEn: 'Ratings' },
  { code: 'catalog', name: '事项目录', nameEn: 'Catalogue' },
  { code: 'org', name: '组织机构', nameEn: 'Organisation' },
  { code: 'knowledge', name: '知识库', nameEn: 'Knowledge' },
  { code: 'supervision', name: '电子监察', nameEn: 'Supervision' },
  { code: 'archive', name: '档案', nameEn: 'Archive' },
  { code: 'notice', name: '通知', nameEn: 'Notices' },
  { code: 'fee', name: '收费', nameEn: 'Fees' },
];
const OTHER = { code: 'other', name: '其他', nameEn: 'Other' };

/** The scope picker's tree: each group with the key permissions of its area, in the order roles.ts lists them. */
export function scopeTree() {
  const known = new Set(scopeGroups.map((g) => g.code));
  const areaOf = (p: string) => {
    const area = p.split('.')[0] ?? '';
    return known.has(area) ? area : OTHER.code;
  };
  return [...scopeGroups, OTHER]
    .map((g) => ({ ...g, permissions: keyPermissions.filter((p) => areaOf(p) === g.code) }))
    .filter((g) => g.permissions.length > 0);
}

/** The permissions of a requested scope that a key may not carry (administrator powers, unknown codes). */
export const forbiddenInScope = (requested: readonly string[]) => requested.filter((p) => !isKeyPermission(p));

/** The prefix and secret of a presented key, or null when it is not shaped like one. */
export function parseKey(presented: string): { prefix: string; secret: string } | null {
  const m = /^owk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/.exec(presented);
  return m ? { prefix: m[1] as string, secret: m[2] as string } : null;
}

export const formatKey = (prefix: string, secret: string) => `${KEY_TAG}${prefix}_${secret}`;

/** A key is usable while it is active and before its expiry; a secret until its grace period after a rotation ends. */
export function keyState(k: { status: string; expiresAt: number }, now: number): 'active' | 'revoked' | 'expired' {
  if (k.status === 'revoked') return 'revoked';
  return k.expiresAt <= now ? 'expired' : 'active';
}

/** Who a key's actions are recorded as in the audit log and on trails. */
export const keyActorName = (name: string) => `接口密钥 ${name}`;
