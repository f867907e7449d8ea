import type { AppContext } from './context.ts';
import { purgeIdempotencyKeys } from './idempotency.ts';
import { runPeriodically } from './periodic.ts';
import { purgeRateLimits } from './rate-limit.ts';

/** Deletes what has outlived its use: idempotency keys past their window and spent rate-limit windows. */
export async function housekeepingPass(ctx: Pick<AppContext, 'db' | 'clock'>) {
  const now = ctx.clock.now();
  return { idempotencyKeys: await purgeIdempotencyKeys(ctx.db, now), rateLimits: await purgeRateLimits(ctx.db, now) };
}

/** Every ten minutes in the serving process; a delete is idempotent, so several nodes may sweep at once. */
export function startHousekeeping(ctx: AppContext): () => void {
  return runPeriodically(ctx.log, 'housekeeping', 10 * 60_000, () => housekeepingPass(ctx));
}
