import type { Db } from '../../platform/db/database.ts';
import type {
  AssessmentCardTable,
  AssessmentCardVersionTable,
  AssessmentIndicatorTable,
} from '../../platform/db/tables-assessment.ts';

export type IndicatorRow = AssessmentIndicatorTable;
export type CardRow = AssessmentCardTable;
export type VersionRow = AssessmentCardVersionTable;

export const indicatorsOf = (db: Db, hallId: string) =>
  db.selectFrom('assessment_indicators').selectAll().where('hall_id', '=', hallId).orderBy('seq').execute();

export async function replaceIndicators(db: Db, hallId: string, rows: IndicatorRow[]) {
  await db.deleteFrom('assessment_indicators').where('hall_id', '=', hallId).execute();
  if (rows.length) await db.insertInto('assessment_indicators').values(rows).execute();
}

export const cardsOf = (db: Db, hallId: string, period: string, kind: string) =>
  db
    .selectFrom('assessment_cards')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('period', '=', period)
    .where('subject_kind', '=', kind)
    .execute();

export const findCard = (db: Db, hallId: string, period: string, kind: string, subjectId: string) =>
  db
    .selectFrom('assessment_cards')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('period', '=', period)
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();

export const insertCard = (db: Db, row: CardRow) => db.insertInto('assessment_cards').values(row).execute();

/** Guarded by the version read, so two sign-offs of one card cannot both win. */
export const updateCard = (db: Db, id: string, readVersion: number, patch: Partial<CardRow>) =>
  db
    .updateTable('assessment_cards')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', readVersion)
    .executeTakeFirst();

export const insertVersion = (db: Db, row: VersionRow) =>
  db.insertInto('assessment_card_versions').values(row).execute();

export const versionsOf = (db: Db, cardId: string) =>
  db.selectFrom('assessment_card_versions').selectAll().where('card_id', '=', cardId).orderBy('version').execute();

export const findVersion = (db: Db, cardId: string, version: number) =>
  db
    .selectFrom('assessment_card_versions')
    .selectAll()
    .where('card_id', '=', cardId)
    .where('version', '=', version)
    .executeTakeFirst();

/** The signed cards of a person (their latest versions), newest period first. */
export const signedCardsOfPerson = (db: Db, userId: string) =>
  db
    .selectFrom('assessment_cards as c')
    .innerJoin('assessment_card_versions as v', (j) =>
      j.onRef('v.card_id', '=', 'c.id').onRef('v.version', '=', 'c.version'),
    )
    .select(['c.id', 'c.hall_id', 'c.period', 'c.subject_kind', 'c.subject_id', 'c.version', 'v.snapshot'])
    .where('c.subject_kind', '=', 'person')
    .where('c.subject_id', '=', userId)
    .where('c.version', '>', 0)
    .orderBy('c.period', 'desc')
    .execute();

/** The signed monthly person cards of a year (latest versions), for the annual review. */
export const signedMonthsOf = (db: Db, hallId: string, months: string[]) =>
  db
    .selectFrom('assessment_cards as c')
    .innerJoin('assessment_card_versions as v', (j) =>
      j.onRef('v.card_id', '=', 'c.id').onRef('v.version', '=', 'c.version'),
    )
    .select(['c.period', 'c.subject_id', 'v.total'])
    .where('c.hall_id', '=', hallId)
    .where('c.subject_kind', '=', 'person')
    .where('c.period', 'in', months.length ? months : [''])
    .where('c.version', '>', 0)
    .execute();
