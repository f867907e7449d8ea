/**
 * 考核 (R12): the hall's indicators, the scorecards of a period (person, window, department) computed from the
 * records, the supervisor's remarks and spot-check score, and the station head's sign-off: a signed card is a frozen
 * snapshot (version 1); a correction is a new version with its reason. Scoring rules: domain/assessment.
 */
import {
  cardTotal,
  checkIndicatorSet,
  defaultIndicators,
  dimensionLabels,
  gradeLabels,
  gradeOf,
  type Indicator,
  indicatorScore,
  normalisedWeights,
  type Period,
  parsePeriod,
  round1,
  type SubjectKind,
  suggestedTopics,
  targetFor,
} from '../../domain/assessment/index.ts';
import { personActual } from '../../domain/assessment/applicability.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertHallAccess, listDepartments, listWindows } from '../org/service.ts';
import { loadRoleCatalog } from '../accounts/service.ts';
import { colleagues } from '../staff/service.ts';
import { actualOf, type Fact, factMatches, factsBySubject, factsOf } from './figures-service.ts';
import * as repo from './repository.ts';
import {
  type Card,
  type CardKey,
  type CardState,
  type IndicatorInput,
  type RecordLine,
  type Snapshot,
  snapshotSchema,
} from './schema.ts';

const toIndicator = (r: repo.IndicatorRow): Indicator => ({
  code: r.code as Indicator['code'],
  name: r.name,
  dimension: r.dimension as Indicator['dimension'],
  formula: r.formula,
  source: r.source,
  target: Number(r.target),
  direction: r.direction as Indicator['direction'],
  weight: Number(r.weight),
  unit: r.unit,
});

const indicatorRows = (hallId: string, set: readonly Indicator[], now: number): repo.IndicatorRow[] =>
  set.map((i, seq) => ({ hall_id: hallId, seq, ...i, updated_at: now }));

/** The hall's indicators; the default set is written on first use (a concurrent first use reads the winner's). */
export async function indicatorSet(ctx: AppContext, hallId: string): Promise<Indicator[]> {
  const rows = await repo.indicatorsOf(ctx.db, hallId);
  if (rows.length) return rows.map(toIndicator);
  try {
    await ctx.db
      .transaction()
      .execute((trx) => repo.replaceIndicators(trx, hallId, indicatorRows(hallId, defaultIndicators, ctx.clock.now())));
  } catch {
    // Another request wrote the defaults first.
  }
  return (await repo.indicatorsOf(ctx.db, hallId)).map(toIndicator);
}

export async function getIndicators(ctx: AppContext, actor: Actor, hallId: string) {
  assertHallAccess(actor, hallId);
  return { hallId, items: await indicatorSet(ctx, hallId) };
}

/** 指标设置: the whole set at once; the weights must total 100. */
export async function saveIndicators(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; indicators: IndicatorInput[] },
) {
  assertHallAccess(actor, input.hallId);
  const problem = checkIndicatorSet(input.indicators);
  if (problem) throw invalid(problem.field, problem.zh, problem.en);
  const before = await indicatorSet(ctx, input.hallId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceIndicators(trx, input.hallId, indicatorRows(input.hallId, input.indicators, now));
    await appendAudit(
      trx,
      byActor(actor, now, 'assessment.indicators', 'hall', input.hallId, {
        before: before.map((i) => `${i.code}:${i.target}/${i.weight}`),
        after: input.indicators.map((i) => `${i.code}:${i.target}/${i.weight}`),
      }),
    );
  });
  return getIndicators(ctx, actor, input.hallId);
}

export function periodOf(text: string, field = 'period'): Period {
  const p = parsePeriod(text);
  if (!p || p.kind === 'year')
    throw invalid(field, '考核期间应为 YYYY-MM 或 YYYY-Qn', 'The period is YYYY-MM or YYYY-Qn');
  return p;
}

/** The subjects of a kind in a hall: its staff (but not the one asking), windows or departments. */
export async function subjectsOf(ctx: AppContext, actor: Actor, hallId: string, kind: SubjectKind) {
  if (kind === 'person') {
    const [people, catalog] = await Promise.all([colleagues(ctx, actor, hallId), loadRoleCatalog(ctx.db)]);
    // What their posts let them do decides which volume indicators apply to them (domain/assessment/applicability).
    return people.items.map((u) => ({ id: u.userId, name: u.name, held: catalog.permissionsOf(u.posts) }));
  }
  if (kind === 'window')
    return (await listWindows(ctx, actor, hallId)).map((w) => ({ id: w.id, name: `${w.number}号窗口 ${w.name}` }));
  return (await listDepartments(ctx, actor, hallId)).map((d) => ({ id: d.id, name: d.name }));
}

const present = (f: Fact): RecordLine => ({
  ref: f.ref,
  day: f.day,
  note: f.note,
  num: Math.round(f.num * 100) / 100,
  den: f.den,
});

/** One subject's card from the period's facts (live, not signed). */
export function liveCard(
  key: {
    hallId: string;
    period: Period;
    kind: SubjectKind;
    subject: { id: string; name: string; held?: ReadonlySet<string> };
  },
  indicators: readonly Indicator[],
  facts: readonly Fact[],
  row: repo.CardRow | undefined,
): Snapshot {
  const mine = facts.filter((f) => factMatches(f, key.kind, key.subject.id));
  const records: Record<string, RecordLine[]> = {};
  const raw = indicators.map((i) => {
    const of = mine.filter((f) => f.code === i.code);
    records[i.code] = of.map(present);
    const target = targetFor(i, key.period);
    const figure = actualOf(i.code, key.kind, of);
    const held = key.subject.held;
    const actual = key.kind === 'person' && held ? personActual(i.code, held, figure) : figure;
    const score = indicatorScore(actual, target, i.direction);
    return { i, of, target, actual, score };
  });
  const weights = normalisedWeights(raw.map((r) => ({ score: r.score, weight: r.i.weight })));
  const spotScore = row?.spot_score ?? null;
  const { indicatorTotal, total } = cardTotal(
    raw.map((r) => ({ score: r.score, weight: r.i.weight })),
    spotScore,
  );
  const grade = gradeOf(total === null ? null : round1(total));
  const lines = raw.map((r, k) => ({
    code: r.i.code,
    name: r.i.name,
    dimension: r.i.dimension,
    dimensionName: dimensionLabels[r.i.dimension],
    formula: r.i.formula,
    unit: r.i.unit,
    direction: r.i.direction,
    target: r.target,
    weight: r.i.weight,
    weightUsed: weights[k] === null ? null : round1(weights[k]!),
    actual: r.actual,
    score: r.score === null ? null : round1(r.score),
    belowTarget: r.score !== null && r.score < 100,
    records: r.of.length,
  }));
  return {
    hallId: key.hallId,
    period: key.period.period,
    from: key.period.from,
    to: key.period.to,
    subjectKind: key.kind,
    subjectId: key.subject.id,
    subjectName: key.subject.name,
    lines,
    suggestedTopics: suggestedTopics(lines),
    indicatorTotal: indicatorTotal === null ? null : round1(indicatorTotal),
    spotScore,
    total: total === null ? null : round1(total),
    grade,
    gradeName: grade ? gradeLabels[grade] : null,
    remarks: row?.remarks ?? '',
    remarkedByName: row?.remarked_by ?? null,
    version: 0,
    signedAt: null,
    signedByName: null,
    reason: null,
    records,
  };
}

export const withoutRecords = ({ records: _r, ...card }: Snapshot): Card => card;

async function snapshotOf(db: Db, row: repo.CardRow): Promise<Snapshot | null> {
  if (row.version <= 0) return null;
  const v = await repo.findVersion(db, row.id, row.version);
  return v ? snapshotSchema.parse(JSON.parse(v.snapshot)) : null;
}

/** Every card of a hall, period and subject kind: signed ones as frozen, the others computed now. */
export async function periodCards(
  ctx: AppContext,
  actor: Actor,
  q: { hallId: string; period: string; kind: SubjectKind },
) {
  assertHallAccess(actor, q.hallId);
  const period = periodOf(q.period);
  const [subjects, indicators, rows] = await Promise.all([
    subjectsOf(ctx, actor, q.hallId, q.kind),
    indicatorSet(ctx, q.hallId),
    repo.cardsOf(ctx.db, q.hallId, q.period, q.kind),
  ]);
  const byId = new Map(rows.map((r) => [r.subject_id, r]));
  const facts = await factsOf(
    ctx,
    actor,
    q.hallId,
    period,
    q.kind === 'person' ? subjects.map((s) => s.id) : [],
    q.kind === 'department',
    false,
  );
  // Each subject's facts picked out once (a hall's month is a few hundred thousand facts; thirty passes over them
  // took most of the list's time on a million-case hall).
  const mine = factsBySubject(facts, q.kind);
  const cards: Snapshot[] = [];
  for (const subject of subjects) {
    const row = byId.get(subject.id);
    const frozen = row ? await snapshotOf(ctx.db, row) : null;
    cards.push(
      frozen ??
        liveCard({ hallId: q.hallId, period, kind: q.kind, subject }, indicators, mine.get(subject.id) ?? [], row),
    );
  }
  return { period, cards, subjects, byId };
}

/** A card's state follows its row alone (remarks saved, a version signed), so it is counted without scoring. */
const stateOf = (row: repo.CardRow | undefined): CardState =>
  row && row.version > 0 ? 'signed' : row?.remarked_by ? 'reviewed' : 'unreviewed';

export async function listCards(
  ctx: AppContext,
  actor: Actor,
  q: { hallId: string; period: string; kind: SubjectKind; state?: CardState },
) {
  const { cards, byId } = await periodCards(ctx, actor, q);
  return {
    hallId: q.hallId,
    period: q.period,
    subjectKind: q.kind,
    items: cards
      .map((c) => ({ c, state: stateOf(byId.get(c.subjectId)) }))
      .filter((x) => !q.state || x.state === q.state)
      .map(({ c, state }) => ({
        subjectId: c.subjectId,
        subjectName: c.subjectName,
        indicatorTotal: c.indicatorTotal,
        spotScore: c.spotScore,
        total: c.total,
        grade: c.grade,
        gradeName: c.gradeName,
        version: c.version,
        state,
      })),
  };
}

/** The workbench's 待审核 / 待签发 counts: the period's subjects by state, the same subjects listCards lists. */
export async function cardStateCounts(
  ctx: AppContext,
  actor: Actor,
  q: { hallId: string; period: string; kind: SubjectKind },
) {
  assertHallAccess(actor, q.hallId);
  periodOf(q.period);
  const [subjects, rows] = await Promise.all([
    subjectsOf(ctx, actor, q.hallId, q.kind),
    repo.cardsOf(ctx.db, q.hallId, q.period, q.kind),
  ]);
  const byId = new Map(rows.map((r) => [r.subject_id, r]));
  const counts: Record<CardState, number> = { unreviewed: 0, reviewed: 0, signed: 0 };
  for (const s of subjects) counts[stateOf(byId.get(s.id))]++;
  return counts;
}

/** One card with everything behind it (the records per indicator). */
export async function fullCard(ctx: AppContext, actor: Actor, key: CardKey) {
  assertHallAccess(actor, key.hallId);
  const period = periodOf(key.period);
  const row = await repo.findCard(ctx.db, key.hallId, key.period, key.kind, key.subjectId);
  const frozen = row ? await snapshotOf(ctx.db, row) : null;
  if (frozen) return { row, card: frozen, period };
  const subject = (await subjectsOf(ctx, actor, key.hallId, key.kind)).find((s) => s.id === key.subjectId);
  if (!subject) throw notFound('考核对象', 'Assessment subject');
  const [indicators, facts] = await Promise.all([
    indicatorSet(ctx, key.hallId),
    factsOf(ctx, actor, key.hallId, period, key.kind === 'person' ? [subject.id] : [], key.kind === 'department'),
  ]);
  return {
    row,
    card: liveCard({ hallId: key.hallId, period, kind: key.kind, subject }, indicators, facts, row),
    period,
  };
}

export async function getCard(ctx: AppContext, actor: Actor, key: CardKey) {
  return withoutRecords((await fullCard(ctx, actor, key)).card);
}

/** The records behind one figure of a card (frozen with the card once it is signed). */
export async function cardRecords(ctx: AppContext, actor: Actor, key: CardKey & { code: Indicator['code'] }) {
  const { card } = await fullCard(ctx, actor, key);
  return { code: key.code, frozen: card.version > 0, items: card.records[key.code] ?? [] };
}

export async function ensureRow(trx: Db, key: CardKey, subjectName: string, now: number): Promise<repo.CardRow> {
  const found = await repo.findCard(trx, key.hallId, key.period, key.kind, key.subjectId);
  if (found) return found;
  const row: repo.CardRow = {
    id: newId(now),
    hall_id: key.hallId,
    period: key.period,
    subject_kind: key.kind,
    subject_id: key.subjectId,
    subject_name: subjectName,
    remarks: null,
    spot_score: null,
    remarked_by: null,
    remarked_at: null,
    version: 0,
    updated_at: now,
  };
  await repo.insertCard(trx, row);
  return row;
}

/** 主管意见与抽查评分: only on a card not yet signed (a signed card changes by correction). */
export async function saveRemarks(
  ctx: AppContext,
  actor: Actor,
  input: CardKey & { remarks: string; spotScore: number | null },
) {
  const { card } = await fullCard(ctx, actor, input);
  if (card.version > 0)
    throw conflict('考核表已签发，只能通过更正修改', 'The card is signed; correct it instead', 'remarks');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await ensureRow(trx, input, card.subjectName, now);
    const done = await repo.updateCard(trx, row.id, 0, {
      remarks: input.remarks,
      spot_score: input.spotScore,
      remarked_by: actor.displayName,
      remarked_at: now,
      updated_at: now,
    });
    if (Number(done.numUpdatedRows) !== 1) throw conflict('考核表刚被签发，请刷新', 'The card was just signed; reload');
    await appendAudit(
      trx,
      byActor(actor, now, 'assessment.remarks', 'assessment_card', row.id, {
        period: input.period,
        subject: input.subjectId,
        spotScore: input.spotScore,
      }),
    );
  });
  return getCard(ctx, actor, input);
}

/** 我的考核: one's own signed cards (the latest version of each), monthly, quarterly and annual. */
export async function myCards(ctx: AppContext, actor: Actor) {
  const rows = await repo.signedCardsOfPerson(ctx.db, actor.userId);
  return { items: rows.map((r) => withoutRecords(snapshotSchema.parse(JSON.parse(r.snapshot)))) };
}
