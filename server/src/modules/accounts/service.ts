import { isAuthorityLevel } from '../../domain/case/authority.ts';
import { maskPhone } from '../../domain/masking.ts';
import { piiFields, protectPhone } from '../../platform/pii/protect.ts';
import { passwordWeakness } from '../../domain/password-policy.ts';
import { permissionSetProblem, type RoleCatalog } from '../../domain/role-composition.ts';
import { holdsAdminRole, isRoleCode, roleDefinition, roleSetProblem } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { readPasswordPolicy, writePasswordPolicy } from '../../platform/settings.ts';
import { type PasswordPolicy, policyBelowFloor } from '../../domain/password-policy.ts';
import { allHallIds, assertDepartmentsInHalls } from '../org/service.ts';
import { deleteTotp } from './security-repository.ts';
import * as repo from './repository.ts';
import { loadRoleCatalog, separationConflict } from './roles-service.ts';
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
    authorityLevel: isAuthorityLevel(u.authority_level) ? u.authority_level : null,
    lastLoginAt: u.last_login_at === null ? null : Number(u.last_login_at),
    createdAt: Number(u.created_at),
  };
}

const adminRoles = (list: readonly string[]) => list.filter((r) => isRoleCode(r) && roleDefinition(r).adminClass);

/** A change to an administrator account goes through a request that a second administrator approves. */
export const approvalRequired = () =>
  new AppError(
    409,
    'APPROVAL_REQUIRED',
    '管理员账号的新建、修改、重置须提交申请，由另一名管理员批准后生效',
    'Creating, changing or resetting an administrator account needs a request approved by a second administrator',
  );

/**
 * Role changes obey 三权分立 (and an administrator account holds its one role only); only the security
 * administrator hands out administrator roles and roles that see personal numbers; nobody changes their own roles.
 */
export function checkRoleChange(
  actor: Actor,
  before: string[],
  after: string[],
  targetId: string | null,
  catalog: RoleCatalog,
) {
  const unknown = after.find((r) => !catalog.find(r)?.active);
  if (unknown) throw invalid('roles', `角色不存在或已停用：${unknown}`, `No such role, or retired: ${unknown}`);
  const problem = roleSetProblem(after);
  if (problem) throw conflict(problem.zh, problem.en, 'roles');
  // Whatever the roles are called, the permissions they add up to must be lawful in one hand.
  const powers = permissionSetProblem(catalog.permissionsOf(after));
  if (powers) throw separationConflict(powers, 'roles');
  const changedAdmin = adminRoles(before).sort().join() !== adminRoles(after).sort().join();
  if (changedAdmin && !actor.permissions.has('account.grant_admin')) {
    throw forbidden(
      '只有安全管理员可以授予或收回管理员角色',
      'Only the security administrator grants administrator roles',
    );
  }
  const added = after.filter((r) => !before.includes(r));
  if (catalog.permissionsOf(added).has('personal.view') && !actor.permissions.has('account.grant_admin')) {
    throw forbidden(
      '只有安全管理员可以授予查看个人信息的权限',
      'Only the security administrator grants the sight of personal numbers',
    );
  }
  if (targetId === actor.userId && [...before].sort().join() !== [...after].sort().join()) {
    throw forbidden('不能修改自己的角色', 'You cannot change your own roles');
  }
  if (before.length && !holdsAdminRole(before) && holdsAdminRole(after)) {
    throw conflict(
      '管理员角色不能授予业务账号，请新建管理员账号',
      'An administrator role cannot be added to a business account',
      'roles',
    );
  }
}

/** The halls whose staff the actor manages: all of them for the security administrator. */
export async function managedHallIds(ctx: AppContext, actor: Actor): Promise<string[]> {
  return actor.permissions.has('account.grant_admin') ? allHallIds(ctx.db) : actor.hallIds;
}

async function checkHalls(ctx: AppContext, actor: Actor, hallIds: string[]) {
  const mine = await managedHallIds(ctx, actor);
  const bad = hallIds.find((h) => !mine.includes(h));
  if (bad) throw invalid('hallIds', '只能将人员分配到自己所属的大厅', 'You can only assign people to your own halls');
}

export async function loadVisible(ctx: AppContext, actor: Actor, id: string) {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账号', 'Account');
  const [linked] = await repo.withLinks(ctx.db, [user]);
  const mine = await managedHallIds(ctx, actor);
  const unassignedVisible = actor.permissions.has('account.grant_admin') && linked?.hallIds.length === 0;
  if (!linked || !(unassignedVisible || linked.hallIds.some((h) => mine.includes(h))))
    throw notFound('账号', 'Account');
  return linked;
}

/** Loads a business account for a direct change; an administrator account answers APPROVAL_REQUIRED. */
export async function loadBusinessAccount(ctx: AppContext, actor: Actor, id: string) {
  const user = await loadVisible(ctx, actor, id);
  if (holdsAdminRole(user.roles)) throw approvalRequired();
  return user;
}

export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  q: { q?: string; role?: string; hallId?: string; limit: number; offset: number },
) {
  const mine = await managedHallIds(ctx, actor);
  const hallIds = q.hallId ? mine.filter((h) => h === q.hallId) : mine;
  const includeUnassigned = !q.hallId && actor.permissions.has('account.grant_admin');
  const { rows, total } = await repo.listUsers(ctx.db, { ...q, hallIds, includeUnassigned });
  return { items: (await repo.withLinks(ctx.db, rows)).map(presentUser), total };
}

export async function checkedPasswordHash(ctx: AppContext, password: string, field: string) {
  const weakness = passwordWeakness(password, await readPasswordPolicy(ctx.db));
  if (weakness) throw invalid(field, weakness.zh, weakness.en);
  return hashPassword(password, ctx.config.passwordHashCost);
}

export async function createUser(ctx: AppContext, actor: Actor, input: UserInput) {
  checkRoleChange(actor, [], input.roles, null, await loadRoleCatalog(ctx.db));
  if (holdsAdminRole(input.roles)) throw approvalRequired();
  await checkHalls(ctx, actor, input.hallIds);
  await assertDepartmentsInHalls(ctx.db, input.departmentIds, input.hallIds, 'departmentIds');
  const hash = await checkedPasswordHash(ctx, input.initialPassword, 'initialPassword');
  const now = ctx.clock.now();
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertUser(trx, {
        id,
        username: input.username,
        display_name: input.displayName,
        ...staffPhone(id, input.phone ?? null),
        password_hash: hash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        status: 'active',
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      });
      await repo.replaceLinks(trx, id, {
        roles: input.roles,
        hallIds: input.hallIds,
        departmentIds: input.departmentIds,
      });
      await appendAudit(
        trx,
        byActor(actor, now, 'account.create', 'user', id, {
          username: input.username,
          roles: input.roles,
          hallIds: input.hallIds,
          departmentIds: input.departmentIds,
        }),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('用户名已被使用', 'Username is taken', 'username');
    throw e;
  }
  return presentUser(await loadVisible(ctx, actor, id));
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, patch: UserPatch) {
  const before = await loadBusinessAccount(ctx, actor, id);
  if (patch.roles) checkRoleChange(actor, before.roles, patch.roles, id, await loadRoleCatalog(ctx.db));
  if (patch.hallIds) await checkHalls(ctx, actor, patch.hallIds);
  if (patch.departmentIds)
    await assertDepartmentsInHalls(ctx.db, patch.departmentIds, patch.hallIds ?? before.hallIds, 'departmentIds');
  if (patch.status === 'disabled' && id === actor.userId)
    throw forbidden('不能停用自己的账号', 'You cannot disable your own account');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.phone !== undefined && staffPhone(id, patch.phone)),
      ...(patch.status !== undefined && { status: patch.status }),
      updated_at: now,
    });
    await repo.replaceLinks(trx, id, {
      roles: patch.roles,
      hallIds: patch.hallIds,
      departmentIds: patch.departmentIds,
    });
    if (patch.status === 'disabled' || patch.roles) await destroyUserSessions(trx, id);
    await appendAudit(
      trx,
      byActor(actor, now, 'account.update', 'user', id, {
        before: {
          roles: before.roles,
          hallIds: before.hallIds,
          departmentIds: before.departmentIds,
          status: before.status,
          displayName: before.display_name,
          phone: before.phone_masked,
        },
        after: { ...patch, phone: patch.phone === undefined ? undefined : maskPhone(patch.phone) },
      }),
    );
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
  await loadBusinessAccount(ctx, actor, id);
  const hash = await checkedPasswordHash(ctx, initialPassword, 'initialPassword');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      password_hash: hash,
      must_change_password: 1,
      locked_until: null,
      failed_logins: 0,
      password_changed_at: now,
      updated_at: now,
    });
    await destroyUserSessions(trx, id);
    await appendAudit(trx, byActor(actor, now, 'account.reset_password', 'user', id));
  });
}

/** Turns off a business account's two-factor sign-in (a lost phone); it can enrol again after signing in. */
export async function resetTotp(ctx: AppContext, actor: Actor, id: string) {
  await loadBusinessAccount(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteTotp(trx, id);
    await destroyUserSessions(trx, id);
    await appendAudit(trx, byActor(actor, now, 'account.reset_totp', 'user', id));
  });
}

export async function updatePolicy(ctx: AppContext, actor: Actor, policy: PasswordPolicy) {
  const weak = policyBelowFloor(policy);
  if (weak) throw invalid(weak.field, weak.zh, weak.en);
  const now = ctx.clock.now();
  const before = await readPasswordPolicy(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    await writePasswordPolicy(trx, policy, now);
    await appendAudit(
      trx,
      byActor(actor, now, 'security.policy.update', 'setting', 'security.policy', { before, after: policy }),
    );
  });
  return readPasswordPolicy(ctx.db);
}

/**
 * A colleague of the actor in a hall (the first hall they share when none is named), for pickers of people such
 * as training attendance and meeting follow-ups; anyone else is a validation error naming the field.
 */
export async function colleagueInHall(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  hallId: string | null,
  field: string,
) {
  const refuse = () => invalid(field, '该人员不存在或不在本大厅', 'No such colleague in the hall');
  const user = await loadVisible(ctx, actor, userId).catch(() => {
    throw refuse();
  });
  const hall = hallId ?? user.hallIds.find((h) => actor.hallIds.includes(h));
  if (!hall || !user.hallIds.includes(hall)) throw refuse();
  return { user, hallId: hall };
}

/** Display names by id, for the lists that name people. */
export async function displayNameMap(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await repo.displayNamesOf(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export { accountNames, displayNamesOf, rolesOfUser } from './repository.ts';
export { loadRoleCatalog } from './roles-service.ts';
/** The sign-in (auth module) reads and updates accounts, their two-factor secrets and password history here. */
export { findUserById, findUserByUsername, updateUser as updateUserRow } from './repository.ts';
export {
  claimTotpStep,
  countLoginFailure,
  deleteTotp,
  findTotp,
  recentPasswordHashes,
  rememberPassword,
  replaceRecoveryCodes,
  saveTotp,
  spendRecoveryCode,
  unusedRecoveryCodes,
} from './security-repository.ts';

/** The active staff of some halls with their posts, halls and departments (the staff files and rosters read them). */
export async function hallStaff(db: Db, hallIds: string[]) {
  const { rows } = await repo.listUsers(db, { hallIds, limit: 2000, offset: 0 });
  return (
    await repo.withLinks(
      db,
      rows.filter((r) => r.status === 'active'),
    )
  ).filter((u) => u.roles.length > 0 && !holdsAdminRole(u.roles) && !u.roles.includes('applicant'));
}

/**
 * The identity of an API key (接口密钥): an account of status 'machine' with no password, roles or halls (the key
 * carries its scope), so records the key writes point at it and the key never signs in.
 */
export async function createMachineAccount(
  db: Db,
  a: { id: string; username: string; displayName: string; now: number },
) {
  await repo.insertUser(db, {
    id: a.id,
    username: a.username,
    display_name: a.displayName,
    phone_enc: null,
    phone_masked: null,
    password_hash: '!',
    must_change_password: 0,
    failed_logins: 0,
    locked_until: null,
    status: 'machine',
    last_login_at: null,
    password_changed_at: a.now,
    created_at: a.now,
    updated_at: a.now,
  });
}
