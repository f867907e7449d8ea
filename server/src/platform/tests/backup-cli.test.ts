import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers.ts';

let work: string;
const closers: (() => Promise<void>)[] = [];

/** A database for one side: an empty PostgreSQL database on DATABASE_URL runs, else the SQLite file in DATA_DIR. */
async function databaseUrl(): Promise<string> {
  if (!process.env.DATABASE_URL) return '';
  const db = await freshDatabase();
  await db.db.destroy();
  closers.push(db.close);
  return db.url as string;
}

/** `npm run <command>` as an operator runs it: the real command line in a child process. */
function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      AUDIT_SYSLOG: 'off',
      PASSWORD_HASH_COST: '10',
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let live: Record<string, string>;
beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'onewindow-cli-'));
  live = {
    DATA_DIR: path.join(work, 'live'),
    DATABASE_URL: await databaseUrl(),
    AUDIT_KEY_FILE: path.join(work, 'keys', 'audit.key'),
  };
}, 60_000);
afterAll(async () => {
  for (const c of closers) await c();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run backup / restore / audit:verify', () => {
  it('backs up a seeded hall, restores it into a fresh data folder and database, and the chain verifies there', async () => {
    expect(run(['seed'], live).code).toBe(0);
    expect(statSync(live.AUDIT_KEY_FILE as string).mode & 0o777).toBe(0o600);
    const backup = run(['backup', '--to', path.join(work, 'backups')], live);
    expect(backup.code, backup.err).toBe(0);
    const made = JSON.parse(backup.out.trim().split('\n').pop() as string);
    expect(made).toMatchObject({ ok: true });
    expect(backup.err).toMatch(
      process.env.DATABASE_URL ? /dumping contents of table "public.cases"/ : /数据库 database 100%/,
    );
    expect(backup.err).toMatch(/key audit\.key: 存在 present，未复制 not copied/);
    expect(existsSync(path.join(made.dir, 'keys'))).toBe(false);

    const fresh = {
      ...live,
      DATA_DIR: path.join(work, 'fresh'),
      DATABASE_URL: await databaseUrl(),
    };
    const restored = run(['restore', made.dir], fresh);
    expect(restored.code, restored.err).toBe(0);
    expect(JSON.parse(restored.out.trim().split('\n').pop() as string)).toMatchObject({
      ok: true,
      audit: { ok: true, checkpoints: { restores: 1 } },
    });
    const verified = run(['audit-verify'], fresh);
    expect(verified.code, verified.err).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, problem: null });
  }, 240_000);

  it('refuses a backup whose checksum does not match, and a restore without the audit key', async () => {
    const backups = path.join(work, 'backups');
    const original = path.join(backups, readdirSync(backups)[0] as string);
    const bad = path.join(work, 'tampered');
    cpSync(original, bad, { recursive: true });
    const manifest = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(path.join(bad, 'manifest.json'), 'utf8')),
    );
    writeFileSync(path.join(bad, manifest.database), 'not a database');
    const target = {
      ...live,
      DATA_DIR: path.join(work, 'refused'),
      DATABASE_URL: await databaseUrl(),
    };
    const refused = run(['restore', bad], target);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/拒绝恢复 restore refused: .*checksum mismatch: database\./);
    const noKey = run(['restore', original], {
      ...target,
      AUDIT_KEY_FILE: path.join(work, 'nowhere', 'audit.key'),
    });
    expect(noKey.code).toBe(1);
    expect(noKey.err).toMatch(/audit key file missing/);
    expect(existsSync(path.join(work, 'nowhere'))).toBe(false);
  }, 240_000);

  it('refuses to start in production without the audit key', () => {
    const r = run(['migrate'], {
      ...live,
      NODE_ENV: 'production',
      AUDIT_KEY_FILE: path.join(work, 'absent.key'),
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/生产模式拒绝启动/);
  }, 120_000);
});
