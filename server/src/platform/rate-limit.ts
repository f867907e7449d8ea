/**
 * Rate limits per address (@fastify/rate-limit) for the routes a stranger can probe: the public lookups, the
 * kiosk, online consultations and sign-in. On PostgreSQL the counts live in the `rate_limits` table, so every
 * app node counts against one allowance; SQLite serves from one node and counts in memory.
 */
import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Db } from './db/database.ts';
import { AppError } from './errors.ts';

type Hits = { current: number; ttl: number };
type Done = (err: Error | null, res?: Hits) => void;

/** What a store needs to know of the route it counts for. */
type RouteInfo = { routeInfo?: { method?: string | string[]; url?: string } };
const routeKey = (o: RouteInfo) => `${[o.routeInfo?.method ?? ''].flat().join(',')} ${o.routeInfo?.url ?? ''}|`;

/** One counting window per key, in this process: enough where one node serves (SQLite). */
export class MemoryRateLimitStore {
  private readonly windows = new Map<string, { hits: number; expiresAt: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly prefix = '',
  ) {}

  incr(key: string, done: Done, windowMs: number): void {
    const now = this.clock.now();
    const k = this.prefix + key;
    let w = this.windows.get(k);
    if (!w || w.expiresAt <= now) {
      if (this.windows.size > 10_000) this.sweep(now);
      w = { hits: 0, expiresAt: now + windowMs };
      this.windows.set(k, w);
    }
    w.hits += 1;
    done(null, { current: w.hits, ttl: w.expiresAt - now });
  }

  child(options: RouteInfo): MemoryRateLimitStore {
    return new MemoryRateLimitStore(this.clock, routeKey(options));
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.expiresAt <= now) this.windows.delete(k);
  }
}

/**
 * Counts in the database with one atomic upsert-increment (both dialects): a window that has run out starts
 * again at 1, otherwise the row's count goes up by one, and the statement answers the count it left.
 */
export class DatabaseRateLimitStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly prefix = '',
  ) {}

  async hit(key: string, windowMs: number): Promise<Hits> {
    const now = this.clock.now();
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key: this.prefix + key, hits: 1, expires_at: now + windowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql`CASE WHEN rate_limits.expires_at <= ${now} THEN 1 ELSE rate_limits.hits + 1 END`,
          expires_at: sql`CASE WHEN rate_limits.expires_at <= ${now} THEN ${now + windowMs} ELSE rate_limits.expires_at END`,
        }),
      )
      .returning(['hits', 'expires_at'])
      .executeTakeFirstOrThrow();
    return { current: Number(row.hits), ttl: Number(row.expires_at) - now };
  }

  incr(key: string, done: Done, windowMs: number): void {
    this.hit(key, windowMs).then(
      (r) => done(null, r),
      (err: Error) => done(err),
    );
  }

  child(options: RouteInfo): DatabaseRateLimitStore {
    return new DatabaseRateLimitStore(this.db, this.clock, routeKey(options));
  }
}

/** Deletes the counting windows that have run out; returns how many. */
export async function purgeRateLimits(db: Db, now: number): Promise<number> {
  const res = await db.deleteFrom('rate_limits').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}

type What = { zh: string; en: string };
const LOOKUPS: What = { zh: '查询', en: 'requests' };

/** PUBLIC_LIMIT_FACTOR: multiplies every public limit (a hall whose visitors share one NAT address needs more). */
let publicLimitFactor = 1;

function waitText(ms: number): What {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds > 90) return { zh: `${Math.ceil(seconds / 60)} 分钟`, en: `${Math.ceil(seconds / 60)} minutes` };
  return { zh: `${seconds} 秒`, en: `${seconds} s` };
}

/**
 * The route option of a limit: at most `max` requests per address in `windowMs`, then 429 RATE_LIMITED naming
 * what is limited (查询 / lookups, 提交 / submissions, 取号 / tickets) and how long to wait.
 */
export function throttle(max: number, windowMs: number, what: What = LOOKUPS, scaled = true): RateLimitOptions {
  return {
    max: scaled ? () => max * publicLimitFactor : max,
    timeWindow: windowMs,
    errorResponseBuilder: (_req, context) => {
      const wait = waitText(context.ttl);
      return new AppError(
        429,
        'RATE_LIMITED',
        `${what.zh}过于频繁，请 ${wait.zh}后再试`,
        `Too many ${what.en}; try again in ${wait.en}`,
      );
    },
  };
}

/** Sign-in attempts per address (SIGNIN_MAX_ATTEMPTS in SIGNIN_WINDOW_MINUTES), whatever the account. */
export function signInThrottle(config: Pick<Config, 'signInMaxAttempts' | 'signInWindowMs'>): RateLimitOptions {
  return throttle(config.signInMaxAttempts, config.signInWindowMs, { zh: '登录尝试', en: 'sign-in attempts' }, false);
}

/**
 * The requests of one API key across every route, counted like the per-address limits (in the database on
 * PostgreSQL, so every node shares the count); answers the count so far in the window.
 */
export function keyRequestCounter(
  ctx: Pick<AppContext, 'db' | 'dialect' | 'clock'>,
): (keyId: string, windowMs: number) => Promise<Hits> {
  if (ctx.dialect === 'postgres') {
    const store = new DatabaseRateLimitStore(ctx.db, ctx.clock, 'apikey|');
    return (keyId, windowMs) => store.hit(keyId, windowMs);
  }
  const store = new MemoryRateLimitStore(ctx.clock, 'apikey|');
  return (keyId, windowMs) =>
    new Promise((resolve, reject) =>
      store.incr(keyId, (err, hits) => (err || !hits ? reject(err) : resolve(hits)), windowMs),
    );
}

/** 429 for a key past its allowance, in the words of the other limits. */
export function keyThrottled(ttlMs: number): AppError {
  const wait = waitText(ttlMs);
  return new AppError(
    429,
    'RATE_LIMITED',
    `接口调用过于频繁，请 ${wait.zh}后再试`,
    `Too many requests with this API key; try again in ${wait.en}`,
  );
}

/** Registers the plugin before the routes: only routes that declare `config.rateLimit` are limited. */
export async function installRateLimits(
  app: FastifyInstance,
  ctx: Pick<AppContext, 'db' | 'dialect' | 'clock'> & { config?: Pick<Config, 'publicLimitFactor'> },
) {
  publicLimitFactor = ctx.config?.publicLimitFactor ?? 1;
  const shared = ctx.dialect === 'postgres';
  await app.register(fastifyRateLimit, {
    global: false,
    // The plugin constructs the store itself; each one closes over this app's database and clock.
    store: (shared
      ? class extends DatabaseRateLimitStore {
          constructor() {
            super(ctx.db, ctx.clock);
          }
        }
      : class extends MemoryRateLimitStore {
          constructor() {
            super(ctx.clock);
          }
        }) as never,
  });
}
