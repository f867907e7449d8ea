import path from 'node:path';
import type { Logger } from 'pino';
import { recordAudit } from '../audit.ts';
import type { AuditKeyRing } from '../audit-keys.ts';
import type { Db } from '../db/database.ts';
import { runPeriodically } from '../periodic.ts';
import { type BackupSource, createBackup, listBackups, pruneBackups } from './backup.ts';

export interface BackupSchedule {
  /** Off unless set. */
  dir: string | null;
  /** Beijing time of day, minutes after midnight. */
  atMinute: number;
  keep: number;
}

export function backupSchedule(env: NodeJS.ProcessEnv): BackupSchedule {
  const m = /^(\d{1,2}):(\d{2})$/.exec(env.BACKUP_AT ?? '02:30');
  const atMinute = m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : 150;
  const keep = Math.max(1, Math.floor(Number(env.BACKUP_KEEP ?? 14)) || 14);
  return {
    dir: env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : null,
    atMinute,
    keep,
  };
}

const beijingDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
const beijingMinute = (at: number) => {
  const d = new Date(at + 8 * 3600_000);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
};

/** A backup is due once the day's time has come and no backup of that Beijing day exists yet. */
export function backupDue(schedule: BackupSchedule, now: number, newest: number | null): boolean {
  if (beijingMinute(now) < schedule.atMinute) return false;
  return newest === null || beijingDay(newest) !== beijingDay(now) || beijingMinute(newest) < schedule.atMinute;
}

export interface ScheduledBackupDeps {
  db: Db;
  log: Logger;
  now: () => number;
  ring: AuditKeyRing;
  source: BackupSource;
  keyFiles: { name: string; path: string }[];
}

/** One pass: back up if due, keep the newest `keep`, and put both on the audit log. */
export async function backupIfDue(deps: ScheduledBackupDeps, schedule: BackupSchedule): Promise<string | null> {
  if (!schedule.dir) return null;
  const now = deps.now();
  if (!backupDue(schedule, now, listBackups(schedule.dir)[0]?.createdAt ?? null)) return null;
  const system = {
    userId: null,
    username: 'system',
    targetType: 'backup',
    ip: null,
  };
  try {
    const started = Date.now();
    const { dir, manifest } = await createBackup(deps.source, {
      into: schedule.dir,
      ring: deps.ring,
      now,
      keyFiles: deps.keyFiles,
      progress: (line) => deps.log.debug({ backup: line }, 'backup progress'),
    });
    const removed = pruneBackups(schedule.dir, schedule.keep);
    const detail = {
      dir,
      auditSeq: manifest.auditHead.seq,
      files: manifest.files.length,
      removed,
      ms: Date.now() - started,
    };
    deps.log.info(detail, 'scheduled backup written');
    await recordAudit(deps.db, {
      ...system,
      at: deps.now(),
      action: 'system.backup',
      targetId: manifest.name,
      outcome: 'success',
      detail,
    });
    return dir;
  } catch (err) {
    deps.log.error({ err }, 'scheduled backup failed');
    await recordAudit(deps.db, {
      ...system,
      at: deps.now(),
      action: 'system.backup',
      targetId: 'schedule',
      outcome: 'failure',
      detail: { error: (err as Error).message },
    });
    return null;
  }
}

/** Checks every minute in the serving process; nothing runs unless BACKUP_DIR is set. */
export function startBackupSchedule(deps: ScheduledBackupDeps, schedule: BackupSchedule): () => void {
  if (!schedule.dir) return () => {};
  deps.log.info({ dir: schedule.dir, atMinute: schedule.atMinute, keep: schedule.keep }, 'backup schedule on');
  return runPeriodically(deps.log, 'scheduled backup', 60_000, () => backupIfDue(deps, schedule));
}
