/**
 * 签发与更正: the station head freezes a card as computed now into its next version — 1 is the sign-off, later
 * versions are corrections with their reason — in one transaction with the audit record, guarded by the version read.
 */
import type { Actor, AppContext } from '../../platform/context.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { assertHallAccess } from '../org/service.ts';
import { factsOf } from './figures-service.ts';
import * as repo from './repository.ts';
import type { Card, CardKey, Snapshot } from './schema.ts';
import { ensureRow, fullCard, indicatorSet, liveCard, periodOf, subjectsOf, withoutRecords } from './service.ts';

/** Freezes the card as computed now into the next version (1 = the sign-off, later = corrections with a reason). */
async function freeze(
  ctx: AppContext,
  actor: Actor,
  key: CardKey,
  expectVersion: 'unsigned' | 'signed',
  change: { reason: string | null; remarks?: string; spotScore?: number | null },
) {
  const { card: current, row } = await fullCard(ctx, actor, key);
  if (expectVersion === 'unsigned' && current.version > 0)
    throw conflict('考核表已签发，如需修改请提交更正', 'The card is signed already; correct it instead');
  if (expectVersion === 'signed' && current.version === 0)
    throw conflict('考核表尚未签发，无需更正', 'The card is not signed yet', 'reason');
  const now = ctx.clock.now();
  const patchedRow = {
    ...(row ?? ({} as repo.CardRow)),
    remarks: change.remarks ?? row?.remarks ?? null,
    spot_score: change.spotScore === undefined ? (row?.spot_score ?? null) : change.spotScore,
  } as repo.CardRow;
  const period = periodOf(key.period);
  // The subject as the list shows it (a person with the posts that decide which indicators apply).
  const subject = (await subjectsOf(ctx, actor, key.hallId, key.kind)).find((s) => s.id === key.subjectId) ?? {
    id: key.subjectId,
    name: current.subjectName,
  };
  // A correction recomputes from today's records; the sign-off freezes what the station head saw.
  const [indicators, facts] = await Promise.all([
    indicatorSet(ctx, key.hallId),
    factsOf(ctx, actor, key.hallId, period, key.kind === 'person' ? [key.subjectId] : [], key.kind === 'department'),
  ]);
  const live = liveCard({ hallId: key.hallId, period, kind: key.kind, subject }, indicators, facts, patchedRow);
  const version = current.version + 1;
  const snapshot: Snapshot = {
    ...live,
    version,
    signedAt: now,
    signedByName: actor.displayName,
    reason: change.reason,
    remarkedByName: row?.remarked_by ?? (change.remarks !== undefined ? actor.displayName : null),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const r = await ensureRow(trx, key, current.subjectName, now);
    const done = await repo.updateCard(trx, r.id, current.version, {
      version,
      remarks: patchedRow.remarks,
      spot_score: patchedRow.spot_score,
      updated_at: now,
    });
    if (Number(done.numUpdatedRows) !== 1)
      throw conflict('考核表刚被他人签发或更正，请刷新', 'The card just changed; reload');
    await repo.insertVersion(trx, {
      card_id: r.id,
      version,
      snapshot: JSON.stringify(snapshot),
      total: snapshot.total,
      grade: snapshot.grade,
      reason: change.reason,
      signed_by: actor.userId,
      signed_by_name: actor.displayName,
      signed_at: now,
    });
    await appendAudit(
      trx,
      byActor(actor, now, version === 1 ? 'assessment.sign' : 'assessment.correct', 'assessment_card', r.id, {
        period: key.period,
        kind: key.kind,
        subject: key.subjectId,
        version,
        total: snapshot.total,
        reason: change.reason,
      }),
    );
  });
  return withoutRecords(snapshot);
}

export const signCard = (ctx: AppContext, actor: Actor, key: CardKey) =>
  freeze(ctx, actor, key, 'unsigned', { reason: null });

export const correctCard = (
  ctx: AppContext,
  actor: Actor,
  input: CardKey & { reason: string; remarks?: string | undefined; spotScore?: number | null | undefined },
) =>
  freeze(ctx, actor, input, 'signed', {
    reason: input.reason,
    ...(input.remarks === undefined ? {} : { remarks: input.remarks }),
    ...(input.spotScore === undefined ? {} : { spotScore: input.spotScore }),
  });

export async function cardVersions(ctx: AppContext, actor: Actor, key: CardKey) {
  assertHallAccess(actor, key.hallId);
  const row = await repo.findCard(ctx.db, key.hallId, key.period, key.kind, key.subjectId);
  const rows = row ? await repo.versionsOf(ctx.db, row.id) : [];
  return {
    items: rows.map((v) => ({
      version: Number(v.version),
      total: v.total === null ? null : Number(v.total),
      grade: v.grade as Card['grade'],
      reason: v.reason,
      signedByName: v.signed_by_name,
      signedAt: Number(v.signed_at),
    })),
  };
}
