export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (upper, lower, digit, symbol) a password must mix. */
  minClasses: number;
  maxFailures: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  /** The last N passwords (the current one included) cannot be chosen again. */
  passwordHistory: number;
  /** A password older than this many days must be changed at the next request. */
  passwordMaxAgeDays: number;
}

export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  minClasses: 3,
  maxFailures: 5,
  lockoutMinutes: 10,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  passwordHistory: 5,
  passwordMaxAgeDays: 90,
};

/**
 * The floor of GB/T 22239-2019 level 3 (等保三级) for identity checks and sessions: the policy may be stricter,
 * never weaker. `min`/`max` are the allowed range of each setting; the floor is the side named in `floor`.
 */
export const policyBounds: Record<keyof PasswordPolicy, { min: number; max: number; zh: string; en: string }> = {
  minLength: { min: 8, max: 64, zh: '密码长度不得少于 8 位', en: 'passwords need at least 8 characters' },
  minClasses: { min: 3, max: 4, zh: '密码须至少包含 3 类字符', en: 'passwords must mix at least 3 character classes' },
  maxFailures: { min: 1, max: 5, zh: '连续失败不得超过 5 次即锁定', en: 'lock after at most 5 failures' },
  lockoutMinutes: { min: 10, max: 1440, zh: '锁定时间不得少于 10 分钟', en: 'lock for at least 10 minutes' },
  idleTimeoutMinutes: { min: 1, max: 30, zh: '空闲超时不得超过 30 分钟', en: 'idle timeout at most 30 minutes' },
  absoluteTimeoutHours: { min: 1, max: 24, zh: '会话最长不得超过 24 小时', en: 'sessions last at most 24 hours' },
  passwordHistory: {
    min: 3,
    max: 24,
    zh: '最近至少 3 个密码不得重复使用',
    en: 'at least the last 3 passwords cannot be reused',
  },
  passwordMaxAgeDays: {
    min: 1,
    max: 90,
    zh: '密码最长使用期不得超过 90 天',
    en: 'passwords expire after at most 90 days',
  },
};

/** The first setting outside the level-3 floor (or its sane range), with the rule it breaks; null when all hold. */
export function policyBelowFloor(
  policy: PasswordPolicy,
): { field: keyof PasswordPolicy; zh: string; en: string } | null {
  for (const [field, b] of Object.entries(policyBounds) as [
    keyof PasswordPolicy,
    (typeof policyBounds)[keyof PasswordPolicy],
  ][]) {
    const v = policy[field];
    if (!Number.isInteger(v) || v < b.min || v > b.max) {
      return {
        field,
        zh: `不符合等保三级要求：${b.zh}（允许 ${b.min}–${b.max}）`,
        en: `Below the MLPS level 3 floor: ${b.en} (allowed ${b.min}–${b.max})`,
      };
    }
  }
  return null;
}

export function characterClasses(password: string): number {
  const tests = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return tests.filter((t) => t.test(password)).length;
}

/** Null when acceptable, else the zh-CN / English reason. */
export function passwordWeakness(password: string, policy: PasswordPolicy): { zh: string; en: string } | null {
  if (password.length < policy.minLength || characterClasses(password) < policy.minClasses) {
    return {
      zh: `密码至少 ${policy.minLength} 位，且需包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`,
      en: `Password needs at least ${policy.minLength} characters mixing at least ${policy.minClasses} of upper case, lower case, digits and symbols`,
    };
  }
  return null;
}
