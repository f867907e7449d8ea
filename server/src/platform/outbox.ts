/**
 * The lease every outbox table (notices, webhook deliveries) is claimed under: the due rows are taken for one
 * worker until `leaseUntil`, and its try is recorded only while it still holds that lease. On PostgreSQL the
 * rows are locked with SKIP LOCKED, so two nodes never take the same row; SQLite has one writer, so the claiming
 * transaction alone suffices. The caller names its own table and the states in which a row is due.
 */
import type { Kysely } from 'kysely';
import type { Db, Dialect } from './db/database.ts';

interface LeasedRow {
  id: string;
  state: string;
  next_attempt_at: number;
  lease_until: number | null;
}
const leased = (db: Db) => db as unknown as Kysely<Record<string, LeasedRow>>;

export interface Lease {
  table: string;
  dueStates: readonly string[];
}

/** Takes up to `limit` due rows of the table for this worker until `leaseUntil`; returns their ids, earliest first. */
export async function claimLeased(
  trx: Db,
  dialect: Dialect,
  lease: Lease,
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<string[]> {
  const db = leased(trx);
  let q = db
    .selectFrom(lease.table)
    .select('id')
    .where('state', 'in', [...lease.dueStates])
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length) await db.updateTable(lease.table).set({ lease_until: leaseUntil }).where('id', 'in', ids).execute();
  return ids;
}

/** Records a try's outcome and frees the row, only if this worker still holds the lease it took. */
export async function finishLeased(
  trx: Db,
  lease: Lease,
  id: string,
  leaseUntil: number,
  patch: Record<string, unknown>,
): Promise<boolean> {
  const r = await leased(trx)
    .updateTable(lease.table)
    .set({ ...patch, lease_until: null } as Partial<LeasedRow>)
    .where('id', '=', id)
    .where('lease_until', '=', leaseUntil)
    .where('state', 'in', [...lease.dueStates])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
