import { z } from 'zod';
import { caseEventTypes } from '../../domain/webhooks/index.ts';
import { pageQuery } from '../../platform/schemas.ts';

export const deliveryStates = ['pending', 'retrying', 'delivered', 'failed'] as const;
const eventType = z.enum(caseEventTypes as [string, ...string[]]);

export const endpointBody = z.object({
  name: z.string().trim().min(1).max(60),
  url: z.string().trim().min(1).max(500),
  events: z.array(eventType).min(1).max(caseEventTypes.length),
  hallIds: z.array(z.string().min(1).max(64)).min(1).max(50),
  active: z.boolean().default(true),
});
export type EndpointInput = z.infer<typeof endpointBody>;

export const endpointSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  hallIds: z.array(z.string()),
  active: z.boolean(),
  secretRotatedAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** The answer that carries the signing secret: when the endpoint is made and when its secret is rotated, only. */
export const endpointWithSecretSchema = z.object({ endpoint: endpointSchema, secret: z.string() });

export const deliveryQuery = pageQuery.extend({
  endpointId: z.string().min(1).max(64),
  state: z.enum(deliveryStates).optional(),
});
export type DeliveryQuery = z.infer<typeof deliveryQuery>;

export const deliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  endpointId: z.string(),
  eventType: z.string(),
  eventLabel: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  state: z.enum(deliveryStates),
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  deliveredAt: z.number().nullable(),
  payload: z.string(),
  log: z.array(
    z.object({
      at: z.number(),
      statusCode: z.number().nullable(),
      ok: z.boolean(),
      error: z.string().nullable(),
      durationMs: z.number(),
    }),
  ),
});

export const eventTypesSchema = z.object({ items: z.array(z.object({ type: z.string(), label: z.string() })) });
