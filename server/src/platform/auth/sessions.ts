import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { isPermission } from '../../domain/role-composition.ts';
import { holdsAdminRole, type Permission, permissionsOf } from '../../domain/roles.ts';
import type { Actor } from '../context.ts';
import type { Db } from '../db/database.ts';
import { PASSWORD_POLICY_KEY, SYSTEM_MODE_KEY, passwordPolicyFrom } from '../settings.ts';

export const SESSION_COOKIE = 'ow_session';
// Touching last_seen_at on every request would turn every read into a write; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60_000;

/** Only the token's hash is stored, so a copy of the database cannot be used to sign in. */
const idOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  userId: string,
  now: number,
  ip: string | null,
  userAgent: string | null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ id: idOf(token), user_id: userId, created_at: now, last_seen_at: now, ip, user_agent: userAgent })
    .execute();
  return token;
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', idOf(token)).execute();
}

export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** A password change ends the person's other sessions; the one that made the change stays. */
export async function destroyOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}

/** Adds the permissions of custom roles (JSON arrays), keeping only codes the server knows. */
function withCustomPermissions(fixed: Set<Permission>, customJson: string[]): Set<Permission> {
  for (const json of customJson) {
    for (const p of JSON.parse(json) as string[]) if (isPermission(p)) fixed.add(p);
  }
  return fixed;
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/**
 * Resolves a cookie to its user, ending the session when it passed the idle or absolute timeout. Every request
 * of a signed-in user comes through here, so it reads in two statements: the session with its user and the
 * session policy, then the user's roles, halls and departments together.
 */
export async function resolveSession(db: Db, token: string, now: number, ip: string | null): Promise<SessionLookup> {
  const id = idOf(token);
  const found = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('settings', (j) => j.on('settings.key', '=', PASSWORD_POLICY_KEY))
    .leftJoin('user_totp', 'user_totp.user_id', 'users.id')
    .leftJoin('settings as mode', (j) => j.on('mode.key', '=', SYSTEM_MODE_KEY))
    .select([
      'mode.value as mode',
      'users.password_changed_at',
      'user_totp.enabled_at as totp_enabled_at',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.status',
      'users.must_change_password',
      'users.authority_level',
      'settings.value as policy',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!found) return null;
  const policy = passwordPolicyFrom(found.policy);
  const idle = now - Number(found.last_seen_at) > policy.idleTimeoutMinutes * 60_000;
  const tooOld = now - Number(found.created_at) > policy.absoluteTimeoutHours * 3_600_000;
  if (idle || tooOld) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { expired: true };
  }
  if (found.status !== 'active') return null;
  if (now - Number(found.last_seen_at) > TOUCH_AFTER_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const grants = await db
    .selectFrom('user_roles')
    .select([sql<string>`'role'`.as('kind'), 'role as value'])
    .where('user_id', '=', found.user_id)
    .unionAll((eb) =>
      eb
        .selectFrom('user_halls')
        .select([sql<string>`'hall'`.as('kind'), 'hall_id as value'])
        .where('user_id', '=', found.user_id),
    )
    .unionAll((eb) =>
      eb
        .selectFrom('user_departments')
        .select([sql<string>`'department'`.as('kind'), 'department_id as value'])
        .where('user_id', '=', found.user_id),
    )
    // The permissions of the active custom roles the person holds (roles as data).
    .unionAll((eb) =>
      eb
        .selectFrom('user_roles as ur')
        .innerJoin('custom_roles', 'custom_roles.code', 'ur.role')
        .select([sql<string>`'custom'`.as('kind'), 'custom_roles.permissions as value'])
        .where('ur.user_id', '=', found.user_id)
        .where('custom_roles.status', '=', 'active'),
    )
    .execute();
  const of = (kind: string) => grants.filter((g) => g.kind === kind).map((g) => g.value);
  const roleList = of('role');
  return {
    actor: {
      userId: found.user_id,
      username: found.username,
      displayName: found.display_name,
      roles: roleList,
      permissions: withCustomPermissions(permissionsOf(roleList), of('custom')),
      hallIds: of('hall'),
      departmentIds: of('department'),
      authorityLevel: found.authority_level ?? null,
      // An initial password, or one older than the policy's maximum age, must be replaced first (not in a demo
      // database, whose passwords are published anyway and whose demo must keep working).
      mustChangePassword:
        found.must_change_password === 1 ||
        (found.mode !== 'demo' && now - Number(found.password_changed_at) > policy.passwordMaxAgeDays * 86_400_000),
      mustEnrolTotp: holdsAdminRole(roleList) && found.totp_enabled_at === null,
      sessionId: id,
      ip,
    },
  };
}

/** The person who opens a hall belongs to it at once: their sessions read the hall scope from user_halls. */
export async function joinOpenedHall(db: Db, userId: string, hallId: string): Promise<void> {
  await db.insertInto('user_halls').values({ user_id: userId, hall_id: hallId }).execute();
}
