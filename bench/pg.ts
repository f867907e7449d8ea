/** A throw-away PostgreSQL cluster of the bench's own (name, port, folder), and pgbench against it. */
import { execFileSync } from 'node:child_process';
import { ROOT } from './lib.ts';

export const PG_BENCH = {
  cluster: process.env.PG_BENCH_CLUSTER ?? 'onewindow_bench',
  port: Number(process.env.PG_BENCH_PORT ?? 55440),
  dir: process.env.PG_BENCH_DIR ?? '/tmp/onewindow-pg-bench',
};

const env = () => ({
  ...process.env,
  PG_TEST_CLUSTER: PG_BENCH.cluster,
  PG_TEST_PORT: String(PG_BENCH.port),
  PG_TEST_DIR: PG_BENCH.dir,
});

/** Starts the cluster the way scripts/pg-test-cluster.sh does; returns the onewindow database's URL. */
export function startCluster(): string {
  const out = execFileSync(
    'bash',
    ['-c', 'source scripts/pg-test-cluster.sh && pg_test_cluster_start >&2 && echo "$DATABASE_URL"'],
    {
      cwd: ROOT,
      env: env(),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const tcp = out.toString().trim().split('\n').pop() as string;
  // PG_BENCH_SOCKET=1: the server and pgbench reach the cluster over its Unix socket instead of loopback TCP.
  return process.env.PG_BENCH_SOCKET
    ? `postgresql://onewindow:onewindow@%2Fvar%2Frun%2Fpostgresql:${PG_BENCH.port}/onewindow`
    : tcp;
}

export function stopCluster() {
  execFileSync('bash', ['-c', 'source scripts/pg-test-cluster.sh && pg_test_cluster_stop'], {
    cwd: ROOT,
    env: env(),
    stdio: 'ignore',
  });
}

/** pgbench's TPC-B-like transactions per second with `clients` clients, on a database of its own. */
export function pgbench(clients: number, seconds: number): number {
  const pgEnv = { ...process.env, PGPASSWORD: 'onewindow' };
  const conn = [
    '-h',
    process.env.PG_BENCH_SOCKET ? '/var/run/postgresql' : '127.0.0.1',
    '-p',
    String(PG_BENCH.port),
    '-U',
    'onewindow',
  ];
  execFileSync('psql', [...conn, '-d', 'onewindow', '-q', '-c', 'CREATE DATABASE pgbench'], {
    env: pgEnv,
    stdio: 'ignore',
  });
  execFileSync('pgbench', ['-i', '-q', ...conn, 'pgbench'], { env: pgEnv, stdio: 'ignore' });
  const out = execFileSync('pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), ...conn, 'pgbench'], {
    env: pgEnv,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  const m = /tps = ([\d.]+)/.exec(out);
  if (!m) throw new Error(`pgbench printed no tps: ${out}`);
  return Number(m[1]);
}
