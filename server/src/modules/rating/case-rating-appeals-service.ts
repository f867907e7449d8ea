/**
 * 申诉 (R8): a staff member appeals a rating of their own work as malicious or misdirected; the supervisor decides
 * once. Upheld, the rating stays on record but leaves the staff member's figures. And 意见建议 (R8.4): tagged,
 * forwarded to the department concerned, answered, listed by age.
 */
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, forbidden, invalid, notFound, outOfScope } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findDepartment, visibleHallIds } from '../org/service.ts';
import * as repo from './case-rating-repository.ts';
import type { RatingLevel } from './schema.ts';

const DAY = 86_400_000;

async function casesOf(ctx: AppContext, caseIds: string[]) {
  const inv = await repo.invitationsOf(ctx.db, [...new Set(caseIds)]);
  return new Map(inv.map((i) => [i.case_id, i]));
}

/** The case ratings of one's own work (to see and appeal them). */
export async function myRatings(ctx: AppContext, actor: Actor) {
  const rows = await repo.caseRatingsIn(ctx.db, { hallIds: actor.hallIds, staffUserId: actor.userId });
  const [cases, appeals] = await Promise.all([
    casesOf(
      ctx,
      rows.map((r) => r.case_id),
    ),
    repo.appealsOfRatings(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const appeal = new Map(appeals.map((a) => [a.rating_id, a]));
  const items = rows.map((r) => ({
    id: r.id,
    round: r.round,
    level: r.level as RatingLevel,
    score: r.score,
    bad: r.is_bad === 1,
    reasons: JSON.parse(r.reasons) as string[],
    comment: r.comment,
    channel: r.channel,
    excluded: r.excluded === 1,
    createdAt: Number(r.created_at),
    caseNo: cases.get(r.case_id)?.case_no ?? '',
    itemName: cases.get(r.case_id)?.item_name ?? '',
    appeal: appeal.has(r.id)
      ? { id: appeal.get(r.id)!.id, status: appeal.get(r.id)!.status as 'open' | 'upheld' | 'rejected' }
      : null,
  }));
  return { items, total: items.length };
}

async function presentAppeals(ctx: AppContext, rows: Awaited<ReturnType<typeof repo.appealsIn>>) {
  const ratings = new Map(
    (
      await repo.caseRatingsByIds(
        ctx.db,
        rows.map((a) => a.rating_id),
      )
    ).map((r) => [r.id, r]),
  );
  const cases = await casesOf(
    ctx,
    [...ratings.values()].map((r) => r.case_id),
  );
  return rows.map((a) => {
    const r = ratings.get(a.rating_id)!;
    return {
      id: a.id,
      ratingId: a.rating_id,
      caseNo: cases.get(r.case_id)?.case_no ?? '',
      itemName: cases.get(r.case_id)?.item_name ?? '',
      level: r.level as RatingLevel,
      comment: r.comment,
      staffName: a.staff_name,
      reasons: a.reasons,
      status: a.status as 'open' | 'upheld' | 'rejected',
      decisionNote: a.decision_note,
      decidedByName: a.decided_by_name,
      createdAt: Number(a.created_at),
      decidedAt: a.decided_at === null ? null : Number(a.decided_at),
    };
  });
}

export async function appeal(ctx: AppContext, actor: Actor, ratingId: string, reasons: string) {
  const r = await repo.findCaseRating(ctx.db, ratingId);
  if (!r || !actor.hallIds.includes(r.hall_id)) throw notFound('评价', 'Rating');
  if (r.staff_user_id !== actor.userId)
    throw forbidden('只能对自己经办的评价提出申诉', 'You may appeal only ratings of your own work');
  const now = ctx.clock.now();
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertAppeal(trx, {
        id,
        hall_id: r.hall_id,
        rating_id: r.id,
        staff_user_id: actor.userId,
        staff_name: actor.displayName,
        reasons,
        status: 'open',
        decision_note: null,
        decided_by_name: null,
        decided_at: null,
        created_at: now,
      });
      await appendAudit(trx, byActor(actor, now, 'case_rating.appeal', 'case_rating', r.id, { appealId: id }));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该评价已提出过申诉', 'This rating has already been appealed');
    throw e;
  }
  const [v] = await presentAppeals(ctx, [(await repo.findAppeal(ctx.db, id))!]);
  return v!;
}

export async function listAppeals(ctx: AppContext, actor: Actor, q: { hallId?: string; status?: string }) {
  const items = await presentAppeals(
    ctx,
    await repo.appealsIn(ctx.db, { hallIds: visibleHallIds(actor, q.hallId), status: q.status }),
  );
  return { items, total: items.length };
}

/** The supervisor decides once; upheld excludes the rating from the figures (kept on record), audited either way. */
export async function decideAppeal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { upheld: boolean; note: string },
) {
  const a = await repo.findAppeal(ctx.db, id);
  if (!a) throw notFound('申诉', 'Appeal');
  if (!actor.hallIds.includes(a.hall_id)) throw outOfScope(notFound('申诉', 'Appeal'), 'case_rating_appeal', id);
  if (a.staff_user_id === actor.userId) throw forbidden('不能裁决自己提出的申诉', 'You cannot decide your own appeal');
  if (a.status !== 'open') throw conflict('该申诉已裁决', 'This appeal has already been decided');
  const now = ctx.clock.now();
  const status = input.upheld ? 'upheld' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.decideAppealFrom(trx, id, {
      status,
      decision_note: input.note,
      decided_by_name: actor.displayName,
      decided_at: now,
    });
    if (!ok) throw conflict('该申诉已裁决', 'This appeal has already been decided');
    if (input.upheld) await repo.excludeRating(trx, a.rating_id);
    await appendAudit(
      trx,
      byActor(actor, now, 'case_rating.appeal.decide', 'case_rating_appeal', id, {
        ratingId: a.rating_id,
        status,
        staff: a.staff_name,
      }),
    );
  });
  const [v] = await presentAppeals(ctx, [(await repo.findAppeal(ctx.db, id))!]);
  return v!;
}

/** Each staff member's case-rating figures; a rating excluded by an upheld appeal is counted apart, not in them. */
export async function staffFigures(ctx: AppContext, actor: Actor, q: { hallId?: string }) {
  const rows = await repo.caseRatingsIn(ctx.db, { hallIds: visibleHallIds(actor, q.hallId) });
  const cases = await casesOf(
    ctx,
    rows.map((r) => r.case_id),
  );
  const by = new Map<string, { staffName: string; count: number; sum: number; bad: number; excluded: number }>();
  for (const r of rows) {
    if (!r.staff_user_id) continue;
    const f = by.get(r.staff_user_id) ?? {
      staffName: cases.get(r.case_id)?.staff_name ?? '',
      count: 0,
      sum: 0,
      bad: 0,
      excluded: 0,
    };
    if (r.excluded === 1) f.excluded++;
    else {
      f.count++;
      f.sum += r.score;
      f.bad += r.is_bad;
    }
    by.set(r.staff_user_id, f);
  }
  const items = [...by].map(([staffUserId, f]) => ({
    staffUserId,
    staffName: f.staffName,
    count: f.count,
    average: f.count ? Math.round((f.sum / f.count) * 100) / 100 : null,
    bad: f.bad,
    excluded: f.excluded,
  }));
  return { items, total: items.length };
}

export async function listSuggestions(ctx: AppContext, actor: Actor, q: { hallId?: string; status?: string }) {
  const rows = await repo.suggestionsIn(ctx.db, { hallIds: visibleHallIds(actor, q.hallId), status: q.status });
  const cases = await casesOf(
    ctx,
    rows.map((r) => r.case_id),
  );
  const now = ctx.clock.now();
  const items = rows.map((s) => ({
    id: s.id,
    caseNo: cases.get(s.case_id)?.case_no ?? '',
    itemName: cases.get(s.case_id)?.item_name ?? '',
    text: s.text,
    tags: JSON.parse(s.tags) as string[],
    status: s.status as 'open' | 'forwarded' | 'answered',
    departmentId: s.department_id,
    departmentName: s.department_name,
    forwardedName: s.forwarded_name,
    answer: s.answer,
    answeredName: s.answered_name,
    createdAt: Number(s.created_at),
    ageDays: Math.floor((now - Number(s.created_at)) / DAY),
  }));
  return { items, total: items.length };
}

async function loadSuggestion(ctx: AppContext, actor: Actor, id: string) {
  const s = await repo.findSuggestion(ctx.db, id);
  if (!s) throw notFound('意见建议', 'Suggestion');
  if (!actor.hallIds.includes(s.hall_id))
    throw outOfScope(notFound('意见建议', 'Suggestion'), 'case_rating_suggestion', id);
  return s;
}

async function oneSuggestion(ctx: AppContext, actor: Actor, id: string) {
  const s = (await repo.findSuggestion(ctx.db, id))!;
  const all = await listSuggestions(ctx, actor, { hallId: s.hall_id });
  return all.items.find((x) => x.id === id)!;
}

/** 分类转办: tagged and passed to the department concerned. */
export async function forwardSuggestion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { tags: string[]; departmentId: string },
) {
  const s = await loadSuggestion(ctx, actor, id);
  if (s.status === 'answered') throw conflict('该建议已答复', 'This suggestion has been answered');
  const d = await findDepartment(ctx.db, input.departmentId);
  if (!d || d.hall_id !== s.hall_id)
    throw invalid('departmentId', '请选择本大厅的部门', 'Choose a department of this hall');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSuggestion(trx, id, {
      tags: JSON.stringify(input.tags),
      status: 'forwarded',
      department_id: d.id,
      department_name: d.name,
      forwarded_at: now,
      forwarded_name: actor.displayName,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'case_rating.suggestion.forward', 'case_rating_suggestion', id, {
        tags: input.tags,
        departmentId: d.id,
      }),
    );
  });
  return oneSuggestion(ctx, actor, id);
}

export async function answerSuggestion(ctx: AppContext, actor: Actor, id: string, answer: string) {
  const s = await loadSuggestion(ctx, actor, id);
  if (s.status === 'answered') throw conflict('该建议已答复', 'This suggestion has been answered');
  if (s.status !== 'forwarded')
    throw conflict('请先分类并转交相关部门', 'Tag and forward the suggestion first', 'departmentId');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSuggestion(trx, id, {
      status: 'answered',
      answer,
      answered_at: now,
      answered_name: actor.displayName,
    });
    await appendAudit(trx, byActor(actor, now, 'case_rating.suggestion.answer', 'case_rating_suggestion', id, {}));
  });
  return oneSuggestion(ctx, actor, id);
}
