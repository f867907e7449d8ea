/**
 * Files kept beside a case on disk, under DATA_DIR/files/<caseId>/…, readable by the service account only and
 * checked against their recorded sha256 whenever they are read back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The stored bytes are gone or no longer match their recorded hash. */
export class StoredFileIntegrityError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'missing' | 'mismatch',
  ) {
    super(`stored file ${file} ${reason === 'missing' ? 'is missing' : 'does not match its sha256'}`);
  }
}

const SAFE_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Ids and hashes only: a part that could climb out of the folder is a programming error, not input. */
function caseFilePath(dataDir: string, caseId: string, parts: readonly string[]): string {
  for (const p of [caseId, ...parts]) {
    if (!SAFE_PART.test(p) || p.includes('..')) throw new Error(`unsafe stored-file path part: ${p}`);
  }
  return path.join(dataDir, 'files', caseId, ...parts);
}

/**
 * Writes a file atomically (a temporary file, flushed, then renamed) with mode 0600: a crash leaves either
 * the whole file or none, so a retry may simply write it again.
 */
export async function storeCaseFile(dataDir: string, caseId: string, parts: readonly string[], bytes: Uint8Array) {
  const target = caseFilePath(dataDir, caseId, parts);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(temp, target);
}

/** Reads a stored file back; missing or changed bytes raise StoredFileIntegrityError. */
export async function loadCaseFile(
  dataDir: string,
  caseId: string,
  parts: readonly string[],
  sha256: string,
): Promise<Buffer> {
  const file = caseFilePath(dataDir, caseId, parts);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new StoredFileIntegrityError(parts.join('/'), 'missing');
    throw e;
  }
  if (sha256Of(bytes) !== sha256) throw new StoredFileIntegrityError(parts.join('/'), 'mismatch');
  return bytes;
}
