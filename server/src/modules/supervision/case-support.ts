/** The board's sections beside the clocks: open escalations, late expert consultations, lapsed deferred materials. */
import type { AppContext } from '../../platform/context.ts';
import { lateForBoard } from '../experts/service.ts';
import { openForBoard } from '../escalations/service.ts';
import { overdueForBoard } from '../deferrals/service.ts';

export async function caseSupportBoard(ctx: AppContext, hallIds: string[]) {
  const [escalations, experts, deferred] = await Promise.all([
    openForBoard(ctx, hallIds),
    lateForBoard(ctx, hallIds),
    overdueForBoard(ctx, hallIds),
  ]);
  return { escalations, experts, deferred };
}
