import { randomBytes } from 'node:crypto';
import {
  DAY_MS,
  DEFAULT_RATE_PER_MINUTE,
  MAX_VALID_DAYS,
  forbiddenInScope,
  formatKey,
  keyActorName,
  keyState,
} from '../../domain/api-keys.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createMachineAccount, displayNameMap } from '../accounts/service.ts';
import * as repo from './repository.ts';
import type { KeyInput, RotateInput, ScopePatch } from './schema.ts';

import { hashOfKey } from './key-auth-service.ts';

export { actorForKey } from './key-auth-service.ts';

/** A fresh secret with its public prefix (8 hex characters) and the whole key as the client will send it. */
function drawSecret() {
  const prefix = randomBytes(4).toString('hex');
  const key = formatKey(prefix, randomBytes(32).toString('base64url'));
  return { prefix, key, row: { secret_hash: hashOfKey(key), prefix, retires_at: null } };
}

const jsonList = (s: string) => JSON.parse(s) as string[];

async function present(db: Db, rows: repo.ApiKeyRow[], now: number) {
  const names = await displayNameMap(db, [...new Set(rows.map((r) => r.created_by))]);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      name: r.name,
      holderOrg: r.holder_org,
      holderContact: r.holder_contact,
      prefix: r.prefix,
      permissions: jsonList(r.permissions),
      hallIds: jsonList(r.hall_ids),
      ratePerMinute: Number(r.rate_per_minute),
      expiresAt: Number(r.expires_at),
      state: keyState({ status: r.status, expiresAt: Number(r.expires_at) }, now),
      createdBy: names.get(r.created_by) ?? r.created_by,
      createdAt: Number(r.created_at),
      revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
      revokeReason: r.revoke_reason,
      lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
      lastUsedIp: r.last_used_ip,
      secrets: (r.status === 'revoked' ? [] : await repo.liveSecrets(db, r.id, now)).map((s) => ({
        prefix: s.prefix,
        createdAt: Number(s.created_at),
        retiresAt: s.retires_at === null ? null : Number(s.retires_at),
      })),
    })),
  );
}

async function presentOne(db: Db, row: repo.ApiKeyRow, now: number) {
  const [one] = await present(db, [row], now);
  if (!one) throw notFound('接口密钥', 'API key');
  return one;
}

/** A scope holds key permissions only, and halls the administrator belongs to. */
function checkScope(actor: Actor, s: { permissions?: string[]; hallIds?: string[] }) {
  const bad = forbiddenInScope(s.permissions ?? []);
  if (bad.length) {
    throw invalid(
      'permissions',
      `接口密钥只能授予业务权限，不能授予：${bad.join('、')}`,
      `An API key can carry business permissions only, not: ${bad.join(', ')}`,
    );
  }
  const outside = (s.hallIds ?? []).find((h) => !actor.hallIds.includes(h));
  if (outside) {
    throw invalid(
      'hallIds',
      `只能授权本人所属的大厅：${outside}`,
      `Only halls you belong to can be granted: ${outside}`,
    );
  }
}

function checkExpiry(expiresAt: number, now: number) {
  if (expiresAt <= now || expiresAt > now + MAX_VALID_DAYS * DAY_MS) {
    throw invalid(
      'expiresAt',
      `有效期须在今天之后、${MAX_VALID_DAYS} 天以内`,
      `The expiry must be in the future and within ${MAX_VALID_DAYS} days`,
    );
  }
}

const conflictingChange = () =>
  new AppError(409, 'CONFLICT', '该密钥刚被他人修改，请刷新后再试', 'The key was just changed; reload and try again');

async function loadKey(db: Db, id: string) {
  const row = await repo.findKey(db, id);
  if (!row) throw notFound('接口密钥', 'API key');
  return row;
}

async function loadActiveKey(db: Db, id: string) {
  const row = await loadKey(db, id);
  if (row.status === 'revoked') {
    throw new AppError(
      409,
      'KEY_REVOKED',
      '该密钥已吊销，不能再修改',
      'The key is revoked and can no longer change',
      'id',
    );
  }
  return row;
}

/** The key's trail event and its audit record, in the change's transaction. */
async function record(
  trx: Db,
  actor: Actor,
  now: number,
  keyId: string,
  action: repo.ApiKeyEventRow['action'],
  reason: string | null,
  detail: Record<string, unknown>,
) {
  await repo.insertEvent(trx, {
    id: newId(now),
    key_id: keyId,
    seq: await repo.nextEventSeq(trx, keyId),
    at: now,
    action,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    reason,
    detail: JSON.stringify(detail),
  });
  await appendAudit(trx, byActor(actor, now, `apikey.${action}`, 'api_key', keyId, { ...detail, reason }));
}

export async function listKeys(ctx: AppContext) {
  const items = await present(ctx.db, await repo.listKeys(ctx.db), ctx.clock.now());
  return { items, total: items.length };
}

export async function viewKey(ctx: AppContext, id: string) {
  return presentOne(ctx.db, await loadKey(ctx.db, id), ctx.clock.now());
}

export async function keyEvents(ctx: AppContext, id: string) {
  await loadKey(ctx.db, id);
  const items = (await repo.eventsOf(ctx.db, id)).map((e) => ({
    at: Number(e.at),
    action: e.action,
    actorName: e.actor_name,
    reason: e.reason,
    detail: e.detail === null ? null : (JSON.parse(e.detail) as Record<string, unknown>),
  }));
  return { items, total: items.length };
}

/** 签发: the whole key is in this answer only; the database keeps its hash. */
export async function issueKey(ctx: AppContext, actor: Actor, input: KeyInput) {
  const now = ctx.clock.now();
  checkScope(actor, input);
  checkExpiry(input.expiresAt, now);
  const id = newId(now);
  const userId = newId(now);
  const drawn = drawSecret();
  const permissions = [...new Set(input.permissions)];
  const hallIds = [...new Set(input.hallIds)];
  await ctx.db.transaction().execute(async (trx) => {
    await createMachineAccount(trx, {
      id: userId,
      username: `apikey.${id}`,
      displayName: keyActorName(input.name),
      now,
    });
    await repo.insertKey(trx, {
      id,
      user_id: userId,
      name: input.name,
      holder_org: input.holderOrg,
      holder_contact: input.holderContact,
      permissions: JSON.stringify(permissions),
      hall_ids: JSON.stringify(hallIds),
      prefix: drawn.prefix,
      rate_per_minute: input.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE,
      expires_at: input.expiresAt,
      status: 'active',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      revoked_at: null,
      revoke_reason: null,
      last_used_at: null,
      last_used_ip: null,
    });
    await repo.insertSecret(trx, { ...drawn.row, key_id: id, created_at: now });
    await record(trx, actor, now, id, 'issue', null, {
      name: input.name,
      holderOrg: input.holderOrg,
      prefix: drawn.prefix,
      permissions,
      hallIds,
      expiresAt: input.expiresAt,
    });
  });
  return { key: await presentOne(ctx.db, await loadKey(ctx.db, id), now), secret: drawn.key };
}

/** 轮换: a new secret at once; the earlier ones keep working for the grace days the administrator picks (0: stop now). */
export async function rotateKey(ctx: AppContext, actor: Actor, id: string, input: RotateInput) {
  const now = ctx.clock.now();
  const row = await loadActiveKey(ctx.db, id);
  const drawn = drawSecret();
  const until = now + input.graceDays * DAY_MS;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateKey(trx, id, Number(row.updated_at), { prefix: drawn.prefix, updated_at: now })))
      throw conflictingChange();
    await repo.insertSecret(trx, { ...drawn.row, key_id: id, created_at: now });
    await repo.retireSecrets(trx, id, drawn.prefix, until);
    await record(trx, actor, now, id, 'rotate', input.reason ?? null, {
      prefix: drawn.prefix,
      previousPrefix: row.prefix,
      graceDays: input.graceDays,
      previousWorksUntil: until,
    });
  });
  return { key: await presentOne(ctx.db, await loadKey(ctx.db, id), now), secret: drawn.key };
}

/** 调整授权: permissions, halls, expiry or allowance, with the reason; the next request already runs in the new scope. */
export async function rescopeKey(ctx: AppContext, actor: Actor, id: string, patch: ScopePatch) {
  const now = ctx.clock.now();
  const row = await loadActiveKey(ctx.db, id);
  checkScope(actor, patch);
  if (patch.expiresAt !== undefined) checkExpiry(patch.expiresAt, now);
  const change: Partial<repo.ApiKeyRow> = { updated_at: now };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (patch.permissions) {
    change.permissions = JSON.stringify([...new Set(patch.permissions)]);
    before.permissions = jsonList(row.permissions);
    after.permissions = [...new Set(patch.permissions)];
  }
  if (patch.hallIds) {
    change.hall_ids = JSON.stringify([...new Set(patch.hallIds)]);
    before.hallIds = jsonList(row.hall_ids);
    after.hallIds = [...new Set(patch.hallIds)];
  }
  if (patch.expiresAt !== undefined) {
    change.expires_at = patch.expiresAt;
    before.expiresAt = Number(row.expires_at);
    after.expiresAt = patch.expiresAt;
  }
  if (patch.ratePerMinute !== undefined) {
    change.rate_per_minute = patch.ratePerMinute;
    before.ratePerMinute = Number(row.rate_per_minute);
    after.ratePerMinute = patch.ratePerMinute;
  }
  if (Object.keys(after).length === 0) {
    throw invalid('permissions', '请至少修改一项授权', 'Change at least one part of the scope');
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateKey(trx, id, Number(row.updated_at), change))) throw conflictingChange();
    await record(trx, actor, now, id, 'rescope', patch.reason, { before, after });
  });
  return presentOne(ctx.db, await loadKey(ctx.db, id), now);
}

/** 吊销: every secret of the key stops at once, for good. */
export async function revokeKey(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const now = ctx.clock.now();
  const row = await loadActiveKey(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await repo.updateKey(trx, id, Number(row.updated_at), {
      status: 'revoked',
      revoked_at: now,
      revoke_reason: reason,
      updated_at: now,
    });
    if (!changed) throw conflictingChange();
    await repo.retireAllSecrets(trx, id, now);
    await record(trx, actor, now, id, 'revoke', reason, { prefix: row.prefix });
  });
  return presentOne(ctx.db, await loadKey(ctx.db, id), now);
}
