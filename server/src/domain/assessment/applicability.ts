/**
 * Which volume indicators a person is assessed on. A volume indicator counts one kind of work done at the front
 * (receptions, consultations, tickets served). A person whose posts do not include that work, and who did none of
 * it in the period, is not assessed on it (不适用, like an indicator with no data): a back-office handler is not
 * marked down for tickets that were never theirs to serve. Whoever did the work anyway (a supervisor covering a
 * window) is assessed on what they did.
 */
import type { Permission } from '../roles.ts';
import type { IndicatorCode } from './index.ts';

/** The permission that makes a volume indicator's work part of a person's posts. */
export const volumeWork: Partial<Record<IndicatorCode, Permission>> = {
  cases_received: 'reception.register',
  consultations_answered: 'consult.handle',
  tickets_served: 'queue.serve',
};

/** The person's actual for the indicator, or null (不适用) when it is neither their work nor done by them. */
export function personActual(code: IndicatorCode, held: ReadonlySet<string>, actual: number | null): number | null {
  const work = volumeWork[code];
  if (!work || held.has(work)) return actual;
  return actual !== null && actual > 0 ? actual : null;
}
