import { z } from 'zod';
import { defaultPasswordPolicy, type PasswordPolicy } from '../domain/password-policy.ts';
import type { Db } from './db/database.ts';

export const passwordPolicySchema = z.object({
  minLength: z.number().int().min(6).max(64),
  minClasses: z.number().int().min(1).max(4),
  maxFailures: z.number().int().min(1).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  idleTimeoutMinutes: z.number().int().min(1).max(480),
  absoluteTimeoutHours: z.number().int().min(1).max(72),
});


export const PASSWORD_POLICY_KEY = 'security.policy';

/** The stored policy, or the default when none is stored (or it no longer parses). */
export function passwordPolicyFrom(value: string | null | undefined): PasswordPolicy {
  if (!value) return defaultPasswordPolicy;
  const parsed = passwordPolicySchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : defaultPasswordPolicy;
}

export async function readPasswordPolicy(db: Db): Promise<PasswordPolicy> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', PASSWORD_POLICY_KEY).executeTakeFirst();
  return passwordPolicyFrom(row?.value);
}

export async function writePasswordPolicy(db: Db, policy: PasswordPolicy, now: number): Promise<void> {
  const value = JSON.stringify(policy);
  const exists = await db.selectFrom('settings').select('key').where('key', '=', PASSWORD_POLICY_KEY).executeTakeFirst();
  if (exists) {
    await db.updateTable('settings').set({ value, updated_at: now }).where('key', '=', PASSWORD_POLICY_KEY).execute();
  } else {
    await db.insertInto('settings').values({ key: PASSWORD_POLICY_KEY, value, updated_at: now }).execute();
  }
}
