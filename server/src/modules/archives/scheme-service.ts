/**
 * 档案分类方案: the hall's classification scheme — the categories by outcome and item with their retention (paper,
 * electronic) and confidentiality — as filing reads it and as the supervisor keeps it; a hall without its own
 * scheme uses the built-in one.
 */
import { type Confidentiality, defaultScheme, type SchemeCategory } from '../../domain/archives/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertHallAccess, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { categoryInput } from './schema.ts';

/** The hall's scheme as the classification reads it (the built-in scheme while the hall keeps none). */
export async function schemeOf(db: Db, hallId: string): Promise<SchemeCategory[]> {
  return (await repo.categoriesOf(db, hallId)).map((c) => ({
    code: c.code,
    name: c.name,
    outcome: c.outcome as SchemeCategory['outcome'],
    itemId: c.item_id,
    paperYears: Number(c.paper_years),
    electronicYears: c.electronic_years === null ? null : Number(c.electronic_years),
    confidentiality: c.confidentiality as Confidentiality,
  }));
}

export async function scheme(ctx: AppContext, actor: Actor, hallId?: string) {
  const [hall] = visibleHallIds(actor, hallId);
  if (!hall) throw invalid('hallId', '请选择服务大厅', 'Choose a hall');
  const own = await schemeOf(ctx.db, hall);
  const shown = own.length ? own : defaultScheme;
  return { items: shown.map((c) => ({ ...c, builtIn: own.length === 0 })) };
}

/** Adds or changes a category of the hall's scheme (paper at least 5 years; electronic permanent unless given). */
export async function saveCategory(ctx: AppContext, actor: Actor, input: typeof categoryInput._output) {
  assertHallAccess(actor, input.hallId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // A hall that starts its own scheme keeps the built-in categories it does not replace.
    if (!(await repo.categoriesOf(trx, input.hallId)).length)
      for (const c of defaultScheme)
        await repo.upsertCategory(trx, {
          id: newId(now),
          hall_id: input.hallId,
          code: c.code,
          name: c.name,
          outcome: c.outcome,
          item_id: c.itemId,
          paper_years: c.paperYears,
          electronic_years: c.electronicYears,
          confidentiality: c.confidentiality,
          updated_at: now,
        });
    await repo.upsertCategory(trx, {
      id: newId(now),
      hall_id: input.hallId,
      code: input.code,
      name: input.name,
      outcome: input.outcome,
      item_id: input.itemId,
      paper_years: input.paperYears,
      electronic_years: input.electronicYears,
      confidentiality: input.confidentiality,
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'archive.scheme', 'hall', input.hallId, { ...input }));
  });
  return scheme(ctx, actor, input.hallId);
}
