import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Db, Dialect } from './db/database.ts';

/** Something that happened on a hall floor, for the displays and pads watching that hall. */
export interface HallEvent {
  hallId: string;
  type: string;
  [key: string]: unknown;
}

export type HallListener = (event: HallEvent) => void;

/**
 * Fan-out of hall events to every app node: each node's displays subscribe locally, and a publish on any node
 * reaches all of them. Publish after the write commits, so no display shows what was rolled back.
 */
export interface HallEvents {
  publish(event: HallEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(hallId: string, listener: HallListener): () => void;
  close(): Promise<void>;
}

class LocalFanOut {
  private readonly emitter = new EventEmitter();
  constructor() {
    // Every display and pad of a hall is one listener; a busy hall has dozens.
    this.emitter.setMaxListeners(0);
  }
  emit(event: HallEvent) {
    this.emitter.emit(event.hallId, event);
  }
  subscribe(hallId: string, listener: HallListener): () => void {
    this.emitter.on(hallId, listener);
    return () => this.emitter.off(hallId, listener);
  }
  /** Tells every watched hall to reload its screen (after a gap in which events may have been missed). */
  resyncAll() {
    for (const hallId of this.emitter.eventNames()) this.emit({ hallId: String(hallId), type: 'resync' });
  }
}

/** One process (SQLite, or tests): an EventEmitter. */
export class InProcessHallEvents implements HallEvents {
  private readonly local = new LocalFanOut();
  async publish(event: HallEvent): Promise<void> {
    this.local.emit(event);
  }
  subscribe(hallId: string, listener: HallListener): () => void {
    return this.local.subscribe(hallId, listener);
  }
  async close(): Promise<void> {}
}

export const HALL_EVENTS_CHANNEL = 'ow_hall_events';

/**
 * Several app nodes on PostgreSQL: NOTIFY on a channel from any pooled connection; one dedicated client per
 * node LISTENs and hands each notification to that node's subscribers (its own publishes come back the same way,
 * so a call is delivered exactly once per node). The listener reconnects after a lost connection.
 */
export class PostgresHallEvents implements HallEvents {
  private readonly local = new LocalFanOut();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly connectionString: string,
    private readonly log?: Logger,
  ) {}

  /** Resolves once the node is listening; call before serving. */
  async start(): Promise<void> {
    const reconnecting = this.reconnectTimer !== null;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel !== HALL_EVENTS_CHANNEL || !msg.payload) return;
      try {
        this.local.emit(JSON.parse(msg.payload) as HallEvent);
      } catch (err) {
        this.log?.warn({ err }, 'unreadable hall event');
      }
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.scheduleReconnect(err);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${HALL_EVENTS_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    if (reconnecting) this.local.resyncAll();
  }

  private scheduleReconnect(err?: Error) {
    if (this.closed) return;
    this.log?.warn({ err }, 'hall event listener lost its connection; reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.start().catch((e: Error) => this.scheduleReconnect(e));
    }, 1000);
  }

  /**
   * Never fails the write it follows (that has committed already): a lost notification only delays a screen
   * until its next reload, so it is logged instead.
   */
  async publish(event: HallEvent): Promise<void> {
    try {
      // pg_notify takes the channel as a value, so nothing is spliced into SQL; payloads stay far below 8000 bytes.
      await sql`select pg_notify(${HALL_EVENTS_CHANNEL}, ${JSON.stringify(event)})`.execute(this.db);
    } catch (err) {
      this.log?.warn({ err, type: event.type }, 'hall event not published');
    }
  }

  subscribe(hallId: string, listener: HallListener): () => void {
    return this.local.subscribe(hallId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}

/** The implementation that fits the database: LISTEN/NOTIFY on PostgreSQL, in-process on SQLite. */
export async function openHallEvents(opts: {
  dialect: Dialect;
  db: Db;
  databaseUrl: string | null;
  log?: Logger;
}): Promise<HallEvents> {
  if (opts.dialect === 'postgres' && opts.databaseUrl) {
    const events = new PostgresHallEvents(opts.db, opts.databaseUrl, opts.log);
    await events.start();
    return events;
  }
  return new InProcessHallEvents();
}
