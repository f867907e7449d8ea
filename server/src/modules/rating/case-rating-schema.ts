import { z } from 'zod';
import { loopStages } from '../../domain/ratings/loop.ts';
import { ratingLevels } from './schema.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

export const tokenParams = z.object({ token: z.string().min(16).max(100) });

/** The applicant's rating of a case from the invitation link (一事一评). */
export const caseRatingInput = z.object({
  level: z.enum(ratingLevels),
  reasons: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  comment: text(500).default(''),
  /** A comment or suggestion for the hall (意见建议), passed to the department concerned. */
  suggestion: text(500).default(''),
});
export type CaseRatingInput = z.infer<typeof caseRatingInput>;

const ratingView = z.object({
  id: z.string(),
  round: z.number(),
  level: z.enum(ratingLevels),
  score: z.number(),
  bad: z.boolean(),
  reasons: z.array(z.string()),
  comment: z.string(),
  channel: z.string(),
  excluded: z.boolean(),
  createdAt: z.number(),
});
export type CaseRatingView = z.infer<typeof ratingView>;

/** What the public rating page shows: the case, what was rated already, and whether a rating is open now. */
export const publicRatingSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  hallName: z.string(),
  staffName: z.string().nullable(),
  ratings: z.array(ratingView.pick({ round: true, level: true, reasons: true, comment: true, createdAt: true })),
  /** 'rate': the first rating is open; 'rerate': the one re-rating after rectification; 'done': nothing more. */
  open: z.enum(['rate', 'rerate', 'done']),
  rectification: z.string().nullable(),
});

export const ratedSchema = z.object({
  id: z.string(),
  round: z.number(),
  level: z.enum(ratingLevels),
  bad: z.boolean(),
  taskId: z.string().nullable(),
});

export const stageEnum = z.enum(loopStages);
const light = z.enum(['green', 'yellow', 'red']);

export const taskEventSchema = z.object({
  action: z.string(),
  fromStage: z.string(),
  toStage: z.string(),
  detail: z.record(z.string(), z.unknown()),
  byName: z.string(),
  at: z.number(),
});

export const evidenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  byName: z.string(),
  at: z.number(),
});

export const taskSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  staffName: z.string().nullable(),
  applicantId: z.string(),
  applicantName: z.string(),
  /** Masked; the full number through the applicant's audited 查看完整信息. */
  applicantPhone: z.string().nullable(),
  stage: stageEnum,
  dueDay: z.string().nullable(),
  light,
  callBackDue: z.string(),
  verifyDue: z.string().nullable(),
  rectifyDue: z.string().nullable(),
  rerateDue: z.string().nullable(),
  reached: z.boolean().nullable(),
  callBackNote: z.string().nullable(),
  calledBackName: z.string().nullable(),
  finding: z.string().nullable(),
  verifiedName: z.string().nullable(),
  plan: z.string().nullable(),
  responsible: z.string().nullable(),
  rectifiedNote: z.string().nullable(),
  rating: ratingView,
  rerating: ratingView.nullable(),
  evidence: z.array(evidenceSchema),
  events: z.array(taskEventSchema),
  createdAt: z.number(),
});
export type TaskView = z.infer<typeof taskSchema>;

export const taskQuery = z.object({
  hallId: id.optional(),
  /** open = every stage but closed. */
  stage: z.enum([...loopStages, 'open']).optional(),
});

export const callBackInput = z.object({
  reached: z.boolean(),
  note: text(1000).min(1),
});
export const verifyInput = z.object({
  finding: text(1000).min(1),
  rectifyDays: z.number().int().min(1).max(60).optional(),
});
export const planInput = z.object({ plan: text(1000).min(1), responsible: text(50).min(1) });
export const rectifiedInput = z.object({ note: text(1000).min(1) });
export const evidenceParams = z.object({ id, evidenceId: id });

export const appealInput = z.object({ reasons: text(1000).min(1) });
export const decideInput = z.object({ upheld: z.boolean(), note: text(1000).min(1) });
export const appealSchema = z.object({
  id: z.string(),
  ratingId: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  level: z.enum(ratingLevels),
  comment: z.string(),
  staffName: z.string(),
  reasons: z.string(),
  status: z.enum(['open', 'upheld', 'rejected']),
  decisionNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  createdAt: z.number(),
  decidedAt: z.number().nullable(),
});
export const appealQuery = z.object({
  hallId: id.optional(),
  status: z.enum(['open', 'upheld', 'rejected']).optional(),
});

/** A staff member's own case ratings (to appeal), or the hall's for a supervisor. */
export const myRatingSchema = ratingView.extend({
  caseNo: z.string(),
  itemName: z.string(),
  appeal: z.object({ id: z.string(), status: z.enum(['open', 'upheld', 'rejected']) }).nullable(),
});

export const figuresQuery = z.object({ hallId: id.optional() });
export const figureSchema = z.object({
  staffUserId: z.string(),
  staffName: z.string(),
  count: z.number(),
  average: z.number().nullable(),
  bad: z.number(),
  excluded: z.number(),
});

export const suggestionSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  status: z.enum(['open', 'forwarded', 'answered']),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  forwardedName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredName: z.string().nullable(),
  createdAt: z.number(),
  /** Days since it came in (for the list by age). */
  ageDays: z.number(),
});
export const suggestionQuery = z.object({
  hallId: id.optional(),
  status: z.enum(['open', 'forwarded', 'answered', 'unanswered']).optional(),
});
export const forwardInput = z.object({
  tags: z.array(z.string().trim().min(1).max(20)).min(1).max(8),
  departmentId: id,
});
export const answerInput = z.object({ answer: text(1000).min(1) });
