import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** 30-second steps, 6 digits (what every authenticator app shows); one step either side for clock drift. */
const PERIOD = 30;
const TOLERANCE = PERIOD;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: '一窗通办 OneWindow', label: account, secret, period: PERIOD });
}

/** The code an authenticator shows at `now` (tests and the demo). */
export function totpCode(secret: string, now: number): string {
  return generateSync({ secret, epoch: Math.floor(now / 1000), period: PERIOD });
}

/** The time step a code matched, or null. Steps at or before `lastStep` are refused: a code works once. */
export function matchTotp(secret: string, code: string, now: number, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({
      secret,
      token: code,
      epoch: Math.floor(now / 1000),
      period: PERIOD,
      epochTolerance: TOLERANCE,
    });
    if (!result.valid) return null;
    // The step the code belongs to: the current one moved by the drift it matched at.
    const step = Math.floor(now / 1000 / PERIOD) + result.delta;
    return lastStep !== null && step <= lastStep ? null : step;
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes like `k3mf-9qx2-hv7p` (about 59 bits each), shown once. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(12)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Codes are random and long, so a plain SHA-256 of the normalised code is as good as a slow hash here. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(code.trim());
}
