import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { restrictDataDir } from '../data-dir.ts';
import { KeyRing, newKey, newKeyFile, normaliseForIndex, openKeyFile, PiiIntegrityError } from './keys.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-pii-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('the personal-data key file', () => {
  it('is created on first start outside production, owner-only, and refused in production when missing or readable by others', () => {
    const file = path.join(dir, 'a', 'keys', 'pii-keys.json');
    expect(() => openKeyFile({ path: file, production: true })).toThrow(/PII key file missing/);
    const { created } = openKeyFile({ path: file, production: false });
    expect(created).toBe(true);
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    fs.chmodSync(file, 0o644);
    expect(() => openKeyFile({ path: file, production: true })).toThrow(/chmod 600/);
    // Outside production it is tightened and used.
    expect(openKeyFile({ path: file, production: false }).created).toBe(false);
    expect(mode(file)).toBe(0o600);
    expect(openKeyFile({ path: file, production: true }).ring.keyIds).toEqual(['k1']);
  });

  it('refuses a key file whose keys are malformed or whose active key is absent', () => {
    const good = newKeyFile();
    expect(() => new KeyRing({ ...good, active: 'k9' })).toThrow(/active key/);
    const k = newKey('k2');
    expect(() => new KeyRing({ ...good, keys: [{ ...k, indexKey: k.encryptionKey }], active: 'k2' })).toThrow(
      /malformed/,
    );
  });
});

describe('encryption and the blind index', () => {
  const ring = new KeyRing(newKeyFile());
  it('round-trips any text, and refuses any change to the ciphertext, its field or its row', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(200), (plain, at) => {
        const c = ring.encrypt('applicants.phone', 'row1', plain);
        expect(ring.decrypt('applicants.phone', 'row1', c)).toBe(plain);
        expect(() => ring.decrypt('applicants.phone', 'row2', c)).toThrow(PiiIntegrityError);
        expect(() => ring.decrypt('consultations.contact_phone', 'row1', c)).toThrow(PiiIntegrityError);
        const body = c.split('.')[2]!;
        // Not the last character: its low bits are padding that base64 decoding ignores.
        const i = 5 + (at % (body.length - 6));
        const flipped = `${c.slice(0, c.length - body.length)}${body.slice(0, i)}${body[i] === 'A' ? 'B' : 'A'}${body.slice(i + 1)}`;
        expect(() => ring.decrypt('applicants.phone', 'row1', flipped)).toThrow(PiiIntegrityError);
      }),
      { numRuns: 200 },
    );
  });

  it('never encrypts the same number to the same text, but indexes it the same however it is typed', () => {
    expect(ring.encrypt('f', 'r', '13912345678')).not.toBe(ring.encrypt('f', 'r', '13912345678'));
    expect(ring.index('phone', '139 1234-5678')).toBe(ring.index('phone', '13912345678'));
    expect(ring.index('id', '51080219850612301x')).toBe(ring.index('id', '510802 19850612301X'));
    // One index space per kind: a phone never matches an ID number with the same characters.
    expect(ring.index('phone', '12345678')).not.toBe(ring.index('id', '12345678'));
    expect(normaliseForIndex('phone', '+86 139-1234')).toBe('+861391234');
  });
});

describe('the data folder', () => {
  it('creates the database, its WAL and SHM owner-only, and tightens an older, open folder', async () => {
    const data = path.join(dir, 'data');
    fs.mkdirSync(path.join(data, 'files', 'case1'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(data, 'files', 'case1', 'f'), 'x', { mode: 0o644 });
    fs.chmodSync(data, 0o755);
    restrictDataDir(data);
    expect(mode(data)).toBe(0o700);
    expect(mode(path.join(data, 'files', 'case1'))).toBe(0o700);
    expect(mode(path.join(data, 'files', 'case1', 'f'))).toBe(0o600);
    const handle = openDatabase({ databaseUrl: null, dataDir: data, synchronous: 'OFF' });
    await handle.db.schema.createTable('t').addColumn('x', 'text').execute();
    await handle.db
      .insertInto('t' as never)
      .values({ x: 'y' } as never)
      .execute();
    for (const f of ['onewindow.db', 'onewindow.db-wal', 'onewindow.db-shm'])
      expect(mode(path.join(data, f)), f).toBe(0o600);
    await handle.close();
  });
});
