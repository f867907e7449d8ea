import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestHall, json, signedIn, TEST_AUDIT_KEYS, type TestHall } from '../../../test/helpers.ts';
import { appendFileSync } from 'node:fs';
import { legacyHash, recordAudit, verifyAuditChain } from '../../platform/audit.ts';
import { checkpointHead, writeCheckpoint } from '../../platform/audit-anchor.ts';
import { parseKeyFile } from '../../platform/audit-keys.ts';

const halls: TestHall[] = [];
afterEach(async () => {
  for (const h of halls.splice(0)) await h.close();
});

/** A hall whose log holds the seed's records and `extra` more. */
async function hallWithLog(extra = 6): Promise<TestHall> {
  const hall = await buildTestHall();
  halls.push(hall);
  await addRecords(hall, extra);
  return hall;
}

async function addRecords(hall: TestHall, n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(hall.ctx.db, {
      at: hall.clock.now(),
      userId: null,
      username: 'clerk',
      action: 'case.accept',
      targetType: 'case',
      targetId: `case-${i}`,
      outcome: 'success',
      detail: { n: i },
    });
  }
}

const pin = (hall: TestHall) => checkpointHead(hall.ctx.db, hall.ctx.auditAnchor!, TEST_AUDIT_KEYS, hall.clock.now());
const verify = (hall: TestHall) => verifyAuditChain(hall.ctx.db, { anchor: hall.ctx.auditAnchor! });
const headSeq = async (hall: TestHall) =>
  Number((await hall.ctx.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);

/**
 * What an intruder with the database but not the key can do: recompute every link from `from` on with the plain
 * SHA-256 that the chain used to be (keeping the version column, or marking the records as pre-key), and move
 * the head to match.
 */
async function recomputeFrom(hall: TestHall, from: number, markLegacy: boolean) {
  const db = hall.ctx.db;
  const before = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', from - 1)
    .executeTakeFirst();
  let prev = before?.hash ?? '0'.repeat(64);
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', from).orderBy('seq').execute();
  for (const r of rows) {
    const hash = legacyHash(
      Number(r.seq),
      {
        at: Number(r.at),
        userId: r.user_id,
        username: r.username,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        outcome: r.outcome as 'success',
        ip: r.ip,
        detail: r.detail,
      },
      prev,
    );
    await db
      .updateTable('audit_log')
      .set({
        prev_hash: prev,
        hash,
        ...(markLegacy ? { chain: 1, key_id: null } : {}),
      })
      .where('seq', '=', r.seq)
      .execute();
    prev = hash;
  }
  await db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

describe('the keyed audit chain and its checkpoints', () => {
  it('passes an untouched chain, pinned by signed checkpoints outside the database', async () => {
    const hall = await hallWithLog();
    const seq = await pin(hall);
    expect(seq).toBe(await headSeq(hall));
    const auditor = await signedIn(hall.app, 'auditor');
    const res = json(await auditor.post('/api/audit/verify'));
    expect(res).toMatchObject({ ok: true, problem: null, legacyRecords: 0 });
    expect(res.checkpoints).toMatchObject({
      lines: 1,
      newestSeq: seq,
      forged: 0,
    });
    const rows = await hall.ctx.db.selectFrom('audit_log').select(['chain', 'key_id']).execute();
    expect(rows.every((r) => Number(r.chain) === 2 && r.key_id === 't1')).toBe(true);
  });

  it('catches an edited record whose plain hashes were recomputed after it', async () => {
    const hall = await hallWithLog();
    await hall.ctx.db.updateTable('audit_log').set({ username: 'nobody' }).where('seq', '=', 4).execute();
    await recomputeFrom(hall, 4, false);
    expect(await verify(hall)).toMatchObject({
      ok: false,
      firstBrokenSeq: 4,
      problem: 'altered',
    });
  });

  it('catches an edit that re-marks the rest of the chain as written before the key', async () => {
    const hall = await hallWithLog();
    await hall.ctx.db.updateTable('audit_log').set({ outcome: 'failure' }).where('seq', '=', 5).execute();
    await recomputeFrom(hall, 5, true);
    expect(await verify(hall)).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      problem: 'downgraded',
    });
  });

  it('catches the whole chain rewritten as pre-key records, through the checkpoint', async () => {
    const hall = await hallWithLog();
    await pin(hall);
    await hall.ctx.db.updateTable('audit_log').set({ ip: '10.0.0.9' }).where('seq', '=', 2).execute();
    await recomputeFrom(hall, 1, true);
    const res = await verify(hall);
    expect(res).toMatchObject({ ok: false, problem: 'checkpoint-mismatch' });
    expect(res.firstBrokenSeq).toBe(await headSeq(hall));
  });

  it('catches the tail cut off and the head moved back', async () => {
    const hall = await hallWithLog();
    const pinned = await pin(hall);
    const keep = pinned - 3;
    const last = await hall.ctx.db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', keep)
      .executeTakeFirstOrThrow();
    await hall.ctx.db.deleteFrom('audit_log').where('seq', '>', keep).execute();
    await hall.ctx.db.updateTable('audit_head').set({ seq: keep, hash: last.hash }).where('id', '=', 1).execute();
    // The chain in the database is whole again; only the checkpoint knows it was longer.
    expect(await verifyAuditChain(hall.ctx.db)).toMatchObject({ ok: true });
    expect(await verify(hall)).toMatchObject({
      ok: false,
      firstBrokenSeq: keep + 1,
      problem: 'behind-checkpoint',
    });
  });

  it('catches an old copy of the log put back', async () => {
    const hall = await hallWithLog();
    const db = hall.ctx.db;
    const oldRows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const oldHead = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await pin(hall);
    await addRecords(hall, 4);
    await pin(hall);
    await db.deleteFrom('audit_log').execute();
    for (const r of oldRows) await db.insertInto('audit_log').values(r).execute();
    await db.updateTable('audit_head').set({ seq: oldHead.seq, hash: oldHead.hash }).where('id', '=', 1).execute();
    expect(await verify(hall)).toMatchObject({
      ok: false,
      firstBrokenSeq: Number(oldHead.seq) + 1,
      problem: 'behind-checkpoint',
    });
  });

  it('catches the deletion of every record', async () => {
    const hall = await hallWithLog();
    await pin(hall);
    await hall.ctx.db.deleteFrom('audit_log').execute();
    await hall.ctx.db
      .updateTable('audit_head')
      .set({ seq: 0, hash: '0'.repeat(64) })
      .where('id', '=', 1)
      .execute();
    expect(await verify(hall)).toMatchObject({
      ok: false,
      checked: 0,
      firstBrokenSeq: 1,
      problem: 'behind-checkpoint',
    });
  });

  it('refuses checkpoint lines written without the key', async () => {
    const hall = await hallWithLog();
    const seq = await pin(hall);
    const forged = {
      v: 1,
      kind: 'restore',
      seq: 1,
      hash: 'f'.repeat(64),
      at: hall.clock.now(),
      keyId: 't1',
      note: null,
      mac: '0'.repeat(64),
    };
    appendFileSync(hall.ctx.auditAnchor!.file, `${JSON.stringify(forged)}\n`);
    const res = await verify(hall);
    expect(res).toMatchObject({ ok: false, problem: 'checkpoint-forged' });
    expect(res.checkpoints).toMatchObject({
      lines: 1,
      forged: 1,
      newestSeq: seq,
    });
  });

  it('does not verify under another key', async () => {
    const hall = await hallWithLog();
    const otherId = parseKeyFile(`k1 ${'11'.repeat(32)}`);
    expect(await verifyAuditChain(hall.ctx.db, { keys: otherId })).toMatchObject({
      ok: false,
      firstBrokenSeq: 1,
      problem: 'unknown-key',
    });
    const sameIdOtherSecret = parseKeyFile(`t1 ${'11'.repeat(32)}`);
    expect(await verifyAuditChain(hall.ctx.db, { keys: sameIdOtherSecret })).toMatchObject({
      ok: false,
      firstBrokenSeq: 1,
      problem: 'altered',
    });
  });

  it('accepts an older head after a restore recorded with the key, and pins the new timeline', async () => {
    const hall = await hallWithLog();
    const pinned = await pin(hall);
    const keep = pinned - 2;
    const last = await hall.ctx.db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', keep)
      .executeTakeFirstOrThrow();
    await hall.ctx.db.deleteFrom('audit_log').where('seq', '>', keep).execute();
    await hall.ctx.db.updateTable('audit_head').set({ seq: keep, hash: last.hash }).where('id', '=', 1).execute();
    writeCheckpoint(hall.ctx.auditAnchor!, TEST_AUDIT_KEYS, {
      kind: 'restore',
      seq: keep,
      hash: last.hash,
      at: hall.clock.now(),
      note: 'test',
    });
    await addRecords(hall, 3);
    await pin(hall);
    const res = await verify(hall);
    expect(res).toMatchObject({ ok: true, problem: null });
    expect(res.checkpoints).toMatchObject({
      restores: 1,
      setAside: 1,
      newestSeq: keep + 3,
    });
  });

  it('notices a change to any field of any record (property)', async () => {
    const hall = await hallWithLog(4);
    const n = await headSeq(hall);
    const fields = [
      'at',
      'user_id',
      'username',
      'action',
      'target_type',
      'target_id',
      'outcome',
      'ip',
      'detail',
      'key_id',
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: n }),
        fc.constantFrom(...fields),
        fc.string({ minLength: 1, maxLength: 8 }),
        async (seq, field, text) => {
          const db = hall.ctx.db;
          const original = await db
            .selectFrom('audit_log')
            .selectAll()
            .where('seq', '=', seq)
            .executeTakeFirstOrThrow();
          const value = field === 'at' ? Number(original.at) + 1 : `${String(original[field])}${text}`;
          await db
            .updateTable('audit_log')
            .set({ [field]: value })
            .where('seq', '=', seq)
            .execute();
          try {
            const res = await verifyAuditChain(db);
            expect(res.ok).toBe(false);
            expect(res.firstBrokenSeq).toBe(seq);
          } finally {
            await db
              .updateTable('audit_log')
              .set({ [field]: original[field] })
              .where('seq', '=', seq)
              .execute();
          }
        },
      ),
      { numRuns: 25 },
    );
    expect(await verifyAuditChain(hall.ctx.db)).toMatchObject({ ok: true });
  });
});
