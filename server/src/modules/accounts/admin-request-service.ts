import { maskPhone } from '../../domain/masking.ts';
import { piiFields, protectPhone } from '../../platform/pii/protect.ts';
import { holdsAdminRole, isRoleCode, roleDefinition } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertDepartmentsInHalls } from '../org/service.ts';
import * as repo from './repository.ts';
import { loadRoleCatalog } from './roles-service.ts';
import type { AdminRequestInput } from './schema.ts';
import * as sec from './security-repository.ts';
import { checkedPasswordHash, checkRoleChange, loadVisible, managedHallIds } from './service.ts';

/**
 * 三权分立 for administrator accounts: creating, changing, resetting the password or the second factor of an
 * account that holds an administrator role is a request by the security administrator that a different
 * administrator (not the one it is about) approves; only then is it carried out, in the approval's transaction.
 */
const roleName = (roles: string[]) => roles.map((r) => (isRoleCode(r) ? roleDefinition(r).name : r)).join('、');

interface CreatePayload {
  username: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  hallIds: string[];
  departmentIds: string[];
  passwordHash: string;
}
interface UpdatePayload {
  displayName?: string;
  phone?: string | null;
  roles?: string[];
  hallIds?: string[];
  departmentIds?: string[];
  status?: 'active' | 'disabled';
}

export async function requestAdminChange(ctx: AppContext, actor: Actor, input: AdminRequestInput) {
  const now = ctx.clock.now();
  let target: repo.UserWithLinks | null = null;
  let payload: Record<string, unknown> = {};
  let summary: string;
  if (input.kind === 'create') {
    const u = input.user;
    checkRoleChange(actor, [], u.roles, null, await loadRoleCatalog(ctx.db));
    if (!holdsAdminRole(u.roles))
      throw invalid('user.roles', '业务账号请直接新建，无需申请', 'Create business accounts directly');
    const mine = await managedHallIds(ctx, actor);
    if (u.hallIds.some((h) => !mine.includes(h))) throw invalid('user.hallIds', '大厅不存在', 'Unknown hall');
    await assertDepartmentsInHalls(ctx.db, u.departmentIds, u.hallIds, 'user.departmentIds');
    if (await repo.findUserByUsername(ctx.db, u.username))
      throw conflict('用户名已被使用', 'Username is taken', 'user.username');
    const passwordHash = await checkedPasswordHash(ctx, u.initialPassword, 'user.initialPassword');
    payload = {
      username: u.username,
      displayName: u.displayName,
      phone: u.phone ?? null,
      roles: u.roles,
      hallIds: u.hallIds,
      departmentIds: u.departmentIds,
      passwordHash,
    } satisfies CreatePayload;
    summary = `新建${roleName(u.roles)}账号 ${u.username}（${u.displayName}）`;
  } else {
    target = await loadVisible(ctx, actor, input.targetUserId);
    if (target.id === actor.userId)
      throw forbidden('不能为自己的账号提交申请；请在“账户安全”中修改', 'Not for your own account');
    if (!holdsAdminRole(target.roles))
      throw invalid('targetUserId', '业务账号请直接操作，无需申请', 'Change business accounts directly');
    if (input.kind === 'update') {
      if (input.patch.roles) {
        checkRoleChange(actor, target.roles, input.patch.roles, target.id, await loadRoleCatalog(ctx.db));
      }
      if (input.patch.roles && !holdsAdminRole(input.patch.roles)) {
        throw conflict(
          '管理员账号不能改为业务账号；请停用后另建业务账号',
          'An administrator account cannot become a business account',
          'patch.roles',
        );
      }
      payload = input.patch satisfies UpdatePayload;
      const parts = [
        input.patch.status && (input.patch.status === 'disabled' ? '停用' : '启用'),
        input.patch.roles && `角色改为${roleName(input.patch.roles)}`,
        input.patch.displayName && `姓名改为${input.patch.displayName}`,
        input.patch.phone !== undefined && `电话改为${maskPhone(input.patch.phone) ?? '空'}`,
        input.patch.hallIds && '调整所属大厅',
        input.patch.departmentIds && '调整所属部门',
      ].filter(Boolean);
      if (!parts.length) throw invalid('patch', '没有要修改的内容', 'Nothing to change');
      summary = `修改${roleName(target.roles)} ${target.username}：${parts.join('，')}`;
    } else if (input.kind === 'reset_password') {
      payload = { passwordHash: await checkedPasswordHash(ctx, input.initialPassword, 'initialPassword') };
      summary = `重置${roleName(target.roles)} ${target.username} 的密码（登录后须修改）`;
    } else {
      summary = `重置${roleName(target.roles)} ${target.username} 的双因素认证（登录后须重新绑定）`;
    }
  }
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    await sec.insertAdminRequest(trx, {
      id,
      kind: input.kind,
      target_user_id: target?.id ?? null,
      payload: JSON.stringify(payload),
      summary,
      status: 'pending',
      requested_by: actor.userId,
      requested_at: now,
      decided_by: null,
      decided_at: null,
      note: null,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'account.admin_request', 'admin_request', id, {
        kind: input.kind,
        targetUserId: target?.id ?? null,
        summary,
      }),
    );
  });
  return presentOne(ctx, actor, id);
}

/** Carries out an approved request inside the approval's transaction, checking its rules again. */
async function carryOut(
  trx: Db,
  r: { kind: string; target_user_id: string | null; payload: string },
  now: number,
): Promise<string> {
  const p = JSON.parse(r.payload);
  if (r.kind === 'create') {
    const c = p as CreatePayload;
    const id = newId(now);
    try {
      await repo.insertUser(trx, {
        id,
        username: c.username,
        display_name: c.displayName,
        ...staffPhoneColumns(id, c.phone ?? null),
        password_hash: c.passwordHash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        status: 'active',
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('用户名已被使用', 'Username is taken', 'username');
      throw e;
    }
    await repo.replaceLinks(trx, id, { roles: c.roles, hallIds: c.hallIds, departmentIds: c.departmentIds });
    return id;
  }
  const targetId = r.target_user_id as string;
  if (r.kind === 'update') {
    const u = p as UpdatePayload;
    await repo.updateUser(trx, targetId, {
      ...(u.displayName !== undefined && { display_name: u.displayName }),
      ...(u.phone !== undefined && { phone: u.phone }),
      ...(u.status !== undefined && { status: u.status }),
      updated_at: now,
    });
    await repo.replaceLinks(trx, targetId, { roles: u.roles, hallIds: u.hallIds, departmentIds: u.departmentIds });
  } else if (r.kind === 'reset_password') {
    await repo.updateUser(trx, targetId, {
      password_hash: p.passwordHash,
      must_change_password: 1,
      locked_until: null,
      failed_logins: 0,
      password_changed_at: now,
      updated_at: now,
    });
  } else {
    await sec.deleteTotp(trx, targetId);
  }
  await destroyUserSessions(trx, targetId);
  return targetId;
}

export async function decideAdminRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'approve' | 'reject' | 'cancel',
  note: string | null,
) {
  const r = await sec.findAdminRequest(ctx.db, id);
  if (!r) throw notFound('申请', 'Request');
  if (r.status !== 'pending') throw conflict('该申请已处理', 'The request was already decided');
  if (decision === 'cancel') {
    if (r.requested_by !== actor.userId)
      throw forbidden('只能撤回自己提交的申请', 'Only the requester withdraws a request');
  } else {
    if (r.requested_by === actor.userId)
      throw forbidden('不能批准自己提交的申请，须由另一名管理员审批', 'A second administrator must decide');
    if (r.target_user_id === actor.userId)
      throw forbidden('不能审批关于自己账号的申请', 'You cannot decide a request about your own account');
  }
  if (decision === 'approve' && r.kind === 'update') {
    const target = await repo.findUserById(ctx.db, r.target_user_id as string);
    const [linked] = target ? await repo.withLinks(ctx.db, [target]) : [];
    if (!linked) throw notFound('账号', 'Account');
    const p = JSON.parse(r.payload) as UpdatePayload;
    if (p.roles && !holdsAdminRole(linked.roles))
      throw conflict('该账号已不是管理员账号', 'No longer an administrator account', 'roles');
    if (p.departmentIds)
      await assertDepartmentsInHalls(ctx.db, p.departmentIds, p.hallIds ?? linked.hallIds, 'departmentIds');
  }
  const now = ctx.clock.now();
  const status = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'cancelled';
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await sec.decideAdminRequest(trx, id, { status, decided_by: actor.userId, decided_at: now, note }))) {
      throw conflict('该申请已处理', 'The request was already decided');
    }
    const targetId = decision === 'approve' ? await carryOut(trx, r, now) : r.target_user_id;
    await appendAudit(
      trx,
      byActor(actor, now, `account.admin_request.${decision}`, 'admin_request', id, {
        kind: r.kind,
        targetUserId: targetId,
        requestedBy: r.requested_by,
        summary: r.summary,
        note,
      }),
    );
  });
  return presentOne(ctx, actor, id);
}

function present(actor: Actor, r: Awaited<ReturnType<typeof sec.listAdminRequests>>['rows'][number]) {
  const { passwordHash: _hidden, ...details } = JSON.parse(r.payload) as Record<string, unknown>;
  if (typeof details.phone === 'string') details.phone = maskPhone(details.phone);
  const pending = r.status === 'pending';
  return {
    id: r.id,
    kind: r.kind as 'create' | 'update' | 'reset_password' | 'reset_totp',
    targetUserId: r.target_user_id,
    targetUsername: r.target_username ?? (typeof details.username === 'string' ? details.username : null),
    summary: r.summary,
    details,
    status: r.status as 'pending' | 'approved' | 'rejected' | 'cancelled',
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: Number(r.requested_at),
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at === null ? null : Number(r.decided_at),
    note: r.note,
    canDecide:
      pending &&
      r.requested_by !== actor.userId &&
      r.target_user_id !== actor.userId &&
      actor.permissions.has('account.approve_admin'),
    canCancel: pending && r.requested_by === actor.userId,
  };
}

export async function listAdminRequests(
  ctx: AppContext,
  actor: Actor,
  q: { status?: string; limit: number; offset: number },
) {
  const { rows, total } = await sec.listAdminRequests(ctx.db, { status: q.status }, q.limit, q.offset);
  return { items: rows.map((r) => present(actor, r)), total };
}

async function presentOne(ctx: AppContext, actor: Actor, id: string) {
  const found = (await sec.listAdminRequests(ctx.db, { id }, 1, 0)).rows[0];
  if (!found) throw notFound('申请', 'Request');
  return present(actor, found);
}

/** A staff phone is kept encrypted and shown masked, as the accounts service stores it. */
function staffPhoneColumns(id: string, phone: string | null) {
  if (phone === null) return { phone_enc: null, phone_masked: null };
  const p = protectPhone(piiFields.staffPhone, id, phone);
  return { phone_enc: p.enc, phone_masked: p.masked };
}
