import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { type AuditKeyRing, mac } from './audit-keys.ts';
import type { Db } from './db/database.ts';
import { runPeriodically } from './periodic.ts';

/** The append-only file (and syslog) that pins the chain's head from outside the database. */
export interface AuditAnchor {
  file: string;
  syslog: boolean;
}

/**
 * A signed statement "record `seq` had hash `hash` at `at`". A restore line says the database was put back to
 * a backup whose head is `seq`: checkpoints after it belong to the timeline the restore replaced.
 */
export interface Checkpoint {
  v: 1;
  kind: 'checkpoint' | 'restore';
  seq: number;
  hash: string;
  at: number;
  keyId: string;
  note: string | null;
  mac: string;
}

export interface AnchorState {
  file: string;
  /** Lines whose signature holds. */
  lines: number;
  newestSeq: number | null;
  newestAt: number | null;
  /** Restores recorded, and the checkpoints of replaced timelines they set aside. */
  restores: number;
  setAside: number;
  /** Lines that do not parse or whose signature fails: someone wrote the file without the key. */
  forged: number;
}

const signed = (c: Omit<Checkpoint, 'mac'>) => JSON.stringify([c.v, c.kind, c.seq, c.hash, c.at, c.keyId, c.note]);

/** Reads the file and checks each line's signature; what stays in force after restores pins the chain. */
export function readAnchor(
  anchor: AuditAnchor,
  ring: AuditKeyRing,
): { state: AnchorState; hashAt: Map<number, string> } {
  const state: AnchorState = {
    file: anchor.file,
    lines: 0,
    newestSeq: null,
    newestAt: null,
    restores: 0,
    setAside: 0,
    forged: 0,
  };
  const hashAt = new Map<number, string>();
  const atOf = new Map<number, number>();
  let text = '';
  try {
    text = fs.readFileSync(anchor.file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      state.forged++;
      continue;
    }
    const key = ring.byId.get(String(c.keyId));
    if (!key || typeof c.seq !== 'number' || typeof c.mac !== 'string' || mac(key, 'checkpoint', signed(c)) !== c.mac) {
      state.forged++;
      continue;
    }
    state.lines++;
    if (c.kind === 'restore') {
      state.restores++;
      for (const seq of [...hashAt.keys()]) {
        if (seq > c.seq) {
          hashAt.delete(seq);
          state.setAside++;
        }
      }
    }
    hashAt.set(c.seq, c.hash);
    atOf.set(c.seq, c.at);
  }
  for (const seq of hashAt.keys()) if (seq > (state.newestSeq ?? 0)) state.newestSeq = seq;
  state.newestAt = state.newestSeq === null ? null : (atOf.get(state.newestSeq) ?? null);
  return { state, hashAt };
}

function syslogReachable(): boolean {
  const socket = ['/dev/log', '/run/systemd/journal/syslog'].some((p) => fs.existsSync(p));
  const logger = (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, 'logger')));
  return socket && logger;
}

/** Signs and appends one line (fsynced), and copies it to syslog/journald where present. */
export function writeCheckpoint(
  anchor: AuditAnchor,
  ring: AuditKeyRing,
  c: {
    kind: Checkpoint['kind'];
    seq: number;
    hash: string;
    at: number;
    note?: string | null;
  },
): Checkpoint {
  const body = {
    v: 1 as const,
    kind: c.kind,
    seq: c.seq,
    hash: c.hash,
    at: c.at,
    keyId: ring.current.id,
    note: c.note ?? null,
  };
  const line: Checkpoint = {
    ...body,
    mac: mac(ring.current, 'checkpoint', signed(body)),
  };
  fs.mkdirSync(path.dirname(anchor.file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(anchor.file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(line)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (anchor.syslog && syslogReachable()) {
    const text = `${line.kind} seq=${line.seq} hash=${line.hash} at=${new Date(line.at).toISOString()} key=${line.keyId} mac=${line.mac}`;
    execFile('logger', ['-t', 'onewindow-audit', '-p', 'auth.notice', text], { timeout: 5000 }, () => {});
  }
  return line;
}

/** Pins the current head unless `after` already covers it; answers the seq now pinned. */
export async function checkpointHead(
  db: Db,
  anchor: AuditAnchor,
  ring: AuditKeyRing,
  at: number,
  after = 0,
): Promise<number> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) <= after) return after;
  writeCheckpoint(anchor, ring, {
    kind: 'checkpoint',
    seq: Number(head.seq),
    hash: head.hash,
    at,
  });
  return Number(head.seq);
}

/**
 * Writes a checkpoint now and every `seconds` while the chain grows. The returned stop writes a last one, so a
 * clean shutdown leaves the head pinned.
 */
export function startAuditCheckpoints(
  deps: { db: Db; log: Logger; now: () => number },
  anchor: AuditAnchor,
  ring: AuditKeyRing,
  seconds: number,
): () => Promise<void> {
  let pinned = readAnchor(anchor, ring).state.newestSeq ?? 0;
  const pass = async () => {
    pinned = await checkpointHead(deps.db, anchor, ring, deps.now(), pinned);
  };
  const stop = runPeriodically(deps.log, 'audit checkpoint', seconds * 1000, pass);
  deps.log.info(
    {
      file: anchor.file,
      every: seconds,
      node: `${os.hostname()}:${process.pid}`,
    },
    'audit checkpoints on',
  );
  return async () => {
    stop();
    try {
      await pass();
    } catch (err) {
      deps.log.error({ err }, 'last audit checkpoint failed');
    }
  };
}
