import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../platform/audit.ts';
import { buildTestHall, json, signedIn, type TestHall } from '../../test/helpers.ts';
import { loadHistory } from '../../test/history-fixtures.ts';
import { demoAccounts } from './demo-accounts.ts';
import { demoHalls } from './demo-hall.ts';
import { seedHistory } from './history/command.ts';
import { CITY_SUPERVISOR, provinceHall, seedProvince } from './province.ts';

const HALLS = 3;
let hall: TestHall;
beforeAll(async () => {
  hall = await buildTestHall();
  await seedProvince(hall.ctx, HALLS, { passwordHashCost: 10 });
}, 120_000);
afterAll(() => hall.close());

const countIn = async (table: 'departments' | 'service_items' | 'windows', hallId: string) =>
  Number(
    (
      await hall.ctx.db
        .selectFrom(table)
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('hall_id', '=', hallId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('seed --halls N: a province of simulated county halls', () => {
  it('adds N halls shaped like the demo county, each with its own staff, and a second run adds none', async () => {
    const sims = await hall.ctx.db
      .selectFrom('halls')
      .selectAll()
      .where('code', 'like', 'SIM%')
      .orderBy('code')
      .execute();
    expect(sims.map((h) => h.code)).toEqual(['SIM001-ZWFW', 'SIM002-ZWFW', 'SIM003-ZWFW']);
    const county = demoHalls[0]!;
    for (const h of sims) {
      expect(await countIn('departments', h.id)).toBe(county.departments.length);
      expect(await countIn('service_items', h.id)).toBe(county.items.length);
      expect(await countIn('windows', h.id)).toBe(county.windows.length);
    }
    const again = await seedProvince(hall.ctx, HALLS, { passwordHashCost: 10 });
    expect(again.added).toBe(0);
    expect(await hall.ctx.db.selectFrom('halls').select('id').where('code', 'like', 'SIM%').execute()).toHaveLength(
      HALLS,
    );
    expect((await verifyAuditChain(hall.ctx.db)).ok).toBe(true);
  });

  it('lets a simulated hall’s clerk work in that hall only', async () => {
    const clerk = await signedIn(hall.app, 'h002_clerk');
    const me = json(await clerk.get('/api/auth/me'));
    expect(me.halls.map((h: { name: string }) => h.name)).toEqual(['模拟第002县政务服务中心']);
    const items = json(await clerk.get(`/api/catalog/items?hallId=${me.halls[0].id}&pageSize=100`));
    expect(items.total).toBe(demoHalls[0]!.items.length);
    const countyOnly = demoAccounts.filter((a) => a.halls.length === 1 && a.halls[0] === 'county');
    expect(countyOnly.some((a) => a.username === 'clerk')).toBe(true);
  });

  it('spreads a generated history over every hall, the simulated ones included', async () => {
    await loadHistory(hall, { cases: 400, seed: 3 });
    const perHall = await hall.ctx.db
      .selectFrom('cases')
      .innerJoin('halls', 'halls.id', 'cases.hall_id')
      .select(['halls.code', ({ fn }) => fn.countAll<number>().as('n')])
      .groupBy('halls.code')
      .execute();
    const sims = perHall.filter((r) => r.code.startsWith('SIM'));
    expect(sims).toHaveLength(HALLS);
    for (const r of sims) expect(Number(r.n)).toBeGreaterThan(0);
    expect(perHall.reduce((a, r) => a + Number(r.n), 0)).toBe(400);
    // A second load with the same seed would write the same staffing rows again: refused before any case.
    await expect(seedHistory(hall.ctx, ['--cases', '40', '--seed', '3'])).rejects.toThrow('--seed 4');
    const after = await hall.ctx.db
      .selectFrom('cases')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(400);
  });

  it('gives the city supervisor every simulated hall, the ones a later run adds too', async () => {
    const hallsOf = async () => {
      const city = await signedIn(hall.app, CITY_SUPERVISOR);
      return (json(await city.get('/api/auth/me')).halls as { name: string }[]).map((h) => h.name).sort();
    };
    const names = (n: number) => Array.from({ length: n }, (_, k) => provinceHall(k + 1).name);
    expect(await hallsOf()).toEqual(names(HALLS));
    await seedProvince(hall.ctx, HALLS + 1, { passwordHashCost: 10 });
    expect(await hallsOf()).toEqual(names(HALLS + 1));
  });
});
