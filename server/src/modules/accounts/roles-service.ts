import {
  type SeparationProblem,
  compositionProblem,
  isFixedRole,
  isPermission,
  permissionSetProblem,
  RoleCatalog,
} from '../../domain/role-composition.ts';
import { type Permission, roles as fixedRoles } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './roles-repository.ts';
import type { CustomRoleInput, CustomRolePatch } from './roles-schema.ts';

/** A refusal that names the permissions which may not sit together (三权分立 and its kin). */
export const separationConflict = (p: SeparationProblem, field: string) =>
  new AppError(409, 'SEPARATION_OF_DUTIES', p.zh, p.en, field, { permissions: p.permissions });

const permissionsOfRow = (r: repo.CustomRoleRow): Permission[] =>
  (JSON.parse(r.permissions) as string[]).filter(isPermission);

/** The fixed roles and every custom role, read in one statement. */
export async function loadRoleCatalog(db: Db): Promise<RoleCatalog> {
  const rows = await repo.listCustomRoles(db);
  return new RoleCatalog(
    rows.map((r) => ({ code: r.code, permissions: permissionsOfRow(r), active: r.status === 'active' })),
  );
}

/** Every role a person could be given, or has been given, with how many accounts hold it. */
export async function listRoles(ctx: AppContext) {
  const [rows, counts] = await Promise.all([repo.listCustomRoles(ctx.db), repo.holderCounts(ctx.db)]);
  const fixed = fixedRoles.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    permissions: [...r.permissions] as Permission[],
    adminClass: r.adminClass,
    custom: false,
    status: 'active' as const,
    holders: counts.get(r.code) ?? 0,
    updatedAt: null,
  }));
  const custom = rows.map((r) => presentCustom(r, counts.get(r.code) ?? 0));
  return { items: [...fixed, ...custom], total: fixed.length + custom.length };
}

function presentCustom(r: repo.CustomRoleRow, holders: number) {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    permissions: permissionsOfRow(r),
    adminClass: null,
    custom: true,
    status: r.status,
    holders,
    updatedAt: Number(r.updated_at),
  };
}

/** A composition is refused when it carries an administrator power or two powers no one may hold together. */
function checkComposition(perms: Permission[]) {
  const problem = compositionProblem(perms);
  if (problem) throw separationConflict(problem, 'permissions');
}

/**
 * Every holder keeps a lawful set of permissions after the change (a custom role is a business role, so this also
 * refuses it on an administrator account); checked inside the transaction, against what the holders hold now.
 */
async function checkHolders(trx: Db, code: string, perms: Permission[]) {
  const catalog = await loadRoleCatalog(trx);
  for (const h of await repo.holdersOf(trx, code)) {
    const held = catalog.permissionsOf(h.roles.filter((r) => r !== code));
    for (const p of perms) held.add(p);
    const problem = permissionSetProblem(held);
    if (problem) throw separationConflict(problem, 'permissions');
  }
}

export async function createCustomRole(ctx: AppContext, actor: Actor, input: CustomRoleInput) {
  if (isFixedRole(input.code)) {
    throw conflict('该代码是系统预置角色的代码，请换一个', 'That code belongs to a fixed role', 'code');
  }
  const perms = [...new Set(input.permissions)];
  checkComposition(perms);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertCustomRole(trx, {
        code: input.code,
        name: input.name,
        name_en: input.nameEn || input.name,
        permissions: JSON.stringify(perms),
        status: 'active',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        retired_at: null,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'role.create', 'role', input.code, { name: input.name, permissions: perms }),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('角色代码已被使用', 'The role code is taken', 'code');
    throw e;
  }
  return presentCustom(await loadCustom(ctx.db, input.code), 0);
}

async function loadCustom(db: Db, code: string) {
  const row = await repo.findCustomRole(db, code);
  if (!row) {
    if (isFixedRole(code)) {
      throw new AppError(
        409,
        'FIXED_ROLE',
        '系统预置角色不能修改或停用；可以新建自定义角色',
        'A fixed role cannot be changed or retired; compose a custom role instead',
        'code',
      );
    }
    throw notFound('角色', 'Role');
  }
  return row;
}

const changedByOther = () =>
  conflict('该角色刚被他人修改或已停用，请刷新后重试', 'The role was changed or retired meanwhile; reload');

export async function updateCustomRole(ctx: AppContext, actor: Actor, code: string, patch: CustomRolePatch) {
  const before = await loadCustom(ctx.db, code);
  if (before.status !== 'active') throw conflict('已停用的角色不能修改', 'A retired role cannot be changed');
  const perms = patch.permissions ? [...new Set(patch.permissions)] : permissionsOfRow(before);
  checkComposition(perms);
  if (!patch.name && !patch.nameEn && !patch.permissions) {
    throw invalid('permissions', '没有要修改的内容', 'Nothing to change');
  }
  const now = Math.max(ctx.clock.now(), Number(before.updated_at) + 1);
  await ctx.db.transaction().execute(async (trx) => {
    await checkHolders(trx, code, perms);
    const done = await repo.updateCustomRole(trx, code, Number(before.updated_at), {
      ...(patch.name && { name: patch.name }),
      ...(patch.nameEn && { name_en: patch.nameEn }),
      permissions: JSON.stringify(perms),
      updated_at: now,
    });
    if (!done) throw changedByOther();
    await appendAudit(
      trx,
      byActor(actor, now, 'role.update', 'role', code, {
        before: { name: before.name, nameEn: before.name_en, permissions: permissionsOfRow(before) },
        after: { name: patch.name ?? before.name, nameEn: patch.nameEn ?? before.name_en, permissions: perms },
      }),
    );
  });
  return presentCustom(await loadCustom(ctx.db, code), (await repo.holdersOf(ctx.db, code)).length);
}

/** Retires a custom role: it gives nothing from now on and is taken from every holder, who are named in the audit. */
export async function retireCustomRole(ctx: AppContext, actor: Actor, code: string) {
  const before = await loadCustom(ctx.db, code);
  if (before.status !== 'active') throw conflict('该角色已停用', 'The role is already retired');
  const now = Math.max(ctx.clock.now(), Number(before.updated_at) + 1);
  await ctx.db.transaction().execute(async (trx) => {
    const holders = await repo.holdersOf(trx, code);
    const done = await repo.updateCustomRole(trx, code, Number(before.updated_at), {
      status: 'retired',
      retired_at: now,
      updated_at: now,
    });
    if (!done) throw changedByOther();
    await repo.removeRoleFromAll(trx, code);
    await appendAudit(
      trx,
      byActor(actor, now, 'role.retire', 'role', code, {
        name: before.name,
        permissions: permissionsOfRow(before),
        removedFrom: holders.map((h) => h.userId),
      }),
    );
  });
  return presentCustom(await loadCustom(ctx.db, code), 0);
}
