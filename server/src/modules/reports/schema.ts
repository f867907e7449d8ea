import { z } from 'zod';
import { isValidDay } from '../../domain/calendar/days.ts';
import { reportKinds, taskStatuses } from '../../domain/reports/index.ts';

// A real calendar day: the pattern, then the day itself (2026-02-30 is refused here, not deep in the calendar).
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => isValidDay(d), '日期不存在');
const text = (max: number) => z.string().trim().max(max);
const rate = z.number().nullable();

/** What a report says, stored as generated (JSON) and read back through this schema. */
const periodFigures = z.object({
  period: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  received: z.number(),
  finished: z.number(),
  onTime: z.number(),
  onTimeRate: rate,
});
const volumeRow = z.object({
  key: z.string(),
  name: z.string(),
  received: z.number(),
  finished: z.number(),
  onTime: z.number(),
  onTimeRate: rate,
});
export const riskSchema = z.object({ kind: z.string(), key: z.string(), name: z.string(), text: z.string() });
export const contentSchema = z.object({
  hallName: z.string(),
  overall: z.object({
    current: periodFigures,
    previous: periodFigures,
    lastYear: periodFigures,
    /** 环比 / 同比 of 受理量 and 办结量 (relative) and of the on-time rate (in rate points). */
    changes: z.object({
      receivedMoM: rate,
      receivedYoY: rate,
      finishedMoM: rate,
      finishedYoY: rate,
      onTimeMoM: rate,
      onTimeYoY: rate,
    }),
  }),
  byItem: z.array(volumeRow),
  byDepartment: z.array(volumeRow),
  windows: z.object({
    tickets: z.number(),
    meanWaitMinutes: rate,
    meanServiceMinutes: rate,
    targetWaitMinutes: z.number(),
    byWindow: z.array(z.object({ key: z.string(), name: z.string(), tickets: z.number(), meanWaitMinutes: rate })),
  }),
  satisfaction: z.object({
    ratings: z.number(),
    goodRate: rate,
    bad: z.number(),
    levels: z.array(z.object({ name: z.string(), onSite: z.number(), online: z.number(), total: z.number() })),
    /** 差评整改: the bad-rating tasks still open when the report was generated, and how many are red. */
    openRectifications: z.number(),
    lateRectifications: z.number(),
  }),
  complaints: z.object({
    total: z.number(),
    previousTotal: z.number(),
    byCategory: z.array(z.object({ category: z.string(), name: z.string(), count: z.number(), previous: z.number() })),
  }),
  inspections: z.object({
    indicators: z.array(
      z.object({
        name: z.string(),
        target: z.number().nullable(),
        numerator: z.number(),
        denominator: z.number(),
        value: z.number().nullable(),
      }),
    ),
    overdueRectifications: z.array(
      z.object({ responsibleName: z.string(), finding: z.string(), dueDay: z.string(), status: z.string() }),
    ),
  }),
  risks: z.array(riskSchema),
});
export type ReportContent = z.infer<typeof contentSchema>;

export const reportSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(reportKinds),
  period: z.string(),
  version: z.number(),
  from: z.string(),
  to: z.string(),
  title: z.string(),
  origin: z.enum(['schedule', 'demand']),
  generatedByName: z.string(),
  generatedAt: z.number(),
  nextSteps: z.string(),
  pdfSha256: z.string(),
  xlsxSha256: z.string(),
  submissions: z.number(),
  risks: z.array(riskSchema),
});
export const reportDetailSchema = reportSchema.extend({ content: contentSchema });

export const reportQuery = z.object({
  hallId: z.string().min(1).optional(),
  kind: z.enum(reportKinds).optional(),
});
export const generateInput = z.object({
  hallId: z.string().min(1),
  kind: z.enum(reportKinds),
  period: z.string().trim().min(1).max(10),
});
export const nextStepsInput = z.object({ text: text(4000) });

export const submissionInput = z.object({
  authority: text(100).min(1),
  sentDay: day,
  channel: text(40).min(1),
  documentNo: text(60).default(''),
  note: text(1000).default(''),
});
export const submissionSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  reportId: z.string(),
  reportTitle: z.string(),
  reportVersion: z.number(),
  authority: z.string(),
  sentDay: z.string(),
  channel: z.string(),
  documentNo: z.string(),
  note: z.string(),
  sentByName: z.string(),
  createdAt: z.number(),
});
export const submissionQuery = z.object({ hallId: z.string().min(1).optional() });

export const taskInput = z.object({
  hallId: z.string().min(1),
  authority: text(100).min(1),
  documentNo: text(60).default(''),
  receivedDay: day,
  content: text(2000).min(1),
  ownerId: z.string().min(1),
  /** A due day, or a number of working days after the received day on the hall calendar. */
  dueDay: day.optional(),
  dueWorkingDays: z.number().int().min(1).max(250).optional(),
});
export const taskPatch = z.object({
  ownerId: z.string().min(1).optional(),
  dueDay: day.optional(),
  note: text(1000).default(''),
});
export const noteInput = z.object({ note: text(1000).min(1) });
export const taskQuery = z.object({
  hallId: z.string().min(1).optional(),
  status: z.enum(taskStatuses).optional(),
  mine: z.enum(['1', '0']).optional(),
  overdue: z.enum(['1', '0']).optional(),
});
export const taskSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  authority: z.string(),
  documentNo: z.string(),
  receivedDay: z.string(),
  content: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueDay: z.string(),
  dueWorkingDays: z.number().nullable(),
  dueProvisional: z.boolean(),
  status: z.enum(taskStatuses),
  overdue: z.boolean(),
  completionNote: z.string().nullable(),
  completedDay: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.number(),
  events: z.array(z.object({ action: z.string(), note: z.string(), byName: z.string(), at: z.number() })),
});
