import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect } from '../db/sqlite-group-commit.ts';

interface Tables {
  entries: { id: number; label: string };
}

let dir: string;
let file: string;
let db: Kysely<Tables>;
let commits: number[];

/** What another process would find in the file right now. */
function onDisk(): number[] {
  const other = new SQLite(file, { readonly: true });
  try {
    return (other.prepare('SELECT id FROM entries ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  } finally {
    other.close();
  }
}

/** A promise with its resolve handle, to hold a transaction open at a chosen point. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-group-commit-'));
  file = path.join(dir, 'test.db');
  commits = [];
  db = new Kysely<Tables>({
    dialect: new GroupCommitSqliteDialect({ file, synchronous: 'FULL', onCommit: (n) => commits.push(n) }),
  });
  await sql`CREATE TABLE entries (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)`.execute(db);
  commits = [];
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (trx: Kysely<Tables>, id: number) =>
  trx
    .insertInto('entries')
    .values({ id, label: `entry ${id}` })
    .execute();

describe('SQLite group commit', () => {
  it('commits concurrent transactions together, and answers each only once its row is on disk', async () => {
    const seenAtAnswer: boolean[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await db.transaction().execute(async (trx) => {
          await insert(trx, i + 1);
          // Some statements awaited inside, as a service does, so the others queue meanwhile.
          await trx
            .selectFrom('entries')
            .select('id')
            .where('id', '=', i + 1)
            .execute();
        });
        seenAtAnswer.push(onDisk().includes(i + 1));
      }),
    );
    expect(seenAtAnswer.filter(Boolean)).toHaveLength(40);
    expect(onDisk()).toHaveLength(40);
    expect(commits.reduce((a, b) => a + b, 0)).toBe(40);
    expect(commits.length).toBeLessThan(40);
  });

  it('rolls back a failing transaction alone and keeps the rest of its batch', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await insert(trx, i + 1);
          if (i === 4) throw new Error('refused');
          await trx.selectFrom('entries').select('id').execute();
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map((_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
    expect(onDisk()).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });

  it('keeps a statement error (a duplicate) to the transaction that made it', async () => {
    await insert(db, 1);
    const results = await Promise.allSettled([
      db.transaction().execute(async (trx) => {
        await insert(trx, 2);
        await trx.insertInto('entries').values({ id: 3, label: 'entry 1' }).execute();
      }),
      db.transaction().execute((trx) => insert(trx, 4)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(onDisk()).toEqual([1, 4]);
  });

  it('shows reads outside a transaction only committed data, without waiting for the writer', async () => {
    const hold = gate();
    const inserted = gate();
    const writing = db.transaction().execute(async (trx) => {
      await insert(trx, 1);
      inserted.open();
      await hold.opened;
    });
    await inserted.opened;
    // The writer is held open mid-transaction; a read still answers, and does not see the uncommitted row.
    const during = await db.selectFrom('entries').select('id').execute();
    expect(during).toEqual([]);
    hold.open();
    await writing;
    expect(await db.selectFrom('entries').select('id').execute()).toEqual([{ id: 1 }]);
  });

  it('makes a write outside a transaction durable before it is answered', async () => {
    await Promise.all([
      insert(db, 1),
      insert(db, 2),
      db.updateTable('entries').set({ label: 'x' }).where('id', '=', 99).execute(),
    ]);
    expect(onDisk()).toEqual([1, 2]);
    await expect(insert(db, 1)).rejects.toThrow(/UNIQUE|PRIMARY/);
    await insert(db, 3);
    expect(onDisk()).toEqual([1, 2, 3]);
  });

  it('works on an in-memory database, one commit per transaction', async () => {
    const memory = new Kysely<Tables>({
      dialect: new GroupCommitSqliteDialect({ file: ':memory:', synchronous: 'FULL' }),
    });
    try {
      await sql`CREATE TABLE entries (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)`.execute(memory);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => memory.transaction().execute((trx) => insert(trx, i + 1))),
      );
      const failing = memory.transaction().execute(async (trx) => {
        await insert(trx, 11);
        throw new Error('refused');
      });
      await expect(failing).rejects.toThrow('refused');
      const rows = await memory
        .selectFrom('entries')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(10);
    } finally {
      await memory.destroy();
    }
  });
});
