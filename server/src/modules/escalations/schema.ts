import { z } from 'zod';
import { escalationDecisions, escalationLevels } from '../../domain/case-support/escalation.ts';

export const raiseInput = z.object({ reason: z.string().trim().min(1).max(1000) });
export const decideInput = z.object({
  decision: z.enum(escalationDecisions),
  note: z.string().trim().min(1).max(1000),
});

export const escalationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  level: z.enum(escalationLevels),
  parentId: z.string().nullable(),
  reason: z.string(),
  raisedBy: z.string(),
  raisedAt: z.number(),
  status: z.enum(['open', 'decided']),
  decision: z.enum(escalationDecisions).nullable(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

/** The escalations of one case and what the viewer may do with them. */
export const caseEscalationsSchema = z.object({
  items: z.array(escalationSchema),
  mayRaise: z.boolean(),
  mayDecideOpen: z.boolean(),
});

export const pendingSchema = z.object({
  items: z.array(
    escalationSchema.extend({ caseNo: z.string().nullable(), itemName: z.string(), caseState: z.string() }),
  ),
  total: z.number(),
});
export const pendingCountSchema = z.object({ open: z.number() });
