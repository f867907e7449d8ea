/** What every benchmark stands on: a real server process, a cookie-keeping HTTP client, timings, output. */
import { type ChildProcess, execFileSync, execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';

/** Keep-alive connections, enough for every concurrent client plus the display streams. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

export interface Answer {
  status: number;
  json: any;
  headers: http.IncomingHttpHeaders;
}

/** One HTTP exchange over the keep-alive agent (node:http, no extra dependency). */
export function httpRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode ?? 0, json, headers: res.headers });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export const ROOT = new URL('..', import.meta.url).pathname;

/** One figure: one JSON line on standard output. */
export function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...extra })}\n`);
}

/** Progress and notes go to standard error, so standard output stays one figure per line. */
export const note = (msg: string) => process.stderr.write(`${msg}\n`);

export function machine() {
  let commit: string | null = null;
  try {
    commit = execSync('git rev-parse HEAD', { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    commit = null;
  }
  let dirty = false;
  try {
    dirty =
      execSync('git status --porcelain', { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() !== '';
  } catch {
    dirty = false;
  }
  return {
    name: 'machine',
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryMb: Math.round(os.totalmem() / 1048576),
    loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit,
    dirty,
    at: new Date().toISOString(),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** Resident set size of the server process in MB, read from /proc. */
  rssMb(): number;
  /** CPU time (user + system) the server process has used so far, in ms, read from /proc. */
  cpuMs(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

// Below the kernel's ephemeral range (32768+): an outgoing client socket can never already hold the port a
// killed server is restarted on.
let nextPort = 21_000 + Math.floor(Math.random() * 8000);

// A failed run must not leave its servers behind.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

let built = false;
/** The compiled server, as `npm start` runs it; built once per run (scripts/build-server.mjs). */
function serverBundle(): string {
  if (!built) {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
    built = true;
  }
  return 'dist/server/main.js';
}

/**
 * Starts `serve` from the compiled server as its own node process, as `npm start` does, and waits for a
 * healthy /healthz. Returns the time that took.
 */
export async function startServer(
  env: Record<string, string>,
  extraNodeArgs: string[] = [],
  fixedPort?: number,
): Promise<{ server: ServerProcess; startMs: number }> {
  const port = fixedPort ?? nextPort++;
  const entry = serverBundle();
  const t0 = performance.now();
  // BENCH_CPU_PROF=<folder> profiles the server (node --cpu-prof) for finding where a missed target goes.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, ...extraNodeArgs, entry, 'serve'], {
    cwd: ROOT,
    // DATABASE_URL only when asked for: an inherited one would send a SQLite run to PostgreSQL.
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await httpRequest(`${base}/healthz`, 'GET', {});
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 120_000) throw new Error(`server did not start: ${stderr}`);
    await sleep(10);
  }
  const startMs = performance.now() - t0;
  const server: ServerProcess = {
    base,
    child,
    rssMb() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : Number.NaN;
      } catch {
        return Number.NaN;
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses; in clock ticks (100/s).
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return Number.NaN;
      }
    },
    stop(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
  return { server, startMs };
}

/** A client that keeps its session cookie, like a browser. */
export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return httpRequest(
      this.base + path,
      method,
      {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body === undefined ? undefined : JSON.stringify(body),
    );
  }

  async login(username: string, password = 'Hall@2026') {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    const setCookie = res.headers['set-cookie'] ?? [];
    const set = setCookie.find((c) => c.startsWith('ow_session='));
    if (res.status !== 200 || !set) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.json)}`);
    this.cookie = set.split(';')[0] as string;
    return this;
  }

  get token() {
    return this.cookie.replace(/^ow_session=/, '');
  }

  async ok(method: string, path: string, body?: unknown, expect = [200, 201]) {
    const r = await this.request(method, path, body);
    if (!expect.includes(r.status)) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  }
}

/**
 * The audit key and checkpoint files of one run, outside the database: the bench's server and its in-process loads
 * sign the same chain with the same key, so the chain of a run verifies as one.
 */
export function auditFilesIn(dir: string): {
  AUDIT_KEY_FILE: string;
  AUDIT_CHECKPOINT_FILE: string;
  PII_KEY_FILE: string;
} {
  return {
    AUDIT_KEY_FILE: path.join(dir, 'keys', 'audit.key'),
    AUDIT_CHECKPOINT_FILE: path.join(dir, 'audit', 'checkpoints.log'),
    // The personal-number keys too, so the in-process runs read what the server wrote.
    PII_KEY_FILE: path.join(dir, 'keys', 'pii-keys.json'),
  };
}
