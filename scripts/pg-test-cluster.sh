# A throw-away PostgreSQL 15 cluster for the test suite (needs root, as on CI).
# Usage: source scripts/pg-test-cluster.sh; pg_test_cluster_start; ...; pg_test_cluster_stop
# pg_test_replica_start adds a streaming replica of it (PG_TEST_REPLICA_URL), for the read-replica test.
PG_TEST_CLUSTER=${PG_TEST_CLUSTER:-onewindow_test}
PG_TEST_PORT=${PG_TEST_PORT:-55432}
PG_TEST_DIR=${PG_TEST_DIR:-/tmp/onewindow-pg}
PG_TEST_REPLICA_PORT=${PG_TEST_REPLICA_PORT:-$((PG_TEST_PORT + 100))}
PG_TEST_REPLICA_DIR=${PG_TEST_REPLICA_DIR:-$PG_TEST_DIR-replica}
PG_BIN=/usr/lib/postgresql/15/bin

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
  # The suite may start a replica of this cluster (it is ours, and we are root).
  export PG_TEST_CLUSTER PG_TEST_PORT PG_TEST_DIR
}

pg_test_cluster_stop() {
  pg_test_replica_stop
  pg_dropcluster --stop 15 "$PG_TEST_CLUSTER" >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
}

# A hot standby of the test cluster, streaming from it: a base backup taken over the local socket (trusted), with
# a configuration of its own in its folder (Debian keeps the primary's under /etc).
pg_test_replica_start() {
  pg_test_replica_stop
  su postgres -c "$PG_BIN/pg_basebackup -h /var/run/postgresql -p $PG_TEST_PORT -D $PG_TEST_REPLICA_DIR -R -X stream -c fast"
  cat >"$PG_TEST_REPLICA_DIR/postgresql.conf" <<CONF
port = $PG_TEST_REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
hot_standby = on
fsync = off
max_connections = 200
CONF
  cp "/etc/postgresql/15/$PG_TEST_CLUSTER/pg_hba.conf" "$PG_TEST_REPLICA_DIR/pg_hba.conf"
  : >"$PG_TEST_REPLICA_DIR/pg_ident.conf"
  chown postgres:postgres "$PG_TEST_REPLICA_DIR"/*.conf
  su postgres -c "$PG_BIN/pg_ctl -D $PG_TEST_REPLICA_DIR -l $PG_TEST_REPLICA_DIR/server.log -w start" >/dev/null
  export PG_TEST_REPLICA_URL="postgresql://onewindow:onewindow@127.0.0.1:$PG_TEST_REPLICA_PORT/onewindow"
}

pg_test_replica_stop() {
  if [ -f "$PG_TEST_REPLICA_DIR/postmaster.pid" ]; then
    su postgres -c "$PG_BIN/pg_ctl -D $PG_TEST_REPLICA_DIR -m immediate -w stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_TEST_REPLICA_DIR"
}

# Pauses or resumes the replica's replay (as the superuser): what the test uses to hold the replica behind.
pg_test_replica_replay() {
  su postgres -c "psql -q -h /var/run/postgresql -p $PG_TEST_REPLICA_PORT -d postgres -c 'select pg_wal_replay_$1()'" >/dev/null
}
