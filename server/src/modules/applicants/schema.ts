import { z } from 'zod';
import { documentTypeCodes } from '../../domain/identity/index.ts';
import { pageBody, pageQuery } from '../../platform/schemas.ts';

const text = (max: number) => z.string().trim().max(max);
/** Digits with an optional leading + and separators; stored without the separators. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,22}$/, '电话号码格式不正确')
  .transform((p) => p.replace(/[ -]/g, ''));

/** 通知: an optional e-mail, the preferred channel ('all' = SMS and e-mail) and the opt-out of non-legal notices. */
const noticeFields = {
  email: z.union([z.literal(''), z.string().trim().max(120).email('电子邮箱格式不正确')]).optional(),
  preferredChannel: z.enum(['sms', 'email', 'all']).nullable().optional(),
  noticeOptOut: z.boolean().optional(),
};

export const applicantInput = z.object({
  hallId: z.string().min(1).max(64),
  kind: z.enum(['person', 'enterprise']),
  name: text(120).min(1),
  /** For an enterprise always 'credit_code'. */
  docType: z.enum(documentTypeCodes),
  docNumber: text(40).min(1),
  phone,
  address: text(300).default(''),
  legalRepresentative: text(60).default(''),
  contactName: text(60).default(''),
  ...noticeFields,
});
export type ApplicantInput = z.infer<typeof applicantInput>;

export const applicantPatch = z
  .object({
    name: text(120).min(1),
    docType: z.enum(documentTypeCodes),
    docNumber: text(40).min(1),
    phone,
    address: text(300),
    legalRepresentative: text(60),
    contactName: text(60),
    ...noticeFields,
  })
  .partial();
export type ApplicantPatch = z.infer<typeof applicantPatch>;

export const applicantSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(['person', 'enterprise']),
  name: z.string(),
  docType: z.enum(documentTypeCodes),
  docTypeLabel: z.string(),
  /** Masked (e.g. 5101********1234) unless read through the audited personal view. */
  docNumber: z.string(),
  phone: z.string(),
  /** 封存: shown as 已封存 with nothing personal until the security administrator unseals it. */
  sealed: z.boolean(),
  sealedAt: z.number().nullable(),
  address: z.string(),
  legalRepresentative: z.string(),
  contactName: z.string(),
  email: z.string().nullable(),
  preferredChannel: z.enum(['sms', 'email', 'all']).nullable(),
  noticeOptOut: z.boolean(),
  masked: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ApplicantView = z.infer<typeof applicantSchema>;

export const applicantQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  kind: z.enum(['person', 'enterprise']).optional(),
});

/**
 * A search by document number, credit code, name or phone. Sent in a POST body so that personal numbers
 * never appear in a URL, where proxies and request logs would keep them.
 */
export const applicantSearch = pageBody.extend({
  hallId: z.string().max(64).optional(),
  kind: z.enum(['person', 'enterprise']).optional(),
  q: z.string().trim().min(1).max(60),
});

export const personalSchema = z.object({ id: z.string(), docNumber: z.string(), phone: z.string() });

export const caseBriefSchema = z.object({
  id: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  urgency: z.string(),
  receivedAt: z.number(),
  deadline: z.string().nullable(),
  role: z.enum(['applicant', 'agent']),
});

export const applicantFileSchema = z.object({
  applicant: applicantSchema,
  cases: z.array(caseBriefSchema),
  notices: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNo: z.string().nullable(),
      kind: z.string(),
      kindLabel: z.string(),
      docNo: z.string(),
      status: z.string(),
      issuedAt: z.number(),
    }),
  ),
  serviceRecords: z.array(
    z.object({
      at: z.number(),
      caseId: z.string(),
      caseNo: z.string().nullable(),
      action: z.string(),
      by: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
    }),
  ),
  changes: z.array(z.object({ at: z.number(), by: z.string(), fields: z.array(z.string()) })),
});
