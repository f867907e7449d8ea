/**
 * SQL that names an instant's China day ('YYYY-MM-DD', UTC+8, no daylight saving), the same day as
 * platform/clock.ts `chinaDay`, so a figure grouped in the database by day agrees with one worked out in code.
 * Instants are stored as epoch milliseconds; the two databases spell the date arithmetic differently.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from './database.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export function chinaDayOfMs(dialect: Dialect, ms: RawBuilder<unknown>): RawBuilder<string> {
  // Whole seconds: the day changes at a whole second, so dropping the milliseconds never moves a day.
  return dialect === 'postgres'
    ? sql<string>`to_char(to_timestamp((${ms} + ${sql.lit(CHINA_OFFSET_MS)}) / 1000) at time zone 'UTC', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', (${ms} + ${sql.lit(CHINA_OFFSET_MS)}) / 1000, 'unixepoch')`;
}
