/**
 * A SQLite connection of the history load's own, for a database file: statements run synchronously without the
 * application's per-request machinery, and the load sets its connection up for bulk work — a large page cache,
 * synchronous=NORMAL (WAL: a crash loses at most the last batches, never the file), and no per-row foreign-key
 * lookups (the generator writes parents before children; the test checks every key with foreign_key_check).
 * An in-memory database cannot be opened twice; it is loaded through the application's connection instead.
 */
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Sink, Value } from './bulk.ts';

export interface FileLoad {
  sink: Sink;
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
}

/** The file behind the application's SQLite database, or null for an in-memory one. */
export async function sqliteFileOf(db: Db): Promise<string | null> {
  const rows = (await sql<{ name: string; file: string }>`pragma database_list`.execute(db)).rows;
  const main = rows.find((r) => r.name === 'main');
  return main?.file ? main.file : null;
}

export function openFileLoad(file: string): FileLoad {
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = OFF');
  conn.pragma('busy_timeout = 10000');
  conn.pragma('cache_size = -262144');
  conn.pragma('temp_store = MEMORY');
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (text: string) => {
    let s = statements.get(text);
    if (!s) {
      s = conn.prepare(text);
      statements.set(text, s);
    }
    return s;
  };
  return {
    sink: {
      dialect: 'sqlite',
      insert(text: string, params: Value[]) {
        prepared(text).run(params);
      },
    },
    async transaction(work) {
      conn.exec('BEGIN IMMEDIATE');
      try {
        const r = await work();
        conn.exec('COMMIT');
        return r;
      } catch (e) {
        if (conn.inTransaction) conn.exec('ROLLBACK');
        throw e;
      }
    },
    close() {
      // Fold the WAL back into the database so the server starts on a compact file.
      conn.pragma('wal_checkpoint(TRUNCATE)');
      conn.close();
    },
  };
}
