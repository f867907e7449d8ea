import type { Insertable, Selectable } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type { NoticeAttemptTable, NoticeTable, NoticeTemplateTable } from '../../platform/db/tables-notices.ts';
import { claimLeased, finishLeased } from '../../platform/outbox.ts';

export type NoticeRow = Selectable<NoticeTable>;
export type AttemptRow = Selectable<NoticeAttemptTable>;
export type TemplateRow = Selectable<NoticeTemplateTable>;

export const insertNotice = (db: Db, row: Insertable<NoticeTable>) => db.insertInto('notices').values(row).execute();

/** Inserts unless a notice with the same dedupe key exists; true when this call queued it. */
export async function insertNoticeOnce(db: Db, row: Insertable<NoticeTable>): Promise<boolean> {
  const r = await db
    .insertInto('notices')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const findNotice = (db: Db, id: string) =>
  db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();

export const updateNotice = (db: Db, id: string, patch: Partial<NoticeRow>) =>
  db.updateTable('notices').set(patch).where('id', '=', id).execute();

export interface NoticeFilter {
  hallIds: string[];
  state?: string | undefined;
  channel?: string | undefined;
  event?: string | undefined;
  caseId?: string | undefined;
  caseNo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Db, f: NoticeFilter) {
  let q = db.selectFrom('notices').where('hall_id', 'in', f.hallIds.length ? f.hallIds : ['-']);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.event) q = q.where('event', '=', f.event);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.caseNo) q = q.where('case_no', 'like', `%${f.caseNo.replace(/[%_\\]/g, '')}%`);
  if (f.from) q = q.where('created_day', '>=', f.from);
  if (f.to) q = q.where('created_day', '<=', f.to);
  return q;
}

export async function listNotices(db: Db, f: NoticeFilter, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    filtered(db, f)
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export const noticesOfCase = (db: Db, caseId: string) =>
  db.selectFrom('notices').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();

/** Notices whose dedupe key starts with `prefix`, oldest first (LIKE's wildcards in the prefix are checked after). */
export async function noticesOfKeyPrefix(db: Db, prefix: string) {
  const rows = await db
    .selectFrom('notices')
    .selectAll()
    .where('dedupe_key', 'like', `${prefix}%`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.filter((n) => n.dedupe_key?.startsWith(prefix));
}

export const attemptsOf = (db: Db, noticeIds: string[]) =>
  noticeIds.length === 0
    ? Promise.resolve([] as AttemptRow[])
    : db
        .selectFrom('notice_attempts')
        .selectAll()
        .where('notice_id', 'in', noticeIds)
        .orderBy('at')
        .orderBy('id')
        .execute();

export const insertAttempt = (db: Db, row: Insertable<NoticeAttemptTable>) =>
  db.insertInto('notice_attempts').values(row).execute();

const outbox = { table: 'notices', dueStates: ['pending'] } as const;

/** Takes up to `limit` due notices for this worker until `leaseUntil` (platform/outbox.ts: SKIP LOCKED on PostgreSQL). */
export async function claimDue(trx: Db, dialect: Dialect, now: number, leaseUntil: number, limit: number) {
  const ids = await claimLeased(trx, dialect, outbox, now, leaseUntil, limit);
  if (ids.length === 0) return [];
  return trx.selectFrom('notices').selectAll().where('id', 'in', ids).execute();
}

/** Records the outcome of a try, only if this worker still holds the lease it took. */
export const finishAttempt = (trx: Db, id: string, leaseUntil: number, patch: Partial<NoticeRow>) =>
  finishLeased(trx, outbox, id, leaseUntil, patch);

export const templatesOf = (db: Db, hallId: string) =>
  db.selectFrom('notice_templates').selectAll().where('hall_id', '=', hallId).execute();

export const templateOf = (db: Db, hallId: string, event: string) =>
  db
    .selectFrom('notice_templates')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('event', '=', event)
    .executeTakeFirst();

export async function saveTemplate(db: Db, row: Insertable<NoticeTemplateTable>) {
  await db
    .insertInto('notice_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['hall_id', 'event']).doUpdateSet({
        subject: row.subject,
        body: row.body,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export const deleteTemplate = (db: Db, hallId: string, event: string) =>
  db.deleteFrom('notice_templates').where('hall_id', '=', hallId).where('event', '=', event).execute();
