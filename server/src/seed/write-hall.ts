/**
 * Writing a hall as the seeds describe it (its departments, published items, windows) and a member of staff with
 * their posts: shared by the demo hall and the province simulation (`seed --halls N`).
 */
import { itemProblems } from '../domain/catalogue.ts';
import { maskPhone } from '../domain/masking.ts';
import type { RoleCode } from '../domain/roles.ts';
import { itemContentSchema } from '../modules/catalog/schema.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { pii } from '../platform/pii/index.ts';
import { piiFields } from '../platform/pii/protect.ts';
import type { DemoHall } from './demo-hall/builders.ts';
import type { AuthorityLevel } from '../domain/case/authority.ts';

/** The hall row, its departments, its items (published, version 1) and its windows with the items they serve. */
export async function writeHall(
  trx: Db,
  hall: DemoHall,
  hallId: string,
  now: number,
  hallOf: (code: string) => string,
): Promise<{ departmentIds: Map<string, string>; items: number }> {
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
  const departmentIds = new Map(hall.departments.map((d) => [d.code, newId(now)]));
  if (hall.departments.length)
    await trx
      .insertInto('departments')
      .values(
        hall.departments.map((d) => ({
          id: departmentIds.get(d.code)!,
          hall_id: hallId,
          code: d.code,
          name: d.name,
          phone: d.phone,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
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
  return { departmentIds, items: hall.items.length };
}

export interface AccountSeed {
  username: string;
  displayName: string;
  roles: RoleCode[];
  phone: string;
  authority?: AuthorityLevel;
}

/** A member of staff with their posts, halls and departments; administrators with their second factor. */
export async function writeAccount(
  trx: Db,
  a: AccountSeed,
  at: { now: number; passwordHash: string; hallIds: string[]; departmentIds: string[]; totpSecret: string | null },
): Promise<string> {
  const { now } = at;
  const id = newId(now);
  await trx
    .insertInto('users')
    .values({
      id,
      username: a.username,
      display_name: a.displayName,
      password_hash: at.passwordHash,
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
  if (at.hallIds.length)
    await trx
      .insertInto('user_halls')
      .values(at.hallIds.map((hall_id) => ({ user_id: id, hall_id })))
      .execute();
  if (at.departmentIds.length)
    await trx
      .insertInto('user_departments')
      .values(at.departmentIds.map((department_id) => ({ user_id: id, department_id })))
      .execute();
  if (at.totpSecret)
    await trx
      .insertInto('user_totp')
      .values({
        user_id: id,
        secret: at.totpSecret,
        pending_secret: null,
        enabled_at: now,
        last_step: null,
        updated_at: now,
      })
      .execute();
  return id;
}
