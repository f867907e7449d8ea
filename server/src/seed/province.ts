/**
 * `seed --halls N`: a province simulation. N county 政务服务中心 like the demo county (its departments, published
 * items, windows and one account per business post, named `h001_clerk` …) are added beside the demo hall, so
 * `--cases M` then spreads a generated history over all of them, on SQLite or PostgreSQL alike.
 */
import { holdsAdminRole } from '../domain/roles.ts';
import type { AppContext } from '../platform/context.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { appendAudit } from '../platform/audit.ts';
import { newId } from '../platform/ids.ts';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts.ts';
import { demoHalls } from './demo-hall.ts';
import type { DemoHall } from './demo-hall/builders.ts';
import { writeAccount, writeHall } from './write-hall.ts';

const county = demoHalls[0] as DemoHall;
const tag = (n: number) => String(n).padStart(3, '0');

/** The n-th simulated county hall: the demo county's structure under its own code, name and phones. */
export function provinceHall(n: number): DemoHall {
  return {
    ...county,
    code: `SIM${tag(n)}-ZWFW`,
    name: `模拟第${tag(n)}县政务服务中心`,
    address: `模拟第${tag(n)}县政务大道${n}号`,
    phone: `0839-7${tag(n)}100`,
    // The township stations belong to the demo county; a simulated county receives at its own windows only.
    items: county.items.map(({ townshipReception: _stations, ...i }) => i),
  };
}

/** Adds halls SIM001… up to `halls` in all (a second run adds only the missing ones); one transaction per hall. */
export async function seedProvince(
  ctx: AppContext,
  halls: number,
  opts: { passwordHashCost?: number; onHall?: (n: number) => void } = {},
) {
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD, opts.passwordHashCost ?? ctx.config.passwordHashCost);
  const existing = new Set(
    (await ctx.db.selectFrom('halls').select('code').where('code', 'like', 'SIM%').execute()).map((h) => h.code),
  );
  const staff = demoAccounts.filter((a) => a.halls.length === 1 && a.halls[0] === 'county' && !holdsAdminRole(a.roles));
  let added = 0;
  for (let n = 1; n <= halls; n++) {
    const hall = provinceHall(n);
    if (existing.has(hall.code)) continue;
    await ctx.db.transaction().execute(async (trx) => {
      const hallId = newId(now);
      const { departmentIds } = await writeHall(trx, hall, hallId, now, () => {
        throw new Error('a simulated hall names no other hall');
      });
      for (const [k, a] of staff.entries()) {
        await writeAccount(
          trx,
          {
            ...a,
            username: `h${tag(n)}_${a.username}`,
            phone: `139${tag(n)}${String(k).padStart(5, '0')}`,
          },
          {
            now,
            passwordHash,
            hallIds: [hallId],
            departmentIds: a.departments.map((c) => departmentIds.get(c)).filter((x): x is string => !!x),
            totpSecret: null,
          },
        );
      }
      await appendAudit(trx, {
        at: now,
        userId: null,
        username: 'system',
        action: 'system.seed_province_hall',
        targetType: 'hall',
        targetId: hallId,
        outcome: 'success',
        ip: null,
        detail: { code: hall.code, accounts: staff.length },
      });
    });
    added++;
    opts.onHall?.(n);
  }
  await ensureCitySupervisor(ctx, passwordHash, now);
  return { added, halls };
}

/** The city's 督查 account (`city_supervisor`): one supervisor who sees every simulated hall, for city-wide figures. */
export const CITY_SUPERVISOR = 'city_supervisor';

async function ensureCitySupervisor(ctx: AppContext, passwordHash: string, now: number) {
  const hallIds = (await ctx.db.selectFrom('halls').select('id').where('code', 'like', 'SIM%').execute()).map(
    (h) => h.id,
  );
  if (!hallIds.length) return;
  await ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('users').select('id').where('username', '=', CITY_SUPERVISOR).executeTakeFirst();
    const userId =
      found?.id ??
      (await writeAccount(
        trx,
        {
          username: CITY_SUPERVISOR,
          displayName: '市级督查员',
          roles: ['supervisor'],
          phone: '13900000000',
        },
        { now, passwordHash, hallIds: [], departmentIds: [], totpSecret: null },
      ));
    // A second run with more halls extends the account to the new ones.
    const held = new Set(
      (await trx.selectFrom('user_halls').select('hall_id').where('user_id', '=', userId).execute()).map(
        (h) => h.hall_id,
      ),
    );
    const missing = hallIds.filter((h) => !held.has(h));
    if (missing.length)
      await trx
        .insertInto('user_halls')
        .values(missing.map((hall_id) => ({ user_id: userId, hall_id })))
        .execute();
  });
}
