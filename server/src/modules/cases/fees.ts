/**
 * 先缴费后办结: the case core's completion refuses a case whose item asks payment first while its fee is owed.
 * The fee items live on the pinned item version and the ledger is a case table, so the check needs no later module.
 */
import { dueOf, feeItemsOf, type LedgerEntry, paidOf, unpaidProblem } from '../../domain/fees/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ItemContent } from '../catalog/schema.ts';
import { type FeeEntryRow, feeEntriesOf } from './fee-repository.ts';

export const ledgerEntry = (r: FeeEntryRow): LedgerEntry => ({
  kind: r.kind as LedgerEntry['kind'],
  status: r.status as LedgerEntry['status'],
  amountFen: Number(r.amount_fen),
  method: r.method as LedgerEntry['method'],
  windowId: r.window_id,
  day: r.day,
});

export async function assertFeePaid(db: Db, caseId: string, content: ItemContent): Promise<void> {
  const due = dueOf(feeItemsOf(content));
  if (due <= 0 || !content.payBeforeCompletion) return;
  const paid = paidOf((await feeEntriesOf(db, caseId)).map(ledgerEntry));
  const problem = unpaidProblem(due, paid, true);
  if (problem) throw new AppError(409, 'FEE_UNPAID', problem.zh, problem.en, 'fee');
}
