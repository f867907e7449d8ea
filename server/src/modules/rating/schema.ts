import { z } from 'zod';
import { loopStages } from '../../domain/ratings/loop.ts';

/** Five levels (R8.3), best first; the last two are a bad review (差评). */
export const ratingLevels = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type RatingLevel = (typeof ratingLevels)[number];
export const levelScore: Record<RatingLevel, number> = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};
export const isBadReview = (l: RatingLevel) => l === 'dissatisfied' || l === 'very_dissatisfied';

const id = z.string().min(1).max(64);
export const windowParams = z.object({ windowId: id });
export const padHeaders = z.object({ 'x-pad-token': z.string().min(16).max(200) });
export const padStreamQuery = z.object({ token: z.string().min(16).max(200) });

export const ratingInput = z.object({
  ticketId: id,
  level: z.enum(ratingLevels),
  reasons: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  comment: z.string().trim().max(500).default(''),
});
export type RatingInput = z.infer<typeof ratingInput>;

export const pendingServiceSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  staffName: z.string().nullable(),
  finishedAt: z.number(),
});

export const padStateSchema = z.object({
  window: z.object({ id: z.string(), number: z.number(), name: z.string(), hallName: z.string() }),
  pending: pendingServiceSchema.nullable(),
});

export const ratingSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  level: z.enum(ratingLevels),
  score: z.number(),
  bad: z.boolean(),
  followUpId: z.string().nullable(),
  createdAt: z.number(),
});

export const padTokenSchema = z.object({ windowId: z.string(), token: z.string(), padPath: z.string() });

export const followUpQuery = z.object({
  hallId: id.optional(),
  status: z.enum(['open', 'called_back']).optional(),
});

export const followUpSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  status: z.enum(['open', 'called_back']),
  dueDay: z.string(),
  provisional: z.boolean(),
  light: z.enum(['green', 'yellow', 'red']),
  rating: z.object({
    level: z.enum(ratingLevels),
    reasons: z.array(z.string()),
    comment: z.string(),
    createdAt: z.number(),
  }),
  ticketNumber: z.string(),
  windowNumber: z.number().nullable(),
  staffName: z.string().nullable(),
  outcomeKind: z.string().nullable(),
  outcomeId: z.string().nullable(),
  note: z.string(),
  calledBackAt: z.number().nullable(),
  calledBackBy: z.string().nullable(),
  createdAt: z.number(),
});

export const callBackInput = z.object({ note: z.string().trim().min(1).max(1000) });

/** The supervision board's 差评整改 row: an open stage of the loop and its clock. */
export const caseRatingBoardEntry = z.object({
  taskId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  staffName: z.string().nullable(),
  level: z.enum(ratingLevels),
  stage: z.enum(loopStages),
  dueDay: z.string().nullable(),
  light: z.enum(['green', 'yellow', 'red']),
});
