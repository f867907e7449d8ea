import { z } from 'zod';
import { conductCategories, conductKinds } from '../../domain/people/index.ts';
import { pageQuery } from '../../platform/schemas.ts';

const text = (max: number) => z.string().trim().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const conductInput = z.object({
  userId: z.string().min(1).max(64),
  kind: z.enum(conductKinds),
  category: z.enum(conductCategories),
  measure: z.string().min(1).max(40),
  facts: text(2000).min(1),
  occurredOn: day,
});
export type ConductInput = z.infer<typeof conductInput>;

export const conductQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  userId: z.string().max(64).optional(),
  kind: z.enum(conductKinds).optional(),
  status: z.enum(['pending_ack', 'acknowledged']).optional(),
});

export const acknowledgeInput = z.object({ note: text(500).default('') });

export const conductSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  kind: z.enum(conductKinds),
  category: z.enum(conductCategories),
  measure: z.string(),
  measureLabel: z.string(),
  facts: z.string(),
  occurredOn: z.string(),
  status: z.enum(['pending_ack', 'acknowledged']),
  ackNote: z.string().nullable(),
  acknowledgedAt: z.number().nullable(),
  recordedByName: z.string(),
  createdAt: z.number(),
});

export const meetingInput = z.object({
  hallId: z.string().min(1).max(64),
  title: text(100).min(1),
  heldOn: day,
  minutes: text(10000).min(1),
  attendeeIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  tasks: z
    .array(
      z.object({
        ownerId: z.string().min(1).max(64),
        content: text(500).min(1),
        workingDays: z.number().int().min(0).max(60),
      }),
    )
    .max(50)
    .default([]),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingQuery = pageQuery.extend({ hallId: z.string().max(64).optional() });

export const taskSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDay: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  content: z.string(),
  workingDays: z.number(),
  dueDay: z.string(),
  dueProvisional: z.boolean(),
  status: z.enum(['open', 'done']),
  light: z.enum(['done', 'overdue', 'due_today', 'open']),
  doneNote: z.string().nullable(),
  doneAt: z.number().nullable(),
});

export const meetingSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  title: z.string(),
  heldOn: z.string(),
  minutes: z.string(),
  createdByName: z.string(),
  attendees: z.array(z.object({ id: z.string(), name: z.string() })),
  tasks: z.array(taskSchema),
  createdAt: z.number(),
});

export const taskDoneInput = z.object({ note: text(500).default('') });

/** The signed-in person's own list: follow-ups and records waiting for their acknowledgement. */
export const myWorkSchema = z.object({
  tasks: z.array(taskSchema),
  pendingAcknowledgements: z.array(conductSchema),
  conduct: z.array(conductSchema),
});
