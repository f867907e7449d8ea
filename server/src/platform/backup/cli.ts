import fs from 'node:fs';
import path from 'node:path';
import { auditKeys, ensureAuditHead, recordAudit, installAuditKeys, verifyAuditChain } from '../audit.ts';
import type { AuditAnchor } from '../audit-anchor.ts';
import { auditSettings, loadAuditKeyRing } from '../audit-keys.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { type BackupSource, createBackup, restoreBackup } from './backup.ts';
import { BackupRejected } from './manifest.ts';

/** The database and files of this configuration, as the backup code sees them. */
export function backupSource(config: Config): BackupSource {
  return config.databaseUrl
    ? {
        dialect: 'postgres',
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      }
    : {
        dialect: 'sqlite',
        sqliteFile: path.join(config.dataDir, 'onewindow.db'),
        dataDir: config.dataDir,
      };
}

/**
 * The key files a restored system needs: the audit key, every file under DATA_DIR/keys, and any file named by a
 * *_KEY_FILE setting. A backup notes them and copies none unless asked.
 */
export function keyFilesOf(env: NodeJS.ProcessEnv, dataDir: string): { name: string; path: string }[] {
  const found = new Set<string>([auditSettings(env, dataDir).keyFile]);
  const keysDir = path.join(dataDir, 'keys');
  if (fs.existsSync(keysDir)) for (const f of fs.readdirSync(keysDir)) found.add(path.join(keysDir, f));
  for (const [name, value] of Object.entries(env))
    if (name.endsWith('_KEY_FILE') && value) found.add(path.resolve(value));
  const names = new Set<string>();
  return [...found].map((p) => {
    let name = path.basename(p);
    for (let n = 2; names.has(name); n++) name = `${path.basename(p)}.${n}`;
    names.add(name);
    return { name, path: p };
  });
}

const flag = (args: string[], name: string) => args.includes(name);
const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const say = (line: string) => process.stderr.write(`  ${line}\n`);

/** `backup [--to DIR] [--with-keys]`: one backup folder now. */
export async function backupCommand(
  config: Config,
  env: NodeJS.ProcessEnv,
  args: string[],
  now: number,
): Promise<number> {
  const into = option(args, '--to') ?? env.BACKUP_DIR;
  if (!into) {
    console.error('请用 --to DIR 或 BACKUP_DIR 指定备份目录 (set --to DIR or BACKUP_DIR)');
    return 64;
  }
  const source = backupSource(config);
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    say(`备份 backing up (${source.dialect}) → ${path.resolve(into)}`);
    const { dir, manifest } = await createBackup(source, {
      into: path.resolve(into),
      ring: auditKeys(),
      now,
      keyFiles: keyFilesOf(env, config.dataDir),
      withKeys: flag(args, '--with-keys'),
      progress: say,
    });
    for (const k of manifest.keys) {
      say(
        `密钥 key ${k.name}: ${k.present ? '存在 present' : '缺失 MISSING'}${k.copied ? '，已复制 copied' : '，未复制 not copied'} (${k.path})`,
      );
    }
    await recordAudit(handle.db, {
      at: now,
      userId: null,
      username: 'system',
      action: 'system.backup',
      targetType: 'backup',
      targetId: manifest.name,
      outcome: 'success',
      detail: {
        dir,
        auditSeq: manifest.auditHead.seq,
        files: manifest.files.length,
        keysCopied: flag(args, '--with-keys'),
      },
    });
    console.log(
      JSON.stringify({
        ok: true,
        dir,
        auditSeq: manifest.auditHead.seq,
        tables: Object.keys(manifest.tables).length,
      }),
    );
    return 0;
  } finally {
    await handle.close();
  }
}

/** `restore DIR [--replace]`: checks every checksum, restores, compares the counts, then verifies the chain. */
export async function restoreCommand(
  config: Config,
  env: NodeJS.ProcessEnv,
  args: string[],
  now: number,
): Promise<number> {
  const from = args.find((a) => !a.startsWith('--'));
  if (!from) {
    console.error('用法 usage: restore <backup folder> [--replace]');
    return 64;
  }
  const settings = auditSettings(env, config.dataDir);
  // The key must already be there: a restore never makes a new one.
  const ring = loadAuditKeyRing({
    keyFile: settings.keyFile,
    production: true,
  }).ring;
  installAuditKeys(ring);
  const anchor: AuditAnchor = {
    file: settings.checkpointFile,
    syslog: settings.syslog,
  };
  const target = backupSource(config);
  try {
    say(`恢复 restoring ${path.resolve(from)} → ${target.dialect}`);
    const manifest = await restoreBackup(path.resolve(from), target, {
      ring,
      anchor,
      now,
      replace: flag(args, '--replace'),
      progress: say,
    });
    const handle = openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
    });
    try {
      await migrateToLatest(handle.db);
      await ensureAuditHead(handle.db);
      const check = await verifyAuditChain(handle.db, { keys: ring, anchor });
      await recordAudit(handle.db, {
        at: now,
        userId: null,
        username: 'system',
        action: 'system.restore',
        targetType: 'backup',
        targetId: manifest.name,
        outcome: check.ok ? 'success' : 'failure',
        detail: {
          auditSeq: manifest.auditHead.seq,
          tables: Object.keys(manifest.tables).length,
          chain: check.ok,
        },
      });
      console.log(JSON.stringify({ ok: check.ok, restored: manifest.name, audit: check }));
      return check.ok ? 0 : 2;
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof BackupRejected) {
      console.error(`拒绝恢复 restore refused: ${err.message}`);
      return 3;
    }
    throw err;
  }
}
