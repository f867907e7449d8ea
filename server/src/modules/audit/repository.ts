import type { Db } from '../../platform/db/database.ts';

export interface AuditFilter {
  username?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

export async function searchAudit(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.username) q = q.where('username', '=', f.username);
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.to !== undefined) q = q.where('at', '<', f.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
