import { passwordWeakness } from '../../domain/password-policy.ts';
import { appendAudit, recordAudit } from '../../platform/audit.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, destroyOtherSessions, destroySession, resolveSession } from '../../platform/auth/sessions.ts';
import { looksLikeRecoveryCode, matchTotp, recoveryCodeHash } from '../../platform/auth/totp.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { readPasswordPolicy } from '../../platform/settings.ts';
import {
  claimTotpStep,
  countLoginFailure,
  findTotp,
  findUserById,
  findUserByUsername,
  recentPasswordHashes,
  rememberPassword,
  spendRecoveryCode,
  updateUserRow,
} from '../accounts/service.ts';
import { departmentsByIds, hallsIn } from '../org/service.ts';

export interface LoginAttempt {
  username: string;
  password: string;
  /** The 6-digit code of the authenticator app, or a recovery code, when the account has two-factor sign-in. */
  totpCode?: string | undefined;
  ip: string | null;
  userAgent: string | null;
}

/**
 * One answer for an unknown user, a disabled or locked account and a wrong password alike, so usernames cannot be
 * probed; the security administrator sees the lock (账号管理, and the audit log names it).
 */
const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

const totpRequired = () =>
  new AppError(
    401,
    'TOTP_REQUIRED',
    '请输入动态验证码（身份验证器应用中的 6 位数字）或恢复码',
    'Enter the 6-digit code of your authenticator app, or a recovery code',
  );
const badTotp = () =>
  new AppError(401, 'INVALID_TOTP', '动态验证码或恢复码不正确', 'Wrong authentication code or recovery code');

/**
 * Checks the password (against a dummy hash for an unknown user, so both take as long), then the second factor
 * when the account has one; every failure is counted towards the lockout in one atomic statement.
 */
export async function logIn(ctx: AppContext, attempt: LoginAttempt): Promise<{ token: string; actor: Actor }> {
  const now = ctx.clock.now();
  const policy = await readPasswordPolicy(ctx.db);
  const user = await findUserByUsername(ctx.db, attempt.username);
  const audit = (
    outcome: 'success' | 'failure',
    detail: Record<string, unknown>,
    userId: string | null = user?.id ?? null,
  ) => ({
    at: now,
    userId,
    username: attempt.username,
    action: 'auth.login',
    targetType: 'user',
    targetId: userId,
    outcome,
    ip: attempt.ip,
    detail,
  });
  const stored = user?.password_hash ?? (await dummyPasswordHash(ctx.config.passwordHashCost));
  const passwordOk = await verifyPassword(attempt.password, stored);

  if (user?.status !== 'active') {
    await recordAudit(ctx.db, audit('failure', { reason: user ? 'disabled' : 'unknown_user' }, null));
    throw badCredentials();
  }
  if (user.locked_until && Number(user.locked_until) > now) {
    await recordAudit(ctx.db, audit('failure', { reason: 'locked' }));
    throw badCredentials();
  }
  const fail = async (reason: string, error: AppError): Promise<never> => {
    const counted = await ctx.db.transaction().execute(async (trx) => {
      const c = await countLoginFailure(trx, user.id, now, policy.maxFailures, policy.lockoutMinutes * 60_000);
      const locked = c.lockedUntil !== null && c.lockedUntil > now;
      await appendAudit(trx, audit('failure', { reason, failures: c.failures, locked }));
      return c;
    });
    if (counted.lockedUntil && counted.lockedUntil > now) throw badCredentials();
    throw error;
  };
  if (!passwordOk) return fail('wrong_password', badCredentials());

  const totp = await findTotp(ctx.db, user.id);
  let secondFactor: 'totp' | 'recovery_code' | null = null;
  if (totp?.secret && totp.enabled_at) {
    const code = attempt.totpCode?.trim();
    if (!code) throw totpRequired();
    const step = matchTotp(totp.secret, code, now, totp.last_step === null ? null : Number(totp.last_step));
    if (step !== null && (await claimTotpStep(ctx.db, user.id, step))) secondFactor = 'totp';
    else if (looksLikeRecoveryCode(code) && (await spendRecoveryCode(ctx.db, user.id, recoveryCodeHash(code), now))) {
      secondFactor = 'recovery_code';
    } else return fail('wrong_totp', badTotp());
  }
  const token = await ctx.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    const created = await createSession(trx, user.id, now, attempt.ip, attempt.userAgent);
    await appendAudit(trx, audit('success', secondFactor ? { secondFactor } : {}));
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
        at: ctx.clock.now(),
        userId: actor.userId,
        username: actor.username,
        action: 'auth.logout',
        targetType: 'user',
        targetId: actor.userId,
        outcome: 'success',
        ip: actor.ip,
      });
    }
  });
}

/**
 * Replaces the user's own password: not one of the last N (policy); the forced change of an initial or expired
 * password is cleared, and the person's other sessions end.
 */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, current: string, next: string): Promise<void> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError(401, 'UNAUTHENTICATED', '请先登录', 'Please log in');
  if (!(await verifyPassword(current, user.password_hash))) {
    throw invalid('currentPassword', '当前密码不正确', 'The current password is wrong');
  }
  if (current === next)
    throw invalid('newPassword', '新密码不能与当前密码相同', 'The new password must differ from the current one');
  const policy = await readPasswordPolicy(ctx.db);
  const weakness = passwordWeakness(next, policy);
  if (weakness) throw invalid('newPassword', weakness.zh, weakness.en);
  // The current password counts as one of the last N.
  for (const old of await recentPasswordHashes(ctx.db, user.id, policy.passwordHistory - 1)) {
    if (await verifyPassword(next, old)) {
      throw invalid(
        'newPassword',
        `新密码不能与最近 ${policy.passwordHistory} 次使用过的密码相同`,
        `The new password cannot be one of your last ${policy.passwordHistory} passwords`,
      );
    }
  }
  const hash = await hashPassword(next, ctx.config.passwordHashCost);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await rememberPassword(trx, user.id, user.password_hash, now);
    await updateUserRow(trx, user.id, {
      password_hash: hash,
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    await destroyOtherSessions(trx, user.id, actor.sessionId);
    await appendAudit(trx, {
      at: now,
      userId: actor.userId,
      username: actor.username,
      action: 'auth.password_change',
      targetType: 'user',
      targetId: actor.userId,
      outcome: 'success',
      ip: actor.ip,
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
    mustEnrolTotp: actor.mustEnrolTotp ?? false,
    halls: halls.map((h) => ({ id: h.id, name: h.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name, hallId: d.hall_id })),
  };
}
