/**
 * The case core's reads for the 电子监察 board (supervision): the cases and steps whose clocks it lights, the
 * period's completions from the trail and the departments of their steps. Supervision asks for them through
 * cases/service.ts; the case tables stay the case core's.
 */
import { backOfficePosts } from '../../domain/case/steps.ts';
import { chinaDayStart } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';

const none = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

/** Cases in the given states (the clock running or suspended, not finished) with a stored deadline. */
export const watchedCases = (db: Db, hallIds: readonly string[], states: readonly string[]) =>
  db
    .selectFrom('cases')
    .select([
      'id',
      'hall_id',
      'case_no',
      'item_id',
      'item_name',
      'state',
      'window_id',
      'first_owner_id',
      'first_owner_name',
      'received_by',
      'received_by_name',
      'warning_days',
      'deadline',
      'urgency',
    ])
    .where('hall_id', 'in', none(hallIds))
    .where('state', 'in', none(states))
    .where('deadline', 'is not', null)
    .execute();

/** The active steps of those cases. */
export const watchedSteps = (db: Db, caseIds: readonly string[]) =>
  db
    .selectFrom('case_steps')
    .select([
      'id',
      'case_id',
      'name',
      'department_id',
      'limit_days',
      'activated_at',
      'assignee_id',
      'assignee_name',
      'claimed_at',
      'deadline',
    ])
    .where('case_id', 'in', none(caseIds))
    .where('status', '=', 'active')
    .execute();

/**
 * Cases completed (办结) in [fromMs, toMs). 办结 is one-way (no move leaves 'completed' for a working state), and the
 * completion writes `completed_at` on the case in the transaction that writes its trail event, with the same
 * instant: so the stored instant is the case's first and only completion event's. It is read off the partial index
 * (hall_id, completed_at): a hall's month reads that month's completions, not every case the hall ever had
 * (migration 0041; the statistics tests recompute the same counts from the trail).
 */
export const completions = (db: Db, hallIds: readonly string[], fromMs: number, toMs: number) =>
  firstCompletions(db, hallIds, fromMs, toMs)
    .select([
      'c.id',
      'c.hall_id',
      'c.case_no',
      'c.item_id',
      'c.item_name',
      'c.window_id',
      'c.first_owner_id',
      'c.first_owner_name',
      'c.received_by',
      'c.received_by_name',
      'c.deadline',
      'c.accepted_day',
      'c.completed_at',
    ])
    .execute();

/** The cases of these halls completed in [fromMs, toMs), as `c` (no columns yet). */
export const firstCompletions = (db: Db, hallIds: readonly string[], fromMs: number, toMs: number) =>
  db
    .selectFrom('cases as c')
    .where('c.hall_id', 'in', none(hallIds))
    .where('c.completed_at', '>=', fromMs)
    .where('c.completed_at', '<', toMs);

/** Bound values per statement stay well inside both databases' limits (a month of a big hall is tens of thousands). */
const IN_CHUNK = 5000;

/** Departments of each case's steps. */
export async function caseDepartments(db: Db, caseIds: readonly string[]) {
  const out: { case_id: string; department_id: string | null }[] = [];
  for (let i = 0; i < Math.max(1, caseIds.length); i += IN_CHUNK) {
    out.push(
      ...(await db
        .selectFrom('case_steps')
        .select(['case_id', 'department_id'])
        .where('case_id', 'in', none(caseIds.slice(i, i + IN_CHUNK)))
        .where('department_id', 'is not', null)
        .execute()),
    );
  }
  return out;
}

/** 统计分析: the cases accepted (受理) on the days [fromDay, toDay] of these halls, by their stored accepted day. */
export const acceptedBetween = (db: Db, hallIds: readonly string[], fromDay: string, toDay: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'accepted_day', 'item_id', 'item_name', 'window_id', 'received_by', 'received_by_name'])
    // For the statistics drill-down's list of the cases behind a figure.
    .select(['case_no', 'state', 'received_day'])
    .where('hall_id', 'in', none(hallIds))
    .where('accepted_day', '>=', fromDay)
    .where('accepted_day', '<=', toDay)
    .execute();

/** 考核: the review decisions (审核通过 / 退回重办) of the trail at [fromMs, toMs) in a hall, with the case's keys. */
export const reviewDecisionsBetween = (db: Db, hallId: string, fromMs: number, toMs: number) =>
  reviewDecisionsOf(db, hallId, fromMs, toMs)
    .select([
      'e.case_id',
      'c.case_no',
      'c.item_name',
      'c.window_id',
      'c.first_owner_id',
      'c.received_by',
      'e.action',
      'e.at',
      'e.display_name as decided_by_name',
    ])
    .execute();

export const reviewDecisionsOf = (db: Db, hallId: string, fromMs: number, toMs: number) =>
  db
    .selectFrom('case_events as e')
    .crossJoin('cases as c')
    .whereRef('c.id', '=', 'e.case_id')
    .where('e.action', 'in', ['passReview', 'returnForRework'])
    .where('e.at', '>=', fromMs)
    .where('e.at', '<', toMs)
    .where('c.hall_id', '=', hallId);

/**
 * 考核 办理环节数: the back-office steps (承办、审核、审批) of a hall's cases finished on the China days [fromDay, toDay],
 * with who finished them (a done step keeps the person who did it as its assignee): each person's count and
 * drill-down come from this one list. A step returned for rework and done again counts once, on its last
 * completion; skipped steps are no one's work.
 */
export const finishedStepsBetween = (db: Db, hallId: string, fromDay: string, toDay: string) =>
  finishedStepsOf(db, hallId, fromDay, toDay)
    .select(['s.id', 's.case_id', 's.name', 's.assignee_id', 's.done_at', 'c.case_no', 'c.item_name'])
    .orderBy('s.done_at')
    .execute();

export const finishedStepsOf = (db: Db, hallId: string, fromDay: string, toDay: string) =>
  db
    .selectFrom('case_steps as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .where('c.hall_id', '=', hallId)
    .where('s.status', '=', 'done')
    .where('s.role', 'in', [...backOfficePosts])
    .where('s.done_at', '>=', chinaDayStart(fromDay))
    .where('s.done_at', '<', chinaDayStart(toDay) + 86_400_000)
    .where('s.assignee_id', 'is not', null);
