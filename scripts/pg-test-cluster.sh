# A throw-away PostgreSQL 15 cluster for the test suite (needs root, as on CI).
# Usage: source scripts/pg-test-cluster.sh; pg_test_cluster_start; ...; pg_test_cluster_stop
PG_TEST_CLUSTER=${PG_TEST_CLUSTER:-onewindow_test}
PG_TEST_PORT=${PG_TEST_PORT:-55432}
PG_TEST_DIR=${PG_TEST_DIR:-/tmp/onewindow-pg}

pg_test_cluster_start() {
  if pg_lsclusters -h 2>/dev/null | awk '{print $2}' | grep -qx "$PG_TEST_CLUSTER"; then
    pg_dropcluster --stop 15 "$PG_TEST_CLUSTER"
  fi
  rm -rf "$PG_TEST_DIR"
  pg_createcluster 15 "$PG_TEST_CLUSTER" -p "$PG_TEST_PORT" -d "$PG_TEST_DIR" -- \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  # Test databases are thrown away, so durability and vacuuming are not needed here; the product's own settings are untouched.
  pg_ctlcluster 15 "$PG_TEST_CLUSTER" start -o "-c fsync=off -c max_connections=200 -c autovacuum=off"
  su postgres -c "psql -q -p $PG_TEST_PORT -c \"CREATE ROLE onewindow LOGIN CREATEDB PASSWORD 'onewindow'\""
  su postgres -c "psql -q -p $PG_TEST_PORT -c \"CREATE DATABASE onewindow OWNER onewindow\""
  export DATABASE_URL="postgresql://onewindow:onewindow@127.0.0.1:$PG_TEST_PORT/onewindow"
}

pg_test_cluster_stop() {
  pg_dropcluster --stop 15 "$PG_TEST_CLUSTER" >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
}
