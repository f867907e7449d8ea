/** A test hall with a generated history (seed --cases) loaded, as the history and statistics tests use it. */
import { generateHistory, type HistoryResult } from '../src/seed/history/generate.ts';
import { buildTestHall, type TestHall } from './helpers.ts';

export function loadHistory(
  hall: TestHall,
  o: { cases: number; seed: number; historyDays?: number },
): Promise<HistoryResult> {
  return generateHistory(hall.ctx.db, hall.ctx.dialect, {
    ...o,
    now: hall.clock.now(),
    baseUrl: 'http://hall.test',
    dataDir: hall.ctx.config.dataDir,
  });
}

/** A fresh demo hall with `cases` cases of history. */
export async function historyHall(o: { cases: number; seed: number; historyDays?: number }): Promise<TestHall> {
  const hall = await buildTestHall();
  await loadHistory(hall, o);
  return hall;
}

export const dimensions = ['item', 'department', 'window', 'person'] as const;
export interface VolumeRow {
  key: string;
  received: number;
  finished: number;
  onTime: number;
}
/** The overview's table for a dimension (byItem, byDepartment …). */
export const volumeRows = (o: Record<string, unknown>, dim: (typeof dimensions)[number]) =>
  o[`by${dim[0]!.toUpperCase()}${dim.slice(1)}`] as VolumeRow[];
