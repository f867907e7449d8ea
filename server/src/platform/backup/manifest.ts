import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type AuditKeyRing, mac } from '../audit-keys.ts';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'onewindow-backup/1';

export interface ManifestFile {
  /** Relative to the backup folder, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
}

/** A key file the restored system needs: noted by path, copied only when asked. */
export interface ManifestKey {
  name: string;
  path: string;
  present: boolean;
  copied: boolean;
}

export interface Manifest {
  format: typeof FORMAT;
  name: string;
  createdAt: number;
  dialect: 'sqlite' | 'postgres';
  database: string;
  auditHead: { seq: number; hash: string };
  /** Rows of every table, counted in the same snapshot as the copy. */
  tables: Record<string, number>;
  files: ManifestFile[];
  keys: ManifestKey[];
  keyId: string;
  mac: string;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFile(root: string, rel: string): Promise<ManifestFile> {
  const abs = path.join(root, rel);
  return {
    path: rel.split(path.sep).join('/'),
    bytes: fs.statSync(abs).size,
    sha256: await sha256File(abs),
  };
}

const signed = (m: Omit<Manifest, 'mac' | 'keyId'>, keyId: string) =>
  JSON.stringify([m.format, m.name, m.createdAt, m.dialect, m.database, m.auditHead, m.tables, m.files, m.keys, keyId]);

/** Signs the manifest with the audit key, so a checksum list rewritten along with the files is noticed too. */
export function signManifest(m: Omit<Manifest, 'mac' | 'keyId'>, ring: AuditKeyRing): Manifest {
  return {
    ...m,
    keyId: ring.current.id,
    mac: mac(ring.current, 'backup', signed(m, ring.current.id)),
  };
}

export class BackupRejected extends Error {}

export function readManifest(dir: string): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch (err) {
    throw new BackupRejected(`备份清单无法读取 (cannot read ${MANIFEST} in ${dir}): ${(err as Error).message}`);
  }
  if (m.format !== FORMAT) throw new BackupRejected(`不认识的备份格式 (unknown backup format ${String(m.format)})`);
  return m;
}

/**
 * Checks the manifest's signature and every file's size and SHA-256 before anything is restored; `onFile`
 * reports progress. Throws BackupRejected naming the first file that does not match.
 */
export async function checkBackup(
  dir: string,
  ring: AuditKeyRing,
  onFile?: (done: number, total: number) => void,
): Promise<Manifest> {
  const m = readManifest(dir);
  const key = ring.byId.get(m.keyId);
  if (!key)
    throw new BackupRejected(
      `备份清单的签名密钥 ${m.keyId} 不在审计密钥文件中 (manifest signed by unknown key ${m.keyId})`,
    );
  const { mac: given, keyId, ...rest } = m;
  if (mac(key, 'backup', signed(rest, keyId)) !== given) {
    throw new BackupRejected('备份清单签名不符，清单被改动过 (manifest signature does not match)');
  }
  let done = 0;
  for (const f of m.files) {
    const abs = path.join(dir, ...f.path.split('/'));
    if (f.path.split('/').includes('..')) throw new BackupRejected(`备份清单含非法路径 (bad path ${f.path})`);
    if (!fs.existsSync(abs)) throw new BackupRejected(`备份文件缺失 (missing ${f.path})`);
    if (fs.statSync(abs).size !== f.bytes || (await sha256File(abs)) !== f.sha256) {
      throw new BackupRejected(`备份文件校验和不符 (checksum mismatch: ${f.path})`);
    }
    onFile?.(++done, m.files.length);
  }
  return m;
}
