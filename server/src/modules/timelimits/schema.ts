/** Request shapes of the time-limit routes; writes answer with the case detail (cases/schema.ts). */
import { z } from 'zod';
import { suspensionKinds } from '../../domain/case/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const kinds = Object.keys(suspensionKinds) as [keyof typeof suspensionKinds, ...(keyof typeof suspensionKinds)[]];

/** POST /api/cases/:id/suspend — 暂停计时: hearing, testing, expert_review, supplement or other, with a reason. */
export const suspendInput = z.object({ kind: z.enum(kinds), reason: text(500) });

/** POST /api/cases/:id/extensions — 申请延期: N more working days and why. */
export const extensionInput = z.object({ extraDays: z.number().int().min(1).max(60), reason: text(500) });

export const extensionParams = z.object({ id: z.string().min(1).max(64), extId: z.string().min(1).max(64) });
/** POST …/extensions/:extId/approve (note optional) and …/refuse (reason required). */
export const approveInput = z.object({ note: z.string().trim().max(500).default('') });
export const refuseInput = z.object({ reason: text(500) });

/** POST /api/timelimits/recompute — re-compute the stored deadlines of running cases with today's calendar. */
export const recomputeInput = z.object({ hallId: z.string().min(1).max(64).optional() });
export const recomputeSchema = z.object({
  examined: z.number(),
  changed: z.array(z.object({ caseNo: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() })),
});
