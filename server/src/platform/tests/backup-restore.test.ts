import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../modules/results/files.ts';
import { generateHistory } from '../../seed/history/generate.ts';
import { buildTestHall, freshDatabase, TEST_AUDIT_KEYS, type TestHall } from '../../../test/helpers.ts';
import { type AuditAnchor, checkpointHead } from '../audit-anchor.ts';
import { recordAudit, verifyAuditChain } from '../audit.ts';
import { type BackupSource, createBackup, restoreBackup } from '../backup/backup.ts';
import { BackupRejected, type Manifest } from '../backup/manifest.ts';
import { type Db, openDatabase } from '../db/database.ts';

let hall: TestHall;
let work: string;
let source: BackupSource;
let backup: { dir: string; manifest: Manifest };
const cleanups: (() => Promise<void>)[] = [];
/** Files on disk: the three result files below, and the history's 差评 rectification evidence (one per case). */
let liveFiles = 3;

/** The row count of every table, read through Kysely's own introspection (independent of the backup code). */
async function countAll(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await db.introspection.getTables({
    withInternalKyselyTables: true,
  })) {
    const r = await sql<{
      n: number | string;
    }>`SELECT count(*) AS n FROM ${sql.table(t.name)}`.execute(db);
    out[t.name] = Number(r.rows[0]?.n);
  }
  return out;
}

const filesOf = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .sort()
    : [];

/** A fresh target: an empty data folder, and on PostgreSQL an empty database beside the test's own. */
async function freshTarget(name: string): Promise<BackupSource & { anchor: AuditAnchor }> {
  const dataDir = path.join(work, name);
  mkdirSync(dataDir, { recursive: true });
  const anchor = {
    file: path.join(dataDir, 'audit', 'checkpoints.log'),
    syslog: false,
  };
  if (hall.ctx.dialect === 'sqlite')
    return {
      dialect: 'sqlite',
      sqliteFile: path.join(dataDir, 'onewindow.db'),
      dataDir,
      anchor,
    };
  const db = await freshDatabase();
  cleanups.push(db.close);
  return { dialect: 'postgres', databaseUrl: db.url, dataDir, anchor };
}

function openTarget(t: BackupSource) {
  const h = openDatabase({
    databaseUrl: t.databaseUrl ?? null,
    sqliteFile: t.sqliteFile,
  });
  cleanups.push(h.close);
  return h.db;
}

async function advanceLive(n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(hall.ctx.db, {
      at: hall.clock.now(),
      userId: null,
      username: 'clerk',
      action: 'case.view',
      outcome: 'success',
    });
  }
  await checkpointHead(hall.ctx.db, hall.ctx.auditAnchor!, TEST_AUDIT_KEYS, hall.clock.now());
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'onewindow-backup-'));
  hall = await buildTestHall();
  const dataDir = path.join(work, 'live');
  // The demo hall, a history of cases, and result files on disk.
  await generateHistory(hall.ctx.db, hall.ctx.dialect, {
    cases: 40,
    seed: 3,
    now: hall.clock.now(),
    baseUrl: 'http://hall.test',
    dataDir,
  });
  liveFiles += (await hall.ctx.db.selectFrom('case_rating_evidence').select('case_id').distinct().execute()).length;
  const caseIds = (await hall.ctx.db.selectFrom('cases').select('id').limit(3).execute()).map((c) => c.id);
  for (const [i, id] of caseIds.entries())
    await storeFile(dataDir, id, `file-${i}`, Buffer.from(`%PDF-1.4 result ${i}`));
  const keyFile = path.join(dataDir, 'keys', 'audit.key');
  mkdirSync(path.dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, 'secret-material-that-must-not-travel', {
    mode: 0o600,
  });
  if (hall.ctx.dialect === 'sqlite') {
    const file = await sql<{
      file: string;
    }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(hall.ctx.db);
    source = {
      dialect: 'sqlite',
      sqliteFile: file.rows[0]?.file as string,
      dataDir,
    };
  } else {
    const name = await sql<{
      n: string;
    }>`SELECT current_database() AS n`.execute(hall.ctx.db);
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${name.rows[0]?.n}`;
    source = { dialect: 'postgres', databaseUrl: url.toString(), dataDir };
  }
  await checkpointHead(hall.ctx.db, hall.ctx.auditAnchor!, TEST_AUDIT_KEYS, hall.clock.now());
  const progress: string[] = [];
  backup = await createBackup(source, {
    into: path.join(work, 'backups'),
    ring: TEST_AUDIT_KEYS,
    now: hall.clock.now(),
    keyFiles: [{ name: 'audit.key', path: keyFile }],
    progress: (l) => progress.push(l),
  });
  expect(progress.length).toBeGreaterThan(0);
}, 180_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await hall?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a signed manifest with the sha256 of every file, notes the key files and copies none', () => {
    const m = backup.manifest;
    expect(m.dialect).toBe(hall.ctx.dialect);
    const live = filesOf(path.join(source.dataDir, 'files')).map((f) => `files/${f.split(path.sep).join('/')}`);
    expect(live).toHaveLength(liveFiles);
    expect(m.files.map((f) => f.path).sort()).toEqual([m.database, ...live].sort());
    expect(m.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(m.keys).toEqual([
      {
        name: 'audit.key',
        path: expect.stringContaining('audit.key'),
        present: true,
        copied: false,
      },
    ]);
    expect(existsSync(path.join(backup.dir, 'keys'))).toBe(false);
    const everything = filesOf(backup.dir)
      .map((f) => readFileSync(path.join(backup.dir, f)).toString('latin1'))
      .join('');
    expect(everything).not.toContain('secret-material-that-must-not-travel');
    expect(m.tables.cases).toBe(40);
  });

  it('restores into a fresh data folder and database: same rows in every table, same files, a chain that verifies', async () => {
    const target = await freshTarget('fresh');
    await restoreBackup(backup.dir, target, {
      ring: TEST_AUDIT_KEYS,
      anchor: target.anchor,
      now: hall.clock.now(),
    });
    const db = openTarget(target);
    const restored = await countAll(db);
    const original = await countAll(hall.ctx.db);
    expect(Object.keys(restored).length).toBeGreaterThan(20);
    expect(restored).toEqual(original);
    expect(restored.cases).toBe(40);
    expect(filesOf(path.join(target.dataDir, 'files'))).toEqual(filesOf(path.join(source.dataDir, 'files')));
    expect(filesOf(path.join(target.dataDir, 'files'))).toHaveLength(liveFiles);
    const check = await verifyAuditChain(db, {
      keys: TEST_AUDIT_KEYS,
      anchor: target.anchor,
    });
    expect(check).toMatchObject({
      ok: true,
      checked: backup.manifest.auditHead.seq,
    });
    expect(check.checkpoints).toMatchObject({
      restores: 1,
      newestSeq: backup.manifest.auditHead.seq,
    });
  });

  it('refuses a backup whose file does not match its checksum, before touching the target', async () => {
    const bad = path.join(work, 'bad-file');
    cpSync(backup.dir, bad, { recursive: true });
    const f = backup.manifest.files.find((x) => x.path.startsWith('files/'))!;
    writeFileSync(path.join(bad, f.path), 'changed');
    const target = await freshTarget('refused-file');
    await expect(
      restoreBackup(bad, target, {
        ring: TEST_AUDIT_KEYS,
        anchor: target.anchor,
        now: hall.clock.now(),
      }),
    ).rejects.toThrow(/checksum mismatch: files\//);
    expect(existsSync(path.join(target.dataDir, 'files'))).toBe(false);
    if (target.sqliteFile) expect(existsSync(target.sqliteFile)).toBe(false);
    else expect(Object.keys(await countAll(openTarget(target)))).toHaveLength(0);
  });

  it('refuses a changed database copy, and a manifest rewritten to match it', async () => {
    const bad = path.join(work, 'bad-db');
    cpSync(backup.dir, bad, { recursive: true });
    const dbCopy = path.join(bad, backup.manifest.database);
    const bytes = readFileSync(dbCopy);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(dbCopy, bytes);
    const target = await freshTarget('refused-db');
    const opts = {
      ring: TEST_AUDIT_KEYS,
      anchor: target.anchor,
      now: hall.clock.now(),
    };
    await expect(restoreBackup(bad, target, opts)).rejects.toBeInstanceOf(BackupRejected);
    const { createHash } = await import('node:crypto');
    const m = JSON.parse(readFileSync(path.join(bad, 'manifest.json'), 'utf8')) as Manifest;
    m.files = m.files.map((x) =>
      x.path === m.database ? { ...x, sha256: createHash('sha256').update(bytes).digest('hex') } : x,
    );
    writeFileSync(path.join(bad, 'manifest.json'), JSON.stringify(m));
    await expect(restoreBackup(bad, target, opts)).rejects.toThrow(/manifest signature does not match/);
  });

  it('refuses to restore over a database in use unless told to replace it; replaced, the checkpoints accept the older head', async () => {
    const target = await freshTarget('in-use');
    const opts = {
      ring: TEST_AUDIT_KEYS,
      anchor: target.anchor,
      now: hall.clock.now(),
    };
    await restoreBackup(backup.dir, target, opts);
    // The restored system runs on and is pinned past the backup.
    const first = openDatabase({
      databaseUrl: target.databaseUrl ?? null,
      sqliteFile: target.sqliteFile,
    });
    for (let i = 0; i < 2; i++)
      await recordAudit(first.db, {
        at: hall.clock.now(),
        userId: null,
        username: 'x',
        action: 'later',
        outcome: 'success',
      });
    await checkpointHead(first.db, target.anchor, TEST_AUDIT_KEYS, hall.clock.now());
    expect(
      await verifyAuditChain(first.db, {
        keys: TEST_AUDIT_KEYS,
        anchor: target.anchor,
      }),
    ).toMatchObject({ ok: true });
    await first.close();
    await expect(restoreBackup(backup.dir, target, opts)).rejects.toThrow(/--replace/);
    await restoreBackup(backup.dir, target, { ...opts, replace: true });
    const db = openTarget(target);
    const check = await verifyAuditChain(db, {
      keys: TEST_AUDIT_KEYS,
      anchor: target.anchor,
    });
    expect(check).toMatchObject({
      ok: true,
      checked: backup.manifest.auditHead.seq,
    });
    expect(check.checkpoints).toMatchObject({ restores: 2, setAside: 1 });
    expect(await countAll(db)).toEqual(
      Object.fromEntries(
        Object.entries(await countAll(hall.ctx.db)).map(([t, n]) => [
          t,
          t === 'audit_log' ? backup.manifest.tables.audit_log : n,
        ]),
      ),
    );
    if (target.sqliteFile)
      expect(readdirSync(target.dataDir).some((f) => f.startsWith('onewindow.db.before-restore-'))).toBe(true);
  });

  it('without the restore record, the same old copy fails verify against the newer checkpoints', async () => {
    await advanceLive(3);
    const target = await freshTarget('by-hand');
    const anchorCopy = path.join(target.dataDir, 'audit', 'checkpoints.log');
    mkdirSync(path.dirname(anchorCopy), { recursive: true });
    copyFileSync(hall.ctx.auditAnchor!.file, anchorCopy);
    // The intruder's restore: the old database put back by hand, the checkpoint file left as it was.
    await restoreBackup(backup.dir, target, {
      ring: TEST_AUDIT_KEYS,
      anchor: { file: path.join(work, 'elsewhere.log'), syslog: false },
      now: hall.clock.now(),
    });
    const check = await verifyAuditChain(openTarget(target), {
      keys: TEST_AUDIT_KEYS,
      anchor: target.anchor,
    });
    expect(check).toMatchObject({
      ok: false,
      problem: 'behind-checkpoint',
      firstBrokenSeq: backup.manifest.auditHead.seq + 1,
    });
  });
});
