import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const hallSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
});
export const hallInput = z.object({
  code: text(32),
  name: text(100),
  address: z.string().trim().max(200).default(''),
  phone: z.string().trim().max(40).default(''),
  openingHours: z.string().trim().max(200).default(''),
});
export const hallPatch = hallInput.partial().strict();

export const departmentSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
});
export const departmentInput = z.object({
  hallId: text(64),
  code: text(32),
  name: text(100),
  phone: z.string().trim().max(40).default(''),
});
export const departmentPatch = departmentInput.omit({ hallId: true }).partial().strict();

export const windowKinds = ['general', 'dedicated', 'green'] as const;
export const windowSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  number: z.number().int(),
  name: z.string(),
  kind: z.enum(windowKinds),
  status: z.enum(['active', 'inactive']),
  itemIds: z.array(z.string()),
});
export const windowInput = z.object({
  hallId: text(64),
  number: z.number().int().min(1).max(999),
  name: text(60),
  kind: z.enum(windowKinds).default('general'),
  itemIds: z.array(z.string().max(64)).max(500).default([]),
});
export const windowPatch = z
  .object({
    name: text(60),
    kind: z.enum(windowKinds),
    status: z.enum(['active', 'inactive']),
    itemIds: z.array(z.string().max(64)).max(500),
  })
  .partial()
  .strict();

export const hallQuery = z.object({ hallId: z.string().max(64).optional() });

export type HallInput = z.infer<typeof hallInput>;
export type DepartmentInput = z.infer<typeof departmentInput>;
export type WindowInput = z.infer<typeof windowInput>;
