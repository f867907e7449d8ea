/**
 * 审批权限: the security administrator sets the level at which a person signs approvals (科室负责人, 分管领导,
 * 主要领导). The level is read with the session on every request, so a change holds from the next click.
 */
import { authorityLabels, type AuthorityLevel } from '../../domain/case/authority.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import * as repo from './repository.ts';
import { loadBusinessAccount, presentUser } from './service.ts';

const signs = (roles: readonly string[]) => roles.includes('approver') || roles.includes('station_head');

export async function setAuthority(ctx: AppContext, actor: Actor, id: string, level: AuthorityLevel | null) {
  const before = await loadBusinessAccount(ctx, actor, id);
  if (level && !signs(before.roles))
    throw invalid(
      'authorityLevel',
      '只有审批人或站长可以设定审批权限',
      'Only an approver or a station head carries an authority level',
    );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { authority_level: level, updated_at: now });
    await appendAudit(
      trx,
      byActor(actor, now, 'account.authority', 'user', id, {
        before: before.authority_level ?? null,
        after: level,
        label: level ? authorityLabels[level].zh : '无',
      }),
    );
  });
  return presentUser(await loadBusinessAccount(ctx, actor, id));
}
