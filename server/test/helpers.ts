import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Migration, Migrator, NO_MIGRATIONS } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { migrations } from '../migrations/index.ts';
import { buildApp } from '../src/app.ts';
import { ensureAuditHead, installAuditKeys } from '../src/platform/audit.ts';
import { parseKeyFile } from '../src/platform/audit-keys.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openHallEvents } from '../src/platform/events.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { installPiiKeys, KeyRing, pii } from '../src/platform/pii/index.ts';
import { totpCode } from '../src/platform/auth/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/seed/demo-accounts.ts';
import { seedDemoHall } from '../src/seed/seed-demo.ts';

/** 2026-03-02 09:00 Beijing time, a Monday. */
export const T0 = Date.parse('2026-03-02T01:00:00Z');

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

/** The hall behind each test app, so a signed-in fixture can reach its database and clock. */
const hallOfApp = new WeakMap<FastifyInstance, { ctx: AppContext; clock: ManualClock }>();

/** A fixed audit key for the tests (the product keeps its key in a 0600 file outside the database). */
export const TEST_AUDIT_KEYS = parseKeyFile(`t1 ${'5a'.repeat(32)}`);
installAuditKeys(TEST_AUDIT_KEYS);

/**
 * A fixed ring for personal numbers: the run's demo-hall template is seeded in another process, and its staff phones
 * must read back here. A test that installs a ring of its own gets its hall built in place, under that ring.
 */
export const TEST_PII_RING = new KeyRing({
  format: 'onewindow-pii-keys/1',
  active: 'k1',
  keys: [
    {
      id: 'k1',
      createdAt: '2026-01-01T00:00:00.000Z',
      encryptionKey: Buffer.alloc(32, 0x11).toString('base64'),
      indexKey: Buffer.alloc(32, 0x22).toString('base64'),
    },
  ],
});
installPiiKeys(TEST_PII_RING);

const migratorOf = (db: DatabaseHandle['db'], set: Record<string, Migration>) =>
  new Migrator({ db, provider: { getMigrations: async () => set }, allowUnorderedMigrations: true });

/**
 * Runs only the given migrations up: an upgrade test's database as it was before a migration, to fill with old rows
 * and then bring up to date with migrateToLatest.
 */
export async function migrateOnly(db: DatabaseHandle['db'], set: Record<string, Migration>): Promise<void> {
  const { error } = await migratorOf(db, set).migrateToLatest();
  if (error) throw error;
}

/** The migrations named before `name` (an upgrade test's "before"). */
export const migrationsBefore = (name: string) =>
  Object.fromEntries(Object.entries(migrations).filter(([n]) => n < name));

/**
 * Undoes the named migration and every later one (an upgrade test's check of its down): the database goes back to
 * just before `name`, however many migrations have been added since.
 */
export async function migrateDownThrough(db: DatabaseHandle['db'], name: string): Promise<void> {
  const names = Object.keys(migrations).sort();
  if (!names.includes(name)) throw new Error(`no migration ${name}`);
  const before = names.filter((n) => n < name).pop();
  const m = migratorOf(db, migrations);
  const { error } = before ? await m.migrateTo(before) : await m.migrateTo(NO_MIGRATIONS);
  if (error) throw error;
}

/**
 * A fresh database for one test file: a temporary SQLite file by default, or a new PostgreSQL database created
 * next to the one DATABASE_URL names (and dropped afterwards). Given a template (see global-setup.ts) it starts as
 * a copy of it: the file copied, or PostgreSQL's CREATE DATABASE … TEMPLATE.
 */
export async function freshDatabase(template?: string): Promise<DatabaseHandle & { url: string | null }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // A real file, so tests run the product's SQLite path (group commit, a separate reader); the file is
    // thrown away, so it need not be synced.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-test-'));
    if (template) copyFileSync(template, path.join(dir, 'hall.db'));
    const handle = openDatabase({ databaseUrl: null, sqliteFile: path.join(dir, 'hall.db'), synchronous: 'OFF' });
    return {
      ...handle,
      url: null,
      close: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `ow_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: testUrl.toString(), poolSize: 5 });
  return {
    ...handle,
    url: testUrl.toString(),
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // A background worker (autovacuum) on the database can briefly refuse the drop; try a few times.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (e) {
            if (attempt >= 5) throw e;
            await new Promise((r) => setTimeout(r, 200 * attempt));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

export interface TestHall {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The app over a fresh database holding the demo hall; the clock stands still until a test moves it. */
export async function buildTestHall(
  opts: { seed?: boolean; logTo?: { write(line: string): void }; webDist?: string } = {},
): Promise<TestHall> {
  // The demo hall is migrated and seeded once per run and copied here; without the run's template, built in place.
  const template = opts.seed === false || pii() !== TEST_PII_RING ? undefined : inject('demoHallTemplate');
  const handle = await freshDatabase(template);
  if (!template) await prepareDemoHall(handle.db, opts.seed !== false);
  const clock = new ManualClock(T0);
  // A low scrypt cost keeps the suite fast; production uses the default.
  const config = {
    ...loadConfig(opts.logTo ? { LOG_LEVEL: 'debug' } : {}),
    passwordHashCost: 10,
    webDist: opts.webDist ?? '/nonexistent',
  };
  // Suites sign in far more often than a person (the sign-in throttle has its own test); a fixed fingerprint key.
  Object.assign(config, { signInMaxAttempts: 100_000, idempotencySecret: 'test-idempotency-key' });
  // `logTo` captures every log line at the most verbose level, for tests of what the logs must never hold.
  const log = opts.logTo ? pino({ level: 'trace' }, opts.logTo) : pino({ level: 'silent' });
  const events = await openHallEvents({ dialect: handle.dialect, db: handle.db, databaseUrl: handle.url, log });
  const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock, log, events };
  // The audit checkpoints of this hall's database, in a file of their own.
  const anchorDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-anchor-'));
  ctx.auditAnchor = { file: path.join(anchorDir, 'checkpoints.log'), syslog: false };
  const app = await buildApp(ctx);
  await app.ready();
  hallOfApp.set(app, { ctx, clock });
  return {
    app,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await events.close();
      await handle.close();
      rmSync(anchorDir, { recursive: true, force: true });
    },
  };
}

/** Migrates a new database and (unless told not to) writes the demo hall as of T0, as every test hall starts. */
export async function prepareDemoHall(db: DatabaseHandle['db'], seed = true): Promise<void> {
  await migrateToLatest(db);
  await ensureAuditHead(db);
  // A low scrypt cost keeps the suite fast; production uses the default.
  if (seed) await seedDemoHall(db, { now: T0, passwordHashCost: 10 });
}

/** A signed-in client: remembers the session cookie like a browser. */
export class Session {
  cookie = '';
  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password = DEMO_PASSWORD, totpCode?: string): Promise<LightMyRequestResponse> {
    const payload = { username, password, ...(totpCode === undefined ? {} : { totpCode }) };
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    const set = res.cookies.find((c) => c.name === 'ow_session');
    if (set) this.cookie = `ow_session=${set.value}`;
    return res;
  }

  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
    });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, payload ?? {}, headers);
  }
  put(url: string, payload: unknown) {
    return this.request('PUT', url, payload);
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }
}

export async function signedIn(app: FastifyInstance, username: string): Promise<Session> {
  const s = new Session(app);
  const res = await s.login(username);
  if (res.statusCode === 401 && json(res).code === 'TOTP_REQUIRED') {
    // The password was right. A demo administrator signs in with the code of the demo authenticator; a code works
    // only once per 30-second step and the test clock stands still, so when this step's code is spent the fixture
    // opens the session the second factor would. The two-step sign-in itself is tested in the auth tests.
    const hall = hallOfApp.get(app);
    const user = await hall?.ctx.db
      .selectFrom('users')
      .leftJoin('user_totp', 'user_totp.user_id', 'users.id')
      .select(['users.id', 'user_totp.last_step'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!hall || !user) throw new Error(`login ${username}: second factor needed outside a test hall`);
    const now = hall.clock.now();
    if (user.last_step === null || Number(user.last_step) < Math.floor(now / 30_000)) {
      const second = await s.login(username, DEMO_PASSWORD, totpCode(DEMO_TOTP_SECRET, now));
      if (second.statusCode !== 200) throw new Error(`login ${username} failed: ${second.statusCode} ${second.body}`);
      return s;
    }
    s.cookie = `ow_session=${await createSession(hall.ctx.db, user.id, now, null, null)}`;
    return s;
  }
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return s;
}

export const json = <T = any>(res: LightMyRequestResponse): T => res.json() as T;
