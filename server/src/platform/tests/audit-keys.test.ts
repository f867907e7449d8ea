import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildTestHall, TEST_AUDIT_KEYS, type TestHall } from '../../../test/helpers.ts';
import { installAuditKeys, recordAudit, verifyAuditChain } from '../audit.ts';
import { auditSettings, loadAuditKeyRing, parseKeyFile, rotateAuditKey } from '../audit-keys.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => installAuditKeys(TEST_AUDIT_KEYS));

describe('the audit key file', () => {
  it('lives under DATA_DIR/keys unless AUDIT_KEY_FILE says otherwise', () => {
    expect(auditSettings({}, '/srv/hall').keyFile).toBe('/srv/hall/keys/audit.key');
    expect(auditSettings({}, '/srv/hall').checkpointFile).toBe('/srv/hall/audit/checkpoints.log');
    const s = auditSettings(
      {
        AUDIT_KEY_FILE: '/etc/onewindow/audit.key',
        AUDIT_CHECKPOINT_FILE: '/var/log/ow.log',
        NODE_ENV: 'production',
      },
      '/srv',
    );
    expect(s).toMatchObject({
      keyFile: '/etc/onewindow/audit.key',
      checkpointFile: '/var/log/ow.log',
      production: true,
      checkpointSeconds: 5,
    });
    expect(auditSettings({ AUDIT_CHECKPOINT_SECONDS: '30' }, '/srv').checkpointSeconds).toBe(30);
    expect(auditSettings({ AUDIT_CHECKPOINT_SECONDS: 'soon' }, '/srv').checkpointSeconds).toBe(5);
  });

  it('is created 0600 in a 0700 folder on the first start outside production, and read again after', () => {
    const keyFile = path.join(dir, 'dev', 'keys', 'audit.key');
    const first = loadAuditKeyRing({ keyFile, production: false });
    expect(first.created).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
    expect(first.ring.current.secret).toHaveLength(32);
    const again = loadAuditKeyRing({ keyFile, production: false });
    expect(again.created).toBe(false);
    expect(again.ring.current.secret.equals(first.ring.current.secret)).toBe(true);
  });

  it('stops a production start when missing or readable by others', () => {
    const keyFile = path.join(dir, 'prod.key');
    expect(() => loadAuditKeyRing({ keyFile, production: true })).toThrow(/audit key file missing/);
    writeFileSync(keyFile, `k1 ${'ab'.repeat(32)}\n`, { mode: 0o644 });
    chmodSync(keyFile, 0o644);
    expect(() => loadAuditKeyRing({ keyFile, production: true })).toThrow(/mode 644; chmod 600/);
    chmodSync(keyFile, 0o640);
    expect(() => loadAuditKeyRing({ keyFile, production: true })).toThrow(/chmod 600/);
    chmodSync(keyFile, 0o600);
    expect(loadAuditKeyRing({ keyFile, production: true }).ring.current.id).toBe('k1');
  });

  it('refuses a file that is not lines of "<id> <hex>"', () => {
    expect(() => parseKeyFile('k1 not-hex')).toThrow(/audit key file/);
    expect(() => parseKeyFile('# only a comment\n')).toThrow(/holds no key/);
    expect(() => parseKeyFile(`k1 ${'ab'.repeat(32)}\nk1 ${'cd'.repeat(32)}`)).toThrow(/twice/);
  });
});

describe('key rotation', () => {
  let hall: TestHall;
  afterAll(() => hall?.close());

  it('signs with the new key after rotation while the older records still verify under the old one', async () => {
    hall = await buildTestHall();
    const keyFile = path.join(dir, 'rotate', 'audit.key');
    installAuditKeys(loadAuditKeyRing({ keyFile, production: false }).ring);
    // The test key signed the seed's records; keep it in the ring like a key rotated out.
    writeFileSync(keyFile, `t1 ${TEST_AUDIT_KEYS.current.secret.toString('hex')}\n${readFileSync(keyFile, 'utf8')}`, {
      mode: 0o600,
    });
    installAuditKeys(parseKeyFile(readFileSync(keyFile, 'utf8')));
    const entry = {
      at: hall.clock.now(),
      userId: null,
      username: 'sysadmin',
      action: 'x.y',
      outcome: 'success' as const,
    };
    await recordAudit(hall.ctx.db, entry);
    expect(rotateAuditKey(keyFile)).toBe('k3');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const rotated = parseKeyFile(readFileSync(keyFile, 'utf8'));
    expect(rotated.current.id).toBe('k3');
    installAuditKeys(rotated);
    await recordAudit(hall.ctx.db, entry);
    const ids = (await hall.ctx.db.selectFrom('audit_log').select('key_id').orderBy('seq').execute()).map(
      (r) => r.key_id,
    );
    expect(ids.slice(-2)).toEqual(['k1', 'k3']);
    expect(await verifyAuditChain(hall.ctx.db, { keys: rotated })).toMatchObject({ ok: true });
    // Without the retired key the older records cannot be checked.
    const onlyNew = parseKeyFile(`k3 ${rotated.current.secret.toString('hex')}`);
    expect(await verifyAuditChain(hall.ctx.db, { keys: onlyNew })).toMatchObject({
      ok: false,
      firstBrokenSeq: 1,
      problem: 'unknown-key',
    });
  });
});
