import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl: string | null;
  logLevel: string;
  /** scrypt cost exponent (N = 2^cost). Lower only in tests. */
  passwordHashCost: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /**
   * Addresses of the reverse proxy whose X-Forwarded-For is believed (comma-separated); none by default, so a
   * client cannot forge its address past the audit log and the rate limits.
   */
  trustedProxies: string[];
  webDist: string;
  /** Where the public pages are reached from outside (the progress-lookup QR code on receipts points here). */
  publicBaseUrl: string;
  /** Largest scan of a material one upload may carry, in bytes (SCAN_MAX_MB, default 20). */
  scanMaxBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    logLevel: env.LOG_LEVEL ?? 'info',
    passwordHashCost: Number(env.PASSWORD_HASH_COST ?? 15),
    secureCookies: env.SECURE_COOKIES === 'true',
    trustedProxies: (env.TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    webDist: path.resolve(env.WEB_DIST ?? './web/dist'),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    scanMaxBytes: megabytes('SCAN_MAX_MB', env.SCAN_MAX_MB, 20),
  };
}

/** A size setting in MB; a value that is not a positive number stops the start instead of being guessed at. */
function megabytes(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback * 1024 * 1024;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`${name} must be a positive number of MB, not "${value}"`);
  return Math.round(mb * 1024 * 1024);
}
