import { readFileSync } from 'node:fs';
import pino from 'pino';
import { buildApp } from './app.ts';
import { ensureAuditHead, verifyAuditChain } from './platform/audit.ts';
import { type Clock, FileClock, systemClock } from './platform/clock.ts';
import { loadConfig, publicBaseUrlWarning } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { openDatabase } from './platform/db/database.ts';
import { watchReplica } from './platform/db/replica.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { openHallEvents } from './platform/events.ts';
import { restrictDataDir } from './platform/data-dir.ts';
import { installPiiKeys } from './platform/pii/index.ts';
import { keySourceOf, openKeyFile } from './platform/pii/keys.ts';
import { isEmpty, seedDemoHall } from './seed/seed-demo.ts';
import { auditKeys, sealLegacyChain, installAuditKeys } from './platform/audit.ts';
import { startAuditCheckpoints } from './platform/audit-anchor.ts';
import { auditSettings, loadAuditKeyRing, rotateAuditKey } from './platform/audit-keys.ts';
import { backupCommand, backupSource, keyFilesOf, restoreCommand } from './platform/backup/cli.ts';
import { backupSchedule, startBackupSchedule } from './platform/backup/schedule.ts';
import { firstPasswordsNotice, prepareDatabase } from './seed/mode.ts';
import { readSystemMode } from './platform/settings.ts';
import { seedHistory } from './seed/history/command.ts';
import { startAlertSweeps } from './modules/supervision/alerts.ts';
import { startArchiveSweeps } from './modules/archives/service.ts';
import { startTicketSweeps } from './modules/queue/ticket-sweep.ts';
import { startAppointmentSweeps } from './modules/appointments/sweep-service.ts';
import { startCollectionReminders } from './modules/results/reminder-service.ts';
import { startCrowdingSweeps } from './modules/emergency/crowding.ts';
import { startComplaintSweeps } from './modules/complaints/sweep-service.ts';
import { startReportSweeps } from './modules/reports/sweep-service.ts';
import { startNoticeWorker } from './modules/notices/delivery.ts';
import { startWebhookWorker } from './modules/webhooks/delivery.ts';
import { startHousekeeping } from './platform/housekeeping.ts';
import { logRedaction } from './platform/log-redaction.ts';
import { rotatePiiKeys } from './modules/privacy/rotation.ts';
import { purgePersonalData } from './modules/privacy/service.ts';

const usage = `用法 usage: tsx server/src/main.ts <command>
  serve         migrate, seed the demo hall on first start, and serve the web UI and API
  migrate       apply pending database migrations
  seed          load the demo hall into an empty database; --cases N [--seed S] adds a generated history of N cases
  audit-verify  recompute the audit log's keyed chain, hold it against the checkpoints, report the first break
  audit-rotate-key  add a new audit key to AUDIT_KEY_FILE (signs from the next start; older keys still verify)
  backup [--to DIR] [--with-keys]  one backup folder (database, files, signed sha256 manifest) in DIR or BACKUP_DIR
  restore DIR [--replace]  check a backup's checksums, restore it, compare row counts, verify the audit chain
  keys-rotate-pii   add a personal-data key, re-encrypt and re-index every personal number under it
  privacy-purge     anonymise applicants with no activity for --years N (PII_RETENTION_YEARS, default 3) and no open case; --dry-run counts`;

/** TEST ONLY: ONEWINDOW_CLOCK_FILE lets end-to-end tests set "now" by writing an ISO instant to a file. */
function clockOf(env: NodeJS.ProcessEnv): Clock {
  const file = env.ONEWINDOW_CLOCK_FILE;
  return file ? new FileClock(file, (f) => readFileSync(f, 'utf8')) : systemClock;
}

/** Opens the database; the log goes to stderr except for `serve`, so a command's own answer on stdout stays parseable. */
async function open(logFd: 1 | 2 = 2) {
  const config = loadConfig();
  const log = pino({ level: config.logLevel, redact: logRedaction }, pino.destination(logFd));
  // Data files owner-only (0600, folders 0700); the personal-number keys loaded before any migration needs them.
  restrictDataDir(config.dataDir, (m) => log.warn(m));
  const keySource = keySourceOf(process.env, config.dataDir);
  const piiKeys = openKeyFile(keySource, (m) => log.warn(m));
  installPiiKeys(piiKeys.ring, keySource.path);
  // The audit key lives outside the database; production refuses to start without it (or with loose rights).
  const audit = auditSettings(process.env, config.dataDir);
  const keys = loadAuditKeyRing(audit);
  installAuditKeys(keys.ring);
  if (keys.created) log.warn({ file: audit.keyFile }, 'audit key created: keep this file, and copy it somewhere safe');
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionLost: (err) => log.warn({ err }, 'database connection lost'),
  });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await ensureAuditHead(handle.db);
  const events = await openHallEvents({ dialect: handle.dialect, db: handle.db, databaseUrl: config.databaseUrl, log });
  const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: clockOf(process.env), log, events };
  ctx.auditAnchor = { file: audit.checkpointFile, syslog: audit.syslog };
  // The replica is never migrated or written: it replays the primary.
  const replica = config.databaseReadUrl
    ? openDatabase({
        databaseUrl: config.databaseReadUrl,
        poolSize: 5,
        onConnectionLost: (err) => log.warn({ err }, 'read-replica connection lost'),
      })
    : null;
  const replicaWatch = replica
    ? watchReplica(replica.db, log, (db) => {
        if (db) ctx.figuresDb = db;
        else delete ctx.figuresDb;
      })
    : null;
  await replicaWatch?.check();
  return {
    ctx,
    handle: {
      ...handle,
      close: async () => {
        await events.close();
        replicaWatch?.stop();
        await replica?.close();
        await handle.close();
      },
    },
  };
}

async function seedIfEmpty(ctx: AppContext): Promise<boolean> {
  if (!(await isEmpty(ctx.db))) return false;
  // Demo data only ever goes into a database created in demo mode.
  if (!ctx.config.demo) {
    console.error(
      '生产模式不导入演示数据 (not in demo mode: no demo data is loaded; `serve` creates the administrators)',
    );
    return false;
  }
  const result = await seedDemoHall(ctx.db, { now: ctx.clock.now(), passwordHashCost: ctx.config.passwordHashCost });
  ctx.log.info(result, 'demo hall seeded');
  return true;
}

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'serve': {
      const { ctx, handle } = await open(1);
      const prepared = await prepareDatabase(ctx);
      if (prepared.firstPasswords) process.stdout.write(`${firstPasswordsNotice(prepared.firstPasswords)}\n`);
      const sealed = await sealLegacyChain(ctx.db, ctx.clock.now());
      if (sealed && !sealed.ok) ctx.log.error({ check: sealed }, 'audit chain broken before it was keyed: not sealed');
      else if (sealed) ctx.log.info({ legacyRecords: sealed.checked }, 'audit chain keyed from here on');
      const app = await buildApp(ctx);
      const stopSweeps = startAlertSweeps(ctx);
      const stopTicketSweeps = startTicketSweeps(ctx);
      const stopArchiveSweeps = startArchiveSweeps(ctx);
      const stopAppointmentSweeps = startAppointmentSweeps(ctx);
      const stopCollectionReminders = startCollectionReminders(ctx);
      const stopCrowdingSweeps = startCrowdingSweeps(ctx);
      const stopComplaintSweeps = startComplaintSweeps(ctx);
      // Another node may be the one that writes the scheduled reports (SCHEDULED_REPORTS=off here).
      const stopReportSweeps = ctx.config.scheduledReports ? startReportSweeps(ctx) : () => {};
      const now = () => ctx.clock.now();
      const { checkpointSeconds } = auditSettings(process.env, ctx.config.dataDir);
      const stopCheckpoints = startAuditCheckpoints({ ...ctx, now }, ctx.auditAnchor!, auditKeys(), checkpointSeconds);
      const keyFiles = keyFilesOf(process.env, ctx.config.dataDir);
      const stopBackups = startBackupSchedule(
        { ...ctx, now, ring: auditKeys(), source: backupSource(ctx.config), keyFiles },
        backupSchedule(process.env),
      );
      const stopHousekeeping = startHousekeeping(ctx);
      const stopNotices = startNoticeWorker(ctx);
      const stopWebhooks = startWebhookWorker(ctx);
      const stop = async () => {
        stopNotices();
        stopWebhooks();
        stopSweeps();
        stopArchiveSweeps();
        stopTicketSweeps();
        stopAppointmentSweeps();
        stopCollectionReminders();
        stopCrowdingSweeps();
        stopComplaintSweeps();
        stopReportSweeps();
        stopBackups();
        stopHousekeeping();
        await stopCheckpoints();
        await app.close();
        await handle.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const baseUrlWarning = publicBaseUrlWarning(process.env, ctx.config.host);
      if (baseUrlWarning) ctx.log.warn(baseUrlWarning);
      await app.listen({ host: ctx.config.host, port: ctx.config.port });
      ctx.log.info(`OneWindow 一窗通办 ready on http://${ctx.config.host}:${ctx.config.port} (${handle.dialect})`);
      return -1;
    }
    case 'migrate': {
      const { handle } = await open();
      await handle.close();
      return 0;
    }
    case 'seed': {
      const { ctx, handle } = await open();
      const seeded = await seedIfEmpty(ctx);
      if (!seeded) console.log('数据库已有数据，未重复导入演示数据 (database not empty; demo hall not loaded again)');
      // --cases N [--seed S]: a generated history of N cases on top (server/src/seed/history), demo databases only.
      if ((await readSystemMode(ctx.db)) === 'production' && process.argv.length > 3) {
        console.error('生产数据库不生成演示办件 (a production database gets no generated demo cases)');
        await handle.close();
        return 1;
      }
      await seedHistory(ctx, process.argv.slice(3));
      await handle.close();
      return 0;
    }
    case 'audit-verify': {
      const { ctx, handle } = await open();
      const result = await verifyAuditChain(handle.db, { anchor: ctx.auditAnchor ?? null });
      console.log(JSON.stringify(result));
      await handle.close();
      return result.ok ? 0 : 2;
    }
    case 'audit-rotate-key': {
      const { keyFile } = auditSettings(process.env, loadConfig().dataDir);
      const newKeyId = rotateAuditKey(keyFile);
      console.log(JSON.stringify({ keyFile, newKeyId, takesEffect: 'next start of every node' }));
      return 0;
    }
    case 'backup': {
      const { ctx, handle } = await open();
      await handle.close();
      return backupCommand(ctx.config, process.env, process.argv.slice(3), ctx.clock.now());
    }
    case 'restore':
      return restoreCommand(loadConfig(), process.env, process.argv.slice(3), clockOf(process.env).now());
    case 'keys-rotate-pii': {
      const { ctx, handle } = await open();
      // Running nodes look at the key file every few seconds: wait for them before moving values to the new key.
      const waitMs = Number(argValue('--wait-seconds') ?? 12) * 1000;
      const result = await rotatePiiKeys(ctx, keySourceOf(process.env, ctx.config.dataDir).path, { waitMs });
      console.log(JSON.stringify(result));
      await handle.close();
      return 0;
    }
    case 'privacy-purge': {
      const { ctx, handle } = await open();
      const years = Number(argValue('--years') ?? process.env.PII_RETENTION_YEARS ?? 3);
      const result = await purgePersonalData(ctx, { years, dryRun: process.argv.includes('--dry-run') });
      console.log(JSON.stringify(result));
      await handle.close();
      return 0;
    }
    default:
      console.error(usage);
      return 64;
  }
}

main(process.argv[2]).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
