/** Request and response shapes of the archive: scheme, files, contents, borrowing and disposal. */
import { z } from 'zod';
import { archiveOutcomes, confidentialityLevels, loanStatuses, MIN_PAPER_YEARS } from '../../domain/archives/index.ts';
import { intParam } from '../../platform/numeric-params.ts';
import { listOf, pageQuery } from '../../platform/schemas.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, zh: string) => z.string().trim().min(1, zh).max(max);

export const categoryInput = z.object({
  hallId: z.string().min(1),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{1,8}$/, '类别代码为 1–8 位大写字母或数字'),
  name: required(40, '请填写类别名称'),
  outcome: z.enum(archiveOutcomes),
  itemId: z.string().min(1).max(64).nullable().default(null),
  paperYears: z.number().int().min(MIN_PAPER_YEARS, `纸质档案保管期限不少于${MIN_PAPER_YEARS}年`).max(100),
  electronicYears: z.number().int().min(MIN_PAPER_YEARS).max(1000).nullable().default(null),
  confidentiality: z.enum(confidentialityLevels),
});
export const categorySchema = categoryInput.omit({ hallId: true }).extend({ builtIn: z.boolean() });
export const schemeSchema = z.object({ items: z.array(categorySchema) });
export const hallQuery = z.object({ hallId: z.string().min(1).max(64).optional() });

/** 在库, 借出, 待鉴定销毁, 纸质已销毁. */
export const fileStatuses = ['held', 'lent', 'disposal_pending', 'paper_disposed'] as const;

export const fileQuery = pageQuery.extend({
  hallId: z.string().min(1).max(64).optional(),
  archiveNo: text(60).optional(),
  caseNo: text(60).optional(),
  applicant: text(60).optional(),
  item: text(60).optional(),
  year: intParam({ min: 2000, max: 2200 }).optional(),
  status: z.enum(fileStatuses).optional(),
});

export const fileSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  archiveNo: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  year: z.number(),
  seq: z.number(),
  caseId: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  applicantId: z.string(),
  applicantName: z.string(),
  // a filed case has ended one way; 'any' is only the scheme's wildcard
  outcome: z.enum(archiveOutcomes).exclude(['any']),
  outcomeLabel: z.string(),
  confidentiality: z.enum(confidentialityLevels),
  confidentialityLabel: z.string(),
  paperYears: z.number(),
  paperUntil: z.string(),
  electronicUntil: z.string().nullable(),
  status: z.enum(fileStatuses),
  statusLabel: z.string(),
  filedAt: z.number(),
  filedBy: z.string(),
});
export type FileView = z.infer<typeof fileSchema>;
export const fileListSchema = listOf(fileSchema);

export const contentsEntrySchema = z.object({
  no: z.number(),
  kind: z.enum(['document', 'result', 'scan', 'trail']),
  ref: z.string(),
  title: z.string(),
  at: z.number(),
  note: z.string(),
});
export const trailEntrySchema = z.object({
  at: z.number(),
  by: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
});
export const fileEventSchema = z.object({
  at: z.number(),
  by: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const fileDetailSchema = z.object({
  file: fileSchema,
  contents: z.array(contentsEntrySchema),
  trail: z.array(trailEntrySchema),
  events: z.array(fileEventSchema),
});

export const classifyInput = z.object({ confidentiality: z.enum(confidentialityLevels) });

export const pendingSchema = listOf(
  z.object({
    caseId: z.string(),
    caseNo: z.string().nullable(),
    itemName: z.string(),
    receivedAt: z.number(),
    hallId: z.string(),
    state: z.string(),
    stateLabel: z.string(),
  }),
);
export const fileCaseInput = z.object({ caseId: z.string().min(1).max(64) });
export const sweepSchema = z.object({ filed: z.number() });

export const loanInput = z.object({
  purpose: required(300, '请填写借阅目的'),
  medium: z.enum(['paper', 'electronic']),
  days: z.number().int().min(1, '借阅天数至少 1 个工作日').max(30, '借阅天数最多 30 个工作日'),
});
export const decisionInput = z.object({ approve: z.boolean(), note: text(300).default('') });
export const returnInput = z.object({ complete: z.boolean(), undamaged: z.boolean(), note: text(300).default('') });
export const loanQuery = pageQuery.extend({
  hallId: z.string().min(1).max(64).optional(),
  status: z.enum(loanStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const loanSchema = z.object({
  id: z.string(),
  fileId: z.string(),
  archiveNo: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  confidentiality: z.enum(confidentialityLevels),
  confidentialityLabel: z.string(),
  borrowerName: z.string(),
  purpose: z.string(),
  medium: z.enum(['paper', 'electronic']),
  days: z.number(),
  levelNeeded: z.number(),
  levelLabel: z.string(),
  status: z.enum(loanStatuses),
  statusLabel: z.string(),
  requestedAt: z.number(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  lentAt: z.number().nullable(),
  dueDay: z.string().nullable(),
  overdue: z.boolean(),
  returnedAt: z.number().nullable(),
  returnComplete: z.boolean().nullable(),
  returnUndamaged: z.boolean().nullable(),
  returnNote: z.string().nullable(),
  reminders: z.number(),
  viewUntil: z.number().nullable(),
});
export const loanListSchema = listOf(loanSchema);
export const viewLinkSchema = z.object({ url: z.string(), until: z.number() });
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const registerParams = z.object({ format: z.enum(['xlsx', 'pdf']) });
export const documentParams = tokenParams.extend({
  key: z.string().regex(/^(doc|result|scan)-[A-Za-z0-9_-]{1,80}$/, '卷内文件编号格式不正确'),
});
export const loanDocumentsSchema = z.object({
  loanId: z.string(),
  archiveNo: z.string(),
  until: z.number(),
  items: z.array(
    z.object({
      key: z.string(),
      no: z.number(),
      kind: z.enum(['document', 'result', 'scan']),
      title: z.string(),
      ref: z.string(),
      at: z.number(),
      /** pdf: the generated document; image: the scan on an A4 page; notice: the entry with a notice (PDF/OFD). */
      form: z.enum(['pdf', 'image', 'pages', 'notice']),
    }),
  ),
});

export const disposalInput = z.object({
  hallId: z.string().min(1),
  fileIds: z.array(z.string().min(1).max(64)).min(1, '请选择要鉴定销毁的档案').max(200),
  opinion: required(500, '请填写鉴定意见'),
});
export const executeInput = z.object({ method: required(100, '请填写销毁方式') });
export const disposalSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  files: z.array(z.object({ id: z.string(), archiveNo: z.string(), itemName: z.string(), paperUntil: z.string() })),
  opinion: z.string(),
  status: z.enum(['proposed', 'approved', 'rejected', 'executed']),
  statusLabel: z.string(),
  proposedBy: z.string(),
  proposedAt: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionNote: z.string().nullable(),
  executedBy: z.string().nullable(),
  executedAt: z.number().nullable(),
  method: z.string().nullable(),
});
export const disposalListSchema = listOf(disposalSchema);

export const enterpriseFileSchema = z.object({
  applicantId: z.string(),
  applicantName: z.string(),
  cases: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string().nullable(),
      itemName: z.string(),
      state: z.string(),
      stateLabel: z.string(),
      receivedAt: z.number(),
      archiveNo: z.string().nullable(),
    }),
  ),
  consultations: z.array(z.object({ id: z.string(), at: z.number(), subject: z.string(), status: z.string() })),
  ratings: z.array(z.object({ id: z.string(), at: z.number(), level: z.string(), comment: z.string() })),
});

/** The supervision board's section: loans past their due day. */
export const boardOverdueLoanSchema = z.object({
  loanId: z.string(),
  archiveNo: z.string(),
  itemName: z.string(),
  borrowerName: z.string(),
  dueDay: z.string(),
  reminders: z.number(),
});
