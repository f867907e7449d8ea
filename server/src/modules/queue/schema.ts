import { z } from 'zod';
import { MAX_SESSIONS } from '../../domain/queue/hours.ts';
import { priorities } from '../../domain/queue/priorities.ts';
import { categories as itemCategories } from '../catalog/schema.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

/** expired (已作废): still waiting, never called, when the hall closed for the day; it does not carry over. */
export const ticketStatuses = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'expired'] as const;
export const windowStates = ['closed', 'open', 'paused'] as const;
export const outcomeKinds = ['consultation', 'case', 'none'] as const;

export const hallParams = z.object({ hallId: id });
export const windowParams = z.object({ windowId: id });
export const ticketParams = z.object({ ticketId: id });

export const categoryInput = z.object({
  hallId: id,
  prefix: z
    .string()
    .trim()
    .regex(/^[A-Z]$/, '号段前缀为一个大写字母'),
  name: text(40).min(1),
  description: text(200).default(''),
  itemCategories: z.array(z.enum(itemCategories)).max(20).default([]),
  windowIds: z.array(id).max(50).default([]),
  defaultServiceMinutes: z.number().int().min(1).max(240).default(10),
  sortOrder: z.number().int().min(0).max(999).default(0),
  active: z.boolean().default(true),
});
export type CategoryInput = z.infer<typeof categoryInput>;
export const categoryPatch = categoryInput.omit({ hallId: true }).partial();

export const categorySchema = z.object({
  id: z.string(),
  hallId: z.string(),
  prefix: z.string(),
  name: z.string(),
  description: z.string(),
  itemCategories: z.array(z.enum(itemCategories)),
  windowIds: z.array(z.string()),
  defaultServiceMinutes: z.number(),
  sortOrder: z.number(),
  active: z.boolean(),
});

/** A category as the kiosk shows it: how many wait and for how long. */
export const kioskCategorySchema = z.object({
  id: z.string(),
  prefix: z.string(),
  name: z.string(),
  description: z.string(),
  waiting: z.number(),
  openWindows: z.number(),
  estimatedWaitMinutes: z.number(),
});

export const ticketSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  day: z.string(),
  number: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  priority: z.enum(priorities),
  appointmentAt: z.number().nullable(),
  arrivedAt: z.number(),
  status: z.enum(ticketStatuses),
  windowId: z.string().nullable(),
  windowNumber: z.number().nullable(),
  targetWindowId: z.string().nullable(),
  walkIn: z.boolean(),
  recallCount: z.number(),
  calledAt: z.number().nullable(),
  servingStartedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  waitMs: z.number().nullable(),
  serviceMs: z.number(),
  transfers: z.number(),
  /** Now, while waiting; at issue otherwise. */
  peopleAhead: z.number(),
  estimatedWaitMinutes: z.number().nullable(),
  outcomeKind: z.enum(outcomeKinds).nullable(),
  outcomeId: z.string().nullable(),
});
export type TicketView = z.infer<typeof ticketSchema>;

export const kioskTicketInput = z.object({
  categoryId: id,
  /** Self-declared at the kiosk; the window checks it. Green channel and appointments are issued by staff. */
  priority: z.enum(['normal', 'elderly', 'disabled']).default('normal'),
});

export const staffTicketInput = z.object({
  hallId: id,
  categoryId: id,
  priority: z.enum(priorities).default('normal'),
  appointmentAt: z.number().int().min(0).nullable().default(null),
});

// 'HH:MM'; the format is checked with the other rules of a timetable (domain/queue/hours.ts), in the hall's words.
const time = z.string().trim().max(5);
/** 办公时间 by weekday (1 = 周一 … 7 = 周日), each day up to three sessions such as 09:00–12:00 and 13:30–17:00. */
export const weeklyHoursSchema = z
  .array(
    z.object({
      weekday: z.number().int().min(1).max(7),
      sessions: z.array(z.object({ from: time, to: time })).max(MAX_SESSIONS),
    }),
  )
  .max(7);

export const windowViewSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  number: z.number(),
  name: z.string(),
  state: z.enum(windowStates),
  pauseReason: z.string().nullable(),
  openedBy: z.string().nullable(),
  openedByName: z.string().nullable(),
  openingHours: z.string(),
  weeklyHours: weeklyHoursSchema.nullable(),
  categoryIds: z.array(z.string()),
  waitingForMe: z.number(),
  current: ticketSchema.nullable(),
});

export const pauseInput = z.object({ reason: text(200).min(1) });
export const finishInput = z.object({
  outcomeKind: z.enum(outcomeKinds),
  outcomeId: text(64).min(1).nullable().default(null),
});
export const transferInput = z.object({
  categoryId: id.nullable().default(null),
  windowId: id.nullable().default(null),
  reason: text(200).default(''),
});
export const walkInInput = z.object({ categoryId: id.nullable().default(null) });
export const callResult = z.object({ ticket: ticketSchema.nullable() });

export const hallSettingsSchema = z.object({
  recallLimit: z.number().int().min(0).max(10),
  priorityWeights: z.object(
    Object.fromEntries(priorities.map((p) => [p, z.number().int().min(0).max(10_000)])) as Record<
      (typeof priorities)[number],
      z.ZodNumber
    >,
  ),
  appointmentEarlyMinutes: z.number().int().min(0).max(240),
  ratingWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Seconds without a touch before the kiosk returns to its start screen (a ticket left on it is cleared too). */
  kioskIdleSeconds: z.number().int().min(15).max(600).default(60),
  /** The notices the hall display shows (公告), one per line, edited by the supervisor. */
  displayNotices: z.array(z.string().trim().min(1).max(120)).max(6).default([]),
});
export type HallSettings = z.infer<typeof hallSettingsSchema>;

/**
 * PUT /api/queue/windows/:windowId/settings — the window's 办公时间: a timetable by weekday (weeklyHours; null
 * clears it), and/or the text shown for it (openingHours; derived from the timetable when left out).
 */
export const windowSettingsInput = z.object({
  openingHours: text(200).optional(),
  weeklyHours: weeklyHoursSchema.nullable().optional(),
});

/** PUT /api/queue/halls/:hallId/hours — the hall's timetable; its last session each day closes the day's queue. */
export const hallHoursInput = z.object({ weeklyHours: weeklyHoursSchema });
const timetable = z.object({ weeklyHours: weeklyHoursSchema.nullable(), description: z.string() });
/** GET /api/queue/halls/:hallId/hours — the hall's and every window's timetable, and when today's queue closes. */
export const hallHoursSchema = z.object({
  hallId: z.string(),
  hall: timetable,
  windows: z.array(timetable.extend({ windowId: z.string(), number: z.number(), name: z.string() })),
  /** 'hall': the hall's own timetable; 'windows': the latest window, for a hall without one; null: midnight only. */
  closingSource: z.enum(['hall', 'windows']).nullable(),
  /** 'HH:MM' Beijing time when today's waiting tickets expire; null: at the end of the day. */
  closesToday: z.string().nullable(),
});

/** GET /api/queue/day-summary — the day's tickets by outcome; 未办结 counts the expired and the no-shows. */
export const daySummaryQuery = z.object({
  hallId: id,
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export const daySummarySchema = z.object({
  day: z.string(),
  issued: z.number(),
  waiting: z.number(),
  inService: z.number(),
  done: z.number(),
  noShow: z.number(),
  expired: z.number(),
  cancelled: z.number(),
  unfinished: z.number(),
});
export const padTokenSchema = z.object({ windowId: z.string(), token: z.string(), padPath: z.string() });

export const ticketQuery = z.object({
  hallId: id,
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  status: z.enum(ticketStatuses).optional(),
});

export const accuracyQuery = z.object({
  hallId: id,
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  categoryId: id.optional(),
});
export const accuracySchema = z.object({
  from: z.string(),
  to: z.string(),
  tickets: z.number(),
  meanAbsoluteErrorMinutes: z.number().nullable(),
  meanEstimatedMinutes: z.number().nullable(),
  meanActualMinutes: z.number().nullable(),
});

export const displaySchema = z.object({
  hall: z.object({ id: z.string(), name: z.string() }),
  windows: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      name: z.string(),
      state: z.enum(windowStates),
      currentNumber: z.string().nullable(),
    }),
  ),
  recentCalls: z.array(
    z.object({
      ticketId: z.string(),
      number: z.string(),
      windowNumber: z.number(),
      windowName: z.string(),
      at: z.number(),
      recall: z.number(),
    }),
  ),
  categories: z.array(kioskCategorySchema),
  notices: z.array(z.string()),
  /** 客流拥挤提示: shown while the hall's crowding alarm stands (and the supervisor lets it show), else null. */
  alarmNotice: z.string().nullable(),
});
/** GET /api/public/halls/:hallId/kiosk — what the kiosk itself needs to know besides the queues. */
export const kioskSettingsSchema = z.object({ idleSeconds: z.number(), publicBaseUrl: z.string() });
