import { appendAudit } from '../platform/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { holdsAdminRole } from '../domain/roles.ts';
import { recordSystemMode } from '../platform/settings.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from './demo-accounts.ts';
import { demoHalls } from './demo-hall.ts';
import { seedDemoKnowledge } from './demo-knowledge.ts';
import { seedDemoQueue } from './demo-queue.ts';
import { seedDemoTraining } from './demo-people.ts';
import { seedDemoEquipment } from './demo-equipment.ts';
import { seedDemoStaff } from './demo-staff.ts';
import { writeAccount, writeHall } from './write-hall.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  const [hall, user] = await Promise.all([
    db.selectFrom('halls').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
  ]);
  return !hall && !user;
}

/**
 * A realistic demo hall: a county centre and a township station, their departments, windows and published
 * service items, and one account per post. Runs in one transaction so a failed seed leaves nothing behind.
 */
export async function seedDemoHall(
  db: Db,
  opts: { now: number; passwordHashCost: number },
): Promise<{ halls: number; items: number; users: number }> {
  const { now } = opts;
  const passwordHash = await hashPassword(DEMO_PASSWORD, opts.passwordHashCost);
  let items = 0;
  await db.transaction().execute(async (trx) => {
    // The database remembers it was created for a demo: a production start refuses it (server/src/seed/mode.ts).
    await recordSystemMode(trx, 'demo', now);
    const hallIdByKey = new Map<string, string>();
    const departmentsByCode = new Map<string, string>();
    // Known before any item is written: a county item names the township stations that may receive it.
    const hallIdByCode = new Map(demoHalls.map((h) => [h.code, newId(now)]));
    const hallOf = (code: string) => {
      const id = hallIdByCode.get(code);
      if (!id) throw new Error(`demo data: unknown hall ${code}`);
      return id;
    };
    for (const [index, hall] of demoHalls.entries()) {
      const hallId = hallOf(hall.code);
      hallIdByKey.set(index === 0 ? 'county' : 'town', hallId);
      const written = await writeHall(trx, hall, hallId, now, hallOf);
      items += written.items;
      // Department codes are unique across the demo halls, so staff name theirs by code alone.
      for (const [code, id] of written.departmentIds) departmentsByCode.set(code, id);
    }
    for (const a of demoAccounts) {
      await writeAccount(trx, a, {
        now,
        passwordHash,
        hallIds: a.halls.map((h) => hallIdByKey.get(h)!),
        departmentIds: a.departments.map((code) => departmentsByCode.get(code)).filter((x): x is string => !!x),
        totpSecret: holdsAdminRole(a.roles) ? DEMO_TOTP_SECRET : null,
      });
    }
    await seedDemoQueue(trx, now);
    await seedDemoKnowledge(trx, now);
    await seedDemoTraining(trx, now);
    await seedDemoEquipment(trx, now);
    await seedDemoStaff(trx, now);
    await appendAudit(trx, {
      at: now,
      userId: null,
      username: 'system',
      action: 'system.seed_demo',
      targetType: 'system',
      targetId: 'demo',
      outcome: 'success',
      ip: null,
      detail: { halls: demoHalls.length, items, users: demoAccounts.length },
    });
  });
  return { halls: demoHalls.length, items, users: demoAccounts.length };
}
