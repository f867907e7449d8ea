import QRCode from 'qrcode';
import { holdsAdminRole } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { matchTotp, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from '../../platform/auth/totp.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import * as accounts from '../accounts/service.ts';

/** Two-factor sign-in of the signed-in person: required for the three administrator roles, optional for others. */
export async function totpStatus(ctx: AppContext, actor: Actor) {
  const row = await accounts.findTotp(ctx.db, actor.userId);
  return {
    enabled: !!row?.enabled_at,
    required: holdsAdminRole(actor.roles),
    recoveryCodesLeft: row?.enabled_at ? await accounts.unusedRecoveryCodes(ctx.db, actor.userId) : 0,
  };
}

/** A new secret waiting for its first code; shown as a QR code and as text for manual entry. */
export async function startEnrolment(ctx: AppContext, actor: Actor) {
  const row = await accounts.findTotp(ctx.db, actor.userId);
  if (row?.enabled_at)
    throw conflict('已绑定双因素认证；如需更换请先解除绑定', 'Two-factor sign-in is already on', 'totp');
  const secret = newTotpSecret();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await accounts.saveTotp(trx, {
      user_id: actor.userId,
      secret: null,
      pending_secret: secret,
      enabled_at: null,
      last_step: null,
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'auth.totp.enrol_start', 'user', actor.userId));
  });
  const otpauthUri = totpUri(secret, actor.username);
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrDataUrl };
}

async function storeNewRecoveryCodes(trx: AppContext['db'], userId: string, now: number) {
  const codes = newRecoveryCodes();
  await accounts.replaceRecoveryCodes(trx, userId, codes.map(recoveryCodeHash), now);
  return codes;
}

/** The first code from the app turns two-factor sign-in on; the ten recovery codes are shown this once only. */
export async function confirmEnrolment(ctx: AppContext, actor: Actor, code: string) {
  const row = await accounts.findTotp(ctx.db, actor.userId);
  if (!row?.pending_secret) throw conflict('请先开始绑定，扫描二维码', 'Start the enrolment first', 'code');
  const now = ctx.clock.now();
  const step = matchTotp(row.pending_secret, code.trim(), now, null);
  if (step === null)
    throw invalid(
      'code',
      '动态验证码不正确，请核对手机时间后重试',
      'Wrong code; check the phone\u2019s clock and try again',
    );
  const secret = row.pending_secret;
  const recoveryCodes = await ctx.db.transaction().execute(async (trx) => {
    await accounts.saveTotp(trx, {
      user_id: actor.userId,
      secret,
      pending_secret: null,
      enabled_at: now,
      last_step: step,
      updated_at: now,
    });
    const codes = await storeNewRecoveryCodes(trx, actor.userId, now);
    await appendAudit(trx, byActor(actor, now, 'auth.totp.enable', 'user', actor.userId));
    return codes;
  });
  return { recoveryCodes };
}

/** New recovery codes (the old ones stop working), after a current code from the app. */
export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor, code: string) {
  const row = await accounts.findTotp(ctx.db, actor.userId);
  if (!row?.secret || !row.enabled_at) throw conflict('尚未绑定双因素认证', 'Two-factor sign-in is off', 'code');
  const now = ctx.clock.now();
  const step = matchTotp(row.secret, code.trim(), now, row.last_step === null ? null : Number(row.last_step));
  if (step === null || !(await accounts.claimTotpStep(ctx.db, actor.userId, step))) {
    throw invalid('code', '动态验证码不正确', 'Wrong code');
  }
  const recoveryCodes = await ctx.db.transaction().execute(async (trx) => {
    const codes = await storeNewRecoveryCodes(trx, actor.userId, now);
    await appendAudit(trx, byActor(actor, now, 'auth.totp.recovery_codes', 'user', actor.userId));
    return codes;
  });
  return { recoveryCodes };
}

/** Turns two-factor sign-in off (not for administrators, who must keep it), after the password. */
export async function disableTotp(ctx: AppContext, actor: Actor, password: string) {
  if (holdsAdminRole(actor.roles))
    throw forbidden('管理员必须使用双因素认证', 'Administrators must keep two-factor sign-in');
  const user = await accounts.findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(password, user.password_hash))) {
    throw invalid('password', '密码不正确', 'The password is wrong');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await accounts.deleteTotp(trx, actor.userId);
    await appendAudit(trx, byActor(actor, now, 'auth.totp.disable', 'user', actor.userId));
  });
}
