/** The `seed [--halls N] --cases M [--seed S]` options of the command line. */
import type { AppContext } from '../../platform/context.ts';
import { seedProvince } from '../province.ts';
import { generateHistory } from './generate.ts';
import { progress } from './progress.ts';

function option(args: readonly string[], name: string): number | null {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number, got ${args[i + 1] ?? 'nothing'}`);
  return n;
}

export async function seedHistory(ctx: AppContext, args: readonly string[]): Promise<void> {
  // --halls N: a province of N simulated county halls beside the demo hall, before their history.
  const halls = option(args, '--halls');
  if (halls) {
    const r = await seedProvince(ctx, halls, {
      onHall: (n) => {
        if (n % 10 === 0 || n === halls) process.stderr.write(`\r模拟大厅 halls ${n}/${halls}`);
      },
    });
    process.stderr.write('\n');
    ctx.log.info(r, 'province halls loaded');
  }
  const cases = option(args, '--cases');
  if (!cases) return;
  const seed = option(args, '--seed') ?? 1;
  const bar = progress(cases);
  const r = await generateHistory(ctx.db, ctx.dialect, {
    cases,
    seed,
    now: ctx.clock.now(),
    baseUrl: ctx.config.publicBaseUrl,
    dataDir: ctx.config.dataDir,
    progress: bar,
  });
  bar.finish(r.cases);
  ctx.log.info(
    { ...r, seconds: Math.round(r.seconds * 10) / 10, casesPerSecond: Math.round(r.casesPerSecond) },
    'history loaded',
  );
}
