import { z } from 'zod';
import { defaultPasswordPolicy, type PasswordPolicy } from '../domain/password-policy.ts';
import type { Db } from './db/database.ts';

// Wide ranges here; the level-3 floor is checked by policyBelowFloor so its answer can say which rule it breaks.
const setting = z.number().int().min(0).max(100_000);
export const passwordPolicySchema = z.object({
  minLength: setting,
  minClasses: setting,
  maxFailures: setting,
  lockoutMinutes: setting,
  idleTimeoutMinutes: setting,
  absoluteTimeoutHours: setting,
  passwordHistory: setting,
  passwordMaxAgeDays: setting,
});

export const PASSWORD_POLICY_KEY = 'security.policy';

/** The stored policy, or the default when none is stored (or it no longer parses). */
export function passwordPolicyFrom(value: string | null | undefined): PasswordPolicy {
  if (!value) return defaultPasswordPolicy;
  // A policy stored before a setting existed takes that setting's default.
  const parsed = passwordPolicySchema.safeParse({ ...defaultPasswordPolicy, ...JSON.parse(value) });
  return parsed.success ? parsed.data : defaultPasswordPolicy;
}

export async function readPasswordPolicy(db: Db): Promise<PasswordPolicy> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', PASSWORD_POLICY_KEY).executeTakeFirst();
  return passwordPolicyFrom(row?.value);
}

export async function writePasswordPolicy(db: Db, policy: PasswordPolicy, now: number): Promise<void> {
  const value = JSON.stringify(policy);
  const exists = await db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', PASSWORD_POLICY_KEY)
    .executeTakeFirst();
  if (exists) {
    await db.updateTable('settings').set({ value, updated_at: now }).where('key', '=', PASSWORD_POLICY_KEY).execute();
  } else {
    await db.insertInto('settings').values({ key: PASSWORD_POLICY_KEY, value, updated_at: now }).execute();
  }
}

/** How the database was created: 'demo' (demo hall and published passwords) or 'production'. */
export type SystemMode = 'demo' | 'production';
export const SYSTEM_MODE_KEY = 'system.mode';

/** The mode recorded when the database was created, or null for a database that has none yet. */
export async function readSystemMode(db: Db): Promise<SystemMode | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SYSTEM_MODE_KEY).executeTakeFirst();
  return row?.value === 'demo' || row?.value === 'production' ? row.value : null;
}

/** Written once, in the transaction that fills a fresh database. */
export async function recordSystemMode(db: Db, mode: SystemMode, now: number): Promise<void> {
  await db.insertInto('settings').values({ key: SYSTEM_MODE_KEY, value: mode, updated_at: now }).execute();
}

/** 领取提醒: after how many working days without collection the applicant is reminded (once). */
export const COLLECTION_REMINDER_DAYS_KEY = 'notices.collection_reminder_days';

export async function readCollectionReminderDays(db: Db, fallback: number): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', COLLECTION_REMINDER_DAYS_KEY)
    .executeTakeFirst();
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : fallback;
}

export async function writeCollectionReminderDays(db: Db, days: number, now: number): Promise<void> {
  const value = String(days);
  const exists = await db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', COLLECTION_REMINDER_DAYS_KEY)
    .executeTakeFirst();
  if (exists) {
    await db
      .updateTable('settings')
      .set({ value, updated_at: now })
      .where('key', '=', COLLECTION_REMINDER_DAYS_KEY)
      .execute();
  } else {
    await db.insertInto('settings').values({ key: COLLECTION_REMINDER_DAYS_KEY, value, updated_at: now }).execute();
  }
}

/** The hall's staffing target (R19.11): e.g. 80 % called within 600 s, forecast over the last 4 weeks. */
export interface StaffingTargetSetting {
  targetWaitSeconds: number;
  targetServiceLevel: number;
  weeks: number;
}
export const DEFAULT_STAFFING_TARGET: StaffingTargetSetting = {
  targetWaitSeconds: 600,
  targetServiceLevel: 0.8,
  weeks: 4,
};
export const staffingTargetKey = (hallId: string) => `stats.staffing_target.${hallId}`;

export async function readStaffingTarget(db: Db, hallId: string): Promise<StaffingTargetSetting> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', staffingTargetKey(hallId))
    .executeTakeFirst();
  if (!row) return DEFAULT_STAFFING_TARGET;
  try {
    return { ...DEFAULT_STAFFING_TARGET, ...(JSON.parse(row.value) as Partial<StaffingTargetSetting>) };
  } catch {
    return DEFAULT_STAFFING_TARGET;
  }
}

export async function writeStaffingTarget(
  db: Db,
  hallId: string,
  t: StaffingTargetSetting,
  now: number,
): Promise<void> {
  const key = staffingTargetKey(hallId);
  const value = JSON.stringify(t);
  const exists = await db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
  if (exists) await db.updateTable('settings').set({ value, updated_at: now }).where('key', '=', key).execute();
  else await db.insertInto('settings').values({ key, value, updated_at: now }).execute();
}
