import fs from 'node:fs';
import path from 'node:path';
import { type AuditAnchor, writeCheckpoint } from '../audit-anchor.ts';
import type { AuditKeyRing } from '../audit-keys.ts';
import {
  backupPostgres,
  backupSqlite,
  type DatabaseFacts,
  type Progress,
  postgresFacts,
  postgresIsEmpty,
  restorePostgres,
  sqliteFacts,
} from './databases.ts';
import {
  BackupRejected,
  checkBackup,
  describeFile,
  type Manifest,
  MANIFEST,
  type ManifestKey,
  signManifest,
} from './manifest.ts';

/** The system a backup is taken from or restored into. */
export interface BackupSource {
  dialect: 'sqlite' | 'postgres';
  /** SQLite: the database file; PostgreSQL: the connection string. */
  sqliteFile?: string;
  databaseUrl?: string | null;
  /** DATA_DIR: its files/ folder (result files) goes with the database. */
  dataDir: string;
}

const SQLITE_COPY = 'database.sqlite';
const PG_DUMP = 'database.dump';

function walk(root: string, rel = ''): string[] {
  const dir = path.join(root, rel);
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...walk(root, r));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

function copyInto(fromRoot: string, rel: string, toRoot: string): void {
  const dest = path.join(toRoot, rel);
  fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
  fs.copyFileSync(path.join(fromRoot, rel), dest);
  fs.chmodSync(dest, 0o600);
}

/** Beijing wall time as a folder name: onewindow-20261202-023000. */
export function backupName(at: number): string {
  const s = new Date(at + 8 * 3600_000).toISOString();
  return `onewindow-${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}`;
}

export interface CreateOptions {
  into: string;
  ring: AuditKeyRing;
  now: number;
  /** Key files to note (and, with withKeys, copy under keys/). */
  keyFiles: { name: string; path: string }[];
  withKeys?: boolean;
  progress?: Progress;
}

/**
 * Writes one backup folder: the database (SQLite online backup or pg_dump), the files folder, and a signed
 * manifest with the SHA-256 of each file. Built under a .partial name and renamed when whole.
 */
export async function createBackup(
  src: BackupSource,
  opts: CreateOptions,
): Promise<{ dir: string; manifest: Manifest }> {
  const progress = opts.progress ?? (() => {});
  fs.mkdirSync(opts.into, { recursive: true, mode: 0o700 });
  let name = backupName(opts.now);
  for (let n = 2; fs.existsSync(path.join(opts.into, name)); n++) name = `${backupName(opts.now)}-${n}`;
  const work = path.join(opts.into, `.partial-${name}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { mode: 0o700 });
  try {
    let facts: DatabaseFacts;
    let database: string;
    if (src.dialect === 'sqlite') {
      database = SQLITE_COPY;
      await backupSqlite(src.sqliteFile as string, path.join(work, database), progress);
      facts = sqliteFacts(path.join(work, database));
    } else {
      database = PG_DUMP;
      facts = await backupPostgres(src.databaseUrl as string, path.join(work, database), progress);
    }
    // Files after the database: every file the copied rows point to was written before the snapshot.
    const filesRoot = path.join(src.dataDir, 'files');
    const files = walk(filesRoot);
    files.forEach((rel, i) => {
      copyInto(filesRoot, rel, path.join(work, 'files'));
      if ((i + 1) % 200 === 0 || i + 1 === files.length) progress(`文件 files ${i + 1}/${files.length}`);
    });
    const keys: ManifestKey[] = opts.keyFiles.map((k) => {
      const present = fs.existsSync(k.path);
      const copied = Boolean(opts.withKeys && present);
      if (copied) {
        fs.mkdirSync(path.join(work, 'keys'), { recursive: true, mode: 0o700 });
        fs.copyFileSync(k.path, path.join(work, 'keys', k.name));
        fs.chmodSync(path.join(work, 'keys', k.name), 0o600);
      }
      return { name: k.name, path: k.path, present, copied };
    });
    const listed = [
      database,
      ...files.map((f) => path.join('files', f)),
      ...keys.filter((k) => k.copied).map((k) => path.join('keys', k.name)),
    ];
    const described = [];
    for (const rel of listed) described.push(await describeFile(work, rel));
    const manifest = signManifest(
      {
        format: 'onewindow-backup/1',
        name,
        createdAt: opts.now,
        dialect: src.dialect,
        database,
        ...facts,
        files: described,
        keys,
      },
      opts.ring,
    );
    fs.writeFileSync(path.join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const dir = path.join(opts.into, name);
    fs.renameSync(work, dir);
    return { dir, manifest };
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

export interface BackupListing {
  dir: string;
  name: string;
  createdAt: number;
}

/** The whole backups in a folder, newest first. */
export function listBackups(into: string): BackupListing[] {
  if (!fs.existsSync(into)) return [];
  const out: BackupListing[] = [];
  for (const e of fs.readdirSync(into, { withFileTypes: true })) {
    if (!e.isDirectory() || !e.name.startsWith('onewindow-')) continue;
    try {
      const m = JSON.parse(fs.readFileSync(path.join(into, e.name, MANIFEST), 'utf8')) as Manifest;
      out.push({
        dir: path.join(into, e.name),
        name: e.name,
        createdAt: Number(m.createdAt),
      });
    } catch {
      // no readable manifest: not a backup this code wrote whole
    }
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** Keeps the newest `keep` backups and removes the rest, with any half-written folder. */
export function pruneBackups(into: string, keep: number): string[] {
  const removed: string[] = [];
  for (const b of listBackups(into).slice(Math.max(1, keep))) {
    fs.rmSync(b.dir, { recursive: true, force: true });
    removed.push(b.name);
  }
  if (fs.existsSync(into)) {
    for (const e of fs.readdirSync(into)) {
      if (e.startsWith('.partial-')) {
        const full = path.join(into, e);
        if (Date.now() - fs.statSync(full).mtimeMs > 24 * 3600_000) fs.rmSync(full, { recursive: true, force: true });
      }
    }
  }
  return removed;
}

export interface RestoreOptions {
  ring: AuditKeyRing;
  /** The target's checkpoint file: the restore is recorded there, so verify accepts the older head. */
  anchor: AuditAnchor;
  now: number;
  /** Put aside what the target holds instead of refusing. */
  replace?: boolean;
  progress?: Progress;
}

function nonEmptyDir(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

function setAside(p: string, stamp: string): void {
  if (fs.existsSync(p)) fs.renameSync(p, `${p}.before-restore-${stamp}`);
}

/**
 * Restores a backup after checking every checksum: the database, then the files folder; then compares the
 * row count of every table with the manifest and records the restore in the checkpoint file.
 */
export async function restoreBackup(from: string, target: BackupSource, opts: RestoreOptions): Promise<Manifest> {
  const progress = opts.progress ?? (() => {});
  const manifest = await checkBackup(from, opts.ring, (done, total) => {
    if (done % 200 === 0 || done === total) progress(`校验 checksums ${done}/${total}`);
  });
  if (manifest.dialect !== target.dialect) {
    throw new BackupRejected(
      `这是 ${manifest.dialect} 的备份，不能恢复到 ${target.dialect} (backup is ${manifest.dialect})`,
    );
  }
  const filesDir = path.join(target.dataDir, 'files');
  const stamp = backupName(opts.now).slice('onewindow-'.length);
  if (!opts.replace) {
    const dbInUse =
      target.dialect === 'sqlite'
        ? fs.existsSync(target.sqliteFile as string) &&
          Object.keys(sqliteFacts(target.sqliteFile as string).tables).length > 0
        : !(await postgresIsEmpty(target.databaseUrl as string));
    if (dbInUse || nonEmptyDir(filesDir)) {
      throw new BackupRejected('目标数据库或文件目录不为空；确认覆盖请加 --replace (target not empty; use --replace)');
    }
  }
  const db = path.join(from, manifest.database);
  if (target.dialect === 'sqlite') {
    const file = target.sqliteFile as string;
    for (const p of [file, `${file}-wal`, `${file}-shm`]) setAside(p, stamp);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.copyFileSync(db, `${file}.restoring`);
    fs.chmodSync(`${file}.restoring`, 0o600);
    fs.renameSync(`${file}.restoring`, file);
    progress('数据库已恢复 database restored');
  } else {
    await restorePostgres(target.databaseUrl as string, db, Boolean(opts.replace), progress);
  }
  if (nonEmptyDir(filesDir)) setAside(filesDir, stamp);
  const files = manifest.files.filter((f) => f.path.startsWith('files/'));
  files.forEach((f, i) => {
    copyInto(from, path.join(...f.path.split('/')), target.dataDir);
    if ((i + 1) % 200 === 0 || i + 1 === files.length) progress(`文件 files ${i + 1}/${files.length}`);
  });
  const facts =
    target.dialect === 'sqlite'
      ? sqliteFacts(target.sqliteFile as string)
      : await postgresFacts(target.databaseUrl as string);
  for (const [table, n] of Object.entries(manifest.tables)) {
    if (facts.tables[table] !== n) {
      throw new BackupRejected(
        `恢复后 ${table} 有 ${facts.tables[table] ?? 0} 行，备份中为 ${n} 行 (row count differs)`,
      );
    }
  }
  if (facts.auditHead.seq !== manifest.auditHead.seq || facts.auditHead.hash !== manifest.auditHead.hash) {
    throw new BackupRejected('恢复后审计链头与备份清单不符 (audit head differs from the manifest)');
  }
  writeCheckpoint(opts.anchor, opts.ring, {
    kind: 'restore',
    seq: manifest.auditHead.seq,
    hash: manifest.auditHead.hash,
    at: opts.now,
    note: manifest.name,
  });
  return manifest;
}
