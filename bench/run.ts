/**
 * `npm run bench [-- --quick] [-- --only sqlite,pg,queue,footprint,bigdata,province]`: one JSON line per figure on standard output, the
 * machine first. Progress goes to standard error. See bench/README.md for what each figure means.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigdata } from './bigdata.ts';
import { province } from './province.ts';
import { httpCase, type IntakeSetup, rawIntake, runLoad, setUpIntake, summarise, twoStepCase } from './intake.ts';
import { auditFilesIn, emit, machine, note, type ServerProcess, startServer } from './lib.ts';
import { pgbench, startCluster, stopCluster } from './pg.ts';
import { callToDisplay } from './queue.ts';
import { pgFootprint, sqliteFootprint } from './footprint.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;
const wants = (part: string) => !only || only.has(part);

const CLIENTS = 32;
const LOAD_S = quick ? 6 : 20;
const WARM_S = quick ? 1 : 3;
const PGBENCH_S = quick ? 5 : 10;
const TWO_STEP_S = quick ? 3 : 6;
const DISPLAYS = 50;
const CALLS = quick ? 30 : 200;

process.stdout.write(`${JSON.stringify({ ...machine(), quick, clients: CLIENTS, loadSeconds: LOAD_S })}\n`);

/** HTTP intake load with the server's peak RSS sampled meanwhile. */
async function httpLoad(server: ServerProcess, setup: IntakeSetup) {
  await runLoad(CLIENTS, WARM_S, httpCase(setup));
  let rss = 0;
  const cpu0 = server.cpuMs();
  const r = await runLoad(CLIENTS, LOAD_S, httpCase(setup), () => {
    rss = Math.max(rss, server.rssMb());
  });
  // The server's own CPU per accepted case: what one node can carry, whatever else shares the machine.
  const cpuPerCase = (server.cpuMs() - cpu0) / Math.max(1, r.accepted);
  if (r.failed) note(`${r.failed} failed cases, e.g. ${r.errors.join(' | ')}`);
  return { r, rss, cpuPerCase };
}

async function sqlite() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-bench-'));
  const env = { DATA_DIR: dataDir, ...auditFilesIn(dataDir) };
  let httpRps = Number.NaN;
  try {
    note(`SQLite in ${dataDir}: first start (migrate + demo hall)`);
    const { server } = await startServer(env);
    const setup = await setUpIntake(server.base, CLIENTS);
    if (wants('sqlite')) {
      note(`SQLite intake over HTTP, ${CLIENTS} clients, ${LOAD_S} s`);
      const { r, rss, cpuPerCase } = await httpLoad(server, setup);
      const s = summarise(r);
      emit('intake.sqlite.server_cpu_ms_per_case', cpuPerCase, 'ms', { cases: r.accepted });
      emit('intake.sqlite.rps', r.rps, 'cases/s', {
        cases: r.accepted,
        failed: r.failed,
        seconds: r.seconds,
        target: '>= 1500',
      });
      emit('intake.sqlite.p99_ms', s.p99, 'ms', { p50: s.p50, target: '<= 50' });
      emit('server.rss_mb', rss, 'MB', { during: 'intake.sqlite', target: '<= 300' });
      httpRps = r.rps;
      note(`SQLite, the two-step way (register, then accept), ${CLIENTS} clients, ${TWO_STEP_S} s`);
      const two = await runLoad(CLIENTS, TWO_STEP_S, twoStepCase(setup));
      emit('intake.sqlite.two_step_rps', two.rps, 'cases/s', {
        cases: two.accepted,
        failed: two.failed,
        acceptP99: summarise(two).p99,
        comparison: true,
      });
    }
    if (wants('queue')) {
      note(`call to display: ${DISPLAYS} display streams, ${CALLS} calls`);
      const q = await callToDisplay(server.base, DISPLAYS, CALLS);
      emit('queue.call_to_display.p99_ms', q.p99, 'ms', {
        p50: q.p50,
        perStreamP99: q.perStreamP99,
        displays: DISPLAYS,
        calls: q.samples,
        target: '<= 100',
      });
    }
    await server.stop();
    if (wants('sqlite')) {
      note(`SQLite intake straight through the service, ${CLIENTS} loops, ${LOAD_S} s`);
      const raw = await rawIntake({ databaseUrl: null, dataDir }, setup, CLIENTS, LOAD_S, {
        auditKeyFile: env.AUDIT_KEY_FILE,
        piiKeyFile: env.PII_KEY_FILE,
      });
      emit('intake.sqlite.audit_chain_ok', raw.auditChainOk ? 1 : 0, 'bool', { server_and_raw_share_key: true });
      if (raw.failed) note(`${raw.failed} failed raw cases, e.g. ${raw.errors.join(' | ')}`);
      emit('intake.sqlite.raw_rps', raw.rps, 'cases/s', { cases: raw.accepted, p99: summarise(raw).p99 });
      emit('intake.sqlite.http_vs_raw', httpRps / raw.rps, 'ratio', { target: '>= 0.5' });
      note('the same with synchronous=NORMAL (diagnostic: the share of fsync; the product keeps FULL)');
      const normal = await rawIntake({ databaseUrl: null, dataDir }, setup, CLIENTS, Math.min(LOAD_S, 6), {
        syncNormal: true,
        auditKeyFile: env.AUDIT_KEY_FILE,
        piiKeyFile: env.PII_KEY_FILE,
      });
      emit('intake.sqlite.raw_rps_sync_normal', normal.rps, 'cases/s', { cases: normal.accepted, diagnostic: true });
    }
    note('cold start on the existing database');
    const again = await startServer(env);
    await again.server.stop();
    emit('server.cold_start_ms', again.startMs, 'ms', { dialect: 'sqlite', target: '<= 2000' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres() {
  note('PostgreSQL: starting a throw-away cluster');
  let url: string;
  try {
    url = startCluster();
  } catch (e) {
    note(`no PostgreSQL cluster (${String(e).slice(0, 200)}); skipping the pg figures`);
    return;
  }
  const auditDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-bench-audit-'));
  try {
    const env = { DATABASE_URL: url, ...auditFilesIn(auditDir) };
    const { server } = await startServer(env);
    const setup = await setUpIntake(server.base, CLIENTS);
    note(`PostgreSQL intake over HTTP, ${CLIENTS} clients, ${LOAD_S} s`);
    const { r, rss, cpuPerCase } = await httpLoad(server, setup);
    note(`PostgreSQL, two server processes on one database, ${CLIENTS} clients round-robin, ${LOAD_S} s`);
    const second = await startServer(env);
    try {
      const two = await runLoad(CLIENTS, LOAD_S, httpCase(setup, [second.server.base]));
      if (two.failed) note(`${two.failed} failed cases on two nodes, e.g. ${two.errors.join(' | ')}`);
      emit('intake.pg.two_nodes_rps', two.rps, 'cases/s', {
        cases: two.accepted,
        failed: two.failed,
        p99: summarise(two).p99,
        vsOneNode: two.rps / r.rps,
      });
      // A call at a window of either node reaches the displays on both (LISTEN/NOTIFY).
      const across = await callToDisplay(server.base, DISPLAYS, Math.min(CALLS, 50), [server.base, second.server.base]);
      emit('queue.call_to_display.two_nodes_p99_ms', across.p99, 'ms', {
        p50: across.p50,
        displays: DISPLAYS,
        calls: across.samples,
        target: '<= 100',
      });
    } finally {
      await second.server.stop();
    }
    await server.stop();
    emit('intake.pg.server_cpu_ms_per_case', cpuPerCase, 'ms', { cases: r.accepted });
    const s = summarise(r);
    note(`pgbench -c ${CLIENTS} -j 2 -T ${PGBENCH_S}`);
    const tps = pgbench(CLIENTS, PGBENCH_S);
    emit('intake.pg.rps', r.rps, 'cases/s', {
      cases: r.accepted,
      failed: r.failed,
      p99: s.p99,
      p50: s.p50,
      rssMb: rss,
    });
    emit('intake.pg.p99_ms', s.p99, 'ms', { p50: s.p50, target: '<= 100' });
    emit('intake.pg.pgbench_tps', tps, 'tps', { clients: CLIENTS, seconds: PGBENCH_S });
    emit('intake.pg.vs_pgbench', r.rps / tps, 'ratio', { target: '>= 0.5' });
    note(`PostgreSQL intake straight through the service, ${CLIENTS} loops, ${LOAD_S} s`);
    const raw = await rawIntake({ databaseUrl: url }, setup, CLIENTS, LOAD_S, {
      auditKeyFile: env.AUDIT_KEY_FILE,
      piiKeyFile: env.PII_KEY_FILE,
    });
    emit('intake.pg.audit_chain_ok', raw.auditChainOk ? 1 : 0, 'bool', { server_and_raw_share_key: true });
    if (raw.failed) note(`${raw.failed} failed raw cases, e.g. ${raw.errors.join(' | ')}`);
    emit('intake.pg.raw_rps', raw.rps, 'cases/s', { cases: raw.accepted, failed: raw.failed });
    emit('intake.pg.http_vs_raw', r.rps / raw.rps, 'ratio');
  } finally {
    stopCluster();
    rmSync(auditDir, { recursive: true, force: true });
  }
}

if (wants('sqlite') || wants('queue')) await sqlite();
if (wants('pg')) await postgres();
// What one case leaves on disk (rows, bytes, PostgreSQL WAL), for docs/capacity.md.
if (wants('footprint')) {
  await sqliteFootprint(quick ? 3 : 6);
  await pgFootprint(quick ? 3 : 6);
}
// A million cases (100,000 with --quick) in a fresh SQLite data folder: seed rate, lookup, list, on-time rate.
if (wants('bigdata')) await bigdata(quick);
if (wants('province')) await province(quick);
process.exit(0);
