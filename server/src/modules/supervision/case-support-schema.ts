/** The shape of the board's escalation, expert and deferred-material sections. */
import { z } from 'zod';

export const caseSupportBoardShape = {
  escalations: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      level: z.enum(['supervisor', 'station_head']),
      reason: z.string(),
      raisedBy: z.string(),
      raisedAt: z.number(),
    }),
  ),
  experts: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      stepName: z.string(),
      expertName: z.string(),
      organisation: z.string(),
      dueDay: z.string(),
      light: z.enum(['green', 'yellow', 'red']).nullable(),
    }),
  ),
  deferred: z.array(
    z.object({
      caseId: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      dueDay: z.string(),
      materials: z.array(z.string()),
    }),
  ),
};
