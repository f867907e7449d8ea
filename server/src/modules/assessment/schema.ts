import { z } from 'zod';
import { dimensions, directions, grades, indicatorCodes, subjectKinds } from '../../domain/assessment/index.ts';

const id = z.string().min(1).max(64);
const period = z.string().regex(/^\d{4}-(\d{2}|Q[1-4])$/, '考核期间格式应为 YYYY-MM 或 YYYY-Qn');
const year = z.string().regex(/^\d{4}$/, '年度格式应为 YYYY');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const indicatorSchema = z.object({
  code: z.enum(indicatorCodes),
  name: z.string().trim().min(1).max(40),
  dimension: z.enum(dimensions),
  formula: z.string().trim().min(1).max(300),
  source: z.string().trim().min(1).max(100),
  target: z.number().min(0).max(100_000),
  direction: z.enum(directions),
  weight: z.number().int().min(0).max(100),
  unit: z.string().trim().min(1).max(10),
});
export type IndicatorInput = z.infer<typeof indicatorSchema>;

export const hallQuery = z.object({ hallId: id });
export const indicatorsSchema = z.object({ hallId: z.string(), items: z.array(indicatorSchema) });
export const indicatorsInput = z.object({ hallId: id, indicators: z.array(indicatorSchema).min(1).max(20) });

export const listQuery = z.object({ hallId: id, period, kind: z.enum(subjectKinds) });
/** 待审核 (no supervisor's remarks yet), 待签发 (remarked, not signed), 已签发. */
export const cardStates = ['unreviewed', 'reviewed', 'signed'] as const;
export type CardState = (typeof cardStates)[number];
export const cardsQuery = listQuery.extend({ state: z.enum(cardStates).optional() });
export const cardQuery = listQuery.extend({ subjectId: id });
export type CardKey = z.infer<typeof cardQuery>;
export const recordsQuery = cardQuery.extend({ code: z.enum(indicatorCodes) });

export const remarksInput = cardQuery.extend({
  remarks: z.string().trim().max(1000).default(''),
  spotScore: z.number().int().min(0).max(100).nullable(),
});
export const correctInput = cardQuery.extend({
  reason: z.string().trim().min(1).max(500),
  remarks: z.string().trim().max(1000).optional(),
  spotScore: z.number().int().min(0).max(100).nullable().optional(),
});
export const planInput = cardQuery.extend({ dueDay: day });

const grade = z.enum(grades).nullable();
export const lineSchema = z.object({
  code: z.enum(indicatorCodes),
  name: z.string(),
  dimension: z.enum(dimensions),
  dimensionName: z.string(),
  formula: z.string(),
  unit: z.string(),
  direction: z.enum(directions),
  target: z.number(),
  weight: z.number(),
  weightUsed: z.number().nullable(),
  actual: z.number().nullable(),
  score: z.number().nullable(),
  belowTarget: z.boolean(),
  records: z.number(),
});
export const recordSchema = z.object({
  ref: z.string(),
  day: z.string(),
  note: z.string(),
  num: z.number(),
  den: z.number(),
});
export type RecordLine = z.infer<typeof recordSchema>;

export const cardSchema = z.object({
  hallId: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  subjectKind: z.enum(subjectKinds),
  subjectId: z.string(),
  subjectName: z.string(),
  lines: z.array(lineSchema),
  /** 培训建议: the training subjects the lines below target suggest. */
  suggestedTopics: z.array(z.string()),
  indicatorTotal: z.number().nullable(),
  spotScore: z.number().nullable(),
  total: z.number().nullable(),
  grade,
  gradeName: z.string().nullable(),
  remarks: z.string(),
  remarkedByName: z.string().nullable(),
  version: z.number(),
  signedAt: z.number().nullable(),
  signedByName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Card = z.infer<typeof cardSchema>;
/** What a signed version stores: the card and the records behind each line. */
export const snapshotSchema = cardSchema.extend({ records: z.record(z.string(), z.array(recordSchema)) });
export type Snapshot = z.infer<typeof snapshotSchema>;

export const cardRowSchema = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  indicatorTotal: z.number().nullable(),
  spotScore: z.number().nullable(),
  total: z.number().nullable(),
  grade,
  gradeName: z.string().nullable(),
  version: z.number(),
  state: z.enum(cardStates),
});
export const cardListSchema = z.object({
  hallId: z.string(),
  period: z.string(),
  subjectKind: z.enum(subjectKinds),
  items: z.array(cardRowSchema),
});
export const recordsSchema = z.object({
  code: z.enum(indicatorCodes),
  frozen: z.boolean(),
  items: z.array(recordSchema),
});
export const versionSchema = z.object({
  version: z.number(),
  total: z.number().nullable(),
  grade,
  reason: z.string().nullable(),
  signedByName: z.string(),
  signedAt: z.number(),
});
export const versionsSchema = z.object({ items: z.array(versionSchema) });
export const mineSchema = z.object({ items: z.array(cardSchema) });

export const annualQuery = z.object({ hallId: id, year });
export const annualSignInput = annualQuery.extend({ subjectId: id });
export const annualRowSchema = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  months: z.array(z.object({ month: z.string(), total: z.number().nullable(), signed: z.boolean() })),
  total: z.number().nullable(),
  grade,
  gradeName: z.string().nullable(),
  version: z.number(),
  signedAt: z.number().nullable(),
});
export type AnnualRow = z.infer<typeof annualRowSchema>;
export const annualSchema = z.object({ hallId: z.string(), year: z.string(), items: z.array(annualRowSchema) });
export const planSchema = z.object({ planId: z.string(), topics: z.array(z.string()) });
