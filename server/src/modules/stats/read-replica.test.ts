/**
 * DATABASE_READ_URL: the whole-period figures are counted on a real streaming replica of the test cluster, while a
 * clerk's own work is read from the primary. The replica's replay is paused to tell the two apart: a case accepted
 * meanwhile is found by its clerk at once, and counts in 统计分析 once the replica has replayed it.
 * Runs in the PostgreSQL pass when the cluster is the suite's own (scripts/pg-test-cluster.sh exports its name);
 * the configuration rule runs everywhere.
 */
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/database.ts';
import { type ReplicaWatch, watchReplica } from '../../platform/db/replica.ts';
import { loadConfig } from '../../platform/config.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, receptionDesk } from '../../../test/intake-fixtures.ts';

describe('DATABASE_READ_URL', () => {
  it('is refused without a PostgreSQL primary, naming both variables', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgresql://replica/onewindow' })).toThrow(
      /DATABASE_READ_URL is set but DATABASE_URL is not/,
    );
    expect(loadConfig({}).databaseReadUrl).toBeNull();
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://primary/ow', DATABASE_READ_URL: 'postgresql://replica/ow' })
        .databaseReadUrl,
    ).toBe('postgresql://replica/ow');
  });
});

const ours = Boolean(process.env.DATABASE_URL && process.env.PG_TEST_CLUSTER);

/** Runs one of scripts/pg-test-cluster.sh's functions for the suite's cluster; prints what it exports, if asked. */
const cluster = (call: string) =>
  execFileSync('bash', ['-c', `source scripts/pg-test-cluster.sh && ${call}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();

describe.skipIf(!ours)('whole-period figures on a streaming replica', () => {
  let hall: TestHall;
  let clerk: Session;
  let head: Session;
  let hallId: string;
  let itemId: string;
  let windowId: string;
  let closeReplica = async () => {};
  let watch: ReplicaWatch;

  beforeAll(async () => {
    hall = await buildTestHall();
    clerk = await signedIn(hall.app, 'clerk');
    head = await signedIn(hall.app, 'head');
    ({ hallId, windowId, itemId } = await receptionDesk(head, 'RR-101'));
    // The replica starts from a base backup taken now, so it holds this test's database; the service reaches it
    // as the server does with DATABASE_READ_URL.
    const replicaUrl = new URL(cluster('pg_test_replica_start >&2 && echo "$PG_TEST_REPLICA_URL"'));
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(hall.ctx.db);
    replicaUrl.pathname = `/${rows[0]!.name}`;
    // The outage test stops the replica under the pool's idle connections; the server logs that, so does this.
    const replica = openDatabase({
      databaseUrl: replicaUrl.toString(),
      poolSize: 2,
      onConnectionLost: (err) => hall.ctx.log.warn({ err }, 'read-replica connection lost'),
    });
    // Checked by hand below (a long interval keeps the timer out of the way), as main.ts wires it.
    watch = watchReplica(
      replica.db,
      hall.ctx.log,
      (db) => {
        if (db) hall.ctx.figuresDb = db;
        else delete hall.ctx.figuresDb;
      },
      { intervalMs: 3_600_000 },
    );
    expect(await watch.check()).toBe(true);
    closeReplica = async () => {
      watch.stop();
      delete hall.ctx.figuresDb;
      await replica.close();
      cluster('pg_test_replica_stop');
    };
  }, 60_000);
  afterAll(async () => {
    await closeReplica();
    await hall?.close();
  });

  const received = async () =>
    json(await head.get(`/api/stats/overview?hallId=${hallId}&from=2026-03-01&to=2026-03-31`)).totals.received;
  /** Waits for the replica to replay what the primary has written (the figure to reach `n`). */
  const replayedTo = async (n: number) => {
    for (let i = 0; i < 100; i++) {
      if ((await received()) === n) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await received()).toBe(n);
  };

  it('counts from the replica: held behind, it does not see a new case that the primary already shows', async () => {
    const applicantId = await person(clerk, hallId);
    const accept = () =>
      clerk.post('/api/intake/acceptances', { itemId, applicantId, windowId, materials: complete() });
    const first = await accept();
    expect(first.statusCode, first.body).toBe(201);
    await replayedTo(1);

    cluster('pg_test_replica_replay pause');
    try {
      const second = json(await accept());
      // The clerk's lookup reads the primary: the new case is there at once.
      const found = json(await clerk.get(`/api/cases?q=${encodeURIComponent(second.caseNo)}`));
      expect(found.items.map((c: { id: string }) => c.id)).toEqual([second.id]);
      // 统计分析 reads the replica, whose replay is held: it still counts one.
      await new Promise((r) => setTimeout(r, 300));
      expect(await received()).toBe(1);
    } finally {
      cluster('pg_test_replica_replay resume');
    }
    await replayedTo(2);
  });

  it('a replica that goes down hands the figures back to the primary, which counts what the replica missed', async () => {
    const applicantId = await person(clerk, hallId);
    cluster('pg_test_replica_replay pause');
    const third = await clerk.post('/api/intake/acceptances', { itemId, applicantId, windowId, materials: complete() });
    expect(third.statusCode, third.body).toBe(201);
    expect(await received()).toBe(2);
    cluster('pg_test_replica_stop');
    expect(await watch.check()).toBe(false);
    expect(hall.ctx.figuresDb).toBeUndefined();
    expect(await received()).toBe(3);
  });
});
