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

/**
 * The generator's ids come from the seed, so a second load with the seed of an earlier one would write the same
 * rosters and leaves again and fail on them after its cases were in: refused before anything is written.
 */
async function refuseSeedLoadedBefore(ctx: AppContext, seed: number) {
  const loads = await ctx.db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', 'system.history_import')
    .execute();
  const used = loads.map((l) => (JSON.parse(l.detail ?? '{}') as { seed?: number }).seed);
  if (used.includes(seed)) {
    const next = Math.max(...used.filter((s): s is number => typeof s === 'number')) + 1;
    throw new Error(
      `历史数据已用 --seed ${seed} 导入过，再导入一批请换一个种子（如 --seed ${next}） ` +
        `(a history was loaded with --seed ${seed} before; load another batch with another seed, e.g. --seed ${next})`,
    );
  }
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
  await refuseSeedLoadedBefore(ctx, seed);
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
