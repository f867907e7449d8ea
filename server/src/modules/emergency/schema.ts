import { z } from 'zod';
import { intParam } from '../../platform/numeric-params.ts';

export const planKinds = ['system_failure', 'crowding', 'major_complaint', 'power_outage', 'other'] as const;
export const planKindLabels: Record<(typeof planKinds)[number], string> = {
  system_failure: '系统故障',
  crowding: '客流拥挤',
  major_complaint: '重大投诉',
  power_outage: '停电',
  other: '其他',
};
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number, zh: string) => z.string().trim().min(1, zh).max(max);

export const planInput = z.object({
  hallId: z.string().min(1).max(64),
  kind: z.enum(planKinds),
  title: text(120, '请填写预案名称'),
  organisation: text(2000, '请填写组织机构与职责'),
  responseSteps: text(4000, '请填写响应步骤'),
  measures: text(4000, '请填写处置措施'),
  recovery: text(2000, '请填写恢复措施'),
});
export type PlanInput = z.infer<typeof planInput>;

export const drillInput = z.object({
  planId: z.string().min(1).max(64),
  day,
  participants: text(1000, '请填写参演人员'),
  review: text(4000, '请填写演练评估'),
});

export const incidentInput = z.object({
  hallId: z.string().min(1).max(64),
  kind: z.enum(planKinds),
  title: text(200, '请填写事件概况'),
});
export const actionInput = z.object({ text: text(2000, '请填写处置记录') });
export const closeInput = z.object({ review: text(4000, '请填写事后评估') });

export const thresholdsInput = z.object({
  hallId: z.string().min(1).max(64),
  maxWaiting: z.number().int().min(1).max(10_000),
  maxWaitMinutes: z.number().int().min(1).max(600),
  notice: z.string().trim().max(200).default('当前办事群众较多，请耐心等候，可关注叫号屏或使用网上办理'),
  /** 拥挤提示上屏: the hall display shows the notice while the alarm stands. */
  showNotice: z.boolean().default(true),
});

export const hallQuery = z.object({ hallId: z.string().min(1).max(64).optional() });
export const incidentQuery = z.object({
  hallId: z.string().min(1).max(64).optional(),
  status: z.enum(['open', 'closed']).optional(),
  limit: intParam({ min: 1, max: 100 }).default(20),
  offset: intParam({ min: 0, max: 100_000 }).default(0),
});

export const planSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(planKinds),
  kindLabel: z.string(),
  title: z.string(),
  organisation: z.string(),
  responseSteps: z.string(),
  measures: z.string(),
  recovery: z.string(),
  updatedAt: z.number(),
  updatedBy: z.string(),
});
export const drillSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  day: z.string(),
  participants: z.string(),
  review: z.string(),
  recordedAt: z.number(),
  recordedBy: z.string(),
});
export const incidentSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(planKinds),
  kindLabel: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  openedBy: z.string(),
  closedAt: z.number().nullable(),
  closedBy: z.string().nullable(),
  review: z.string().nullable(),
  actions: z.array(z.object({ id: z.string(), at: z.number(), by: z.string(), text: z.string() })),
});
export const crowdingSchema = z.object({
  hallId: z.string(),
  maxWaiting: z.number(),
  maxWaitMinutes: z.number(),
  notice: z.string(),
  showNotice: z.boolean(),
  over: z.boolean(),
  crossings: z.number(),
  changedAt: z.number(),
  waiting: z.number(),
  longestWaitMinutes: z.number(),
});
