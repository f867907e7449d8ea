import { z } from 'zod';

/** A mainland mobile number or a landline with its area code. */
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或带区号的固定电话');

export const requestInput = z.object({
  stepId: z.string().min(1).max(64),
  kind: z.enum(['internal', 'external']),
  /** An internal expert: a colleague of the case's hall. */
  expertUserId: z.string().min(1).max(64).optional(),
  /** An outside expert: name, organisation and phone. */
  name: z.string().trim().min(1).max(60).optional(),
  organisation: z.string().trim().min(1).max(120).optional(),
  phone: phone.optional(),
  question: z.string().trim().min(1).max(2000),
  days: z.number().int().min(1).max(60).default(5),
});
export type RequestInput = z.infer<typeof requestInput>;

export const opinionInput = z.object({ opinion: z.string().trim().min(1).max(5000) });

const light = z.enum(['green', 'yellow', 'red']);
export const consultationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  kind: z.enum(['internal', 'external']),
  expertUserId: z.string().nullable(),
  expertName: z.string(),
  organisation: z.string(),
  /** Masked (138****5678). */
  phone: z.string().nullable(),
  question: z.string(),
  days: z.number(),
  dueDay: z.string(),
  dueProvisional: z.boolean(),
  requestedBy: z.string(),
  requestedAt: z.number(),
  status: z.enum(['open', 'answered']),
  opinion: z.string().nullable(),
  opinionBy: z.string().nullable(),
  opinionAt: z.number().nullable(),
  /** Open: green, yellow on its last working day, red after it; answered: null. */
  light: light.nullable(),
  /** May the viewer record the opinion now? */
  mayAnswer: z.boolean(),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const caseConsultationsSchema = z.object({
  items: z.array(consultationSchema),
  /** The viewer's active steps on the case, from which an expert can be called. */
  mySteps: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const mineSchema = z.object({
  items: z.array(consultationSchema.extend({ caseNo: z.string().nullable(), itemName: z.string() })),
  total: z.number(),
});
export const colleaguesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
  total: z.number(),
});
