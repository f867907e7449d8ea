import { z } from 'zod';
import { noticeChannels, noticeEvents, noticeStates } from '../../domain/notices/index.ts';
import { pageQuery } from '../../platform/schemas.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const noticeQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  state: z.enum(noticeStates).optional(),
  channel: z.enum(noticeChannels).optional(),
  event: z.enum(noticeEvents).optional(),
  caseId: z.string().max(64).optional(),
  caseNo: z.string().trim().max(40).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type NoticeQuery = z.infer<typeof noticeQuery>;

export const attemptSchema = z.object({
  at: z.number(),
  channel: z.string(),
  ok: z.boolean(),
  answer: z.string(),
  durationMs: z.number(),
});

export const noticeSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  event: z.string(),
  eventLabel: z.string(),
  legal: z.boolean(),
  channel: z.enum(noticeChannels),
  channelLabel: z.string(),
  /** Masked: 138****5678, z***@example.com. */
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  state: z.enum(noticeStates),
  stateLabel: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
  tries: z.array(attemptSchema),
});

export const resendInput = z.object({ channel: z.enum(noticeChannels).optional() });

export const templateParams = z.object({ hallId: z.string().min(1).max(64), event: z.enum(noticeEvents) });
export const hallParams = z.object({ hallId: z.string().min(1).max(64) });

export const templateInput = z.object({
  subject: z.string().trim().min(1, '请填写标题').max(120),
  body: z.string().trim().min(1, '请填写内容').max(500),
});
export type TemplateInput = z.infer<typeof templateInput>;

export const templateSchema = z.object({
  event: z.string(),
  label: z.string(),
  legal: z.boolean(),
  variables: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  custom: z.boolean(),
  updatedAt: z.number().nullable(),
});

export const previewSchema = z.object({ subject: z.string(), body: z.string() });

export const publicNoticeSchema = z.object({
  at: z.number(),
  event: z.string(),
  channel: z.string(),
  body: z.string(),
});

export const channelStatusSchema = z.object({
  sms: z.object({ configured: z.boolean(), provider: z.string().nullable() }),
  email: z.object({ configured: z.boolean() }),
});

/** The hall system's notice settings: after how many working days an uncollected result is recalled (领取提醒). */
export const noticeSettingsSchema = z.object({
  collectionReminderDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .describe('领取提醒：告知领取后第几个工作日仍未领取即提醒（1–60）'),
});
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;
