import { z } from 'zod';
import { pageQuery } from '../../platform/schemas.ts';
import { intParam } from '../../platform/numeric-params.ts';

/** 常见问题 (a question and its answer) or 政策变化 (a note on a changed policy). */
export const kinds = ['faq', 'policy'] as const;
export type Kind = (typeof kinds)[number];

const id = z.string().min(1).max(64);

export const entryInput = z.object({
  hallId: id,
  kind: z.enum(kinds),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(20)
        .regex(/^[^|]+$/, '标签不能包含 |'),
    )
    .max(20)
    .default([]),
  itemIds: z.array(id).max(20).default([]),
});
export type EntryInput = z.infer<typeof entryInput>;

export const entryUpdate = entryInput.omit({ hallId: true }).extend({
  /** What changed and why, kept on the version trail. */
  note: z.string().trim().max(500).default(''),
});
export type EntryUpdate = z.infer<typeof entryUpdate>;

export const searchQuery = pageQuery.extend({
  hallId: id.optional(),
  q: z.string().trim().max(100).optional(),
  kind: z.enum(kinds).optional(),
  tag: z.string().trim().max(20).optional(),
  itemId: id.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const entrySchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(kinds),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  items: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(['active', 'archived']),
  version: z.number(),
  createdAt: z.number(),
  createdBy: z.string(),
  updatedAt: z.number(),
  updatedBy: z.string(),
});

export const entryDetailSchema = entrySchema.extend({
  versions: z.array(
    z.object({
      version: z.number(),
      kind: z.enum(kinds),
      title: z.string(),
      body: z.string(),
      tags: z.array(z.string()),
      itemIds: z.array(z.string()),
      note: z.string(),
      editedAt: z.number(),
      editedBy: z.string(),
    }),
  ),
});

export const suggestQuery = z.object({
  hallId: id.optional(),
  /** The question as the clerk is typing it. */
  text: z.string().trim().max(2000),
  itemId: id.optional(),
  limit: intParam({ min: 1, max: 20 }).default(5),
});
export type SuggestQuery = z.infer<typeof suggestQuery>;
