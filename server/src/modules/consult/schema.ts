import { z } from 'zod';
import { pageQuery } from '../../platform/schemas.ts';

export const channels = ['visit', 'phone', 'online'] as const;
export type Channel = (typeof channels)[number];
/** unclaimed: an online one no member of staff has taken yet; answered and referred are closed. */
export const statuses = ['unclaimed', 'open', 'promised', 'coordinating', 'answered', 'referred'] as const;
export type Status = (typeof statuses)[number];
export const openStatuses: readonly Status[] = ['unclaimed', 'open', 'promised', 'coordinating'];

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);
/** Mobile or fixed-line, digits with an optional +, - or spaces. */
export const phoneField = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, '请填写有效的联系电话');

export const registerInput = z.object({
  hallId: id,
  channel: z.enum(['visit', 'phone']),
  personName: text(40),
  contactPhone: phoneField,
  question: text(2000),
  itemId: id.nullable().optional(),
  /** Answered on the spot (当场答复): the consultation is registered already closed with this answer. */
  answer: text(4000).optional(),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const publicInput = z.object({
  hallId: id,
  personName: text(40),
  contactPhone: phoneField,
  question: text(2000),
  itemId: id.nullable().optional(),
});
export type PublicInput = z.infer<typeof publicInput>;

export const publicReceipt = z.object({ number: z.string(), lookupCode: z.string() });

export const lookupQuery = z.object({ number: text(40), code: text(16) });
export const publicStatus = z.object({
  number: z.string(),
  status: z.enum(statuses),
  registeredDay: z.string(),
  dueDate: z.string().nullable(),
  /** 待定: the promised date touches a year whose national schedule is not published. */
  dueProvisional: z.boolean(),
  answer: z.string().nullable(),
  referralText: z.string().nullable(),
});

export const answerInput = z.object({ answer: text(4000) });
export const promiseInput = z.object({
  days: z.number().int().min(1).max(30),
  note: z.string().trim().max(500).default(''),
});
export const referInput = z.object({
  /** A department of this hall, or else an outside body named in externalBody. */
  departmentId: id.nullable().optional(),
  externalBody: z.string().trim().max(120).optional(),
  reason: text(500),
  /** Where and how to reach them: address, phone, what to bring. */
  guidance: z.string().trim().max(500).default(''),
  toldVia: z.enum(['on_site', 'phone', 'written', 'sms']),
});
export type ReferInput = z.infer<typeof referInput>;
export const coordinateInput = z.object({ departmentIds: z.array(id).min(1).max(10), question: text(2000) });
export const departmentAnswerInput = z.object({ answer: text(4000) });
export const handoverInput = z.object({ toUserId: id, note: text(500) });
export const itemInput = z.object({ itemId: id.nullable() });

export const rowParams = z.object({ id, rowId: id });
export const noticeParams = z.object({ id, noticeId: id });

export const listQuery = pageQuery.extend({
  hallId: id.optional(),
  status: z.enum([...statuses, 'active']).optional(),
  channel: z.enum(channels).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(60).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const lightSchema = z.enum(['green', 'yellow', 'red']).nullable();

export const summarySchema = z.object({
  id: z.string(),
  hallId: z.string(),
  number: z.string(),
  channel: z.enum(channels),
  personName: z.string(),
  /** Masked (138****5678); the full number only through the contact endpoint. */
  contactPhone: z.string(),
  question: z.string(),
  itemId: z.string().nullable(),
  itemName: z.string().nullable(),
  status: z.enum(statuses),
  firstOwnerId: z.string().nullable(),
  firstOwnerName: z.string().nullable(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueProvisional: z.boolean(),
  light: lightSchema,
  registeredDay: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const detailSchema = summarySchema.extend({
  answer: z.string().nullable(),
  answeredAt: z.number().nullable(),
  answeredBy: z.string().nullable(),
  promisedDays: z.number().nullable(),
  referralText: z.string().nullable(),
  referralDepartmentId: z.string().nullable(),
  departments: z.array(
    z.object({
      id: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
      question: z.string(),
      askedAt: z.number(),
      askedBy: z.string(),
      answer: z.string().nullable(),
      answeredAt: z.number().nullable(),
      answeredBy: z.string().nullable(),
    }),
  ),
  notices: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      itemVersion: z.number(),
      issuedAt: z.number(),
      issuedBy: z.string(),
    }),
  ),
  trail: z.array(
    z.object({
      at: z.number(),
      userName: z.string().nullable(),
      action: z.string(),
      detail: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  /** What the caller may do now, so screens show only the buttons that will work. */
  canHandle: z.boolean(),
  /** AB岗: whom the signed-in person acts for on it now (B代A). */
  coverFor: z.string().nullable().optional(),
});

export const staffSchema = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) });
export const contactSchema = z.object({ contactPhone: z.string() });
export const noticeCreated = z.object({ id: z.string(), number: z.string() });
