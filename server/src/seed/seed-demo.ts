import { itemProblems } from '../domain/catalogue.ts';
import { maskPhone } from '../domain/masking.ts';
import { itemContentSchema } from '../modules/catalog/schema.ts';
import { appendAudit } from '../platform/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { holdsAdminRole } from '../domain/roles.ts';
import { recordSystemMode } from '../platform/settings.ts';
import { pii } from '../platform/pii/index.ts';
import { piiFields } from '../platform/pii/protect.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from './demo-accounts.ts';
import { demoHalls } from './demo-hall.ts';
import { seedDemoKnowledge } from './demo-knowledge.ts';
import { seedDemoQueue } from './demo-queue.ts';
import { seedDemoTraining } from './demo-people.ts';
import { seedDemoEquipment } from './demo-equipment.ts';
import { seedDemoStaff } from './demo-staff.ts';

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
      await trx
        .insertInto('halls')
        .values({
          id: hallId,
          code: hall.code,
          name: hall.name,
          address: hall.address,
          phone: hall.phone,
          opening_hours: hall.openingHours,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const departmentIds = new Map<string, string>();
      for (const d of hall.departments) {
        const id = newId(now);
        departmentIds.set(d.code, id);
        // Department codes are unique across the demo halls, so staff name theirs by code alone.
        departmentsByCode.set(d.code, id);
        await trx
          .insertInto('departments')
          .values({
            id,
            hall_id: hallId,
            code: d.code,
            name: d.name,
            phone: d.phone,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      const departmentId = (code: string) => {
        const id = departmentIds.get(code);
        if (!id) throw new Error(`demo data: unknown department ${code} in ${hall.name}`);
        return id;
      };
      const itemIds = new Map<string, string>();
      for (const item of hall.items) {
        const content = itemContentSchema.parse({
          ...item,
          departmentIds: item.departmentCodes.map(departmentId),
          steps: item.steps.map(({ departmentCode, ...s }) => ({
            ...s,
            departmentId: departmentCode ? departmentId(departmentCode) : null,
          })),
          townshipReception: item.townshipReception && {
            stationHallIds: item.townshipReception.stationCodes.map(hallOf),
            postAllowed: item.townshipReception.postAllowed,
          },
        });
        const problem = itemProblems(content);
        if (problem) throw new Error(`demo data: ${item.code} ${problem.field}: ${problem.zh}`);
        const id = newId(now);
        itemIds.set(item.code, id);
        await trx
          .insertInto('service_items')
          .values({
            id,
            hall_id: hallId,
            code: item.code,
            name: content.name,
            category: content.category,
            kind: content.kind,
            promised_days: content.promisedDays,
            legal_days: content.legalDays,
            status: 'published',
            published_version: 1,
            draft_version: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('service_item_versions')
          .values({
            item_id: id,
            version: 1,
            state: 'published',
            content: JSON.stringify(content),
            created_at: now,
            created_by: null,
            published_at: now,
            published_by: 'system',
          })
          .execute();
        items++;
      }
      for (const w of hall.windows) {
        const id = newId(now);
        await trx
          .insertInto('windows')
          .values({
            id,
            hall_id: hallId,
            number: w.number,
            name: w.name,
            kind: w.kind,
            status: 'active',
            created_at: now,
            updated_at: now,
          })
          .execute();
        const served = w.itemCodes.map((code) => {
          const itemId = itemIds.get(code);
          if (!itemId) throw new Error(`demo data: window ${w.number} serves unknown item ${code}`);
          return { window_id: id, item_id: itemId };
        });
        if (served.length) await trx.insertInto('window_items').values(served).execute();
      }
    }
    for (const a of demoAccounts) {
      const id = newId(now);
      await trx
        .insertInto('users')
        .values({
          id,
          username: a.username,
          display_name: a.displayName,
          password_hash: passwordHash,
          // Staff phones are personal numbers too: encrypted, shown masked.
          phone_enc: pii().encrypt(piiFields.staffPhone, id, a.phone),
          phone_masked: maskPhone(a.phone),
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          status: 'active',
          last_login_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
          authority_level: a.authority ?? null,
        })
        .execute();
      await trx
        .insertInto('user_roles')
        .values(a.roles.map((role) => ({ user_id: id, role })))
        .execute();
      await trx
        .insertInto('user_halls')
        .values(a.halls.map((h) => ({ user_id: id, hall_id: hallIdByKey.get(h)! })))
        .execute();
      const deps = a.departments.map((code) => departmentsByCode.get(code)).filter((x): x is string => !!x);
      if (deps.length)
        await trx
          .insertInto('user_departments')
          .values(deps.map((department_id) => ({ user_id: id, department_id })))
          .execute();
      if (holdsAdminRole(a.roles)) {
        await trx
          .insertInto('user_totp')
          .values({
            user_id: id,
            secret: DEMO_TOTP_SECRET,
            pending_secret: null,
            enabled_at: now,
            last_step: null,
            updated_at: now,
          })
          .execute();
      }
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
