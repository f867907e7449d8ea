/**
 * 当场受理: when everything is handed in at the window, the clerk registers and accepts in one step, and the
 * case, its reception round, steps, routing, number, receipt, trail and audit record are written in one
 * transaction — nothing of it exists unless all of it does.
 */
import type { CaseState } from '../../domain/case/index.ts';
import { checkMaterials } from '../../domain/intake/checklist.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import {
  checklistOf,
  documentKindLabels,
  loadCase,
  presentDetail,
  stateLabel,
  type CaseRow,
} from '../cases/service.ts';
import { findHall } from '../org/service.ts';
import { type Accepted, acceptInTransaction, deadlineIfAcceptedNow } from './acceptance.ts';
import type { ReceptionInput } from './schema.ts';
import { checkReception, incomplete, insertReceived, receptionContext } from './service.ts';

type Also = (trx: Db, accepted: CaseRow, now: number) => Promise<void>;

async function registerAndAccept(ctx: AppContext, actor: Actor, input: ReceptionInput, also?: Also) {
  const r = await checkReception(ctx, actor, input);
  const check = checkMaterials(checklistOf(r.content), input.materials);
  if (!check.complete) throw incomplete(check.shortfalls.map((s) => s.name));
  const hall = await findHall(ctx.db, r.item.hall_id);
  if (!hall) throw new Error(`item ${r.item.id} refers to a missing hall`);
  const when = await deadlineIfAcceptedNow(ctx, { hall_id: hall.id, promised_days: r.content.promisedDays });
  const now = ctx.clock.now();
  const id = newId(now);
  const x = receptionContext(r, hall, input, check);
  const accepted = await ctx.db.transaction().execute(async (trx) => {
    const { row, event } = await insertReceived(trx, actor, r, input, id, now);
    const done = await acceptInTransaction(ctx, trx, actor, row, x, { now, ...when }, null, { receptionEvent: event });
    if (also) await also(trx, done.row, now);
    return done;
  });
  return { accepted, x };
}

/**
 * The case detail of a case accepted in one step, for callers that show the whole case next (乡镇收件, 网上预审);
 * `also` writes what such a caller keeps beside the accepted case in the same transaction.
 */
export async function acceptAtWindow(ctx: AppContext, actor: Actor, input: ReceptionInput, also?: Also) {
  const { accepted, x } = await registerAndAccept(ctx, actor, input, also);
  // Answered with what was just checked and written; only the case row and its trail are read back.
  return presentDetail(ctx, actor, await loadCase(ctx.db, actor, accepted.row.id), x);
}

/**
 * 当场受理 at the window answers with what the clerk's screen shows next — the number, the promised date and the
 * receipt to print — from what was just written, without reading the case back (the window's busiest request).
 */
export async function acceptOnTheSpot(ctx: AppContext, actor: Actor, input: ReceptionInput) {
  const { accepted } = await registerAndAccept(ctx, actor, input);
  return acceptanceAnswer(accepted);
}

export function acceptanceAnswer({ row, caseNo, documents }: Accepted) {
  return {
    id: row.id,
    caseNo,
    itemName: row.item_name,
    state: row.state as CaseState,
    stateLabel: stateLabel(row.state),
    acceptedDay: row.accepted_day ?? '',
    deadline: row.deadline ?? '',
    deadlineProvisional: row.deadline_provisional === 1,
    firstOwner: { id: row.first_owner_id ?? '', name: row.first_owner_name ?? '' },
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      kindLabel: documentKindLabels[d.kind],
      docNo: d.docNo,
      status: 'issued' as const,
      issuedAt: d.issuedAt,
    })),
  };
}
