/**
 * 补录 (R17.2): while the server could not be reached, the window received and accepted on paper and gave the
 * applicant a handwritten-numbered paper receipt. Afterwards the clerk enters the case with its real reception and
 * acceptance times: the deadline counts from the real acceptance day on the hall calendar, the case keeps its paper
 * receipt number, the trail marks it back-entered and the audit log records who entered it when.
 */
import { checkMaterials } from '../../domain/intake/checklist.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import * as cases from '../cases/service.ts';
import { findHall } from '../org/service.ts';
import { acceptInTransaction } from './acceptance.ts';
import type { BackEntryInput } from './schema.ts';
import { checkReception, incomplete, insertReceived, receptionContext } from './service.ts';

export async function backEnter(ctx: AppContext, actor: Actor, input: BackEntryInput) {
  const now = ctx.clock.now();
  if (input.receivedAt > now)
    throw invalid('receivedAt', '收件时间不能晚于现在', 'The reception time is in the future');
  if (input.acceptedAt > now)
    throw invalid('acceptedAt', '受理时间不能晚于现在', 'The acceptance time is in the future');
  if (input.acceptedAt < input.receivedAt)
    throw invalid('acceptedAt', '受理时间不能早于收件时间', 'Acceptance cannot precede reception');
  const r = await checkReception(ctx, actor, input);
  const check = checkMaterials(cases.checklistOf(r.content), input.materials);
  if (!check.complete) throw incomplete(check.shortfalls.map((s) => s.name));
  const hall = await findHall(ctx.db, r.item.hall_id);
  if (!hall) throw new Error(`item ${r.item.id} refers to a missing hall`);
  const calendar = await calendarOf(ctx.db, hall.id);
  const acceptedDay = chinaDay(input.acceptedAt);
  if (!calendar.isWorkingDay(acceptedDay))
    throw invalid(
      'acceptedAt',
      `受理日期 ${acceptedDay} 不是本大厅的工作日`,
      `${acceptedDay} is not a working day of the hall`,
    );
  if (await cases.findBackEntryByPaperNo(ctx.db, hall.id, input.paperReceiptNo))
    throw new AppError(
      409,
      'CONFLICT',
      `纸质回执 ${input.paperReceiptNo} 已补录过`,
      `Paper receipt ${input.paperReceiptNo} was already entered`,
      'paperReceiptNo',
    );
  // The deadline from the real acceptance day, by the same rule as an acceptance at the window.
  const d = cases.caseDeadline(calendar, { acceptedDay, promisedDays: r.content.promisedDays });
  const when = {
    now: input.acceptedAt,
    acceptedDay,
    deadline: d.deadline ?? acceptedDay,
    provisional: d.provisional,
  };
  const id = newId(input.receivedAt);
  const x = receptionContext(r, hall, input, check);
  await ctx.db.transaction().execute(async (trx) => {
    const { row, event } = await insertReceived(trx, actor, r, input, id, input.receivedAt);
    await acceptInTransaction(ctx, trx, actor, row, x, when, null, { receptionEvent: event });
    await cases.insertBackEntry(trx, {
      case_id: id,
      hall_id: hall.id,
      paper_receipt_no: input.paperReceiptNo,
      received_at: input.receivedAt,
      accepted_at: input.acceptedAt,
      entered_at: now,
      entered_by: actor.userId,
      entered_by_name: actor.displayName,
    });
    const accepted = await cases.loadCase(trx, actor, id);
    await cases.recordEvent(trx, actor, id, now, {
      action: 'backEntry',
      from: accepted.state,
      to: accepted.state,
      detail: {
        backEntered: true,
        paperReceiptNo: input.paperReceiptNo,
        receivedAt: input.receivedAt,
        acceptedAt: input.acceptedAt,
        deadline: when.deadline,
      },
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case.back_entry', 'case', id, {
        paperReceiptNo: input.paperReceiptNo,
        receivedAt: input.receivedAt,
        acceptedAt: input.acceptedAt,
        deadline: when.deadline,
      }),
    );
  });
  return cases.presentDetail(ctx, actor, await cases.loadCase(ctx.db, actor, id), x);
}
