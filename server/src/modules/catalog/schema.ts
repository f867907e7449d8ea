import { z } from 'zod';
import { authorityLevels } from '../../domain/case/authority.ts';
import { materialFileKinds } from '../../domain/catalogue-files.ts';
import { roleCodes } from '../../domain/roles.ts';
import { pageQuery } from '../../platform/schemas.ts';
import { intParam } from '../../platform/numeric-params.ts';

export const categories = [
  'enterprise',
  'social_security',
  'household',
  'civil',
  'construction',
  'tax',
  'health',
  'agriculture',
  'transport',
  'other',
] as const;
export const approvalLevels = ['window', 'section', 'department', 'leader'] as const;

const text = (max: number) => z.string().trim().max(max);
const days = z.number().int().min(0).max(365);

export const materialSchema = z.object({
  key: z.string().trim().min(1).max(32),
  name: text(120).min(1),
  form: z.enum(['original', 'copy', 'original_and_copy']),
  copies: z.number().int().min(1).max(99),
  requirement: z.enum(['required', 'conditional', 'optional']),
  condition: text(300).default(''),
  notes: text(500).default(''),
  /** An essential material may not be waived when accepting with items missing (容缺受理). */
  essential: z.boolean().default(true),
  hasBlankForm: z.boolean().default(false),
  hasSample: z.boolean().default(false),
});

export const stepSchema = z.object({
  key: z.string().trim().min(1).max(32),
  name: text(60).min(1),
  /** Steps sharing an order run in parallel (并联) and join before the next order. */
  order: z.number().int().min(1).max(50),
  role: z.enum(roleCodes),
  departmentId: z.string().max(64).nullable().default(null),
  limitDays: days,
  /** A sign-off step of a chain (逐级签批) names the authority level that signs it; else the item's level holds. */
  authority: z.enum(authorityLevels).nullable().optional(),
});

export const itemContentSchema = z.object({
  name: text(120).min(1),
  category: z.enum(categories),
  departmentIds: z.array(z.string().max(64)).min(1).max(10),
  description: text(2000).default(''),
  basis: text(2000).default(''),
  conditions: text(2000).default(''),
  kind: z.enum(['instant', 'committed']),
  legalDays: days,
  promisedDays: days,
  warningDays: z.number().int().min(0).max(30).default(1),
  feeFen: z.number().int().min(0).max(100_000_000).default(0),
  feeNote: text(300).default(''),
  /** 收费项目: the fee items and amounts (integer fen); unset means the single feeFen (办理费). */
  feeItems: z
    .array(z.object({ name: text(60).min(1), amountFen: z.number().int().min(1).max(100_000_000) }))
    .max(20)
    .optional(),
  /** 先缴费后办结: the case may be completed only once its fee is paid. Unset means no. */
  payBeforeCompletion: z.boolean().optional(),
  approvalLevel: z.enum(approvalLevels),
  materials: z.array(materialSchema).min(1).max(60),
  steps: z.array(stepSchema).min(1).max(30),
  faq: z
    .array(z.object({ question: text(300).min(1), answer: text(3000).min(1) }))
    .max(50)
    .default([]),
  /** 容缺受理: may the case be approved before its deferred materials are in? Unset means no. */
  deferredApprovalAllowed: z.boolean().optional(),
  /** 县乡联办 (可在乡镇收件): the township stations that may receive the item for this hall, and whether the result
   * may be posted; unset means the item is received only in its own hall. */
  townshipReception: z
    .object({
      stationHallIds: z.array(z.string().min(1).max(64)).min(1).max(50),
      postAllowed: z.boolean().default(false),
    })
    .optional(),
  /** 网上预审: may the applicant submit online for a pre-review, and in how many working days the clerk answers;
   * unset means the item is applied for at the window only. */
  onlinePrereview: z.object({ allowed: z.boolean(), limitDays: z.number().int().min(1).max(30).default(2) }).optional(),
});
export type ItemContent = z.infer<typeof itemContentSchema>;

export const itemStatus = z.enum(['draft', 'published', 'retired']);

export const itemSummarySchema = z.object({
  id: z.string(),
  hallId: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.enum(categories),
  kind: z.enum(['instant', 'committed']),
  promisedDays: z.number(),
  legalDays: z.number(),
  status: itemStatus,
  publishedVersion: z.number().nullable(),
  draftVersion: z.number().nullable(),
  updatedAt: z.number(),
});

export const versionStateSchema = z.enum(['draft', 'published', 'superseded']);

/** A material's blank form (空白表格) or filled-in sample (填写样例), as uploaded in the item editor. */
export const materialFileSchema = z.object({
  materialKey: z.string(),
  kind: z.enum(materialFileKinds),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: z.number(),
});
export const materialFileParams = z.object({
  id: z.string().min(1).max(64),
  materialKey: z.string().min(1).max(32),
  kind: z.enum(materialFileKinds),
});
export const versionFileParams = materialFileParams.extend({ version: intParam({ min: 1, max: 100_000 }) });
export const materialFilesResult = z.object({ version: z.number(), files: z.array(materialFileSchema) });

export const itemDetailSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  code: z.string(),
  status: itemStatus,
  publishedVersion: z.number().nullable(),
  draftVersion: z.number().nullable(),
  versions: z.array(
    z.object({
      version: z.number(),
      state: versionStateSchema,
      publishedAt: z.number().nullable(),
      publishedBy: z.string().nullable(),
      createdAt: z.number(),
    }),
  ),
  content: itemContentSchema,
  /** The files of the version shown (the draft when there is one): what the editor uploads to. */
  materialFilesVersion: z.number(),
  materialFiles: z.array(materialFileSchema),
});

export const itemVersionSchema = z.object({
  version: z.number(),
  state: versionStateSchema,
  publishedAt: z.number().nullable(),
  publishedBy: z.string().nullable(),
  content: itemContentSchema,
});

export const itemCreateInput = z.object({
  hallId: z.string().min(1).max(64),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/, '事项编码为 2–32 位字母、数字、- 或 _'),
  content: itemContentSchema,
});

export const itemQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  q: z.string().trim().max(60).optional(),
  category: z.enum(categories).optional(),
  status: itemStatus.optional(),
});

export const versionParams = z.object({ id: z.string().min(1).max(64), version: intParam({ min: 1, max: 100_000 }) });
