import { noticeSchema, publicNoticeSchema } from '../notices/schema.ts';
import { z } from 'zod';
import { authorityLevels, caseStates } from '../../domain/case/index.ts';
import { listOf, pageQuery } from '../../platform/schemas.ts';
import { applicantSchema } from '../applicants/schema.ts';
import { documentKinds, importances, urgencies } from './presenter.ts';

const lightSchema = z.enum(['green', 'yellow', 'red']).nullable();

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const caseSummarySchema = z.object({
  id: z.string(),
  hallId: z.string(),
  caseNo: z.string().nullable(),
  itemId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  state: z.enum(caseStates),
  stateLabel: z.string(),
  urgency: z.enum(urgencies),
  urgencyLabel: z.string(),
  importance: z.enum(importances),
  windowId: z.string().nullable(),
  receivedBy: z.string(),
  receivedAt: z.number(),
  acceptedAt: z.number().nullable(),
  deadline: z.string().nullable(),
  deadlineProvisional: z.boolean(),
  /** 红黄绿灯 of the case deadline (clock.ts rule 6); null before acceptance or while the clock is stopped. */
  light: lightSchema,
});

const materialState = z.object({
  key: z.string(),
  name: z.string(),
  form: z.string(),
  requirement: z.enum(['required', 'conditional', 'optional']),
  condition: z.string(),
  essential: z.boolean(),
  status: z.enum(['received', 'missing', 'incorrect', 'not_applicable']),
  copies: z.number(),
  pages: z.number(),
  reason: z.string(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  itemVersion: z.number(),
  /** 补录: entered after an outage from its paper receipt, with the real reception and acceptance times. */
  backEntry: z
    .object({ paperReceiptNo: z.string(), enteredAt: z.number(), enteredBy: z.string() })
    .nullable()
    .optional(),
  applicant: applicantSchema,
  agent: applicantSchema.nullable(),
  attorneyChecked: z.boolean(),
  firstOwner: z.object({ id: z.string(), name: z.string() }).nullable(),
  acceptedDay: z.string().nullable(),
  promisedDays: z.number(),
  deferred: z.object({ keys: z.array(z.string()), deadline: z.string() }).nullable(),
  closedReason: z.string().nullable(),
  round: z.number(),
  materials: z.array(materialState),
  checklist: z.object({
    complete: z.boolean(),
    deferrable: z.boolean(),
    shortfalls: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        status: z.enum(['missing', 'incorrect']),
        essential: z.boolean(),
        reason: z.string(),
      }),
    ),
  }),
  steps: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      order: z.number(),
      role: z.string(),
      departmentId: z.string().nullable(),
      /** 承办部门's name, so the case page names it for anyone who may open the case. */
      departmentName: z.string().nullable(),
      limitDays: z.number(),
      status: z.enum(['pending', 'active', 'done', 'skipped']),
      /** 审批权限: the level that signs this step off (科室负责人 / 分管领导 / 主要领导), or none. */
      authority: z.enum(authorityLevels).nullable(),
      /** What the signed-in person may do on this step now (claimStep, finishStep, passReview, approve, startRework). */
      actions: z.array(z.string()),
      /** 承办人: who works the step now (claimed, assigned or handed over). */
      assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
      /** AB岗: the person this step was taken for while they were away, now back — the holder may hand it back (交还). */
      handBackTo: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
      activatedAt: z.number().nullable(),
      doneAt: z.number().nullable(),
      /** 环节时限: the step's own deadline from its activation day and limitDays. */
      deadline: z.string().nullable(),
      /** 待定: the step deadline touches a year whose national schedule is not published. */
      deadlineProvisional: z.boolean(),
      light: lightSchema,
    }),
  ),
  routingSlips: z.array(
    z.object({
      at: z.number(),
      handedOverBy: z.string(),
      departmentId: z.string().nullable(),
      stepId: z.string().nullable(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(documentKinds),
      kindLabel: z.string(),
      docNo: z.string(),
      status: z.string(),
      issuedAt: z.number(),
    }),
  ),
  events: z.array(
    z.object({
      at: z.number(),
      by: z.string(),
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      detail: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  allowedActions: z.array(z.string()),
  /** Working days added by approved extensions. */
  extraDays: z.number(),
  /** The approver referred the decision to the station head. */
  approvalEscalated: z.boolean(),
  outcome: z.enum(['success', 'failure']).nullable(),
  completedDay: z.string().nullable(),
  /** 暂停计时: toDay null while the clock is stopped. */
  suspensions: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      reason: z.string(),
      fromDay: z.string(),
      toDay: z.string().nullable(),
      by: z.string(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      extraDays: z.number(),
      reason: z.string(),
      status: z.enum(['requested', 'approved', 'refused']),
      requestedBy: z.string(),
      requestedAt: z.number(),
      decidedBy: z.string().nullable(),
      decidedAt: z.number().nullable(),
      decisionNote: z.string().nullable(),
      newDeadline: z.string().nullable(),
      newDeadlineProvisional: z.boolean(),
    }),
  ),
  /** 沟通核实 questions to the front desk; answer null while open. */
  verifications: z.array(
    z.object({
      id: z.string(),
      stepId: z.string().nullable(),
      question: z.string(),
      responseDeadline: z.string(),
      responseDeadlineProvisional: z.boolean(),
      askedBy: z.string(),
      askedAt: z.number(),
      answer: z.string().nullable(),
      answeredBy: z.string().nullable(),
      answeredAt: z.number().nullable(),
    }),
  ),
  /** Result files kept with the case; GET /api/cases/:id/files/:fileId serves each. */
  files: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['result', 'other']),
      name: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      uploadedBy: z.string(),
      uploadedAt: z.number(),
    }),
  ),
  /** 领取/送达; docNumber always masked. */
  deliveries: z.array(
    z.object({
      method: z.enum(['collect', 'mail']),
      collectedBy: z.string().nullable(),
      docType: z.string().nullable(),
      docTypeLabel: z.string().nullable(),
      docNumber: z.string().nullable(),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      at: z.number(),
      by: z.string(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** `totalCapped`: more cases match than were counted; `total` is then the cap (the list shows "10,000+"). */
export const caseListSchema = listOf(caseSummarySchema).extend({ totalCapped: z.boolean() });

export const caseQuery = pageQuery.extend({
  hallId: z.string().max(64).optional(),
  /** One state or several separated by commas. */
  status: z.string().max(300).optional(),
  itemId: z.string().max(64).optional(),
  departmentId: z.string().max(64).optional(),
  windowId: z.string().max(64).optional(),
  /** The clerk who received the case or its first-question owner. */
  personId: z.string().max(64).optional(),
  from: day.optional(),
  to: day.optional(),
  urgency: z.enum(urgencies).optional(),
  /** A case number or an applicant's name (fragment). */
  q: z.string().trim().min(1).max(60).optional(),
});

export const documentParams = z.object({ id: z.string().min(1).max(64), docId: z.string().min(1).max(64) });

export const progressQuery = z.object({
  no: z.string().trim().min(1).max(40),
  phone4: z.string().regex(/^\d{4}$/, '请输入手机号码后四位'),
});

export const progressSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  hallName: z.string(),
  stateLabel: z.string(),
  acceptedDay: z.string().nullable(),
  promisedDate: z.string().nullable(),
  provisional: z.boolean(),
  currentStep: z.string().nullable(),
  /** True while the clock is suspended (then promisedDate is null until it resumes). */
  clockStopped: z.boolean(),
  completedDay: z.string().nullable(),
  steps: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['done', 'active', 'pending', 'skipped']),
      doneDay: z.string().nullable(),
    }),
  ),
  notices: z.array(publicNoticeSchema),
});

export { importances, urgencies } from './presenter.ts';

/** POST /api/cases/:id/withdraw — 撤回 with the applicant's reason. */
export const withdrawInput = z.object({ reason: z.string().trim().max(500) });

/** A notice about the case (通知), for its detail page. */
export const caseNoticeSchema = noticeSchema;
