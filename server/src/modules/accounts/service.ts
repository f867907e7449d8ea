import { maskPhone } from '../../domain/masking.ts';
import { piiFields, protectPhone } from '../../platform/pii/protect.ts';
import { passwordWeakness } from '../../domain/password-policy.ts';
import { breaksSeparationOfDuties, isRoleCode, roleDefinition } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { readPasswordPolicy, writePasswordPolicy } from '../../platform/settings.ts';
import type { PasswordPolicy } from '../../domain/password-policy.ts';
import { assertDepartmentsInHalls, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { UserInput, UserPatch } from './schema.ts';

/** A staff phone is kept encrypted and shown masked, like an applicant's. */
function staffPhone(id: string, phone: string | null) {
  if (phone === null) return { phone_enc: null, phone_masked: null };
  const p = protectPhone(piiFields.staffPhone, id, phone);
  return { phone_enc: p.enc, phone_masked: p.masked };
}

export function presentUser(u: repo.UserWithLinks) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    phone: u.phone_masked,
    roles: u.roles,
    hallIds: u.hallIds,
    departmentIds: u.departmentIds,
    status: u.status as 'active' | 'disabled',
    lockedUntil: u.locked_until === null ? null : Number(u.locked_until),
    mustChangePassword: u.must_change_password === 1,
    lastLoginAt: u.last_login_at === null ? null : Number(u.last_login_at),
    createdAt: Number(u.created_at),
  };
}

const adminRoles = (list: readonly string[]) => list.filter((r) => isRoleCode(r) && roleDefinition(r).adminClass);

/** Role changes obey 三权分立 and only the security administrator hands out administrator roles. */
function checkRoleChange(actor: Actor, before: string[], after: string[], targetId: string | null) {
  if (breaksSeparationOfDuties(after)) {
    throw conflict(
      '系统管理员、安全管理员、审计管理员须由不同人员担任（三权分立）',
      'System, security and audit administrator roles must be held by different people',
      'roles',
    );
  }
  const changedAdmin =
    adminRoles(before).sort().join() !== adminRoles(after).sort().join();
  if (changedAdmin && !actor.permissions.has('account.grant_admin')) {
    throw forbidden('只有安全管理员可以授予或收回管理员角色', 'Only the security administrator grants administrator roles');
  }
  if (targetId === actor.userId && before.sort().join() !== after.sort().join()) {
    throw forbidden('不能修改自己的角色', 'You cannot change your own roles');
  }
}

function checkHalls(actor: Actor, hallIds: string[]) {
  const bad = hallIds.find((h) => !actor.hallIds.includes(h));
  if (bad) throw invalid('hallIds', '只能将人员分配到自己所属的大厅', 'You can only assign people to your own halls');
}

async function loadVisible(ctx: AppContext, actor: Actor, id: string) {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账号', 'Account');
  const [linked] = await repo.withLinks(ctx.db, [user]);
  if (!linked?.hallIds.some((h) => actor.hallIds.includes(h))) throw notFound('账号', 'Account');
  return linked;
}

export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  q: { q?: string; role?: string; hallId?: string; limit: number; offset: number },
) {
  const { rows, total } = await repo.listUsers(ctx.db, { ...q, hallIds: visibleHallIds(actor, q.hallId) });
  return { items: (await repo.withLinks(ctx.db, rows)).map(presentUser), total };
}

async function checkedPasswordHash(ctx: AppContext, password: string, field: string) {
  const weakness = passwordWeakness(password, await readPasswordPolicy(ctx.db));
  if (weakness) throw invalid(field, weakness.zh, weakness.en);
  return hashPassword(password, ctx.config.passwordHashCost);
}

export async function createUser(ctx: AppContext, actor: Actor, input: UserInput) {
  checkRoleChange(actor, [], input.roles, null);
  checkHalls(actor, input.hallIds);
  await assertDepartmentsInHalls(ctx.db, input.departmentIds, input.hallIds, 'departmentIds');
  const hash = await checkedPasswordHash(ctx, input.initialPassword, 'initialPassword');
  const now = ctx.clock.now();
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertUser(trx, {
        id, username: input.username, display_name: input.displayName, ...staffPhone(id, input.phone ?? null),
        password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null, status: 'active',
        last_login_at: null, password_changed_at: now, created_at: now, updated_at: now,
      });
      await repo.replaceLinks(trx, id, { roles: input.roles, hallIds: input.hallIds, departmentIds: input.departmentIds });
      await appendAudit(trx, byActor(actor, now, 'account.create', 'user', id, {
        username: input.username, roles: input.roles, hallIds: input.hallIds, departmentIds: input.departmentIds,
      }));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('用户名已被使用', 'Username is taken', 'username');
    throw e;
  }
  return presentUser(await loadVisible(ctx, actor, id));
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, patch: UserPatch) {
  const before = await loadVisible(ctx, actor, id);
  if (patch.roles) checkRoleChange(actor, before.roles, patch.roles, id);
  if (patch.hallIds) checkHalls(actor, patch.hallIds);
  if (patch.departmentIds) await assertDepartmentsInHalls(ctx.db, patch.departmentIds, patch.hallIds ?? before.hallIds, 'departmentIds');
  if (patch.status === 'disabled' && id === actor.userId) throw forbidden('不能停用自己的账号', 'You cannot disable your own account');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.phone !== undefined && staffPhone(id, patch.phone)),
      ...(patch.status !== undefined && { status: patch.status }),
      updated_at: now,
    });
    await repo.replaceLinks(trx, id, { roles: patch.roles, hallIds: patch.hallIds, departmentIds: patch.departmentIds });
    if (patch.status === 'disabled' || patch.roles) await destroyUserSessions(trx, id);
    await appendAudit(trx, byActor(actor, now, 'account.update', 'user', id, {
      before: { roles: before.roles, hallIds: before.hallIds, departmentIds: before.departmentIds, status: before.status, displayName: before.display_name, phone: before.phone_masked },
      after: { ...patch, phone: patch.phone === undefined ? undefined : maskPhone(patch.phone) },
    }));
  });
  return presentUser(await loadVisible(ctx, actor, id));
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string) {
  await loadVisible(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { locked_until: null, failed_logins: 0, updated_at: now });
    await appendAudit(trx, byActor(actor, now, 'account.unlock', 'user', id));
  });
  return presentUser(await loadVisible(ctx, actor, id));
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string, initialPassword: string) {
  await loadVisible(ctx, actor, id);
  const hash = await checkedPasswordHash(ctx, initialPassword, 'initialPassword');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      password_hash: hash, must_change_password: 1, locked_until: null, failed_logins: 0, password_changed_at: now, updated_at: now,
    });
    await destroyUserSessions(trx, id);
    await appendAudit(trx, byActor(actor, now, 'account.reset_password', 'user', id));
  });
}

export async function updatePolicy(ctx: AppContext, actor: Actor, policy: PasswordPolicy) {
  const now = ctx.clock.now();
  const before = await readPasswordPolicy(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    await writePasswordPolicy(trx, policy, now);
    await appendAudit(trx, byActor(actor, now, 'security.policy.update', 'setting', 'security.policy', { before, after: policy }));
  });
  return readPasswordPolicy(ctx.db);
}
