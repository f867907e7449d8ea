import { z } from 'zod';
import {
  complaintCategories,
  complaintChannels,
  complaintKinds,
  complaintStates,
  noteKinds,
  objectionKinds,
  objectionOutcomes,
  satisfactionLevels,
} from '../../domain/complaints/index.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{7,20}$/, '电话号码格式不正确');

export const registerInput = z.object({
  hallId: id,
  kind: z.enum(complaintKinds),
  channel: z.enum(complaintChannels),
  /** 12345 热线或上级转办的工单号. */
  workOrderNo: text(40).optional(),
  category: z.enum(complaintCategories),
  anonymous: z.boolean().default(false),
  name: text(40).optional(),
  phone: phone.optional(),
  email: z.string().trim().email().max(120).optional(),
  matter: text(2000).min(1),
  caseNo: text(40).optional(),
  windowId: id.optional(),
  staffUserId: id.optional(),
  departmentId: id.optional(),
  /** 简单事项当场办结: the reply is given at once. */
  simple: z.boolean().default(false),
  /** For a simple one: the answer given on the spot. */
  reply: text(2000).optional(),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const publicInput = z.object({
  hallId: id,
  kind: z.enum(complaintKinds),
  category: z.enum(complaintCategories),
  anonymous: z.boolean().default(false),
  name: text(40).optional(),
  phone: phone.optional(),
  email: z.string().trim().email().max(120).optional(),
  matter: text(2000).min(1),
  caseNo: text(40).optional(),
  windowNumber: z.number().int().min(1).max(999).optional(),
});
export type PublicInput = z.infer<typeof publicInput>;

export const publicReceipt = z.object({ number: z.string(), lookupCode: z.string(), dueDay: z.string() });

export const lookupQuery = z.object({ number: text(40).min(1), code: text(40).min(1) });
export const publicRateInput = lookupQuery.extend({
  satisfaction: z.enum(satisfactionLevels),
  comment: text(500).default(''),
});
export const publicObjectInput = lookupQuery.extend({ reason: text(1000).min(1) });

export const publicStatus = z.object({
  number: z.string(),
  kindLabel: z.string(),
  state: z.enum(complaintStates),
  stateLabel: z.string(),
  receivedDay: z.string(),
  dueDay: z.string(),
  reply: z.string().nullable(),
  rectification: z.string().nullable(),
  repliedDay: z.string().nullable(),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  mayRate: z.boolean(),
  mayObject: z.boolean(),
});

export const listQuery = z.object({
  hallId: id.optional(),
  state: z.enum(complaintStates).optional(),
  kind: z.enum(complaintKinds).optional(),
  /** 一企一档: only the complaints about this applicant's cases (as applicant or agent). */
  applicantId: id.optional(),
});

export const complaintSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  number: z.string(),
  kind: z.enum(complaintKinds),
  channel: z.enum(complaintChannels),
  workOrderNo: z.string().nullable(),
  category: z.enum(complaintCategories),
  anonymous: z.boolean(),
  /** The complainant's name, or 匿名 / 保密 where it may not be shown. */
  complainant: z.string(),
  contact: z.string().nullable(),
  matter: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string().nullable(),
  windowNumber: z.number().nullable(),
  staffName: z.string().nullable(),
  departmentName: z.string().nullable(),
  state: z.enum(complaintStates),
  simple: z.boolean(),
  cause: z.string().nullable(),
  responsibleId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  receivedDay: z.string(),
  dueDay: z.string(),
  provisional: z.boolean(),
  light: z.enum(['green', 'yellow', 'red', 'none']),
  round: z.number(),
  reply: z.string().nullable(),
  rectification: z.string().nullable(),
  repliedDay: z.string().nullable(),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  restricted: z.boolean(),
  createdAt: z.number(),
});
export type ComplaintView = z.infer<typeof complaintSchema>;

export const stepSchema = z.object({
  id: z.string(),
  action: z.string(),
  noteKind: z.enum(noteKinds).nullable(),
  text: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  userName: z.string(),
  at: z.number(),
});

export const detailSchema = complaintSchema.extend({
  steps: z.array(stepSchema),
  actions: z.array(z.enum(['assign', 'note', 'reply', 'rate', 'reopen'])),
});

export const assignInput = z.object({ responsibleId: id, cause: text(200).min(1) });
export const noteInput = z.object({ kind: z.enum(noteKinds), text: text(2000).min(1) });
export const replyInput = z.object({ reply: text(4000).min(1), rectification: text(2000).default('') });
export const rateInput = z.object({ satisfaction: z.enum(satisfactionLevels) });
export const reopenInput = z.object({ reason: text(1000).min(1) });

export const assigneeSchema = z.object({ id: z.string(), name: z.string() });

/** The reply limit of each complaint type, and ('objection') the re-examination limit of an objection. */
export const limitKinds = [...complaintCategories, 'objection'] as const;
export const typeDaysSchema = z.object({
  hallId: z.string(),
  items: z.array(z.object({ category: z.enum(limitKinds), days: z.number() })),
});
export const typeDaysInput = z.object({
  hallId: id,
  category: z.enum(limitKinds),
  days: z.number().int().min(1).max(60),
});

export const analysisQuery = z.object({
  hallId: id.optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});
const bucket = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  reports: z.number(),
  overdue: z.number(),
});
export const analysisSchema = z.object({
  total: z.number(),
  onTimeRate: z.number().nullable(),
  satisfiedRate: z.number().nullable(),
  byCause: z.array(bucket),
  byCategory: z.array(bucket),
  byItem: z.array(bucket),
  byDepartment: z.array(bucket),
  byWindow: z.array(bucket),
  byStaff: z.array(bucket),
  byMonth: z.array(bucket),
  rectifications: z.array(z.object({ number: z.string(), cause: z.string().nullable(), rectification: z.string() })),
});

// 异议 (R19.9)
export const objectionSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  decisionKind: z.enum(objectionKinds),
  reason: z.string(),
  channel: z.enum(['public', 'clerk']),
  recordedBy: z.string(),
  status: z.enum(['open', 'answered']),
  dueDay: z.string(),
  provisional: z.boolean(),
  light: z.enum(['green', 'yellow', 'red', 'none']),
  outcome: z.enum(objectionOutcomes).nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.number().nullable(),
  createdAt: z.number(),
});
export const objectionInput = z.object({ decisionKind: z.enum(objectionKinds), reason: text(1000).min(1) });
export const publicObjectionInput = objectionInput.extend({
  caseNo: text(40).min(1),
  phone4: z.string().regex(/^\d{4}$/, '请填写手机号后四位'),
});
export const publicObjectionReceipt = z.object({ caseNo: z.string(), dueDay: z.string() });
export const objectionListQuery = z.object({ hallId: id.optional(), status: z.enum(['open', 'answered']).optional() });
export const answerInput = z.object({ outcome: z.enum(objectionOutcomes), answer: text(4000).min(1) });
