/**
 * Big data: a hall with a million cases of history. `npm run db:seed -- --cases N` loads them into a fresh
 * SQLite DATA_DIR (seed.cases_per_s), then the real server answers, over HTTP and signed in, what the staff ask
 * of such a hall: a case found by its number, the case list's first page, and a month's on-time rate.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Client, emit, note, percentile, startServer } from './lib.ts';
import { lastFullMonth, listPages, lookups, onTimeMonth, runSeed, summary, timed } from './staff-reads.ts';

export async function bigdata(quick: boolean): Promise<void> {
  // BENCH_BIGDATA_DIR=<folder> measures a folder loaded before (and keeps it), for profiling without reloading.
  const reuse = process.env.BENCH_BIGDATA_DIR;
  const dataDir = reuse ?? mkdtempSync(path.join(os.tmpdir(), 'onewindow-bigdata-'));
  const file = path.join(dataDir, 'onewindow.db');
  let cases = quick ? 100_000 : 1_000_000;
  try {
    if (!reuse) {
      note(`big data: seeding ${cases.toLocaleString()} cases into ${dataDir}`);
      const s = await runSeed(['--cases', String(cases), '--seed', '1'], { DATA_DIR: dataDir });
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
    const month = lastFullMonth();

    const { server, startMs } = await startServer({ DATA_DIR: dataDir });
    try {
      note(`big data: server up in ${Math.round(startMs)} ms; measuring`);
      const clerk = await new Client(server.base).login('clerk');
      const supervisor = await new Client(server.base).login('supervisor');
      await clerk.ok('GET', '/api/cases?page=1&pageSize=20');

      const { ms: lookup, ids } = await lookups(clerk, numbers);
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

      const { worst, lists } = await listPages(clerk, item.item_id, quick ? 30 : 60);
      emit('cases.list.p95_ms', worst, 'ms', {
        cases,
        route: 'GET /api/cases (first page, 20 rows)',
        worstOf: lists,
        target: '<= 50',
      });

      const { url, ms: stats, overall: figure } = await onTimeMonth(supervisor, 5);
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
