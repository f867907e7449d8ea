import { z } from 'zod';
import { intParam } from './numeric-params.ts';

/** `{ items, total }`: the one list shape of the API. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const pageQuery = z.object({
  page: intParam({ min: 1, max: 100_000 }).default(1),
  pageSize: intParam({ min: 1, max: 500 }).default(20),
});

/** The same paging inside a JSON body (a search sent by POST), where numbers arrive as numbers. */
export const pageBody = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(20),
});

export const pageWindow = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});
