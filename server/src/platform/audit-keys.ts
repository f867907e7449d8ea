import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One HMAC key of the audit chain; records and checkpoints name the key that signed them. */
export interface AuditKey {
  id: string;
  secret: Buffer;
}

/** Every key the file holds: the newest signs, the older ones still verify what they signed. */
export interface AuditKeyRing {
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
  file: string | null;
}

/** Where the audit trail keeps what must live outside the database. */
export interface AuditSettings {
  keyFile: string;
  checkpointFile: string;
  /** Seconds between checkpoints while the chain grows. */
  checkpointSeconds: number;
  production: boolean;
  /** Copy each checkpoint to syslog/journald through `logger` where both are present. */
  syslog: boolean;
}

export function auditSettings(env: NodeJS.ProcessEnv, dataDir: string): AuditSettings {
  return {
    keyFile: path.resolve(env.AUDIT_KEY_FILE || path.join(dataDir, 'keys', 'audit.key')),
    checkpointFile: path.resolve(env.AUDIT_CHECKPOINT_FILE || path.join(dataDir, 'audit', 'checkpoints.log')),
    // A cut tail goes unseen for at most this long: short, as a checkpoint is one read and one appended line.
    checkpointSeconds: Math.max(1, Number(env.AUDIT_CHECKPOINT_SECONDS ?? 5) || 5),
    production: env.NODE_ENV === 'production',
    syslog: env.AUDIT_SYSLOG !== 'off',
  };
}

const KEY_LINE = /^([A-Za-z0-9_-]{1,32})\s+([0-9a-f]{64,})$/;

/** The file holds one `<id> <hex secret>` per line, oldest first; `#` starts a comment. */
export function parseKeyFile(text: string, file: string | null = null): AuditKeyRing {
  const byId = new Map<string, AuditKey>();
  let current: AuditKey | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = KEY_LINE.exec(line);
    if (!m)
      throw new Error(
        `审计密钥文件格式错误 (audit key file: a line is not "<id> <64+ hex digits>")${file ? `: ${file}` : ''}`,
      );
    const key = {
      id: m[1] as string,
      secret: Buffer.from(m[2] as string, 'hex'),
    };
    if (byId.has(key.id)) throw new Error(`审计密钥编号重复 (audit key id ${key.id} appears twice)`);
    byId.set(key.id, key);
    current = key;
  }
  if (!current) throw new Error(`审计密钥文件为空 (audit key file holds no key)${file ? `: ${file}` : ''}`);
  return { current, byId, file };
}

function newKeyLine(id: string): string {
  return `${id} ${randomBytes(32).toString('hex')}\n`;
}

/**
 * Loads the key ring. Outside production a missing file is created (0600, in a 0700 folder); in production a
 * missing file, or one that group or others may read or write, stops the start.
 */
export function loadAuditKeyRing(s: Pick<AuditSettings, 'keyFile' | 'production'>): {
  ring: AuditKeyRing;
  created: boolean;
} {
  let created = false;
  if (!fs.existsSync(s.keyFile)) {
    if (s.production) {
      throw new Error(
        `审计密钥文件不存在，生产模式拒绝启动 (audit key file missing: ${s.keyFile}; create it with ` +
          '`npm run audit:rotate-key` and chmod 600, or set AUDIT_KEY_FILE)',
      );
    }
    fs.mkdirSync(path.dirname(s.keyFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(s.keyFile, `# OneWindow audit chain keys: newest last; never delete a line\n${newKeyLine('k1')}`, {
      mode: 0o600,
      flag: 'wx',
    });
    created = true;
  }
  const mode = fs.statSync(s.keyFile).mode & 0o777;
  if (s.production && (mode & 0o077) !== 0) {
    throw new Error(
      `审计密钥文件权限过宽，生产模式拒绝启动 (audit key file ${s.keyFile} has mode ${mode.toString(8)}; chmod 600 it)`,
    );
  }
  return {
    ring: parseKeyFile(fs.readFileSync(s.keyFile, 'utf8'), s.keyFile),
    created,
  };
}

/** Appends a new key that signs from the next start on; the older keys stay to verify older records. */
export function rotateAuditKey(keyFile: string): string {
  const ring = fs.existsSync(keyFile) ? parseKeyFile(fs.readFileSync(keyFile, 'utf8'), keyFile) : null;
  let n = ring ? ring.byId.size + 1 : 1;
  while (ring?.byId.has(`k${n}`)) n++;
  const id = `k${n}`;
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  fs.appendFileSync(keyFile, newKeyLine(id), { mode: 0o600 });
  fs.chmodSync(keyFile, 0o600);
  return id;
}

/** A purpose-bound key, so the chain, checkpoints and backup manifests never share one MAC key. */
export function subkey(key: AuditKey, purpose: 'chain' | 'checkpoint' | 'backup'): Buffer {
  return createHmac('sha256', key.secret).update(`onewindow-audit/${purpose}`).digest();
}

const subkeys = new WeakMap<AuditKey, Map<string, Buffer>>();

export function mac(key: AuditKey, purpose: 'chain' | 'checkpoint' | 'backup', text: string): string {
  const cached = subkeys.get(key) ?? new Map<string, Buffer>();
  subkeys.set(key, cached);
  const k = cached.get(purpose) ?? subkey(key, purpose);
  cached.set(purpose, k);
  return createHmac('sha256', k).update(text).digest('hex');
}
