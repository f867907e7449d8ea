/**
 * The read replica's health (DATABASE_READ_URL): the figures are counted there only while it answers and is not far
 * behind the primary. A replica that is down or lagging hands the figures back to the primary, with a warning in the
 * log, until it has caught up again — 统计分析 keeps working through a replica's outage.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from './database.ts';

export interface ReplicaWatch {
  /** Checks now; true when the replica may serve the figures. */
  check(): Promise<boolean>;
  stop(): void;
}

export interface ReplicaWatchOptions {
  /** How often the replica is asked (default 5 s). */
  intervalMs?: number;
  /** Replay lag beyond which the figures go back to the primary (default 30 s). */
  maxLagMs?: number;
}

/** Watches `replica` and calls `use(db)` with it while healthy, with null while not (the primary then serves). */
export function watchReplica(
  replica: Db,
  log: Logger,
  use: (db: Db | null) => void,
  { intervalMs = 5_000, maxLagMs = 30_000 }: ReplicaWatchOptions = {},
): ReplicaWatch {
  let healthy: boolean | null = null;
  const check = async () => {
    let ok = false;
    let lagMs: number | null = null;
    try {
      // Caught up when everything received is replayed; otherwise the age of the last replayed transaction.
      const { rows } = await sql<{ standby: boolean; caught_up: boolean | null; lag_ms: number | string | null }>`
        select pg_is_in_recovery() as standby,
               pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() as caught_up,
               extract(epoch from (now() - pg_last_xact_replay_timestamp())) * 1000 as lag_ms`.execute(replica);
      const r = rows[0];
      lagMs = r?.caught_up ? 0 : r?.lag_ms === null || r?.lag_ms === undefined ? null : Number(r.lag_ms);
      ok = Boolean(r?.standby) && lagMs !== null && lagMs <= maxLagMs;
    } catch (err) {
      log.debug({ err }, 'read replica check failed');
    }
    if (ok !== healthy) {
      if (ok) log.info({ lagMs }, 'read replica serves the figures');
      else log.warn({ lagMs }, 'read replica down, behind or not a standby: the figures are counted on the primary');
      healthy = ok;
      use(ok ? replica : null);
    }
    return ok;
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void check().finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
