/** Request and response shapes of the back office. Every write answers with the case detail (cases/schema.ts). */
import { z } from 'zod';
import { intParam } from '../../platform/numeric-params.ts';
import { urgencies } from '../cases/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const lightSchema = z.enum(['green', 'yellow', 'red']).nullable().describe('红黄绿灯; null without a deadline');

export const stepParams = z.object({ id: z.string().min(1).max(64), stepId: z.string().min(1).max(64) });

/** POST /api/cases/:id/reroute — 改派 (case.route). stepId: only that active step; default every active step. */
export const rerouteInput = z.object({
  departmentId: z.string().min(1).max(64),
  reason: text(500),
  stepId: z.string().min(1).max(64).optional(),
});

/** POST …/steps/:stepId/assign (指派) and …/hand-over (转交): the colleague and a note for them. */
export const assignInput = z.object({
  userId: z.string().min(1).max(64),
  note: z.string().trim().max(500).default(''),
});

/** POST …/steps/:stepId/finish — the assignee finishes the step (环节办结). */
export const finishInput = z.object({ note: z.string().trim().max(1000).default('') });

/** POST /api/cases/:id/verification — the handler asks the front desk (沟通核实); answer due in N working days. */
export const verificationInput = z.object({
  question: text(1000),
  responseDays: z.number().int().min(1).max(30).default(2),
});
/** POST /api/cases/:id/verification/answer — the front desk answers. */
export const answerInput = z.object({ answer: text(2000) });

/** A note (optional) or a reason (required) for a decision. */
export const noteInput = z.object({ note: z.string().trim().max(1000).default('') });
export const reasonInput = z.object({ reason: text(1000) });

const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/backoffice/inbox/department and /mine: filters; urgent first, then the earliest step deadline. */
export const inboxQuery = z.object({
  hallId: z.string().max(64).optional(),
  /** Required for the department inbox. */
  departmentId: z.string().max(64).optional(),
  /** Department inbox only: true = nobody has claimed the step yet, false = claimed. */
  unassigned: yesNo.optional(),
  urgency: z.enum(urgencies).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  /** A case number, applicant or item name fragment. */
  q: z.string().trim().min(1).max(60).optional(),
});

export const inboxItemSchema = z.object({
  /** AB岗: set when the step is held by someone the reader acts for now (B代A): that person's name. */
  coverFor: z.string().nullable().optional(),
  stepId: z.string(),
  caseId: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  applicantName: z.string(),
  state: z.string(),
  urgency: z.string(),
  stepName: z.string(),
  stepOrder: z.number(),
  role: z.string(),
  departmentId: z.string().nullable(),
  /** 承办人: who works the step now. */
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  activatedAt: z.number().nullable(),
  /** 环节时限: the step's own deadline. */
  stepDeadline: z.string().nullable(),
  stepLight: lightSchema,
  /** 待定: the deadline touches a year whose national schedule is not published. */
  stepDeadlineProvisional: z.boolean(),
  caseDeadline: z.string().nullable(),
  caseDeadlineProvisional: z.boolean(),
  caseLight: lightSchema,
});
export const inboxSchema = z.object({ items: z.array(inboxItemSchema), total: z.number() });

/** GET /api/backoffice/stuck — 交接滞留: unclaimed for more than `workingDays` working days (default 1). */
export const stuckQuery = z.object({
  hallId: z.string().max(64).optional(),
  workingDays: intParam({ min: 0, max: 30 }).default(1),
});
export const stuckSchema = z.object({
  items: z.array(inboxItemSchema.extend({ waitedWorkingDays: z.number() })),
  total: z.number(),
});

export const colleaguesQuery = z.object({ departmentId: z.string().min(1).max(64) });
export const colleagueSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
});
