import { passwordWeakness } from '../../domain/password-policy.ts';
import { appendAudit, recordAudit } from '../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, destroySession, resolveSession } from '../../platform/auth/sessions.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { readPasswordPolicy } from '../../platform/settings.ts';
import { findUserById, findUserByUsername, updateUser } from '../accounts/repository.ts';
import { departmentsByIds, hallsIn } from '../org/repository.ts';

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

const badCredentials = (remaining: number | null) =>
  new AppError(
    401,
    'INVALID_CREDENTIALS',
    remaining === null ? '用户名或密码错误' : `用户名或密码错误，再失败 ${remaining} 次账号将被锁定`,
    remaining === null ? 'Wrong username or password' : `Wrong username or password; ${remaining} tries left before lockout`,
  );

const lockedError = (until: number) => {
  const at = new Date(until).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  return new AppError(423, 'ACCOUNT_LOCKED', `账号已锁定，请于 ${at} 后再试或联系安全管理员解锁`,
    `Account locked until ${new Date(until).toISOString()}; ask the security administrator to unlock it`, undefined, {
      lockedUntil: until,
    });
};

/** Checks the password, counts failures towards the lockout, and opens a session on success. */
export async function logIn(ctx: AppContext, attempt: LoginAttempt): Promise<{ token: string; actor: Actor }> {
  const now = ctx.clock.now();
  const policy = await readPasswordPolicy(ctx.db);
  const user = await findUserByUsername(ctx.db, attempt.username);
  const audit = (outcome: 'success' | 'failure', detail: Record<string, unknown>, userId: string | null = user?.id ?? null) =>
    ({ at: now, userId, username: attempt.username, action: 'auth.login', targetType: 'user', targetId: userId, outcome, ip: attempt.ip, detail });

  if (user?.status !== 'active') {
    // Same answer as a wrong password, so usernames cannot be probed.
    await recordAudit(ctx.db, audit('failure', { reason: user ? 'disabled' : 'unknown_user' }, null));
    throw badCredentials(null);
  }
  if (user.locked_until && Number(user.locked_until) > now) {
    await recordAudit(ctx.db, audit('failure', { reason: 'locked' }));
    throw lockedError(Number(user.locked_until));
  }
  if (!(await verifyPassword(attempt.password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const locks = failures >= policy.maxFailures;
    const lockedUntil = locks ? now + policy.lockoutMinutes * 60_000 : null;
    await ctx.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { failed_logins: locks ? 0 : failures, locked_until: lockedUntil, updated_at: now });
      await appendAudit(trx, audit('failure', { reason: 'wrong_password', failures, locked: locks }));
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw badCredentials(policy.maxFailures - failures);
  }
  const token = await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    const created = await createSession(trx, user.id, now, attempt.ip, attempt.userAgent);
    await appendAudit(trx, audit('success', {}));
    return created;
  });
  // Resolve the new session as the access hook will, so the answer is exactly what /me will say.
  const found = await resolveSession(ctx.db, token, now, attempt.ip);
  if (!found || !('actor' in found)) throw new Error('session vanished right after login');
  return { token, actor: found.actor };
}

export async function logOut(ctx: AppContext, token: string, actor: Actor | null): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await destroySession(trx, token);
    if (actor) {
      await appendAudit(trx, {
        at: ctx.clock.now(), userId: actor.userId, username: actor.username, action: 'auth.logout',
        targetType: 'user', targetId: actor.userId, outcome: 'success', ip: actor.ip,
      });
    }
  });
}

/** Replaces the user's own password; this also clears the forced change of an initial password. */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, current: string, next: string): Promise<void> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError(401, 'UNAUTHENTICATED', '请先登录', 'Please log in');
  if (!(await verifyPassword(current, user.password_hash))) {
    throw invalid('currentPassword', '当前密码不正确', 'The current password is wrong');
  }
  if (current === next) throw invalid('newPassword', '新密码不能与当前密码相同', 'The new password must differ from the current one');
  const weakness = passwordWeakness(next, await readPasswordPolicy(ctx.db));
  if (weakness) throw invalid('newPassword', weakness.zh, weakness.en);
  const hash = await hashPassword(next, ctx.config.passwordHashCost);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash, must_change_password: 0, password_changed_at: now, updated_at: now });
    await appendAudit(trx, {
      at: now, userId: actor.userId, username: actor.username, action: 'auth.password_change',
      targetType: 'user', targetId: actor.userId, outcome: 'success', ip: actor.ip,
    });
  });
}

/** What the signed-in user's screens are built from: roles, permissions, halls and departments. */
export async function presentMe(ctx: AppContext, actor: Actor) {
  const [halls, departments] = await Promise.all([
    hallsIn(ctx.db, actor.hallIds),
    departmentsByIds(ctx.db, actor.departmentIds),
  ]);
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    mustChangePassword: actor.mustChangePassword,
    halls: halls.map((h) => ({ id: h.id, name: h.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name, hallId: d.hall_id })),
  };
}
