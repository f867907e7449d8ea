import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { RatingFollowUpTable, RatingTable } from '../../platform/db/tables-queue.ts';

export const padTokenHash = (db: Db, windowId: string) =>
  db.selectFrom('queue_window_settings').select('pad_token_hash').where('window_id', '=', windowId).executeTakeFirst();

export async function savePadToken(db: Db, windowId: string, hallId: string, hash: string, now: number): Promise<void> {
  await db
    .insertInto('queue_window_settings')
    .values({
      window_id: windowId,
      hall_id: hallId,
      opening_hours: '',
      pad_token_hash: hash,
      pad_token_issued_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('window_id').doUpdateSet({ pad_token_hash: hash, pad_token_issued_at: now, updated_at: now }),
    )
    .execute();
}

/** The latest finished services at a window since an instant that nobody has rated yet. */
export const unratedFinished = (db: Db, windowId: string, since: number) =>
  db
    .selectFrom('queue_tickets as t')
    .leftJoin('ratings as r', 'r.ticket_id', 't.id')
    .leftJoin('users as u', 'u.id', 't.served_by')
    .select(['t.id', 't.number', 't.finished_at', 'u.display_name'])
    .where('t.window_id', '=', windowId)
    .where('t.status', '=', 'done')
    .where('t.finished_at', '>=', since)
    .where('r.id', 'is', null)
    .orderBy('t.finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findTicket = (db: Db, id: string) =>
  db.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirst();

export const ratingOfTicket = (db: Db, ticketId: string) =>
  db.selectFrom('ratings').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();

export const insertRating = (db: Db, row: RatingTable) => db.insertInto('ratings').values(row).execute();

export const insertFollowUp = (db: Db, row: RatingFollowUpTable) =>
  db.insertInto('rating_follow_ups').values(row).execute();

export const findFollowUp = (db: Db, id: string) =>
  db.selectFrom('rating_follow_ups').selectAll().where('id', '=', id).executeTakeFirst();

export const updateFollowUp = (db: Db, id: string, patch: Partial<RatingFollowUpTable>) =>
  db.updateTable('rating_follow_ups').set(patch).where('id', '=', id).execute();

export function followUps(db: Db, f: { hallIds: string[]; status?: string; ids?: string[] }) {
  let q = db
    .selectFrom('rating_follow_ups as f')
    .innerJoin('ratings as r', 'r.id', 'f.rating_id')
    .innerJoin('queue_tickets as t', 't.id', 'r.ticket_id')
    .leftJoin('windows as w', 'w.id', 'r.window_id')
    .leftJoin('users as u', 'u.id', 'r.staff_user_id')
    .leftJoin('users as cb', 'cb.id', 'f.called_back_by')
    .select([
      'f.id',
      'f.hall_id',
      'f.status',
      'f.due_day',
      'f.provisional',
      'f.note',
      'f.called_back_at',
      'f.created_at',
      'r.level',
      'r.reasons',
      'r.comment',
      'r.created_at as rated_at',
      'r.outcome_kind',
      'r.outcome_id',
      't.number as ticket_number',
      'w.number as window_number',
      'u.display_name as staff_name',
      'cb.display_name as called_back_name',
    ])
    .where('f.hall_id', 'in', f.hallIds.length ? f.hallIds : ['']);
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.ids) q = q.where('f.id', 'in', f.ids.length ? f.ids : ['']);
  return q.orderBy('f.status', 'desc').orderBy('f.due_day').orderBy('f.created_at').limit(500).execute();
}

/** On-site ratings given on the service of these cases (一企一档). */
export const ratingsOfCases = (db: Db, caseIds: string[]) =>
  caseIds.length
    ? db
        .selectFrom('ratings')
        .select(['id', 'level', 'comment', 'created_at'])
        .where('outcome_kind', '=', 'case')
        .where('outcome_id', 'in', caseIds)
        .orderBy('created_at', 'desc')
        .execute()
    : Promise.resolve([]);

/** 统计分析: the on-site ratings (pads) given on the days [from, to] in these halls. */
export const padRatingLevelsBetween = (db: Db, hallIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('ratings')
    .select(['level'])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

/** 统计分析: the 好差评 ratings given on the days [from, to] in these halls, except those excluded on appeal. */
export const caseRatingLevelsBetween = (db: Db, hallIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('case_ratings')
    .select(['level'])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('excluded', '=', 0)
    .execute();

/** 统计分析: how many on-site (pad) ratings of each level were given on the days [from, to] in these halls. */
export const padLevelCountsBetween = (db: Db, hallIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('ratings')
    .select(['level', sql<number | string>`count(*)`.as('n')])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('level')
    .execute();

/** 统计分析: how many 好差评 ratings of each level were given on the days [from, to], except those excluded on appeal. */
export const caseLevelCountsBetween = (db: Db, hallIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('case_ratings')
    .select(['level', sql<number | string>`count(*)`.as('n')])
    .where('hall_id', 'in', hallIds.length ? [...hallIds] : [''])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('excluded', '=', 0)
    .groupBy('level')
    .execute();

/** 考核: the pad ratings of a hall given on the days [from, to], with the window and the member of staff. */
export const padRatingsForAssessment = (db: Db, hallId: string, from: string, to: string) =>
  padRatingsOf(db, hallId, from, to).select(['id', 'day', 'level', 'is_bad', 'window_id', 'staff_user_id']).execute();

const padRatingsOf = (db: Db, hallId: string, from: string, to: string) =>
  db.selectFrom('ratings').where('hall_id', '=', hallId).where('day', '>=', from).where('day', '<=', to);

/** 考核 card lists: the same pad ratings counted per member of staff, window, level and 差评 mark. */
export const padRatingTotalsForAssessment = (db: Db, hallId: string, from: string, to: string) =>
  padRatingsOf(db, hallId, from, to)
    .select(['staff_user_id', 'window_id', 'level', 'is_bad', sql<number>`count(*)`.as('n')])
    .groupBy(['staff_user_id', 'window_id', 'level', 'is_bad'])
    .execute();

/** 考核: the 好差评 ratings of a hall given on the days [from, to], except those excluded on an upheld appeal. */
export const caseRatingsForAssessment = (db: Db, hallId: string, from: string, to: string) =>
  caseRatingsOf(db, hallId, from, to).select(['id', 'case_id', 'day', 'level', 'is_bad', 'staff_user_id']).execute();

const caseRatingsOf = (db: Db, hallId: string, from: string, to: string) =>
  db
    .selectFrom('case_ratings')
    .where('hall_id', '=', hallId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('excluded', '=', 0);

/** 考核 card lists: the same 好差评 ratings counted per member of staff, level and 差评 mark. */
export const caseRatingTotalsForAssessment = (db: Db, hallId: string, from: string, to: string) =>
  caseRatingsOf(db, hallId, from, to)
    .select(['staff_user_id', 'level', 'is_bad', sql<number>`count(*)`.as('n')])
    .groupBy(['staff_user_id', 'level', 'is_bad'])
    .execute();
