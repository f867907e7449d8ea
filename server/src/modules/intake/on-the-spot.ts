/**
 * 当场受理: when everything is handed in at the window, the clerk registers and accepts in one step, and the
 * case, its reception round, steps, routing, number, receipt, trail and audit record are written in one
 * transaction — nothing of it exists unless all of it does.
 */
import { checkMaterials } from '../../domain/intake/checklist.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { checklistOf, loadCase, presentDetail, type CaseRow } from '../cases/service.ts';
import { findHall } from '../org/service.ts';
import { acceptInTransaction, deadlineIfAcceptedNow } from './acceptance.ts';
import type { ReceptionInput } from './schema.ts';
import { checkReception, incomplete, insertReceived, receptionContext } from './service.ts';

/** `also` writes what a caller keeps beside the accepted case (乡镇收件) in the same transaction. */
export async function acceptAtWindow(
  ctx: AppContext,
  actor: Actor,
  input: ReceptionInput,
  also?: (trx: Db, accepted: CaseRow, now: number) => Promise<void>,
) {
  const r = await checkReception(ctx, actor, input);
  const check = checkMaterials(checklistOf(r.content), input.materials);
  if (!check.complete) throw incomplete(check.shortfalls.map((s) => s.name));
  const hall = await findHall(ctx.db, r.item.hall_id);
  if (!hall) throw new Error(`item ${r.item.id} refers to a missing hall`);
  const when = await deadlineIfAcceptedNow(ctx, { hall_id: hall.id, promised_days: r.content.promisedDays });
  const now = ctx.clock.now();
  const id = newId(now);
  const x = receptionContext(r, hall, input, check);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await insertReceived(trx, actor, r, input, id, now);
    await acceptInTransaction(ctx, trx, actor, row, x, { now, ...when }, null);
    if (also) await also(trx, await loadCase(trx, actor, id), now);
  });
  // Answered with what was just checked and written; only the case row and its trail are read back.
  return presentDetail(ctx, actor, await loadCase(ctx.db, actor, id), x);
}
