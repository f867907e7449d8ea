import { z } from 'zod';
import { dayStatuses, leaveKinds } from '../../domain/staff/index.ts';
import { trainingStatusSchema } from '../training/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.string().min(1).max(64);

export const hallQuery = z.object({ hallId: id });

export const staffFileSchema = z.object({
  userId: z.string(),
  username: z.string(),
  name: z.string(),
  staffNo: z.string().nullable(),
  photo: z.string().nullable(),
  posts: z.array(z.string()),
  windowIds: z.array(z.string()),
  departmentIds: z.array(z.string()),
  authorityLevel: z.string().nullable(),
  phone: z.string().nullable(),
  entryDate: z.string().nullable(),
  confidentialitySignedAt: z.number().nullable(),
  /** 培训情况 from the training records: pre-post / confidentiality / system-use passed, hours this year, certificates. */
  trainingStatus: trainingStatusSchema,
  /** Away now (leave, 暂离, not clocked in) and who acts: B代A. */
  away: z.string().nullable(),
  actingName: z.string().nullable(),
});

export const profileInput = z.object({
  staffNo: text(20),
  photo: z
    .string()
    .max(200_000)
    .regex(/^data:image\/(png|jpeg);base64,/)
    .nullable()
    .default(null),
  windowIds: z.array(id).max(20).default([]),
  entryDate: day.nullable().default(null),
  confidentialitySigned: z.boolean().default(false),
  confidentialitySignedOn: day.nullable().default(null),
});

export const pairSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(['post', 'window', 'stand_in']),
  subject: z.string(),
  aUserId: z.string(),
  aName: z.string(),
  bUserId: z.string(),
  bName: z.string(),
  fromDay: z.string().nullable(),
  toDay: z.string().nullable(),
});
export const pairInput = z.object({
  hallId: id,
  kind: z.enum(['post', 'window', 'stand_in']),
  subject: text(64),
  aUserId: id,
  bUserId: id,
  fromDay: day.nullable().default(null),
  toDay: day.nullable().default(null),
});

export const session = z.enum(['am', 'pm']);
export const rosterSlotInput = z.object({ day, session, windowId: id, userId: id, post: text(32) });
export const rosterQuery = z.object({ hallId: id, week: day });
export const rosterInput = z.object({ hallId: id, week: day, slots: z.array(rosterSlotInput).max(500) });
export const rosterCopyInput = z.object({ hallId: id, fromWeek: day, toWeek: day });
export const rosterSchema = z.object({
  hallId: z.string(),
  week: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      working: z.boolean(),
      sessions: z.array(z.object({ session, from: z.string(), to: z.string() })),
    }),
  ),
  windows: z.array(z.object({ id: z.string(), number: z.number(), name: z.string() })),
  slots: z.array(rosterSlotInput.extend({ userName: z.string() })),
  gaps: z.array(z.object({ day: z.string(), session, windowId: z.string() })),
});

export const clockKinds = ['in', 'out', 'away', 'back'] as const;
export const clockInput = z.object({
  kind: z.enum(clockKinds),
  hallId: id,
  windowId: id.nullable().default(null),
  standInId: id.nullable().default(null),
  reason: z.string().trim().max(200).nullable().default(null),
});
export const clockSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  day: z.string(),
  kind: z.enum(clockKinds),
  at: z.number(),
  windowId: z.string().nullable(),
  standInId: z.string().nullable(),
  standInName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const monthQuery = z.object({ hallId: id, month: z.string().regex(/^\d{4}-\d{2}$/) });
export const sheetRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  staffNo: z.string().nullable(),
  rosteredDays: z.number(),
  presentDays: z.number(),
  lateCount: z.number(),
  earlyCount: z.number(),
  absentDays: z.number(),
  leaveDays: z.number(),
  lateMinutes: z.number(),
  earlyMinutes: z.number(),
  days: z.array(
    z.object({
      day: z.string(),
      status: z.enum(dayStatuses),
      clockIn: z.number().nullable(),
      clockOut: z.number().nullable(),
    }),
  ),
});
export const sheetSchema = z.object({
  month: z.string(),
  workingDays: z.number(),
  rows: z.array(sheetRowSchema),
  clocks: z.array(clockSchema),
});

export const leaveInput = z.object({
  hallId: id,
  kind: z.enum(leaveKinds),
  fromDay: day,
  toDay: day,
  reason: text(500),
  contact: text(100),
  bUserId: id,
});
export const leaveStatuses = ['requested', 'confirmed', 'approved', 'rejected', 'cancelled'] as const;
export const leaveDecisionInput = z.object({ approve: z.boolean(), note: z.string().trim().max(500).default('') });
export const leaveSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  userId: z.string(),
  userName: z.string(),
  kind: z.enum(leaveKinds),
  fromDay: z.string(),
  toDay: z.string(),
  workingDays: z.number(),
  reason: z.string(),
  contact: z.string(),
  bUserId: z.string(),
  bUserName: z.string(),
  bConfirmedAt: z.number().nullable(),
  approverRole: z.string(),
  status: z.enum(leaveStatuses),
  decidedByName: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.number(),
});
export const leaveQuery = z.object({ hallId: id, status: z.enum(leaveStatuses).optional() });

export const myCoverSchema = z.object({
  /** Whom I act for now (their work is in my inbox as B代A). */
  actingFor: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** Who acts for me now, if I am away. */
  actedBy: z.object({ userId: z.string(), name: z.string(), reason: z.string() }).nullable(),
});
export const uncoveredSchema = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      reason: z.string(),
      bUserId: z.string().nullable(),
      bName: z.string().nullable(),
    }),
  ),
});

export type ProfileInput = z.infer<typeof profileInput>;
export type PairInput = z.infer<typeof pairInput>;
export type RosterInput = z.infer<typeof rosterInput>;
export type ClockInput = z.infer<typeof clockInput>;
export type LeaveInput = z.infer<typeof leaveInput>;
