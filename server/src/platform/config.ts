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
  webDist: string;
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
    webDist: path.resolve(env.WEB_DIST ?? './web/dist'),
  };
}
