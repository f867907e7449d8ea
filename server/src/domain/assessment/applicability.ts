/**
 * Which volume indicators a person is assessed on. A volume indicator counts one kind of work: the front desk's
 * (receptions, consultations, tickets served) or the back office's (办理环节: 承办、审核、审批 steps finished). A person
 * whose posts do not include that work, and who did none of it in the period, is not assessed on it (不适用, like an
 * indicator with no data): a back-office handler is not marked down for tickets that were never theirs to serve, nor
 * a window clerk for steps that were never theirs to work. Whoever did the work anyway (a supervisor covering a
 * window) is assessed on what they did.
 */
import type { Permission } from '../roles.ts';
import type { IndicatorCode } from './index.ts';

/** The permissions that make a volume indicator's work part of a person's posts (any one of them suffices). */
export const volumeWork: Partial<Record<IndicatorCode, readonly Permission[]>> = {
  cases_received: ['reception.register'],
  consultations_answered: ['consult.handle'],
  tickets_served: ['queue.serve'],
  // The permissions the back-office steps need: 承办 (handler), 审核 (reviewer), 审批 (approver).
  steps_finished: ['case.process', 'case.review', 'case.approve'],
};

/** The person's actual for the indicator, or null (不适用) when it is neither their work nor done by them. */
export function personActual(code: IndicatorCode, held: ReadonlySet<string>, actual: number | null): number | null {
  const work = volumeWork[code];
  if (!work || work.some((p) => held.has(p))) return actual;
  return actual !== null && actual > 0 ? actual : null;
}
