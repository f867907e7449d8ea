/**
 * Internal opinions are confidential (收件受理过程中产生的内部文件、数据、处理意见): review notes, approval opinions,
 * hand-over notes and the questions and answers of a verification with the front desk are shown only to the staff
 * on the case, its departments' staff, and supervisors, station heads and inspectors. Everyone else sees that an
 * opinion exists, not what it says. Public pages and the applicant's documents never carry them at all.
 */
import type { Actor } from '../../platform/context.ts';
import type { CaseDetail } from './schema.ts';

export const WITHHELD = '（内部意见，仅承办人员、主管和监督员可见）';

/** Trail actions whose detail holds an opinion, and the keys of it. */
const opinionKeys: Record<string, readonly string[]> = {
  passReview: ['note'],
  returnForRework: ['reason'],
  approve: ['reason', 'note'],
  deny: ['reason'],
  escalate: ['reason'],
  assignStep: ['note'],
  handOverStep: ['note'],
  handBackStep: ['note'],
  finishStep: ['note'],
  askFrontDeskToVerify: ['question'],
  answerVerification: ['question', 'answer'],
  approveExtension: ['note'],
};

export interface CaseParties {
  firstOwnerId: string | null;
  eventUserIds: readonly string[];
  steps: readonly { department_id: string | null; assignee_id?: string | null }[];
}

/** Supervisors, station heads and inspectors (electronic supervision), anyone who worked the case, and its departments' staff. */
export function mayReadInternalOpinions(actor: Actor, p: CaseParties): boolean {
  if (actor.permissions.has('supervision.view')) return true;
  if (p.firstOwnerId === actor.userId || p.eventUserIds.includes(actor.userId)) return true;
  return p.steps.some(
    (s) =>
      s.assignee_id === actor.userId || (s.department_id !== null && actor.departmentIds.includes(s.department_id)),
  );
}

/** The detail as `actor` may see it: opinions replaced by a note that they are withheld. */
export function withInternalOpinionsFor(actor: Actor, p: CaseParties, d: CaseDetail): CaseDetail {
  if (mayReadInternalOpinions(actor, p)) return d;
  return {
    ...d,
    events: d.events.map((e) => {
      const keys = opinionKeys[e.action]?.filter((k) => e.detail && k in e.detail);
      if (!keys?.length || !e.detail) return e;
      const detail = { ...e.detail };
      for (const k of keys) detail[k] = WITHHELD;
      return { ...e, detail };
    }),
    verifications: d.verifications.map((v) => ({
      ...v,
      question: WITHHELD,
      answer: v.answer === null ? null : WITHHELD,
    })),
    extensions: d.extensions.map((x) => ({ ...x, decisionNote: x.decisionNote === null ? null : WITHHELD })),
  };
}
