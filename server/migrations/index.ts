import type { Migration } from 'kysely';
import * as platform from './2026_11_22_0001_platform.ts';
import * as calendar from './2026_11_22_0002_calendar.ts';

/** Every migration, in order. Static imports keep the set explicit and bundle-friendly. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_platform': platform,
  '2026_11_22_0002_calendar': calendar,
};
