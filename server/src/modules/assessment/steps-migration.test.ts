/** Migration 0038 on halls whose 考核 set was written before 办理环节数 existed: the weights still total 100. */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, migrateDownThrough, migrateOnly, migrationsBefore } from '../../../test/helpers.ts';
import { defaultIndicators } from '../../domain/assessment/index.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';

let handle: DatabaseHandle;
const t = 1_770_000_000_000;
// The set as 0036's code wrote it on first use: no 办理环节数, volume weighed 受理 10, 咨询 5, 叫号 5.
const oldWeights: Record<string, number> = { cases_received: 10, consultations_answered: 5, tickets_served: 5 };
const oldSet = defaultIndicators
  .filter((i) => i.code !== 'steps_finished')
  .map((i) => ({ ...i, weight: oldWeights[i.code] ?? i.weight }));

const setOf = (hallId: string) =>
  handle.db
    .selectFrom('assessment_indicators')
    .select(['code', 'seq', 'weight'])
    .where('hall_id', '=', hallId)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  handle = await freshDatabase();
  await migrateOnly(handle.db, migrationsBefore('2026_12_03_0038'));
  const db = handle.db as unknown as Kysely<unknown>;
  for (const hall of ['h1', 'h2', 'h3'])
    await sql`insert into halls (id, code, name, address, phone, opening_hours, created_at, updated_at)
      values (${hall}, ${hall.toUpperCase()}, ${hall}, '', '', '', ${t}, ${t})`.execute(db);
  // h1 kept the defaults; h2's station head moved weight from 叫号 to 受理; h3 never opened 考核.
  const custom = oldSet.map((i) =>
    i.code === 'cases_received' ? { ...i, weight: 15 } : i.code === 'tickets_served' ? { ...i, weight: 0 } : i,
  );
  for (const [hallId, set] of [
    ['h1', oldSet],
    ['h2', custom],
  ] as const)
    await handle.db
      .insertInto('assessment_indicators')
      .values(set.map((i, seq) => ({ hall_id: hallId, seq, ...i, updated_at: t })))
      .execute();
  await migrateToLatest(handle.db);
});
afterAll(() => handle.close());

describe('migration 0038 (办理环节数 added to the halls’ sets)', () => {
  it('gives a set with the old default weights the new default set, in its order, totalling 100', async () => {
    const set = await setOf('h1');
    expect(set.map((r) => [r.code, Number(r.weight)])).toEqual(defaultIndicators.map((i) => [i.code, i.weight]));
    expect(set.map((r) => Number(r.seq))).toEqual(set.map((_, k) => k));
    expect(set.reduce((n, r) => n + Number(r.weight), 0)).toBe(100);
  });

  it('adds it at weight 0 to a set the station head changed, keeping their weights', async () => {
    const set = await setOf('h2');
    expect(set).toHaveLength(oldSet.length + 1);
    const weight = (code: string) => Number(set.find((r) => r.code === code)!.weight);
    expect(weight('steps_finished')).toBe(0);
    expect(weight('cases_received')).toBe(15);
    expect(set.reduce((n, r) => n + Number(r.weight), 0)).toBe(100);
    expect(set.findIndex((r) => r.code === 'steps_finished')).toBe(
      set.findIndex((r) => r.code === 'tickets_served') + 1,
    );
  });

  it('leaves a hall without a set alone (it gets the new defaults on first use)', async () => {
    expect(await setOf('h3')).toHaveLength(0);
  });

  it('is undone by its down: the old weights and order come back', async () => {
    await migrateDownThrough(handle.db, '2026_12_03_0038_steps_finished');
    const set = await setOf('h1');
    expect(set.map((r) => [r.code, Number(r.seq), Number(r.weight)])).toEqual(
      oldSet.map((i, k) => [i.code, k, i.weight]),
    );
    expect((await setOf('h2')).map((r) => r.code)).toEqual(oldSet.map((i) => i.code));
    await migrateToLatest(handle.db);
  });
});
