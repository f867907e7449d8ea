import { z } from 'zod';
import { intParam } from '../../platform/numeric-params.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const deadlineQuery = z.object({
  from: z.string().max(10),
  days: intParam({ min: 0, max: 3650 }),
  hallId: z.string().max(64).optional(),
});
export const deadlineSchema = z.object({ deadline: day.nullable(), provisional: z.boolean() });

export const monthQuery = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM'),
  hallId: z.string().min(1).max(64),
});

export const dayInfoSchema = z.object({
  date: z.string(),
  working: z.boolean(),
  source: z.enum(['hall', 'admin-year', 'official', 'statutory-rule', 'weekday-rule']),
  note: z.string().nullable(),
  published: z.boolean(),
});

export const monthSchema = z.object({ month: z.string(), published: z.boolean(), days: z.array(dayInfoSchema) });

export const hallDayInput = z.object({
  date: z.string().max(10),
  kind: z.enum(['closed', 'working']),
  note: z.string().trim().min(1).max(100),
});

export const hallDayParams = z.object({ hallId: z.string().min(1).max(64), date: z.string().max(10) });
export const hallParams = z.object({ hallId: z.string().min(1).max(64) });

export const importInput = z.object({ days: z.array(hallDayInput).min(1).max(1000) });

export const yearParams = z.object({ year: intParam({ min: 2000, max: 2199 }) });
export const yearInput = z.object({
  holidays: z.array(z.string().max(10)).max(120),
  workdays: z.array(z.string().max(10)).max(30),
});
export const yearSchema = z.object({
  year: z.number(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  loadedAt: z.number(),
  loadedBy: z.string().nullable(),
});

export const statusSchema = z.object({
  today: z.string(),
  /** The year whose national schedule is missing and should be loaded now, if any. */
  missingYear: z.number().nullable(),
  loadedYears: z.array(z.number()),
});
