import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** What a backup records of its database: the audit chain's head and the rows of every table. */
export interface DatabaseFacts {
  auditHead: { seq: number; hash: string };
  tables: Record<string, number>;
}

export type Progress = (line: string) => void;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Facts of a SQLite file, read through its own connection. */
export function sqliteFacts(file: string): DatabaseFacts {
  const db = new Database(file, { fileMustExist: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const tables: Record<string, number> = {};
    for (const n of names)
      tables[n] = Number(
        db
          .prepare(`SELECT count(*) FROM ${quoted(n)}`)
          .pluck()
          .get(),
      );
    const head = names.includes('audit_head')
      ? (db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined)
      : undefined;
    return {
      auditHead: {
        seq: Number(head?.seq ?? 0),
        hash: head?.hash ?? '0'.repeat(64),
      },
      tables,
    };
  } finally {
    db.close();
  }
}

/** SQLite's online backup: a consistent copy page by page while the hall keeps writing. */
export async function backupSqlite(src: string, dest: string, progress: Progress): Promise<void> {
  const db = new Database(src, { fileMustExist: true, timeout: 10_000 });
  let lastShown = -1;
  try {
    const done = await db.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        const pct = totalPages ? Math.floor(((totalPages - remainingPages) * 100) / totalPages) : 100;
        if (pct >= lastShown + 10) {
          lastShown = pct;
          progress(`数据库 database ${pct}% (${totalPages - remainingPages}/${totalPages} pages)`);
        }
        return 1000;
      },
    });
    if (lastShown < 100) progress(`数据库 database 100% (${done.totalPages} pages)`);
  } finally {
    db.close();
  }
  fs.chmodSync(dest, 0o600);
}

/** A PostgreSQL tool: the 15 cluster's own binaries first, then PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of [process.env.PG_BIN, '/usr/lib/postgresql/15/bin']) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return name;
}

/** The connection string without its password (which goes through PGPASSWORD, never the process list). */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return {
    url: u.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv, progress: Progress): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const tail: string[] = [];
    let buffered = '';
    child.stderr.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const l of lines) {
        if (!l.trim()) continue;
        tail.push(l);
        if (tail.length > 20) tail.shift();
        if (/dumping contents of table|processing data for table|creating TABLE /.test(l)) progress(l.trim());
      }
    });
    child.on('error', (err) => reject(new Error(`${tool} 无法运行 (cannot run ${tool}): ${err.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(tool)} exited ${code}: ${[...tail, buffered].join('\n').trim()}`));
    });
  });
}

async function pgFactsOf(client: pg.Client): Promise<DatabaseFacts> {
  const names = (
    await client.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
  ).rows.map((r) => r.t);
  const tables: Record<string, number> = {};
  for (const n of names)
    tables[n] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(n)}`)).rows[0]?.n);
  const head = names.includes('audit_head')
    ? (await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0]
    : undefined;
  return {
    auditHead: {
      seq: Number(head?.seq ?? 0),
      hash: head?.hash ?? '0'.repeat(64),
    },
    tables,
  };
}

export async function postgresFacts(url: string): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await pgFactsOf(client);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump in custom format, run inside a snapshot this connection exported, so the counts and the audit head in
 * the manifest are those of the very data dumped.
 */
export async function backupPostgres(url: string, dest: string, progress: Progress): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]?.s as string;
    const facts = await pgFactsOf(client);
    const c = connection(url);
    await run(
      pgTool('pg_dump'),
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        '--verbose',
        `--snapshot=${snapshot}`,
        `--file=${dest}`,
        `--dbname=${c.url}`,
      ],
      c.env,
      progress,
    );
    await client.query('COMMIT');
    fs.chmodSync(dest, 0o600);
    return facts;
  } finally {
    await client.end();
  }
}

export async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'");
    return Number(r.rows[0]?.n) === 0;
  } finally {
    await client.end();
  }
}

/** pg_restore in one transaction: the database holds the whole backup or nothing of it. */
export async function restorePostgres(url: string, dump: string, replace: boolean, progress: Progress): Promise<void> {
  const c = connection(url);
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--verbose'];
  if (replace) args.push('--clean', '--if-exists');
  await run(pgTool('pg_restore'), [...args, `--dbname=${c.url}`, dump], c.env, progress);
}
