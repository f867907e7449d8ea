/**
 * `npx tsx bench/statement-times.ts`: where the SQL time of 当场受理 goes on SQLite. Runs N one-step acceptances
 * (N=2000 by default, the first 200 to warm up) straight through the service, times every statement at the driver,
 * and prints the wall time per case beside the SQL time per case, then the statements by their share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { receptionInput } from '../server/src/modules/intake/schema.ts';
import { acceptOnTheSpot } from '../server/src/modules/intake/on-the-spot.ts';
import { receptionBody, serviceContext, setUpIntake } from './intake.ts';
import { auditFilesIn, startServer } from './lib.ts';

const times = new Map<string, { n: number; ms: number }>();
type Run = (...args: unknown[]) => unknown;
// Every statement the product prepares is timed where it runs (the writer and the reader alike).
const proto = SQLite.prototype as unknown as { prepare(this: unknown, sql: string): Record<string, Run> };
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const stmt = prepare.call(this, sql);
  for (const m of ['run', 'all', 'get']) {
    const f = stmt[m]!.bind(stmt);
    stmt[m] = (...a: unknown[]) => {
      const t = performance.now();
      try {
        return f(...a);
      } finally {
        const e = times.get(sql) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        times.set(sql, e);
      }
    };
  }
  return stmt;
};
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-statement-times-'));
const files = auditFilesIn(dataDir);
const { server } = await startServer({ DATA_DIR: dataDir, ...files });
const setup = await setUpIntake(server.base, 1);
await server.stop();
const { ctx, actor, close } = await serviceContext({ databaseUrl: null, dataDir }, setup, {
  auditKeyFile: files.AUDIT_KEY_FILE,
  piiKeyFile: files.PII_KEY_FILE,
});
const N = Number(process.env.N ?? 2000);
const WARM = 200;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  if (i === WARM) times.clear();
  await acceptOnTheSpot(ctx, actor, receptionInput.parse(receptionBody(setup, i)));
}
const wall = performance.now() - t0;
const perCase = (ms: number) => Math.round((ms / (N - WARM)) * 1000) / 1000;
let total = 0;
for (const v of times.values()) total += v.ms;
console.log(JSON.stringify({ wallMsPerCase: Math.round((wall / N) * 100) / 100, sqlMsPerCase: perCase(total) }));
for (const [sql, v] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
  console.log(JSON.stringify({ msPerCase: perCase(v.ms), runs: v.n, sql: sql.slice(0, 160) }));
await close();
rmSync(dataDir, { recursive: true, force: true });
