/**
 * What one accepted case leaves behind, for the capacity plan (docs/capacity.md): rows per table, bytes on disk,
 * and on PostgreSQL the WAL it writes (what replication and backups carry). A real `serve` process accepts cases
 * over HTTP for a few seconds; the database is measured before and after.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { httpCase, runLoad, setUpIntake } from './intake.ts';
import { auditFilesIn, Client, emit, note, startServer } from './lib.ts';
import { startCluster, stopCluster } from './pg.ts';

const CLIENTS = 8;

type Rows = Map<string, number>;

function perCase(before: Rows, after: Rows, cases: number) {
  const tables = [...after].map(([t, n]) => [t, (n - (before.get(t) ?? 0)) / cases] as const).filter(([, d]) => d > 0);
  tables.sort((a, b) => b[1] - a[1]);
  const total = tables.reduce((s, [, d]) => s + d, 0);
  return { total, top: Object.fromEntries(tables.slice(0, 12).map(([t, d]) => [t, Math.round(d * 100) / 100])) };
}

function sqliteRows(file: string): Rows {
  const db = new Database(file, { readonly: true });
  try {
    const names = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as { name: string }[];
    return new Map(
      names.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

export async function sqliteFootprint(seconds: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-footprint-'));
  const env = { DATA_DIR: dataDir, ...auditFilesIn(dataDir) };
  const file = path.join(dataDir, 'onewindow.db');
  try {
    const first = await startServer(env);
    const setup = await setUpIntake(first.server.base, CLIENTS);
    await first.server.stop();
    const rows0 = sqliteRows(file);
    const bytes0 = statSync(file).size;
    const again = await startServer(env);
    // The same session on the restarted server (it lives in the database).
    const clerk = Object.assign(new Client(again.server.base), { cookie: setup.clerk.cookie });
    const r = await runLoad(CLIENTS, seconds, httpCase({ ...setup, clerk }));
    await again.server.stop();
    const rows = perCase(rows0, sqliteRows(file), r.accepted);
    emit('footprint.sqlite.bytes_per_case', (statSync(file).size - bytes0) / r.accepted, 'bytes', {
      cases: r.accepted,
    });
    emit('footprint.sqlite.rows_per_case', rows.total, 'rows', { byTable: rows.top });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function pgFacts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const size = Number((await c.query('select pg_database_size(current_database()) as n')).rows[0].n);
    const lsn = (await c.query('select pg_current_wal_lsn()::text as l')).rows[0].l as string;
    const tables = (await c.query("select tablename from pg_tables where schemaname = 'public'")).rows as {
      tablename: string;
    }[];
    const rows: Rows = new Map();
    for (const { tablename } of tables)
      rows.set(tablename, Number((await c.query(`select count(*) as n from "${tablename}"`)).rows[0].n));
    return { size, lsn, rows };
  } finally {
    await c.end();
  }
}

async function walBytes(url: string, from: string, to: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('select pg_wal_lsn_diff($1, $2) as n', [to, from])).rows[0].n);
  } finally {
    await c.end();
  }
}

export async function pgFootprint(seconds: number) {
  let url: string;
  try {
    url = startCluster();
  } catch (e) {
    note(`no PostgreSQL cluster (${String(e).slice(0, 200)}); skipping the pg footprint`);
    return;
  }
  const auditDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-footprint-audit-'));
  try {
    const { server } = await startServer({ DATABASE_URL: url, ...auditFilesIn(auditDir) });
    try {
      const setup = await setUpIntake(server.base, CLIENTS);
      const before = await pgFacts(url);
      const r = await runLoad(CLIENTS, seconds, httpCase(setup));
      const after = await pgFacts(url);
      const rows = perCase(before.rows, after.rows, r.accepted);
      emit('footprint.pg.bytes_per_case', (after.size - before.size) / r.accepted, 'bytes', { cases: r.accepted });
      emit('footprint.pg.wal_bytes_per_case', (await walBytes(url, before.lsn, after.lsn)) / r.accepted, 'bytes', {
        cases: r.accepted,
        fsync: 'off in the bench cluster, as in the test cluster; full-page writes as configured',
      });
      emit('footprint.pg.rows_per_case', rows.total, 'rows', { byTable: rows.top });
    } finally {
      await server.stop();
    }
  } finally {
    stopCluster();
    rmSync(auditDir, { recursive: true, force: true });
  }
}
