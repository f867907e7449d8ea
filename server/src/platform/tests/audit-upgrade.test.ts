import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.ts';
import { freshDatabase, migrateOnly } from '../../../test/helpers.ts';
import { ensureAuditHead, legacyHash, sealLegacyChain, verifyAuditChain } from '../audit.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

const T = Date.parse('2026-03-02T01:00:00Z');

/** A database as it was before the chain had a key: every migration but the keyed chain's, plain SHA-256 links. */
async function databaseBeforeTheKey(records: number): Promise<Db> {
  const handle = await freshDatabase();
  closers.push(handle.close);
  const { '2026_12_02_0016_audit_keyed_chain': _keyed, ...before } = migrations;
  await migrateOnly(handle.db, before);
  await ensureAuditHead(handle.db);
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= records; seq++) {
    const fields = {
      at: T + seq,
      userId: null,
      username: 'sysadmin',
      action: 'org.department.create',
      targetType: 'department',
      targetId: `d${seq}`,
      outcome: 'success' as const,
      ip: '127.0.0.1',
      detail: null,
    };
    const hash = legacyHash(seq, fields, prev);
    const row = {
      seq,
      at: fields.at,
      user_id: null,
      username: fields.username,
      action: fields.action,
      target_type: fields.targetType,
      target_id: fields.targetId,
      outcome: fields.outcome,
      ip: fields.ip,
      detail: null,
      prev_hash: prev,
      hash,
    };
    // The table has no chain or key_id column yet.
    await handle.db
      .insertInto('audit_log')
      .values(row as never)
      .execute();
    prev = hash;
  }
  await handle.db.updateTable('audit_head').set({ seq: records, hash: prev }).where('id', '=', 1).execute();
  await migrateToLatest(handle.db);
  return handle.db;
}

describe('a chain begun before the key existed', () => {
  it('keeps its records as plain SHA-256 (chain 1) and seals them with one keyed record at the first keyed start', async () => {
    const db = await databaseBeforeTheKey(5);
    const rows = await db.selectFrom('audit_log').select(['chain', 'key_id']).execute();
    expect(rows.map((r) => Number(r.chain))).toEqual([1, 1, 1, 1, 1]);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      checked: 5,
      legacyRecords: 5,
    });
    expect(await sealLegacyChain(db, T + 100)).toMatchObject({
      ok: true,
      checked: 5,
    });
    const seal = await db.selectFrom('audit_log').selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
    expect(seal).toMatchObject({
      action: 'audit.chain.keyed',
      chain: 2,
      key_id: 't1',
    });
    expect(JSON.parse(seal.detail as string)).toMatchObject({
      legacyRecords: 5,
      legacyHeadSeq: 5,
    });
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      checked: 6,
      legacyRecords: 5,
    });
    // Sealed once: a second start adds nothing.
    expect(await sealLegacyChain(db, T + 200)).toBeNull();
    expect(await verifyAuditChain(db)).toMatchObject({ checked: 6 });
  });

  it('once sealed, a pre-key record changed with every plain hash recomputed is caught at the seal', async () => {
    const db = await databaseBeforeTheKey(5);
    await sealLegacyChain(db, T + 100);
    await db.updateTable('audit_log').set({ username: 'someone-else' }).where('seq', '=', 2).execute();
    let prev = (await db.selectFrom('audit_log').select('hash').where('seq', '=', 1).executeTakeFirstOrThrow()).hash;
    for (const r of await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', 2)
      .where('seq', '<=', 5)
      .orderBy('seq')
      .execute()) {
      const hash = legacyHash(
        Number(r.seq),
        {
          at: Number(r.at),
          userId: r.user_id,
          username: r.username,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          outcome: 'success',
          ip: r.ip,
          detail: r.detail,
        },
        prev,
      );
      await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 6,
      problem: 'altered',
    });
    await db.updateTable('audit_log').set({ prev_hash: prev }).where('seq', '=', 6).execute();
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 6,
      problem: 'altered',
    });
  });

  it('does not seal a pre-key chain that is already broken, so verify keeps reporting it', async () => {
    const db = await databaseBeforeTheKey(4);
    await db.updateTable('audit_log').set({ action: 'nothing.happened' }).where('seq', '=', 3).execute();
    expect(await sealLegacyChain(db, T + 100)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
    });
    expect(await db.selectFrom('audit_log').select('seq').execute()).toHaveLength(4);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      problem: 'altered',
    });
  });
});
