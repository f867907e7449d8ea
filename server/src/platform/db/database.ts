import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { GroupCommitSqliteDialect, type Synchronous } from './sqlite-group-commit.ts';
import type { Database } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// int8 (bigint) columns hold epoch milliseconds, well inside Number's safe range.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl: string | null;
  /** SQLite file; ':memory:' for a throw-away database. */
  sqliteFile?: string;
  dataDir?: string;
  /** SQLite only: FULL unless a caller knows the file is thrown away (tests) or is measuring. */
  synchronous?: Synchronous;
  poolSize?: number;
  onConnectionLost?: (err: Error) => void;
}

export function openDatabase(opts: OpenOptions): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // A connection dropped by the server (restart, failover, a read replica's outage) emits on its client, idle in
    // the pool or checked out between two statements; a statement that used it fails on its own, so the drop is only
    // logged, once per connection, and never ends the process. The pool repeats an idle client's error: ignored.
    pool.on('connect', (client) => client.on('error', (err) => opts.onConnectionLost?.(err)));
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? path.join(opts.dataDir ?? './data', 'onewindow.db');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  // WAL for readers that never wait; FULL so an answered write survives power loss (group commit keeps it fast).
  const db = new Kysely<Database>({
    dialect: new GroupCommitSqliteDialect({ file, synchronous: opts.synchronous ?? 'FULL' }),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
