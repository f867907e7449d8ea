/**
 * SQLite with group commit. With `synchronous=FULL` every COMMIT waits for an fsync of the WAL (milliseconds on
 * a real disk), and SQLite has one writer, so one commit per request caps a busy hall at a few hundred writes a
 * second. Here the write transactions of concurrent requests run one after another, each inside its own
 * SAVEPOINT of one shared SQLite transaction, and that transaction is committed once for all of them; no
 * request is answered before the commit that holds its write has returned, so an answered write is as durable
 * as with a commit of its own. A request whose transaction fails is rolled back to its savepoint alone.
 *
 * Reads outside a transaction go to a second, read-only connection, which sees committed data only, and never
 * wait for writers (WAL). An in-memory database cannot be shared by two connections, so there reads queue for
 * the one connection and every transaction commits by itself.
 */
import SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

export type Synchronous = 'FULL' | 'NORMAL' | 'OFF';

export interface GroupCommitOptions {
  /** A file path, or ':memory:'. */
  file: string;
  synchronous: Synchronous;
  /** Told the number of transactions each commit made durable (for metrics). */
  onCommit?: (transactions: number) => void;
}

/** A batch never holds more transactions than this, so one commit's latency stays bounded under any load. */
const MAX_BATCH = 128;
const STATEMENT_CACHE_SIZE = 500;
const SAVEPOINT = 'group_member';

/**
 * Kysely prepares every statement anew, and preparing was a tenth of the server's CPU under intake load. The
 * same SQL text gets the same prepared statement back (better-sqlite3 runs one statement at a time to
 * completion, and SQLite re-prepares by itself after a schema change). Emptied when full, since texts with
 * variable-length IN lists are many.
 */
class Statements {
  readonly #cache = new Map<string, SQLite.Statement>();
  constructor(readonly db: SQLite.Database) {}

  get(sql: string): SQLite.Statement {
    let stmt = this.#cache.get(sql);
    if (!stmt) {
      if (this.#cache.size >= STATEMENT_CACHE_SIZE) this.#cache.clear();
      stmt = this.db.prepare(sql);
      this.#cache.set(sql, stmt);
    }
    return stmt;
  }
}

function run(statements: Statements, query: CompiledQuery): QueryResult<unknown> {
  const stmt = statements.get(query.sql);
  const params = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(params) };
  const { changes, lastInsertRowid } = stmt.run(params);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

interface Member {
  resolve(): void;
  reject(e: unknown): void;
}

/** The one writing connection, its FIFO lock, and the batch currently open on it. */
class Writer {
  readonly statements: Statements;
  readonly #waiting: (() => void)[] = [];
  #locked = false;
  #batch: Member[] | null = null;
  #flushScheduled = false;

  constructor(
    readonly db: SQLite.Database,
    /** False for ':memory:': every transaction then commits on its own. */
    readonly grouping: boolean,
    private readonly onCommit: (transactions: number) => void = () => {},
  ) {
    this.statements = new Statements(db);
  }

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the connection straight to the next in line, so nothing can overtake the queue. */
  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#locked = false;
  }

  /** Opens the shared transaction if none is open, then the caller's savepoint. Caller holds the lock. */
  enter(): void {
    if (!this.#batch) {
      this.db.exec('BEGIN IMMEDIATE');
      this.#batch = [];
    }
    this.db.exec(`SAVEPOINT ${SAVEPOINT}`);
  }

  /** Keeps the caller's work in the batch; resolves once the batch is committed. Caller holds the lock. */
  keep(): Promise<void> {
    this.db.exec(`RELEASE ${SAVEPOINT}`);
    const batch = this.#batch!;
    const committed = new Promise<void>((resolve, reject) => batch.push({ resolve, reject }));
    if (!this.grouping || batch.length >= MAX_BATCH) this.commitBatch();
    else this.scheduleFlush();
    return committed;
  }

  /** Undoes the caller's work only. Caller holds the lock. */
  undo(): void {
    if (this.db.inTransaction) {
      this.db.exec(`ROLLBACK TO ${SAVEPOINT}`);
      this.db.exec(`RELEASE ${SAVEPOINT}`);
      if (!this.grouping) this.commitBatch();
      else this.scheduleFlush();
      return;
    }
    // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the work of every member of
    // the batch is gone, so none of them may be answered as done.
    const batch = this.#batch ?? [];
    this.#batch = null;
    const lost = new Error('写入失败，本批事务已回滚 (the shared transaction was rolled back by the database)');
    for (const m of batch) m.reject(lost);
  }

  /** Commits the open batch and settles its members. Caller holds the lock. */
  commitBatch(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = null;
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const m of batch) m.reject(e);
      return;
    }
    for (const m of batch) m.resolve();
    if (batch.length > 0) this.onCommit(batch.length);
  }

  /**
   * Commits after the transactions already queued for the connection have joined the batch: they line up
   * while a member runs (its statements are awaited), so under load a batch grows by itself, and when the
   * hall is quiet the commit follows at once.
   */
  scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(async () => {
      await this.lock();
      this.#flushScheduled = false;
      try {
        this.commitBatch();
      } finally {
        this.unlock();
      }
    });
  }
}

/** One caller's use of the database: a transaction on the writer, or single statements outside one. */
class Lease implements DatabaseConnection {
  inTransaction = false;

  constructor(
    private readonly writer: Writer,
    private readonly reader: Statements | null,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return run(this.writer.statements, query) as QueryResult<R>;
    const stmt = this.writer.statements.get(query.sql);
    // A PRAGMA speaks to the connection it runs on, which is the writer.
    if (stmt.readonly && !/^\s*pragma/i.test(query.sql)) {
      if (this.reader) return run(this.reader, query) as QueryResult<R>;
      await this.writer.lock();
      try {
        return run(this.writer.statements, query) as QueryResult<R>;
      } finally {
        this.writer.unlock();
      }
    }
    // A write outside a transaction is a transaction of one statement.
    await this.writer.lock();
    let result: QueryResult<R>;
    let committed: Promise<void>;
    try {
      this.writer.enter();
      try {
        result = run(this.writer.statements, query) as QueryResult<R>;
      } catch (e) {
        this.writer.undo();
        throw e;
      }
      committed = this.writer.keep();
    } finally {
      this.writer.unlock();
    }
    await committed;
    return result;
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; Kysely requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on SQLite here');
  }
}

class GroupCommitDriver implements Driver {
  #writer: Writer | null = null;
  #reader: Statements | null = null;

  constructor(private readonly opts: GroupCommitOptions) {}

  async init(): Promise<void> {
    const memory = this.opts.file === ':memory:';
    const db = new SQLite(this.opts.file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${this.opts.synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Freed space is zeroed, so an overwritten or deleted personal value leaves no old bytes in the file.
    db.pragma('secure_delete = ON');
    this.#writer = new Writer(db, !memory, this.opts.onCommit);
    if (!memory) {
      const reader = new SQLite(this.opts.file, { readonly: true });
      reader.pragma('busy_timeout = 5000');
      this.#reader = new Statements(reader);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Lease(this.#writer!, this.#reader);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const writer = this.#writer!;
    await writer.lock();
    try {
      writer.enter();
    } catch (e) {
      writer.unlock();
      throw e;
    }
    (connection as Lease).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const writer = this.#writer!;
    // From here the work belongs to the batch: a failed commit is not the caller's to roll back.
    (connection as Lease).inTransaction = false;
    let committed: Promise<void>;
    try {
      committed = writer.keep();
    } finally {
      // Released before the commit so that the transactions waiting now can join this batch.
      writer.unlock();
    }
    await committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const writer = this.#writer!;
    if (!(connection as Lease).inTransaction) return;
    (connection as Lease).inTransaction = false;
    try {
      writer.undo();
    } finally {
      writer.unlock();
    }
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const writer = this.#writer;
    if (!writer) return;
    await writer.lock();
    writer.commitBatch();
    this.#reader?.db.close();
    writer.db.close();
    this.#writer = null;
  }
}

export class GroupCommitSqliteDialect implements Dialect {
  constructor(private readonly opts: GroupCommitOptions) {}
  createDriver(): Driver {
    return new GroupCommitDriver(this.opts);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
