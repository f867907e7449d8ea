import { z } from 'zod';

/** GET /api/home/workbench: the counts of one's own work, a section per role held; each count is a linked list's length. */
export const workbenchSchema = z.object({
  today: z.string(),
  /** The first day of this month (the head's figures run from it to today). */
  monthStart: z.string(),
  /** 窗口收件: cases received today, cases waiting for the clerk, consultations still open. */
  clerk: z
    .object({
      receivedToday: z.number(),
      awaitingSupplement: z.number(),
      awaitingCollection: z.number(),
      consultationsOpen: z.number(),
      /** The window the clerk has open now (null: none open), the people waiting for it, tickets it finished today. */
      window: z
        .object({
          id: z.string(),
          number: z.number(),
          name: z.string(),
          state: z.enum(['open', 'paused', 'closed']),
          waiting: z.number(),
          servedToday: z.number(),
        })
        .nullable(),
    })
    .nullable(),
  /** 后台承办/审核: the personal inbox by the step's light, and the steps due today or past due. */
  backoffice: z
    .object({
      total: z.number(),
      green: z.number(),
      yellow: z.number(),
      red: z.number(),
      overdue: z.number(),
      dueToday: z.number(),
    })
    .nullable(),
  /** 窗口主管: the board, alerts, call-backs, complaints, rectifications, leave and cover. */
  supervisor: z
    .object({
      boardRed: z.number(),
      boardYellow: z.number(),
      alertsUnread: z.number(),
      followUps: z.number(),
      complaintsOpen: z.number(),
      /** Open complaints whose reply clock is yellow or red (due soon or past due). */
      complaintsDueSoon: z.number(),
      rectificationsOverdue: z.number(),
      leavesToApprove: z.number(),
      uncovered: z.number(),
    })
    .nullable(),
  /** 监督检查: rectification notices waiting for verification and past due, findings this month. */
  inspector: z
    .object({
      rectificationsToVerify: z.number(),
      rectificationsOpen: z.number(),
      rectificationsOverdue: z.number(),
      /** The newest records sample (随机抽查): its cases not yet checked. */
      sampleUnchecked: z.number(),
      /** Findings recorded since the first of this month (China time), in any sample. */
      findingsThisMonth: z.number(),
    })
    .nullable(),
  /** 上级交办: one's own open tasks handed down (→ /my-tasks) and the overdue ones among them, for every role. */
  tasks: z.object({ open: z.number(), overdue: z.number() }),
  /**
   * 考核 of the period being assessed (last month, as the 考核 page opens) in the first of one's halls: cards remarked
   * but not signed for the signer (station head), cards without remarks for a reviewer who does not sign (supervisor).
   */
  assessment: z
    .object({
      hallId: z.string(),
      period: z.string(),
      toSign: z.number().nullable(),
      toReview: z.number().nullable(),
    })
    .nullable(),
  /** 站长: the hall this month and what waits for the head's approval. */
  head: z
    .object({
      receivedThisMonth: z.number(),
      onTimeFinished: z.number(),
      onTimeRate: z.number().nullable(),
      complaintsOpen: z.number(),
      leavesToApprove: z.number(),
      approvals: z.number(),
    })
    .nullable(),
});
export type Workbench = z.infer<typeof workbenchSchema>;
