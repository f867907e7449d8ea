import { auditActionChoices, auditActionLabel, auditTargetLabel, AUDIT_TARGETS } from '../../domain/audit/labels.ts';
import { byActor, recordAudit, verifyAuditChain } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { chinaDay } from '../../platform/clock.ts';
import { type Column, xlsx } from '../../platform/xlsx.ts';
import { accountNames, displayNameMap } from '../accounts/service.ts';
import { type AuditFilter, searchAudit } from './repository.ts';

const OUTCOMES: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };
/** An export holds at most this many records, newest first; a narrower filter reaches further back. */
export const AUDIT_EXPORT_LIMIT = 50_000;

const AUDIT_COLUMNS: Column[] = [
  { header: '序号', type: 'integer' },
  { header: '时间', type: 'datetime' },
  ...['姓名', '账号', '操作', '操作代码', '对象', '对象编号', '结果', 'IP 地址'].map(
    (header): Column => ({ header, type: 'text' }),
  ),
];

type Row = Awaited<ReturnType<typeof searchAudit>>['rows'][number];

/** The names of the people behind a page of records, from the accounts (the log keeps only the account). */
const namesOf = (ctx: AppContext, rows: Row[]) =>
  displayNameMap(
    ctx.db,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );

const present = (names: Map<string, string>) => (x: Row) => ({
  seq: Number(x.seq),
  at: Number(x.at),
  userId: x.user_id,
  username: x.username,
  displayName: (x.user_id && names.get(x.user_id)) ?? null,
  action: x.action,
  actionLabel: auditActionLabel(x.action),
  targetType: x.target_type,
  targetLabel: auditTargetLabel(x.target_type),
  targetId: x.target_id,
  outcome: x.outcome as 'success' | 'failure' | 'denied',
  ip: x.ip,
  detail: x.detail ? (JSON.parse(x.detail) as Record<string, unknown>) : null,
  hash: x.hash,
});

/** Reading the log is itself on the log, so the auditors are audited too. */
export async function searchAuditLog(ctx: AppContext, actor: Actor, filter: AuditFilter) {
  const { rows, total } = await searchAudit(ctx.db, filter);
  const { limit: _limit, offset: _offset, ...criteria } = filter;
  await recordAudit(ctx.db, byActor(actor, ctx.clock.now(), 'audit.search', 'audit_log', 'search', criteria));
  return { total, items: rows.map(present(await namesOf(ctx, rows))) };
}

/** What the filter offers: the areas and named actions, the kinds of object, and the people by name. */
export async function auditChoices(ctx: AppContext) {
  const people = await accountNames(ctx.db);
  return {
    areas: auditActionChoices(),
    targets: Object.entries(AUDIT_TARGETS).map(([code, label]) => ({ code, label })),
    people: people.map((p) => ({ username: p.username, displayName: p.display_name })),
  };
}

/** The filtered log as a workbook, in the hall's words; the export is on the log with its criteria and size. */
export async function exportAuditLog(ctx: AppContext, actor: Actor, filter: Omit<AuditFilter, 'limit' | 'offset'>) {
  const now = ctx.clock.now();
  const { rows, total } = await searchAudit(ctx.db, { ...filter, limit: AUDIT_EXPORT_LIMIT, offset: 0 });
  const records = rows.map(present(await namesOf(ctx, rows)));
  await recordAudit(
    ctx.db,
    byActor(actor, now, 'audit.export', 'audit_log', 'export', { ...filter, rows: records.length, total }),
  );
  const body = records.map((r) => [
    r.seq,
    r.at,
    r.displayName ?? '',
    r.username ?? '',
    r.actionLabel,
    r.action,
    r.targetLabel ?? '',
    r.targetId ?? '',
    OUTCOMES[r.outcome] ?? r.outcome,
    r.ip ?? '',
  ]);
  return {
    xlsx: await xlsx('审计日志', AUDIT_COLUMNS, body),
    fileName: `审计日志-${chinaDay(now)}.xlsx`,
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
