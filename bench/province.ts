/**
 * A province on PostgreSQL: `seed --halls N --cases M` loads N simulated county halls and M cases spread over them
 * (200 and 2,000,000 in the full run), then the real server answers what a county clerk asks of their own hall
 * (a case by its number, the list's first page), the county's monthly on-time rate, and the city's across all halls.
 * `BENCH_PROVINCE_HALLS` / `BENCH_PROVINCE_CASES` change the size; `BENCH_PROVINCE_URL=<database loaded before>`
 * measures that database instead of loading one (and keeps it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CITY_SUPERVISOR } from '../server/src/seed/province.ts';
import { auditFilesIn, Client, emit, note, percentile, startServer } from './lib.ts';
import { startCluster, stopCluster } from './pg.ts';
import { listPages, lookups, onTimeMonth, runSeed, summary } from './staff-reads.ts';

const SAMPLE_HALL = 'SIM001-ZWFW';

export async function province(quick: boolean): Promise<void> {
  const reuse = process.env.BENCH_PROVINCE_URL;
  const halls = Number(process.env.BENCH_PROVINCE_HALLS ?? (quick ? 20 : 200));
  const wanted = Number(process.env.BENCH_PROVINCE_CASES ?? (quick ? 20_000 : 2_000_000));
  let url: string;
  try {
    url = reuse ?? startCluster();
  } catch (e) {
    note(`no PostgreSQL cluster (${String(e).slice(0, 200)}); skipping the province figures`);
    return;
  }
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-bench-province-'));
  // A database loaded before keeps its own key files beside it (BENCH_PROVINCE_KEYS), or the personal numbers
  // its seed encrypted could not be read.
  const files = process.env.BENCH_PROVINCE_KEYS ? auditFilesIn(process.env.BENCH_PROVINCE_KEYS) : auditFilesIn(keysDir);
  const env = { DATABASE_URL: url, ...files };
  try {
    if (!reuse) {
      note(`province: seeding ${halls} halls and ${wanted.toLocaleString()} cases into PostgreSQL`);
      const s = await runSeed(['--halls', String(halls), '--cases', String(wanted), '--seed', '1'], env);
      emit('province.seed.cases_per_s', s.reported ?? wanted / s.wallSeconds, 'cases/s', {
        halls,
        cases: wanted,
        wallSeconds: Math.round(s.wallSeconds),
        dialect: 'postgres',
      });
    }
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const one = async <T>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows as T[];
    const [hall] = await one<{ id: string }>('select id from halls where code = $1', [SAMPLE_HALL]);
    if (!hall) throw new Error(`${SAMPLE_HALL} is not loaded: seed with --halls first`);
    const [counts] = await one<{ cases: string; halls: string }>(
      'select (select count(*) from cases) as cases, (select count(*) from halls) as halls',
    );
    const numbers = (
      await one<{ case_no: string }>(
        'select case_no from cases where hall_id = $1 and case_no is not null order by random() limit 200',
        [hall.id],
      )
    ).map((r) => r.case_no);
    const [item] = await one<{ item_id: string }>(
      'select item_id from cases where hall_id = $1 group by item_id order by count(*) desc limit 1',
      [hall.id],
    );
    const [size] = await one<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
    await db.end();
    const scale = {
      halls: Number(counts!.halls),
      cases: Number(counts!.cases),
      dbMb: Math.round(Number(size!.bytes) / 1048576),
    };

    const { server, startMs } = await startServer(env);
    try {
      note(`province: server up in ${Math.round(startMs)} ms; measuring`);
      const clerk = await new Client(server.base).login('h001_clerk');
      const supervisor = await new Client(server.base).login('h001_supervisor');
      const city = await new Client(server.base).login(CITY_SUPERVISOR);
      await clerk.ok('GET', '/api/cases?page=1&pageSize=20');

      const { ms: lookup } = await lookups(clerk, numbers);
      emit('province.cases.lookup.p95_ms', percentile(lookup, 95), 'ms', {
        ...scale,
        hall: SAMPLE_HALL,
        route: 'GET /api/cases?q=<case number>',
        ...summary(lookup),
        target: '<= 50',
      });
      const { worst, lists } = await listPages(clerk, item!.item_id, quick ? 30 : 60);
      emit('province.cases.list.p95_ms', worst, 'ms', {
        ...scale,
        hall: SAMPLE_HALL,
        route: 'GET /api/cases (first page, 20 rows)',
        worstOf: lists,
        target: '<= 50',
      });
      const county = await onTimeMonth(supervisor, 5);
      emit('province.stats.hall_ontime_month.ms', percentile(county.ms, 50), 'ms', {
        ...scale,
        hall: SAMPLE_HALL,
        route: `GET ${county.url}`,
        ...summary(county.ms),
        overall: county.overall,
        target: '<= 500',
      });
      const all = await onTimeMonth(city, 5);
      emit('province.stats.city_ontime_month.ms', percentile(all.ms, 50), 'ms', {
        ...scale,
        route: `GET ${all.url} (${CITY_SUPERVISOR}, every simulated hall)`,
        ...summary(all.ms),
        overall: all.overall,
        target: '<= 2000',
      });
    } finally {
      await server.stop();
    }
  } finally {
    if (!reuse) stopCluster();
    rmSync(keysDir, { recursive: true, force: true });
  }
}
