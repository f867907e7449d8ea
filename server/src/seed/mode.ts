import { randomBytes, randomInt } from 'node:crypto';
import { appendAudit } from '../platform/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { readSystemMode, recordSystemMode, type SystemMode } from '../platform/settings.ts';
import { isEmpty, seedDemoHall } from './seed-demo.ts';

export const DEMO_BANNER =
  '演示模式 — 演示账号密码公开，请勿用于生产 (demo mode: the demo accounts\u2019 passwords are public; never use it in production)';

/** The three administrators a production database starts with (三权分立: three people). */
export const firstAdministrators = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditadmin' },
] as const;

/** A random one-time password of 16 characters mixing all four classes. */
export function oneTimePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!?'];
  const chars = sets.map((s) => s[randomInt(s.length)]);
  const all = sets.join('');
  for (const byte of randomBytes(12)) chars.push(all[byte % all.length] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/**
 * A production database starts with no hall and three administrators whose random passwords are returned once
 * (to be printed) and must be replaced at first sign-in, where each also enrols two-factor sign-in.
 */
export async function bootstrapAdministrators(db: Db, now: number, cost: number) {
  const accounts = firstAdministrators.map((a) => ({ ...a, password: oneTimePassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password, cost)));
  await db.transaction().execute(async (trx) => {
    await recordSystemMode(trx, 'production', now);
    for (const [i, a] of accounts.entries()) {
      const id = newId(now);
      await trx
        .insertInto('users')
        .values({
          id,
          username: a.username,
          display_name: a.displayName,
          phone_enc: null,
          phone_masked: null,
          password_hash: hashes[i] as string,
          must_change_password: 1,
          failed_logins: 0,
          locked_until: null,
          status: 'active',
          last_login_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx.insertInto('user_roles').values({ user_id: id, role: a.role }).execute();
    }
    await appendAudit(trx, {
      at: now,
      userId: null,
      username: 'system',
      action: 'system.bootstrap',
      targetType: 'system',
      targetId: 'production',
      outcome: 'success',
      ip: null,
      detail: { administrators: accounts.map((a) => a.username) },
    });
  });
  return accounts.map(({ username, role, password }) => ({ username, role, password }));
}

/**
 * Fills a fresh database for the configured mode and checks that an existing one suits it: demo data and demo
 * accounts only ever exist in a database created in demo mode, and a production start refuses such a database.
 * Returns the mode and, on a production first start, the one-time passwords to print.
 */
export async function prepareDatabase(
  ctx: AppContext,
): Promise<{ mode: SystemMode; firstPasswords?: { username: string; role: string; password: string }[] }> {
  const now = ctx.clock.now();
  let mode = await readSystemMode(ctx.db);
  if (mode === null && (await isEmpty(ctx.db))) {
    if (ctx.config.demo) {
      const result = await seedDemoHall(ctx.db, { now, passwordHashCost: ctx.config.passwordHashCost });
      ctx.log.info(result, 'demo hall seeded');
      mode = 'demo';
    } else {
      const firstPasswords = await bootstrapAdministrators(ctx.db, now, ctx.config.passwordHashCost);
      ctx.log.warn('production database created with three administrators; their one-time passwords are printed once');
      return { mode: 'production', firstPasswords };
    }
  }
  // A database filled before the mode was recorded was filled by the demo seed, the only way it could be.
  if (mode === null) {
    await recordSystemMode(ctx.db, 'demo', now);
    mode = 'demo';
  }
  if (mode === 'demo' && !ctx.config.demo) {
    throw new Error(
      '拒绝启动：此数据库在演示模式下创建，含密码公开的演示账号，不能用于生产。请使用新的数据库（NODE_ENV=production 首次启动会创建三名管理员并打印一次性密码）。\n' +
        'Refusing to start: this database was created in demo mode and holds demo accounts with published passwords. ' +
        'Start production on a fresh database (or set ONEWINDOW_DEMO=true to run the demo).',
    );
  }
  if (mode === 'demo') ctx.log.warn(DEMO_BANNER);
  return { mode };
}

/** The block printed once at a production first start: who the administrators are and their one-time passwords. */
export function firstPasswordsNotice(list: { username: string; role: string; password: string }[]): string {
  const lines = list.map((a) => `  ${a.username.padEnd(10)} ${a.password}`);
  return [
    '================================================================',
    ' 首次启动：三名管理员的一次性密码（仅显示这一次，请分别交给本人）',
    ' First start: one-time passwords of the three administrators (shown once)',
    ...lines,
    ' 首次登录须修改密码并绑定双因素认证（TOTP）。',
    ' Each must change it and enrol two-factor sign-in at first sign-in.',
    '================================================================',
  ].join('\n');
}
