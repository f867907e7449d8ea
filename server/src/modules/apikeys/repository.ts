import type { Db } from '../../platform/db/database.ts';
import type { ApiKeyEventTable, ApiKeySecretTable, ApiKeyTable } from '../../platform/db/tables-apikeys.ts';

export type ApiKeyRow = ApiKeyTable;
export type ApiKeyEventRow = ApiKeyEventTable;

export const insertKey = (db: Db, row: ApiKeyRow) => db.insertInto('api_keys').values(row).execute();

export const findKey = (db: Db, id: string) =>
  db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();

export const listKeys = (db: Db) => db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();

/** The row as read, so the update only lands when nobody changed it meanwhile (a rotation racing a revocation). */
export async function updateKey(db: Db, id: string, updatedAt: number, patch: Partial<ApiKeyRow>): Promise<boolean> {
  const res = await db
    .updateTable('api_keys')
    .set(patch)
    .where('id', '=', id)
    .where('updated_at', '=', updatedAt)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const insertSecret = (db: Db, row: ApiKeySecretTable) => db.insertInto('api_key_secrets').values(row).execute();

/** The secrets of a key still working at `now`, newest first. */
export const liveSecrets = (db: Db, keyId: string, now: number) =>
  db
    .selectFrom('api_key_secrets')
    .select(['prefix', 'created_at', 'retires_at'])
    .where('key_id', '=', keyId)
    .where((eb) => eb.or([eb('retires_at', 'is', null), eb('retires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .execute();

/** The key's secrets that would still work after `until`, made to stop then (a rotation's grace, a revocation). */
const stoppingAt = (db: Db, keyId: string, until: number) =>
  db
    .updateTable('api_key_secrets')
    .set({ retires_at: until })
    .where('key_id', '=', keyId)
    .where((eb) => eb.or([eb('retires_at', 'is', null), eb('retires_at', '>', until)]));

/** After a rotation the earlier secrets stop at `until` (never later than they would have anyway). */
export async function retireSecrets(db: Db, keyId: string, keepPrefix: string, until: number) {
  await stoppingAt(db, keyId, until).where('prefix', '!=', keepPrefix).execute();
}

/** A revoked key's secrets stop at once. */
export async function retireAllSecrets(db: Db, keyId: string, at: number) {
  await stoppingAt(db, keyId, at).execute();
}

/** The key behind a presented secret's hash, if that secret still works (the key's own state is checked by the caller). */
export const keyBySecret = (db: Db, secretHash: string, now: number) =>
  db
    .selectFrom('api_key_secrets')
    .innerJoin('api_keys', 'api_keys.id', 'api_key_secrets.key_id')
    .select([
      'api_keys.id',
      'api_keys.user_id',
      'api_keys.name',
      'api_keys.permissions',
      'api_keys.hall_ids',
      'api_keys.status',
      'api_keys.expires_at',
      'api_keys.rate_per_minute',
      'api_keys.last_used_at',
    ])
    .where('api_key_secrets.secret_hash', '=', secretHash)
    .where((eb) => eb.or([eb('api_key_secrets.retires_at', 'is', null), eb('api_key_secrets.retires_at', '>', now)]))
    .executeTakeFirst();

/** Last used: written at most once a minute per key; the guard keeps concurrent requests to one write. */
export async function touchKey(db: Db, id: string, now: number, ip: string | null, staleBefore: number) {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now, last_used_ip: ip })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute();
}

export const insertEvent = (db: Db, row: ApiKeyEventRow) => db.insertInto('api_key_events').values(row).execute();

export const eventsOf = (db: Db, keyId: string) =>
  db.selectFrom('api_key_events').selectAll().where('key_id', '=', keyId).orderBy('seq').execute();

export async function nextEventSeq(db: Db, keyId: string): Promise<number> {
  const row = await db
    .selectFrom('api_key_events')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}
