/**
 * What the staff of a hall with a long history ask of it, timed over HTTP as they ask it: a case found by its
 * number, the case list's first page in its usual filters, and a month's on-time rate. Shared by the one big hall
 * (SQLite, bench/bigdata.ts) and the province (PostgreSQL, bench/province.ts).
 */
import { spawn } from 'node:child_process';
import { type Client, percentile, ROOT } from './lib.ts';

/** Runs `seed <args>` as the README says, into `env`'s database; its progress goes to our standard error. */
export function runSeed(
  args: string[],
  env: Record<string, string>,
): Promise<{ wallSeconds: number; reported: number | null }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'seed', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
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

export async function timed(n: number, f: (i: number) => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

export const summary = (ms: number[]) => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  max: ms[ms.length - 1] ?? Number.NaN,
  samples: ms.length,
});

/** The last full month in China time, as the on-time and scorecard pages ask for it. */
export function lastFullMonth(): { from: string; to: string } {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** A clerk types each case number into the list's search; each must find exactly its case. Returns the ids too. */
export async function lookups(clerk: Client, numbers: string[]) {
  const ids: string[] = [];
  const ms = await timed(numbers.length, async (i) => {
    const no = numbers[i]!;
    const r = await clerk.ok('GET', `/api/cases?q=${encodeURIComponent(no)}&page=1&pageSize=20`);
    if (r.items.length !== 1 || r.items[0].caseNo !== no) throw new Error(`lookup of ${no} found ${r.items.length}`);
    ids.push(r.items[0].id);
  });
  return { ms, ids };
}

/** The list's first page of 20 in the filters a clerk uses most; the worst p95 is the figure. */
export async function listPages(clerk: Client, itemId: string, rounds: number) {
  const variants = {
    first_page: '/api/cases?page=1&pageSize=20',
    by_state: '/api/cases?page=1&pageSize=20&status=in_process',
    by_item: `/api/cases?page=1&pageSize=20&itemId=${itemId}`,
    archived: '/api/cases?page=1&pageSize=20&status=archived',
  };
  const lists: Record<string, ReturnType<typeof summary> & { total: number; totalCapped: boolean }> = {};
  for (const [name, url] of Object.entries(variants)) {
    let total = 0;
    let capped = false;
    const ms = await timed(rounds, async () => {
      const r = await clerk.ok('GET', url);
      total = r.total;
      capped = r.totalCapped;
    });
    lists[name] = { ...summary(ms), total, totalCapped: capped };
  }
  return { worst: Math.max(...Object.values(lists).map((v) => v.p95)), lists };
}

/** A month's on-time rate (按时办结率) by item, over every hall the account sees; the median of `rounds`. */
export async function onTimeMonth(supervisor: Client, rounds: number) {
  const month = lastFullMonth();
  const url = `/api/supervision/on-time?from=${month.from}&to=${month.to}&by=item`;
  let overall: unknown = null;
  const ms = await timed(rounds, async () => {
    overall = (await supervisor.ok('GET', url)).overall;
  });
  return { url, ms, overall };
}
