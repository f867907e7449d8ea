import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl: string | null;
  /** DATABASE_READ_URL: a streaming replica of DATABASE_URL that counts the whole-period figures (PostgreSQL only). */
  databaseReadUrl: string | null;
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
  /** Sign-in attempts one address may make per window (any account), then 429. */
  signInMaxAttempts: number;
  signInWindowMs: number;
  /** Bearer token for /metrics (METRICS_TOKEN); without it only a local address may read it. */
  metricsToken: string | null;
  /** PUBLIC_LIMIT_FACTOR: multiplies the public routes' rate limits (default 1). */
  publicLimitFactor: number;
  /**
   * HMAC key (hex or text, IDEMPOTENCY_SECRET) of the stored request fingerprints; every node of one database needs
   * the same. Without it a random key is kept in DATA_DIR/idempotency.key (mode 0600).
   */
  idempotencySecret: string | null;
  /**
   * Demo mode: a fresh database gets the demo hall and its accounts with the published password. On unless
   * NODE_ENV=production or ONEWINDOW_DEMO=false; ONEWINDOW_DEMO=true forces it on.
   */
  demo: boolean;
  /**
   * SCHEDULED_REPORTS=off: this node does not write the scheduled 工作报告 (R16.2). In a province one node (or one of
   * its own) writes them for every hall; the clerks' nodes then never lay out the first of the month's reports.
   */
  scheduledReports: boolean;
  /** Channels of the notices to applicants (modules/notices); a channel left unset keeps its notices unsent. */
  notices: NoticeConfig;
}

export interface NoticeConfig {
  /** 'webhook' (SMS_WEBHOOK_URL) or 'aliyun' (Aliyun SMS); null = no SMS channel. */
  smsProvider: 'webhook' | 'aliyun' | null;
  smsWebhookUrl: string | null;
  /** HMAC-SHA256 key of the X-OneWindow-Signature header the gateway checks. */
  smsWebhookSecret: string | null;
  aliyun: {
    accessKeyId: string;
    accessKeySecret: string;
    signName: string;
    templateCode: string;
    endpoint: string;
  } | null;
  /** smtp://user:pass@host:port or smtps://…; null = no e-mail channel. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** Tries before a notice is flagged failed (NOTICE_MAX_ATTEMPTS, default 5), and how often the worker looks. */
  maxAttempts: number;
  pollMs: number;
  /** The first wait before a retry (NOTICE_RETRY_BASE_MS, default 30 s), doubling up to one hour. */
  retryBaseMs: number;
  /**
   * How long a worker holds a notice while it sends (NOTICE_LEASE_MS, default 60 s, longer than a channel's 10 s
   * timeout): a server killed mid-send leaves the notice to another worker after it.
   */
  leaseMs: number;
}

export function noticeConfigFrom(env: NodeJS.ProcessEnv): NoticeConfig {
  const aliyun =
    env.ALIYUN_SMS_ACCESS_KEY_ID && env.ALIYUN_SMS_ACCESS_KEY_SECRET
      ? {
          accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID,
          accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET,
          signName: env.ALIYUN_SMS_SIGN_NAME ?? '',
          templateCode: env.ALIYUN_SMS_TEMPLATE_CODE ?? '',
          endpoint: env.ALIYUN_SMS_ENDPOINT ?? 'https://dysmsapi.aliyuncs.com/',
        }
      : null;
  const smsWebhookUrl = env.SMS_WEBHOOK_URL || null;
  return {
    smsProvider:
      env.SMS_PROVIDER === 'aliyun' && aliyun ? 'aliyun' : smsWebhookUrl ? 'webhook' : aliyun ? 'aliyun' : null,
    smsWebhookUrl,
    smsWebhookSecret: env.SMS_WEBHOOK_SECRET || null,
    aliyun,
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM ?? 'OneWindow <noreply@localhost>',
    maxAttempts: positive(env.NOTICE_MAX_ATTEMPTS, 5),
    pollMs: positive(env.NOTICE_POLL_MS, 5000),
    retryBaseMs: positive(env.NOTICE_RETRY_BASE_MS, 30_000),
    leaseMs: Math.max(15_000, positive(env.NOTICE_LEASE_MS, 60_000)),
  };
}

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : fallback;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    databaseReadUrl: readReplicaUrl(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    passwordHashCost: Number(env.PASSWORD_HASH_COST ?? 15),
    secureCookies: env.SECURE_COOKIES === 'true',
    trustedProxies: (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webDist: path.resolve(env.WEB_DIST ?? './web/dist'),
    demo: env.ONEWINDOW_DEMO ? env.ONEWINDOW_DEMO === 'true' : env.NODE_ENV !== 'production',
    scheduledReports: onOff('SCHEDULED_REPORTS', env.SCHEDULED_REPORTS, true),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    scanMaxBytes: megabytes('SCAN_MAX_MB', env.SCAN_MAX_MB, 20),
    signInMaxAttempts: positive(env.SIGNIN_MAX_ATTEMPTS, 20),
    signInWindowMs: positive(env.SIGNIN_WINDOW_MINUTES, 10) * 60_000,
    metricsToken: env.METRICS_TOKEN || null,
    publicLimitFactor: positive(env.PUBLIC_LIMIT_FACTOR, 1),
    idempotencySecret: env.IDEMPOTENCY_SECRET || null,
    notices: noticeConfigFrom(env),
  };
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${name} must be "on" or "off", not "${value}"`);
}

function readReplicaUrl(env: NodeJS.ProcessEnv): string | null {
  if (!env.DATABASE_READ_URL) return null;
  // SQLite's readers never wait for its writer; a replica only makes sense beside a PostgreSQL primary.
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs a PostgreSQL primary');
  return env.DATABASE_READ_URL;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;

/**
 * The warning to log at start when the server listens on an address others reach but PUBLIC_BASE_URL is unset:
 * the QR codes on receipts and tickets would then point at localhost, which no phone can open. Null when fine.
 */
export function publicBaseUrlWarning(env: NodeJS.ProcessEnv, host: string): string | null {
  if (env.PUBLIC_BASE_URL?.trim() || LOOPBACK.test(host.trim())) return null;
  return (
    `PUBLIC_BASE_URL is not set while serving on ${host}: the QR codes on receipts point to localhost and phones ` +
    'cannot open them. Set PUBLIC_BASE_URL to the address the public reaches (e.g. https://zwfw.example.gov.cn). ' +
    '未设置 PUBLIC_BASE_URL：回执上的二维码将指向 localhost，手机无法打开。'
  );
}

/** A size setting in MB; a value that is not a positive number stops the start instead of being guessed at. */
function megabytes(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback * 1024 * 1024;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`${name} must be a positive number of MB, not "${value}"`);
  return Math.round(mb * 1024 * 1024);
}
