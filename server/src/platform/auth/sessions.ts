import { createHash, randomBytes } from 'node:crypto';
import { permissionsOf } from '../../domain/roles.ts';
import type { Actor } from '../context.ts';
import type { Db } from '../db/database.ts';
import { readPasswordPolicy } from '../settings.ts';

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

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/** Resolves a cookie to its user, ending the session when it passed the idle or absolute timeout. */
export async function resolveSession(db: Db, token: string, now: number, ip: string | null): Promise<SessionLookup> {
  const id = idOf(token);
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return null;
  const policy = await readPasswordPolicy(db);
  const idle = now - Number(session.last_seen_at) > policy.idleTimeoutMinutes * 60_000;
  const tooOld = now - Number(session.created_at) > policy.absoluteTimeoutHours * 3_600_000;
  if (idle || tooOld) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { expired: true };
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'status', 'must_change_password'])
    .where('id', '=', session.user_id)
    .executeTakeFirst();
  if (user?.status !== 'active') return null;
  if (now - Number(session.last_seen_at) > TOUCH_AFTER_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const [roles, halls, departments] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute(),
    db.selectFrom('user_halls').select('hall_id').where('user_id', '=', user.id).execute(),
    db.selectFrom('user_departments').select('department_id').where('user_id', '=', user.id).execute(),
  ]);
  const roleList = roles.map((r) => r.role);
  return {
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: roleList,
      permissions: permissionsOf(roleList),
      hallIds: halls.map((h) => h.hall_id),
      departmentIds: departments.map((d) => d.department_id),
      mustChangePassword: user.must_change_password === 1,
      sessionId: id,
      ip,
    },
  };
}
