/**
 * The process's key ring for personal numbers. Installed once at start (main.ts) from the key file; a rotation
 * run elsewhere rewrites the file, and every node picks the new ring up within seconds (the file's mtime).
 */
import fs from 'node:fs';
import { type KeyRing, newKeyFile, KeyRing as Ring, readRing } from './keys.ts';

export { type IndexKind, KeyRing, PiiIntegrityError } from './keys.ts';

const RELOAD_CHECK_MS = 5_000;

let current: { ring: KeyRing; file: string | null; mtimeMs: number; checkedAt: number } | null = null;

export function installPiiKeys(ring: KeyRing, file: string | null = null): void {
  current = { ring, file, mtimeMs: file ? fs.statSync(file).mtimeMs : 0, checkedAt: Date.now() };
}

/** The ring in use. Tests that install none get one throw-away ring for the process. */
export function pii(): KeyRing {
  if (!current) {
    if (!process.env.VITEST) throw new Error('PII key ring not installed (main.ts opens PII_KEY_FILE first)');
    installPiiKeys(new Ring(newKeyFile()));
  }
  const c = current!;
  if (c.file && Date.now() - c.checkedAt > RELOAD_CHECK_MS) {
    c.checkedAt = Date.now();
    try {
      const m = fs.statSync(c.file).mtimeMs;
      if (m !== c.mtimeMs) installPiiKeys(readRing(c.file), c.file);
    } catch {
      // A file being replaced or briefly unreadable: keep the ring we have and look again later.
    }
  }
  return current!.ring;
}

/** For the rotation command, which must see the file it has just written at once. */
export function reloadPiiKeys(): KeyRing {
  if (current?.file) installPiiKeys(readRing(current.file), current.file);
  return pii();
}
