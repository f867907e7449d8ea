/**
 * Reads of the case row for the modules beside the case (deferrals, escalations, experts): they own their own
 * tables and ask the case core, through cases/service.ts, for the case columns they show or judge by.
 */
import type { Db } from '../../platform/db/database.ts';

const deferralColumns = [
  'id',
  'hall_id',
  'state',
  'case_no',
  'item_name',
  'item_id',
  'item_version',
  'deferred_items',
  'deferred_deadline',
] as const;

/** What the deferral rules read of a case row (written by 容缺受理 at acceptance). */
export const deferralOfCase = (db: Db, caseId: string) =>
  db.selectFrom('cases').select(deferralColumns).where('id', '=', caseId).executeTakeFirst();
export type DeferralCase = NonNullable<Awaited<ReturnType<typeof deferralOfCase>>>;

/** Open deferred cases of the halls whose promised day is before `today` (candidates for the board). */
export const lapsedDeferrals = (db: Db, hallIds: string[], today: string, openStates: readonly string[]) =>
  db
    .selectFrom('cases')
    .select(deferralColumns)
    .where('hall_id', 'in', hallIds.length ? hallIds : [''])
    .where('deferred_items', 'is not', null)
    .where('deferred_deadline', '<', today)
    .where('state', 'in', [...openStates])
    .orderBy('deferred_deadline')
    .orderBy('id')
    .execute();

/** Number, item and state of the cases, by id: the heading a list beside the case shows for each row. */
export async function caseHeadings(db: Db, caseIds: readonly string[]) {
  const rows = caseIds.length
    ? await db
        .selectFrom('cases')
        .select(['id', 'case_no', 'item_name', 'state'])
        .where('id', 'in', [...new Set(caseIds)])
        .execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Cases of these halls whose result waits to be collected (通知领取 done, not yet collected or mailed), with when the
 * applicant was last told: the 领取提醒 sweep's candidates. By hall, so the (hall_id, state) index finds them: a
 * state alone is not indexed, and a province's cases would be read whole (636 ms against 2,000,000 cases).
 */
export const awaitingCollection = (db: Db, hallIds: readonly string[]) =>
  db
    .selectFrom('cases as c')
    .innerJoin('case_events as e', (j) => j.onRef('e.case_id', '=', 'c.id').on('e.action', '=', 'notifyResult'))
    .select(['c.id', 'c.hall_id', 'c.case_no', 'c.item_name', 'c.applicant_id'])
    .select((eb) => eb.fn.max('e.at').as('notified_at'))
    .where('c.hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('c.state', '=', 'awaiting_collection')
    .groupBy(['c.id', 'c.hall_id', 'c.case_no', 'c.item_name', 'c.applicant_id'])
    .orderBy('c.id')
    .execute();

/**
 * 随机抽查 (inspections): the accepted cases of a hall in a period that a sample is drawn from, with the
 * person answerable for the record: the first-question owner, else the clerk who received it.
 */
export function acceptedCasesForSample(
  db: Db,
  f: { hallId: string; from: string; to: string; itemId?: string; departmentId?: string; personId?: string },
) {
  let q = db
    .selectFrom('cases as c')
    .select([
      'c.id',
      'c.case_no',
      'c.item_name',
      'c.window_id',
      'c.first_owner_id',
      'c.first_owner_name',
      'c.received_by',
      'c.received_by_name',
    ])
    .where('c.hall_id', '=', f.hallId)
    .where('c.case_no', 'is not', null)
    .where('c.accepted_day', '>=', f.from)
    .where('c.accepted_day', '<=', f.to);
  if (f.itemId) q = q.where('c.item_id', '=', f.itemId);
  if (f.personId) {
    const p = f.personId;
    q = q.where((eb) => eb.or([eb('c.first_owner_id', '=', p), eb('c.received_by', '=', p)]));
  }
  if (f.departmentId) {
    const d = f.departmentId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_steps as s')
          .select('s.id')
          .whereRef('s.case_id', '=', 'c.id')
          .where('s.department_id', '=', d),
      ),
    );
  }
  return q.orderBy('c.id').execute();
}
