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

function filtered(db: Db, f: Omit<AuditFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('audit_log');
  if (f.username) q = q.where('audit_log.username', '=', f.username);
  // An action filter is a prefix: an area (`case.`) or one action (`case.register`).
  if (f.action) q = q.where('audit_log.action', 'like', `${f.action}%`);
  if (f.targetType) q = q.where('audit_log.target_type', '=', f.targetType);
  if (f.targetId) q = q.where('audit_log.target_id', '=', f.targetId);
  if (f.outcome) q = q.where('audit_log.outcome', '=', f.outcome);
  if (f.from !== undefined) q = q.where('audit_log.at', '>=', f.from);
  if (f.to !== undefined) q = q.where('audit_log.at', '<', f.to);
  return q;
}

/** The page of records, newest first. */
export async function searchAudit(db: Db, f: AuditFilter) {
  const q = filtered(db, f);
  const [rows, count] = await Promise.all([
    q.selectAll('audit_log').orderBy('audit_log.seq', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
