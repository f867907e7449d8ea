/** The `seed --cases N [--seed S]` option of the command line. */
import type { AppContext } from '../../platform/context.ts';
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
