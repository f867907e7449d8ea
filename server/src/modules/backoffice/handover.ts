/**
 * Hand-overs between the steps of a case's plan (R4.1, R4.2): a finished step hands the case to the next order
 * once every parallel step of its own order is done, each newly active step with its routing slip and deadline,
 * the hand-over on the trail. Shared by 环节办结 and by a passed review, always inside the caller's transaction.
 */
import { transitions } from '../../domain/case/index.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { calendarOf } from '../calendar/service.ts';
import * as cases from '../cases/repository.ts';
import { recordEvent } from '../cases/trail.ts';
import { pausesFrom, stepDeadlineColumns } from '../timelimits/clocks.ts';
import { pausesOf } from '../timelimits/repository.ts';
import * as repo from './repository.ts';

/** An approval step of the plan: one done by a post the state machine lets approve (审批人, 站长). */
export const isApprovalStep = (s: cases.StepRow) => (transitions.approve.roles as readonly string[]).includes(s.role);

/** Activates the steps of `order`, with their deadlines and one routing slip each. */
async function activateOrder(trx: Db, actor: Actor, c: cases.CaseRow, order: number, now: number) {
  const calendar = await calendarOf(trx, c.hall_id);
  const pauses = pausesFrom(await pausesOf(trx, c.id));
  const next = (await cases.stepsOf(trx, c.id)).filter((x) => x.step_order === order && x.status === 'pending');
  for (const n of next) {
    const activated = { ...n, status: 'active', activated_at: now };
    await repo.updateStep(trx, n.id, { status: 'active', activated_at: now, ...stepDeadlineColumns(calendar, activated, pauses) });
  }
  await cases.insertSlips(trx, next.map((n) => ({
    id: newId(now), case_id: c.id, at: now, step_id: n.id, handed_over_by: actor.userId, handed_over_by_name: actor.displayName,
    department_id: n.department_id,
  })));
  return next;
}

/**
 * After step `s` was marked done (by the caller, guarded by what it read): starts the next order when the
 * parallel siblings are all done, and records the finished step with its hand-over on the trail.
 */
export async function handOverAfter(trx: Db, actor: Actor, c: cases.CaseRow, s: cases.StepRow, now: number, note: string) {
  const steps = await cases.stepsOf(trx, c.id);
  const open = steps.filter((x) => x.step_order === s.step_order && x.status !== 'done');
  const laterOrders = [...new Set(steps.filter((x) => x.status === 'pending').map((x) => x.step_order))].sort((a, b) => a - b);
  const nextOrder = open.length > 0 ? undefined : laterOrders[0];
  const next = nextOrder === undefined ? [] : await activateOrder(trx, actor, c, nextOrder, now);
  await recordEvent(trx, actor, c.id, now, {
    action: 'finishStep', from: c.state, to: c.state,
    detail: {
      stepId: s.id, step: s.name, note, waitingFor: open.map((x) => x.name),
      handedOverTo: next.map((n) => ({ step: n.name, departmentId: n.department_id })),
    },
  });
  return { nextOrder: nextOrder ?? null, next };
}
