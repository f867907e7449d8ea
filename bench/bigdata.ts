/**
 * Big data: a hall with a million cases of history. `npm run db:seed -- --cases N` loads them into a fresh
 * SQLite DATA_DIR (seed.cases_per_s), then the real server answers, over HTTP and signed in, what the staff ask
 * of such a hall: a case found by its number, the case list's first page, and a month's on-time rate.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Client, emit, note, percentile, ROOT, startServer } from './lib.ts';

/** Runs `seed --cases N` as the README says; its progress goes to our standard error. */
function seed(dataDir: string, cases: number): Promise<{ wallSeconds: number; reported: number | null }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/src/main.ts', 'seed', '--cases', String(cases), '--seed', '1'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let tail = '';
    child.stderr.on('data', (d: Buffer) => {
      process.stderr.write(d);
      tail = (tail + d.toString()).slice(-2000);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`seed exited ${code}: ${tail}`));
      // "1,000,000 办件 cases loaded in 52.0 s: 19,230 cases/s": the generator's own figure, without start-up.
      const m = /loaded in [\d.]+ s: ([\d,]+) cases\/s/.exec(tail);
      resolve({ wallSeconds: (performance.now() - t0) / 1000, reported: m ? Number(m[1]!.replaceAll(',', '')) : null });
    });
  });
}

async function timed(n: number, f: (i: number) => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

const summary = (ms: number[]) => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  max: ms[ms.length - 1] ?? Number.NaN,
  samples: ms.length,
});

export async function bigdata(quick: boolean): Promise<void> {
  // BENCH_BIGDATA_DIR=<folder> measures a folder loaded before (and keeps it), for profiling without reloading.
  const reuse = process.env.BENCH_BIGDATA_DIR;
  const dataDir = reuse ?? mkdtempSync(path.join(os.tmpdir(), 'onewindow-bigdata-'));
  const file = path.join(dataDir, 'onewindow.db');
  let cases = quick ? 100_000 : 1_000_000;
  try {
    if (!reuse) {
      note(`big data: seeding ${cases.toLocaleString()} cases into ${dataDir}`);
      const s = await seed(dataDir, cases);
      const dbMb = Math.round(statSync(file).size / 1048576);
      emit('seed.cases_per_s', s.reported ?? cases / s.wallSeconds, 'cases/s', {
        cases,
        quick,
        wallSeconds: Math.round(s.wallSeconds * 10) / 10,
        dbMb,
        dialect: 'sqlite',
        target: '>= 20000',
      });
    }

    // Samples straight from the file: the case numbers a clerk would type, the busiest item, the last full month.
    const raw = new SQLite(file, { readonly: true });
    const hall = raw.prepare("select id from halls where code = 'QCX-ZWFW'").get() as { id: string };
    cases = (raw.prepare('select count(*) as n from cases').get() as { n: number }).n;
    const numbers = (
      raw
        .prepare('select case_no from cases where hall_id = ? and case_no is not null order by random() limit 200')
        .all(hall.id) as { case_no: string }[]
    ).map((r) => r.case_no);
    const item = raw
      .prepare('select item_id from cases where hall_id = ? group by item_id order by count(*) desc limit 1')
      .get(hall.id) as { item_id: string };
    raw.close();
    const now = new Date(Date.now() + 8 * 3_600_000);
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    const month = { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };

    const { server, startMs } = await startServer({ DATA_DIR: dataDir });
    try {
      note(`big data: server up in ${Math.round(startMs)} ms; measuring`);
      const clerk = await new Client(server.base).login('clerk');
      const supervisor = await new Client(server.base).login('supervisor');
      await clerk.ok('GET', '/api/cases?page=1&pageSize=20');

      const ids: string[] = [];
      const lookup = await timed(numbers.length, async (i) => {
        const no = numbers[i]!;
        const r = await clerk.ok('GET', `/api/cases?q=${encodeURIComponent(no)}&page=1&pageSize=20`);
        if (r.items.length !== 1 || r.items[0].caseNo !== no)
          throw new Error(`lookup of ${no} found ${r.items.length}`);
        ids.push(r.items[0].id);
      });
      // Then the case itself, as the clerk opens it from the result (not part of the lookup figure).
      const detail = await timed(ids.length, async (i) => {
        await clerk.ok('GET', `/api/cases/${ids[i]}`);
      });
      const l = summary(lookup);
      emit('cases.lookup.p95_ms', l.p95, 'ms', {
        cases,
        route: 'GET /api/cases?q=<case number>',
        ...l,
        detailP95: percentile(detail, 95),
        target: '<= 50',
      });

      const variants = {
        first_page: '/api/cases?page=1&pageSize=20',
        by_state: '/api/cases?page=1&pageSize=20&status=in_process',
        by_item: `/api/cases?page=1&pageSize=20&itemId=${item.item_id}`,
        archived: '/api/cases?page=1&pageSize=20&status=archived',
      };
      const lists: Record<string, ReturnType<typeof summary> & { total: number; totalCapped: boolean }> = {};
      for (const [name, url] of Object.entries(variants)) {
        let total = 0;
        let capped = false;
        const ms = await timed(quick ? 30 : 60, async () => {
          const r = await clerk.ok('GET', url);
          total = r.total;
          capped = r.totalCapped;
        });
        lists[name] = { ...summary(ms), total, totalCapped: capped };
      }
      const worst = Math.max(...Object.values(lists).map((v) => v.p95));
      emit('cases.list.p95_ms', worst, 'ms', {
        cases,
        route: 'GET /api/cases (first page, 20 rows)',
        worstOf: lists,
        target: '<= 50',
      });

      const url = `/api/supervision/on-time?from=${month.from}&to=${month.to}&by=item`;
      let figure: unknown = null;
      const stats = await timed(5, async () => {
        figure = (await supervisor.ok('GET', url)).overall;
      });
      emit('stats.ontime_month.ms', percentile(stats, 50), 'ms', {
        cases,
        route: `GET ${url}`,
        ...summary(stats),
        overall: figure,
        target: '<= 500',
      });

      // 考核: every person scorecard of the last full month of the county hall (the station head's list).
      const head = await new Client(server.base).login('head');
      const cardsUrl = `/api/assessment/cards?hallId=${hall.id}&period=${month.from.slice(0, 7)}&kind=person`;
      let people = 0;
      const cards = await timed(3, async () => {
        people = (await head.ok('GET', cardsUrl)).items.length;
      });
      emit('stats.scorecard_month.ms', percentile(cards, 50), 'ms', {
        cases,
        route: `GET ${cardsUrl}`,
        ...summary(cards),
        people,
        target: '<= 2000',
      });
    } finally {
      await server.stop();
    }
  } finally {
    if (!reuse) rmSync(dataDir, { recursive: true, force: true });
  }
}
