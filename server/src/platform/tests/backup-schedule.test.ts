import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, TEST_AUDIT_KEYS, type TestHall } from '../../../test/helpers.ts';
import type { BackupSource } from '../backup/backup.ts';
import { backupDue, backupIfDue, backupSchedule } from '../backup/schedule.ts';

/** An instant given as Beijing wall time. */
const bj = (s: string) => Date.parse(`${s}+08:00`);

describe('the backup schedule', () => {
  it('is off unless BACKUP_DIR is set; 02:30 Beijing time and 14 kept by default', () => {
    expect(backupSchedule({})).toEqual({ dir: null, atMinute: 150, keep: 14 });
    expect(
      backupSchedule({
        BACKUP_DIR: '/backups',
        BACKUP_AT: '23:05',
        BACKUP_KEEP: '3',
      }),
    ).toEqual({ dir: '/backups', atMinute: 23 * 60 + 5, keep: 3 });
    expect(
      backupSchedule({
        BACKUP_DIR: '/b',
        BACKUP_AT: '25:00',
        BACKUP_KEEP: 'x',
      }),
    ).toMatchObject({ atMinute: 150, keep: 14 });
  });

  it('is due once a day from the set time, Beijing time', () => {
    const s = backupSchedule({ BACKUP_DIR: '/b' });
    expect(backupDue(s, bj('2026-03-03T02:29:00'), null)).toBe(false);
    expect(backupDue(s, bj('2026-03-03T02:30:00'), null)).toBe(true);
    expect(backupDue(s, bj('2026-03-03T09:00:00'), bj('2026-03-02T02:31:00'))).toBe(true);
    expect(backupDue(s, bj('2026-03-03T09:00:00'), bj('2026-03-03T02:31:00'))).toBe(false);
    // A backup taken by hand before the set time does not replace the day's scheduled one.
    expect(backupDue(s, bj('2026-03-03T09:00:00'), bj('2026-03-03T01:00:00'))).toBe(true);
  });
});

describe('scheduled backups in the serving process', () => {
  let hall: TestHall;
  let dir: string;
  beforeAll(async () => {
    hall = await buildTestHall();
    dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-sched-'));
  });
  afterAll(async () => {
    await hall.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up once a day at the set time, keeps the newest BACKUP_KEEP and audits each run', async () => {
    let source: BackupSource;
    if (hall.ctx.dialect === 'sqlite') {
      const file = await sql<{
        file: string;
      }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(hall.ctx.db);
      source = {
        dialect: 'sqlite',
        sqliteFile: file.rows[0]?.file as string,
        dataDir: path.join(dir, 'data'),
      };
    } else {
      const name = await sql<{
        n: string;
      }>`SELECT current_database() AS n`.execute(hall.ctx.db);
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = `/${name.rows[0]?.n}`;
      source = {
        dialect: 'postgres',
        databaseUrl: url.toString(),
        dataDir: path.join(dir, 'data'),
      };
    }
    const schedule = backupSchedule({
      BACKUP_DIR: path.join(dir, 'backups'),
      BACKUP_KEEP: '2',
    });
    const deps = {
      db: hall.ctx.db,
      log: hall.ctx.log,
      now: () => hall.clock.now(),
      ring: TEST_AUDIT_KEYS,
      source,
      keyFiles: [],
    };
    const made: (string | null)[] = [];
    hall.clock.set(bj('2026-03-03T02:29:00'));
    made.push(await backupIfDue(deps, schedule));
    hall.clock.set(bj('2026-03-03T02:31:00'));
    made.push(await backupIfDue(deps, schedule));
    made.push(await backupIfDue(deps, schedule));
    for (const day of ['04', '05', '06']) {
      hall.clock.set(bj(`2026-03-${day}T02:30:00`));
      made.push(await backupIfDue(deps, schedule));
    }
    expect(made.map((m) => (m ? path.basename(m) : null))).toEqual([
      null,
      'onewindow-20260303-023100',
      null,
      'onewindow-20260304-023000',
      'onewindow-20260305-023000',
      'onewindow-20260306-023000',
    ]);
    expect(readdirSync(schedule.dir as string).sort()).toEqual([
      'onewindow-20260305-023000',
      'onewindow-20260306-023000',
    ]);
    const audited = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['target_id', 'outcome', 'detail'])
      .where('action', '=', 'system.backup')
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.target_id)).toEqual(made.filter(Boolean).map((m) => path.basename(m as string)));
    expect(JSON.parse(audited[3]?.detail as string).removed).toEqual(['onewindow-20260304-023000']);
  });

  it('records a failed run as a failure on the audit log', async () => {
    const schedule = backupSchedule({ BACKUP_DIR: path.join(dir, 'failing') });
    hall.clock.set(bj('2026-03-07T03:00:00'));
    const source: BackupSource = {
      dialect: 'sqlite',
      sqliteFile: path.join(dir, 'no-such.db'),
      dataDir: dir,
    };
    const deps = {
      db: hall.ctx.db,
      log: hall.ctx.log,
      now: () => hall.clock.now(),
      ring: TEST_AUDIT_KEYS,
      source,
      keyFiles: [],
    };
    expect(await backupIfDue(deps, schedule)).toBeNull();
    const last = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'system.backup', outcome: 'failure' });
    expect(readdirSync(schedule.dir as string)).toEqual([]);
  });
});
