import { z } from 'zod';
import { decimalParam, intParam } from '../../platform/numeric-params.ts';

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** GET /api/stats/staffing/erlang-c: every parameter is required and named when wrong. */
export const erlangCQuery = z.object({
  arrivalsPerHour: decimalParam({ min: 0, max: 100_000 }),
  serviceMinutes: decimalParam({ min: 0.1, max: 1440 }),
  targetWaitSeconds: intParam({ min: 0, max: 86_400 }),
  targetServiceLevel: decimalParam({ min: 0.01, max: 0.999 }),
});
export const erlangCSchema = z.object({
  windows: z.number().int(),
  serviceLevel: z.number(),
  probabilityOfWaiting: z.number(),
  averageWaitSeconds: z.number(),
});

export const staffingTargetSchema = z.object({
  /** Called within this many seconds … */
  targetWaitSeconds: z.number().int().min(0).max(7200),
  /** … for this share of people (0.8 = 80 %). */
  targetServiceLevel: z.number().min(0.5).max(0.99),
  /** The forecast averages the last this many full weeks. */
  weeks: z.number().int().min(1).max(26),
});
export type StaffingTarget = z.infer<typeof staffingTargetSchema>;
export const staffingTargetQuery = z.object({ hallId: id });
export const staffingTargetInput = staffingTargetSchema.extend({ hallId: id });

export const forecastQuery = z.object({ hallId: id, week: day });
const cell = z.object({
  day: z.string(),
  weekday: z.number().int(),
  hour: z.number().int(),
  open: z.boolean(),
  arrivalsPerHour: z.number(),
  serviceMinutes: z.number(),
  byCategory: z.array(z.object({ categoryId: z.string(), name: z.string(), arrivalsPerHour: z.number() })),
  needed: z.number().int(),
  serviceLevel: z.number(),
  rostered: z.number().int(),
  short: z.boolean(),
});
export const forecastSchema = z.object({
  hallId: z.string(),
  week: z.string(),
  /** The past days the forecast reads: the `weeks` full weeks before this week. */
  fromDay: z.string(),
  toDay: z.string(),
  tickets: z.number().int(),
  target: staffingTargetSchema,
  days: z.array(z.object({ day: z.string(), working: z.boolean() })),
  hours: z.array(z.number().int()),
  cells: z.array(cell),
  shortHours: z.number().int(),
});

/** GET /api/stats/overview: a hall (or every hall of the caller) and a period of China days, at most 366. */
export const overviewQuery = z.object({
  hallId: z.string().max(64).optional(),
  from: z.string().max(20),
  to: z.string().max(20),
});
const rate = z.number().nullable();
const volume = z.object({
  key: z.string(),
  name: z.string(),
  received: z.number().int(),
  finished: z.number().int(),
  onTime: z.number().int(),
  onTimeRate: rate,
});
export const overviewSchema = z.object({
  hallIds: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  totals: z.object({
    received: z.number().int(),
    finished: z.number().int(),
    onTime: z.number().int(),
    onTimeRate: rate,
    tickets: z.number().int(),
    meanWaitMinutes: z.number().nullable(),
    meanServiceMinutes: z.number().nullable(),
    ratings: z.number().int(),
    goodRate: rate,
    complaints: z.number().int(),
  }),
  casesByDay: z.array(z.object({ day: z.string(), received: z.number().int(), finished: z.number().int() })),
  byItem: z.array(volume),
  byDepartment: z.array(volume),
  byWindow: z.array(volume),
  byPerson: z.array(volume),
  ticketsByDay: z.array(
    z.object({
      day: z.string(),
      tickets: z.number().int(),
      meanWaitMinutes: z.number().nullable(),
      meanServiceMinutes: z.number().nullable(),
    }),
  ),
  satisfaction: z.array(
    z.object({
      level: z.string(),
      name: z.string(),
      onSite: z.number().int(),
      online: z.number().int(),
      total: z.number().int(),
    }),
  ),
  complaintsByCategory: z.array(z.object({ category: z.string(), name: z.string(), count: z.number().int() })),
});
export type Overview = z.infer<typeof overviewSchema>;

/** GET /api/stats/overview/records: the records behind one figure of the overview (the drill-down). */
export const drillQuery = overviewQuery.extend({
  figure: z.enum(['received', 'finished', 'onTime', 'tickets', 'complaints']),
  dim: z.enum(['item', 'department', 'window', 'person']).optional(),
  key: z.string().max(64).optional(),
  day: z.string().max(20).optional(),
  category: z.string().max(40).optional(),
});
export type DrillQuery = z.infer<typeof drillQuery>;
export const drillSchema = z.object({
  figure: z.string(),
  total: z.number().int(),
  cases: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      state: z.string().nullable(),
      receivedDay: z.string().nullable(),
      acceptedDay: z.string().nullable(),
      completedDay: z.string().nullable(),
      deadline: z.string().nullable(),
      onTime: z.boolean().nullable(),
    }),
  ),
  tickets: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      day: z.string(),
      status: z.string(),
      arrivedAt: z.number(),
      waitMinutes: z.number().nullable(),
      serviceMinutes: z.number().nullable(),
    }),
  ),
  complaints: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      kind: z.string(),
      category: z.string(),
      categoryName: z.string(),
      state: z.string(),
      receivedDay: z.string(),
      dueDay: z.string(),
      caseNo: z.string().nullable(),
    }),
  ),
});
export type Drill = z.infer<typeof drillSchema>;

/** GET /api/stats/floor: the day's floor right now (今日大厅实况). */
export const floorQuery = z.object({ hallId: z.string().max(64).optional() });
export const floorSchema = z.object({
  hallId: z.string(),
  day: z.string(),
  at: z.number(),
  issued: z.number().int(),
  waiting: z.number().int(),
  longestWaitMinutes: z.number().nullable(),
  windowsTotal: z.number().int(),
  windowsOpen: z.number().int(),
  windowsServing: z.number().int(),
  served: z.number().int(),
});
export type LiveFloor = z.infer<typeof floorSchema>;
