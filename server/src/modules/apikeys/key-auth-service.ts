import { createHash } from 'node:crypto';
import { isKeyPermission, keyActorName, keyState, parseKey } from '../../domain/api-keys.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import * as repo from './repository.ts';

// Writing last-used on every request would turn every read into a write; a minute's slack is enough to see use.
const TOUCH_AFTER_MS = 60_000;

/** Only the hash of a key is kept: a 32-byte random secret needs no slow hash to resist guessing. */
export const hashOfKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * The machine actor of a presented key (`Authorization: Bearer owk_…`), or null when the key is unknown, revoked,
 * expired or a rotated secret past its grace. Its permissions are the key's scope and its halls the key's halls, so
 * each route's access and hall checks apply unchanged; it holds no roles, departments or approval level.
 */
export async function actorForKey(
  ctx: AppContext,
  presented: string,
  ip: string | null,
): Promise<{ actor: Actor; ratePerMinute: number } | null> {
  if (!parseKey(presented)) return null;
  const now = ctx.clock.now();
  const row = await repo.keyBySecret(ctx.db, hashOfKey(presented), now);
  if (!row || keyState({ status: row.status, expiresAt: Number(row.expires_at) }, now) !== 'active') return null;
  if (row.last_used_at === null || Number(row.last_used_at) < now - TOUCH_AFTER_MS) {
    await repo.touchKey(ctx.db, row.id, now, ip, now - TOUCH_AFTER_MS);
  }
  const name = keyActorName(row.name);
  return {
    ratePerMinute: Number(row.rate_per_minute),
    actor: {
      userId: row.user_id,
      username: name,
      displayName: name,
      roles: [],
      // A code dropped from the server since the key was scoped gives nothing.
      permissions: new Set((JSON.parse(row.permissions) as string[]).filter(isKeyPermission)),
      hallIds: JSON.parse(row.hall_ids) as string[],
      departmentIds: [],
      authorityLevel: null,
      mustChangePassword: false,
      mustEnrolTotp: false,
      sessionId: `apikey:${row.id}`,
      ip,
      apiKeyId: row.id,
    },
  };
}
