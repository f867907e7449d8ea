/**
 * The key ring that protects personal numbers at rest: AES-256-GCM for the values, HMAC-SHA256 with a separate
 * key for the blind index that finds them. The file lives outside the database (PII_KEY_FILE), mode 0600.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

export interface PiiKey {
  id: string;
  createdAt: string;
  /** 32 bytes, base64: AES-256-GCM. */
  encryptionKey: string;
  /** 32 bytes, base64: HMAC-SHA256 of the blind index; never the encryption key. */
  indexKey: string;
}

export interface KeyFile {
  format: 'onewindow-pii-keys/1';
  /** The key new values are written with; the others still read old ones until rotation has moved them. */
  active: string;
  keys: PiiKey[];
}

/** Which number a blind index is of: one index space per kind, so a phone never matches an ID number. */
export type IndexKind = 'id' | 'phone';

const PREFIX = 'pii1';

// Random IVs are drawn from a pool refilled 1,024 at a time: one randomBytes call per IV cost more than the cipher.
const IV_POOL = 12 * 1024;
let ivPool = Buffer.alloc(0);
let ivAt = IV_POOL;
function nextIv(): Buffer {
  if (ivAt >= ivPool.length) {
    ivPool = randomBytes(IV_POOL);
    ivAt = 0;
  }
  ivAt += 12;
  return ivPool.subarray(ivAt - 12, ivAt);
}

/** A stored value that fails its authentication tag: edited, swapped between rows, or written with a lost key. */
export class PiiIntegrityError extends AppError {
  constructor(field: string) {
    super(
      422,
      'PII_INTEGRITY',
      '个人信息密文校验失败（可能被篡改或密钥不符），已拒绝读取',
      'Encrypted personal data failed its integrity check (tampered, or the key does not match); not read',
      field,
    );
  }
}

interface LoadedKey {
  id: string;
  enc: Buffer;
  idx: Buffer;
}

export function newKey(id: string, now = new Date()): PiiKey {
  return {
    id,
    createdAt: now.toISOString(),
    encryptionKey: randomBytes(32).toString('base64'),
    indexKey: randomBytes(32).toString('base64'),
  };
}

export function newKeyFile(): KeyFile {
  return { format: 'onewindow-pii-keys/1', active: 'k1', keys: [newKey('k1')] };
}

/** Normalised before indexing, so a number typed with spaces, hyphens or lower case finds the same row. */
export const normaliseForIndex = (kind: IndexKind, value: string) =>
  kind === 'phone' ? value.replace(/[^0-9+]/g, '') : value.replace(/[\s-]/g, '').toUpperCase();

export class KeyRing {
  private readonly keys = new Map<string, LoadedKey>();
  readonly active: LoadedKey;

  constructor(readonly file: KeyFile) {
    if (file.format !== 'onewindow-pii-keys/1') throw new Error('PII key file: unknown format');
    for (const k of file.keys) {
      const enc = Buffer.from(k.encryptionKey, 'base64');
      const idx = Buffer.from(k.indexKey, 'base64');
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id) || enc.length !== 32 || idx.length !== 32 || enc.equals(idx)) {
        throw new Error(`PII key file: key ${k.id} is malformed (32-byte keys, distinct encryption and index keys)`);
      }
      this.keys.set(k.id, { id: k.id, enc, idx });
    }
    const active = this.keys.get(file.active);
    if (!active) throw new Error(`PII key file: active key ${file.active} is not in the file`);
    this.active = active;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** `pii1.<key id>.<iv|ciphertext|tag>`; the field and the row id are authenticated, so a value cannot be moved. */
  encrypt(field: string, rowId: string, plain: string): string {
    const k = this.active;
    const iv = nextIv();
    const c = createCipheriv('aes-256-gcm', k.enc, iv);
    c.setAAD(Buffer.from(`${field}|${rowId}`));
    const body = Buffer.concat([iv, c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
    return `${PREFIX}.${k.id}.${body.toString('base64url')}`;
  }

  decrypt(field: string, rowId: string, stored: string): string {
    const [prefix, keyId, data, extra] = stored.split('.');
    const k = keyId ? this.keys.get(keyId) : undefined;
    if (prefix !== PREFIX || !k || data === undefined || extra !== undefined) throw new PiiIntegrityError(field);
    const body = Buffer.from(data, 'base64url');
    if (body.length < 28) throw new PiiIntegrityError(field);
    try {
      const d = createDecipheriv('aes-256-gcm', k.enc, body.subarray(0, 12));
      d.setAAD(Buffer.from(`${field}|${rowId}`));
      d.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]).toString('utf8');
    } catch {
      throw new PiiIntegrityError(field);
    }
  }

  /** The key id a stored value was written with (null for a value that is not ours). */
  keyOf(stored: string): string | null {
    const [prefix, keyId] = stored.split('.');
    return prefix === PREFIX && keyId ? keyId : null;
  }

  /** The blind index under the active key: what a new or re-encrypted row stores. */
  index(kind: IndexKind, value: string): string {
    return this.indexWith(this.active, kind, value);
  }

  /** The index under every key, for lookups while a rotation is moving rows from one key to the next. */
  indexes(kind: IndexKind, value: string): string[] {
    return [...this.keys.values()].map((k) => this.indexWith(k, kind, value));
  }

  private indexWith(k: LoadedKey, kind: IndexKind, value: string): string {
    return createHmac('sha256', k.idx)
      .update(`${kind}|${normaliseForIndex(kind, value)}`)
      .digest('base64url');
  }
}

export interface KeySource {
  /** PII_KEY_FILE, or DATA_DIR/keys/pii-keys.json. */
  path: string;
  /** In production a missing or loosely permitted key file stops the server instead of being created or fixed. */
  production: boolean;
}

export function keySourceOf(env: NodeJS.ProcessEnv, dataDir: string): KeySource {
  return {
    path: path.resolve(env.PII_KEY_FILE || path.join(dataDir, 'keys', 'pii-keys.json')),
    production: env.NODE_ENV === 'production',
  };
}

/** Writes the file whole (temporary file, fsync, rename), readable by the owner only. */
export function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/**
 * Opens the key file: created on first start in demo and development; in production it must already exist and
 * be unreadable to group and others, or the server refuses to start.
 */
export function openKeyFile(src: KeySource, log?: (msg: string) => void): { ring: KeyRing; created: boolean } {
  if (!fs.existsSync(src.path)) {
    if (src.production) {
      throw new Error(
        `个人信息密钥文件不存在 PII key file missing: ${src.path} (set PII_KEY_FILE; see README, 个人信息加密)`,
      );
    }
    writeKeyFile(src.path, newKeyFile());
    log?.(`PII key file created: ${src.path}`);
    return { ring: readRing(src.path), created: true };
  }
  const mode = fs.statSync(src.path).mode & 0o777;
  if (mode & 0o077) {
    if (src.production) {
      throw new Error(`个人信息密钥文件权限过宽 PII key file ${src.path} has mode ${mode.toString(8)}; chmod 600 it`);
    }
    fs.chmodSync(src.path, 0o600);
    log?.(`PII key file ${src.path} had mode ${mode.toString(8)}; set to 600`);
  }
  return { ring: readRing(src.path), created: false };
}

export function readRing(file: string): KeyRing {
  return new KeyRing(JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile);
}
