import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AdminRequestTable, UserTotpTable } from '../../platform/db/tables-accounts.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Counts one failed sign-in in a single statement, so parallel attempts cannot overwrite each other's count: a lock
 * that has run out starts the count again at 1, and reaching `max` locks until `now + lockMs`.
 */
export async function countLoginFailure(db: Db, userId: string, now: number, max: number, lockMs: number) {
  const expired = sql<boolean>`locked_until IS NOT NULL AND locked_until <= ${now}`;
  const next = sql<number>`CASE WHEN ${expired} THEN 1 ELSE failed_logins + 1 END`;
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: next,
      locked_until: sql<
        number | null
      >`CASE WHEN ${next} >= ${max} THEN ${now + lockMs} WHEN ${expired} THEN NULL ELSE locked_until END`,
      updated_at: now,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
  return {
    failures: Number(row.failed_logins),
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
  };
}

export async function findTotp(db: Db, userId: string): Promise<UserTotpTable | undefined> {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function saveTotp(db: Db, row: UserTotpTable): Promise<void> {
  await db.deleteFrom('user_totp').where('user_id', '=', row.user_id).execute();
  await db.insertInto('user_totp').values(row).execute();
}

/** Takes a TOTP time step once: false when a parallel sign-in already used this step or a later one. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('user_totp')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteTotp(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[], now: number): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ id: newId(now), user_id: userId, code_hash, created_at: now, used_at: null })))
    .execute();
}

/** Uses a recovery code once: true only for the one request whose UPDATE marked it used. */
export async function spendRecoveryCode(db: Db, userId: string, hash: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The most recent earlier password hashes, newest first. */
export async function recentPasswordHashes(db: Db, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function rememberPassword(db: Db, userId: string, hash: string, now: number): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ id: newId(now), user_id: userId, password_hash: hash, created_at: now })
    .execute();
}

export async function insertAdminRequest(db: Db, row: AdminRequestTable): Promise<void> {
  await db.insertInto('admin_requests').values(row).execute();
}

export async function findAdminRequest(db: Db, id: string): Promise<AdminRequestTable | undefined> {
  return db.selectFrom('admin_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decides a pending request; false when someone else decided it first. */
export async function decideAdminRequest(
  db: Db,
  id: string,
  patch: { status: string; decided_by: string; decided_at: number; note: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('admin_requests')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listAdminRequests(
  db: Db,
  f: { status?: string | undefined; id?: string },
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('admin_requests as r')
    .innerJoin('users as req', 'req.id', 'r.requested_by')
    .leftJoin('users as dec', 'dec.id', 'r.decided_by')
    .leftJoin('users as tgt', 'tgt.id', 'r.target_user_id');
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.id) q = q.where('r.id', '=', f.id);
  const [rows, count] = await Promise.all([
    q
      .selectAll('r')
      .select([
        'req.display_name as requested_by_name',
        'dec.display_name as decided_by_name',
        'tgt.username as target_username',
      ])
      .orderBy('r.requested_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
