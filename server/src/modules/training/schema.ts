import { z } from 'zod';
import { trainingKinds, trainingSubjects } from '../../domain/people/index.ts';
import { intParam } from '../../platform/numeric-params.ts';
import { pageQuery } from '../../platform/schemas.ts';

const text = (max: number) => z.string().trim().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const planInput = z.object({
  hallId: z.string().min(1).max(64),
  title: text(100).min(1),
  kind: z.enum(trainingKinds),
  subject: z.enum(trainingSubjects),
  year: z.number().int().min(2000).max(2100),
  description: text(2000).default(''),
  passScore: z.number().int().min(0).max(100).default(60),
});
export type PlanInput = z.infer<typeof planInput>;

export const planQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  year: intParam({ min: 2000, max: 2100 }).optional(),
});

export const sessionInput = z.object({
  day,
  hours: z.number().min(0.5).max(24).multipleOf(0.5),
  place: text(100).default(''),
  trainer: text(60).default(''),
});
export type SessionInput = z.infer<typeof sessionInput>;

export const resultInput = z.object({
  results: z
    .array(
      z.object({
        userId: z.string().min(1).max(64),
        attended: z.boolean(),
        score: z.number().int().min(0).max(100).nullable().default(null),
        certificateNo: text(60).default(''),
        note: text(300).default(''),
      }),
    )
    .min(1)
    .max(200),
});
export type ResultInput = z.infer<typeof resultInput>;

export const recordSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  subject: z.enum(trainingSubjects),
  day: z.string(),
  attended: z.boolean(),
  hours: z.number(),
  score: z.number().nullable(),
  passed: z.boolean(),
  certificateNo: z.string().nullable(),
  note: z.string(),
  planTitle: z.string().nullable(),
  planKind: z.string().nullable(),
});

export const sessionSchema = z.object({
  id: z.string(),
  day: z.string(),
  hours: z.number(),
  place: z.string(),
  trainer: z.string(),
  records: z.array(recordSchema),
});

export const planSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  title: z.string(),
  kind: z.enum(trainingKinds),
  subject: z.enum(trainingSubjects),
  year: z.number(),
  description: z.string(),
  passScore: z.number(),
  sessions: z.array(sessionSchema),
  createdAt: z.number(),
});

export const individualPlanInput = z.object({
  userId: z.string().min(1).max(64),
  goal: text(300).min(1),
  topics: text(1000).default(''),
  dueDay: day,
});
export type IndividualPlanInput = z.infer<typeof individualPlanInput>;

export const individualPlanQuery = z.object({
  hallId: z.string().max(64).optional(),
  userId: z.string().max(64).optional(),
  status: z.enum(['open', 'done']).optional(),
});

export const closeInput = z.object({ note: text(300).default('') });

export const individualPlanSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  source: z.enum(['supervisor', 'assessment']),
  goal: z.string(),
  topics: z.string(),
  dueDay: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  doneNote: z.string().nullable(),
  createdAt: z.number(),
});

/** One person's training standing: what the staff file shows and what the post check decides on. */
export const trainingStatusSchema = z.object({
  userId: z.string(),
  prePostPassed: z.boolean(),
  confidentialityPassed: z.boolean(),
  systemUsePassed: z.boolean(),
  missing: z.array(z.string()),
  hoursThisYear: z.number(),
  certificates: z.array(z.object({ no: z.string(), planTitle: z.string().nullable(), day: z.string() })),
});
export type TrainingStatus = z.infer<typeof trainingStatusSchema>;

export const myTrainingSchema = z.object({
  status: trainingStatusSchema,
  records: z.array(recordSchema),
  plans: z.array(individualPlanSchema),
});

export const staffSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()), prePostPassed: z.boolean() }),
  ),
});
