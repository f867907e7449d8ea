import { byActor, recordAudit, verifyAuditChain } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { type AuditFilter, searchAudit } from './repository.ts';

/** Reading the log is itself on the log, so the auditors are audited too. */
export async function searchAuditLog(ctx: AppContext, actor: Actor, filter: AuditFilter) {
  const { rows, total } = await searchAudit(ctx.db, filter);
  const { limit: _limit, offset: _offset, ...criteria } = filter;
  await recordAudit(ctx.db, byActor(actor, ctx.clock.now(), 'audit.search', 'audit_log', 'search', criteria));
  return {
    total,
    items: rows.map((x) => ({
      seq: Number(x.seq),
      at: Number(x.at),
      userId: x.user_id,
      username: x.username,
      action: x.action,
      targetType: x.target_type,
      targetId: x.target_id,
      outcome: x.outcome as 'success' | 'failure' | 'denied',
      ip: x.ip,
      detail: x.detail ? (JSON.parse(x.detail) as Record<string, unknown>) : null,
      hash: x.hash,
    })),
  };
}

/** Recomputes the chain; the check itself is on the record, with its result. */
export async function verifyChain(ctx: AppContext, actor: Actor) {
  const result = await verifyAuditChain(ctx.db, { anchor: ctx.auditAnchor ?? null });
  await recordAudit(ctx.db, {
    ...byActor(actor, ctx.clock.now(), 'audit.verify', 'audit_log', 'chain', { ...result }),
    outcome: result.ok ? 'success' : 'failure',
  });
  return result;
}
