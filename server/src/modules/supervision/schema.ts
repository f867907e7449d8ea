import { z } from 'zod';
import { boardFaultSchema } from '../equipment/schema.ts';
import { boardOverdueLoanSchema } from '../archives/schema.ts';
import { caseSupportBoardShape } from './case-support-schema.ts';
import { intParam } from '../../platform/numeric-params.ts';
import { boardEntrySchema as prereviewEntry } from '../prereview/schema.ts';
import { caseRatingBoardEntry } from '../rating/schema.ts';
import { overdueRectificationSchema } from '../inspections/schema.ts';

const light = z.enum(['green', 'yellow', 'red']);
const level = z.enum(['yellow', 'red']);
const count = z.object({ key: z.string(), name: z.string(), yellow: z.number(), red: z.number() });

export const boardQuery = z.object({
  hallId: z.string().max(64).optional(),
  /** Working days a step may wait unclaimed before it is listed as stuck at hand-over. */
  stuckDays: intParam({ min: 0, max: 30 }).default(1),
});

export const boardSchema = z.object({
  today: z.string(),
  /** AB岗: away now with nobody covering (B away too, or no B). */
  uncoveredStaff: z.array(
    z.object({ userId: z.string(), name: z.string(), reason: z.string(), bName: z.string().nullable() }),
  ),
  stuckDays: z.number(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      deadline: z.string(),
      level,
      ownerName: z.string(),
      windowName: z.string().nullable(),
      departmentNames: z.array(z.string()),
      suspended: z.boolean(),
    }),
  ),
  steps: z.array(
    z.object({
      stepId: z.string(),
      caseId: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      stepName: z.string(),
      deadline: z.string(),
      level,
      assigneeName: z.string().nullable(),
      departmentName: z.string().nullable(),
      suspended: z.boolean(),
    }),
  ),
  stuck: z.array(
    z.object({
      stepId: z.string(),
      caseId: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      stepName: z.string(),
      activatedAt: z.number(),
      waitingDays: z.number(),
      departmentName: z.string().nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: z.string(),
      dueDay: z.string(),
      level: z.string(),
      comment: z.string(),
      windowNumber: z.number().nullable(),
      staffName: z.string().nullable(),
      createdAt: z.number(),
      light,
    }),
  ),
  byDepartment: z.array(count),
  byWindow: z.array(count),
  byPerson: z.array(count),
  ...caseSupportBoardShape,
  /** 网上预审 waiting for the clerk, yellow or red on their pre-review clock. */
  prereviews: z.array(prereviewEntry),
  equipmentFaults: z.array(boardFaultSchema),
  overdueLoans: z.array(boardOverdueLoanSchema),
  /** 差评整改: every open stage of the case-rating loop with its clock. */
  caseRatingTasks: z.array(caseRatingBoardEntry),
  /** 整改通知 past their due working day and not closed (监督检查). */
  overdueRectifications: z.array(overdueRectificationSchema),
});

const day = z.string().max(10);
/** `hall`: for an account over several halls (a city's supervisor), one line per hall. */
export const dimension = z.enum(['item', 'department', 'window', 'person', 'hall']);
export const onTimeQuery = z.object({
  from: day,
  to: day,
  hallId: z.string().max(64).optional(),
  by: dimension.default('item'),
});
export const onTimeCasesQuery = onTimeQuery.extend({ key: z.string().max(64).optional() });

const figure = { onTime: z.number(), finished: z.number(), rate: z.number().nullable() };
export const onTimeSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: dimension,
  overall: z.object(figure),
  groups: z.array(z.object({ key: z.string(), name: z.string(), ...figure })),
});

const caseRef = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  deadline: z.string().nullable(),
  completedDay: z.string(),
  onTime: z.boolean(),
});
export const onTimeCasesSchema = z.object({
  ...figure,
  onTimeCases: z.array(caseRef),
  finishedCases: z.array(caseRef),
});

export const alertSchema = z.object({
  id: z.string(),
  level,
  targetType: z.enum(['case', 'step', 'crowding', 'incident', 'uncovered']),
  audience: z.enum(['responsible', 'supervisor']),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  stepId: z.string().nullable(),
  title: z.string(),
  deadline: z.string(),
  createdAt: z.number(),
  readAt: z.number().nullable(),
});
export const alertsQuery = z.object({ limit: intParam({ min: 1, max: 200 }).default(50) });
export const alertsSchema = z.object({ items: z.array(alertSchema), total: z.number(), unread: z.number() });
