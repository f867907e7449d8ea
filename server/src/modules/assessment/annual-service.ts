/**
 * 岗位责任制年度考核 (R12.3): a person's year is the mean of the year's monthly card totals (the signed version where
 * there is one, else the card as computed now); the station head signs it off, frozen like a card (period 'YYYY').
 * Also the training suggestion of a card and the period's Excel export.
 */
import {
  annualTotal,
  gradeLabels,
  gradeOf,
  parsePeriod,
  round1,
  type SubjectKind,
} from '../../domain/assessment/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Column, workbook } from '../../platform/xlsx.ts';
import { assertHallAccess } from '../org/service.ts';
import { createIndividualPlan } from '../training/service.ts';
import * as repo from './repository.ts';
import type { AnnualRow, CardKey, Snapshot } from './schema.ts';
import { snapshotSchema } from './schema.ts';
import { getCard, periodCards, subjectsOf } from './service.ts';

function yearOf(text: string) {
  const p = parsePeriod(text);
  if (p?.kind !== 'year') throw invalid('year', '年度格式应为 YYYY', 'The year is YYYY');
  return p;
}

/** The year's rows: every month up to the current one, its total and whether it is signed. */
export async function annualReview(ctx: AppContext, actor: Actor, q: { hallId: string; year: string }) {
  assertHallAccess(actor, q.hallId);
  const year = yearOf(q.year);
  const thisMonth = chinaDay(ctx.clock.now()).slice(0, 7);
  const months = year.months.filter((m) => m <= thisMonth);
  const subjects = await subjectsOf(ctx, actor, q.hallId, 'person');
  const perMonth = new Map<string, Map<string, { total: number | null; signed: boolean }>>();
  for (const m of months) {
    const { cards } = await periodCards(ctx, actor, { hallId: q.hallId, period: m, kind: 'person' });
    perMonth.set(m, new Map(cards.map((c) => [c.subjectId, { total: c.total, signed: c.version > 0 }])));
  }
  const rows = await repo.cardsOf(ctx.db, q.hallId, q.year, 'person');
  const items: AnnualRow[] = [];
  for (const s of subjects) {
    const row = rows.find((r) => r.subject_id === s.id);
    const frozen = row && row.version > 0 ? await repo.findVersion(ctx.db, row.id, row.version) : undefined;
    const monthRows = months.map((m) => ({
      month: m,
      ...(perMonth.get(m)?.get(s.id) ?? { total: null, signed: false }),
    }));
    const total = annualTotal(monthRows.map((r) => r.total));
    const t = frozen ? (frozen.total === null ? null : Number(frozen.total)) : total === null ? null : round1(total);
    const grade = gradeOf(t);
    items.push({
      subjectId: s.id,
      subjectName: s.name,
      months: frozen ? annualMonths(snapshotSchema.parse(JSON.parse(frozen.snapshot))) : monthRows,
      total: t,
      grade,
      gradeName: grade ? gradeLabels[grade] : null,
      version: row?.version ?? 0,
      signedAt: frozen ? Number(frozen.signed_at) : null,
    });
  }
  return { hallId: q.hallId, year: q.year, items };
}

const annualMonths = (s: Snapshot) =>
  (s.records.months ?? []).map((r) => ({ month: r.ref, total: r.den ? r.num : null, signed: r.note === '已签发' }));

/** 年度考核签发: the year's figures frozen as version 1 of the person's annual card. */
export async function signAnnual(
  ctx: AppContext,
  actor: Actor,
  q: { hallId: string; year: string; subjectId: string },
) {
  const review = await annualReview(ctx, actor, q);
  const item = review.items.find((i) => i.subjectId === q.subjectId);
  if (!item) throw notFound('考核对象', 'Assessment subject');
  if (item.version > 0) throw conflict('年度考核已签发', 'The annual review is signed already');
  const year = yearOf(q.year);
  const now = ctx.clock.now();
  const snapshot: Snapshot = {
    hallId: q.hallId,
    period: q.year,
    from: year.from,
    to: year.to,
    subjectKind: 'person',
    subjectId: item.subjectId,
    subjectName: item.subjectName,
    lines: [],
    suggestedTopics: [],
    indicatorTotal: item.total,
    spotScore: null,
    total: item.total,
    grade: item.grade,
    gradeName: item.gradeName,
    remarks: '',
    remarkedByName: null,
    version: 1,
    signedAt: now,
    signedByName: actor.displayName,
    reason: null,
    records: {
      months: item.months.map((m) => ({
        ref: m.month,
        day: `${m.month}-01`,
        note: m.signed ? '已签发' : '未签发',
        num: m.total ?? 0,
        den: m.total === null ? 0 : 1,
      })),
    },
  };
  await ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findCard(trx, q.hallId, q.year, 'person', q.subjectId);
    const cardId = found?.id ?? newId(now);
    if (!found)
      await repo.insertCard(trx, {
        id: cardId,
        hall_id: q.hallId,
        period: q.year,
        subject_kind: 'person',
        subject_id: q.subjectId,
        subject_name: item.subjectName,
        remarks: null,
        spot_score: null,
        remarked_by: null,
        remarked_at: null,
        version: 0,
        updated_at: now,
      });
    const done = await repo.updateCard(trx, cardId, 0, { version: 1, updated_at: now });
    if (Number(done.numUpdatedRows) !== 1)
      throw conflict('年度考核刚被签发，请刷新', 'The annual review was just signed');
    await repo.insertVersion(trx, {
      card_id: cardId,
      version: 1,
      snapshot: JSON.stringify(snapshot),
      total: snapshot.total,
      grade: snapshot.grade,
      reason: null,
      signed_by: actor.userId,
      signed_by_name: actor.displayName,
      signed_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'assessment.annual.sign', 'assessment_card', cardId, {
        year: q.year,
        subject: q.subjectId,
        total: snapshot.total,
      }),
    );
  });
  return annualReview(ctx, actor, q).then((r) => r.items.find((i) => i.subjectId === q.subjectId)!);
}

/** 培训建议: an individual training plan on the subjects of the card's indicators below target. */
export async function planTraining(ctx: AppContext, actor: Actor, input: CardKey & { dueDay: string }) {
  if (input.kind !== 'person') throw invalid('kind', '只能为个人制定培训计划', 'Training plans are for persons');
  const card = await getCard(ctx, actor, input);
  const topics = card.suggestedTopics;
  if (!topics.length) throw invalid('subjectId', '各项指标均已达标，无培训建议', 'Every indicator meets its target');
  const below = card.lines.filter((l) => l.belowTarget).map((l) => l.name);
  const plan = await createIndividualPlan(
    ctx,
    actor,
    {
      userId: input.subjectId,
      goal: `${card.period} 考核未达标指标改进：${below.join('、')}`.slice(0, 300),
      topics: topics.join('；'),
      dueDay: input.dueDay,
    },
    { source: 'assessment', ref: `${input.period}:${input.kind}:${input.subjectId}` },
  );
  return { planId: plan.id, topics };
}

/** The period's cards as a workbook: one sheet of totals, one of every indicator line. */
export async function exportCards(
  ctx: AppContext,
  actor: Actor,
  q: { hallId: string; period: string; kind: SubjectKind },
) {
  const { cards } = await periodCards(ctx, actor, q);
  const kindName = { person: '人员', window: '窗口', department: '部门' }[q.kind];
  const xlsx = await workbook([
    {
      name: '考核汇总',
      columns: [
        { header: kindName, type: 'text' },
        { header: '指标得分', type: 'decimal' },
        { header: '抽查评分', type: 'integer' },
        { header: '总分', type: 'decimal' },
        { header: '等次', type: 'text' },
        { header: '签发版本', type: 'integer' },
      ] satisfies Column[],
      rows: cards.map((c) => [c.subjectName, c.indicatorTotal, c.spotScore, c.total, c.gradeName ?? '—', c.version]),
    },
    {
      name: '指标明细',
      columns: [
        { header: kindName, type: 'text' },
        { header: '维度', type: 'text' },
        { header: '指标', type: 'text' },
        { header: '实际值', type: 'decimal' },
        { header: '目标值', type: 'decimal' },
        { header: '单位', type: 'text' },
        { header: '得分', type: 'decimal' },
        { header: '权重', type: 'integer' },
      ] satisfies Column[],
      rows: cards.flatMap((c) =>
        c.lines.map((l) => [c.subjectName, l.dimensionName, l.name, l.actual, l.target, l.unit, l.score, l.weight]),
      ),
    },
  ]);
  return { xlsx, fileName: `考核_${q.period}_${kindName}.xlsx` };
}
