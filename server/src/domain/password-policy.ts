export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (upper, lower, digit, symbol) a password must mix. */
  minClasses: number;
  maxFailures: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  minClasses: 3,
  maxFailures: 5,
  lockoutMinutes: 10,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

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
