import { z } from 'zod';
import { applicantSchema } from '../applicants/schema.ts';

const reason = z.string().trim().min(2, '请填写理由').max(500);

export const sealInput = z.object({
  /** 注销依据: why the applicant's data is sealed (deregistration notice, death certificate, own request …). */
  reason,
});
export const unsealRequestInput = z.object({ reason });
export const decisionInput = z.object({ approve: z.boolean(), note: z.string().trim().max(500).default('') });
export const requestQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() });

export const requestSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  applicantId: z.string(),
  kind: z.literal('unseal'),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.number(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionNote: z.string().nullable(),
});

const n = z.string().nullable();
/** Everything held about one applicant (个人信息查询): personal numbers masked, as everywhere they leave the hall. */
export const exportSchema = z.object({
  format: z.literal('onewindow-personal-data/1'),
  exportedAt: z.string(),
  exportedBy: z.string(),
  applicant: applicantSchema.extend({ createdAt: z.string(), updatedAt: z.string() }),
  cases: z.array(
    z.object({
      caseNo: n,
      itemName: z.string(),
      role: z.enum(['applicant', 'agent']),
      state: z.string(),
      receivedDay: z.string(),
      acceptedDay: n,
      deadline: n,
      completedDay: n,
    }),
  ),
  documents: z.array(
    z.object({
      caseNo: n,
      kind: z.string(),
      kindLabel: z.string(),
      docNo: z.string(),
      status: z.string(),
      issuedAt: z.string(),
    }),
  ),
  files: z.array(
    z.object({
      caseNo: n,
      kind: z.string(),
      name: z.string(),
      contentType: z.string(),
      size: z.number(),
      uploadedAt: z.string(),
    }),
  ),
  deliveries: z.array(
    z.object({
      caseNo: n,
      method: z.string(),
      collectedBy: n,
      idDocNumber: n,
      carrier: n,
      trackingNumber: n,
      at: z.string(),
    }),
  ),
  consultations: z.array(
    z.object({
      number: z.string(),
      channel: z.string(),
      personName: z.string(),
      contactPhone: z.string(),
      question: z.string(),
      status: z.string(),
      answer: n,
      registeredDay: z.string(),
    }),
  ),
  tickets: z.array(
    z.object({
      number: z.string(),
      day: z.string(),
      status: z.string(),
      caseNo: n,
      waitMinutes: z.number().nullable(),
    }),
  ),
  ratings: z.array(
    z.object({
      day: z.string(),
      level: z.string(),
      score: z.number(),
      reasons: z.array(z.string()),
      comment: z.string(),
      followUp: z.object({ status: z.string(), note: z.string(), calledBackAt: n }).nullable(),
    }),
  ),
  changes: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), fields: z.array(z.string()) })),
});
